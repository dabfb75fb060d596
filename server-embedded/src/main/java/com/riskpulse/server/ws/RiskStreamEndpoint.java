package com.riskpulse.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.TokenService;
import com.riskpulse.server.stream.ClientChannel;
import com.riskpulse.server.stream.RiskStreamHub;
import com.riskpulse.server.stream.Subscription;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code /ws/risk-stream}: authenticates a client, then hands it to the {@link RiskStreamHub}.
 *
 * <p>The token is given either as a query parameter ({@code /ws/risk-stream?token=...}) or, for clients
 * that cannot set one (the original system's JavaScript example opens the socket bare), in the first
 * message: {@code {"type":"auth","token":"..."}} within {@link #AUTH_TIMEOUT}. A missing, invalid or
 * expired token closes the connection with code 1008; no data is sent before authentication.
 */
public final class RiskStreamEndpoint implements AutoCloseable {

    static final Duration AUTH_TIMEOUT = Duration.ofSeconds(10);
    static final int POLICY_VIOLATION = 1008;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RiskStreamHub hub;
    private final TokenService tokens;
    private final Map<String, JettyClientChannel> authenticated = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("riskpulse-ws-auth").unstarted(r));

    public RiskStreamEndpoint(RiskStreamHub hub, TokenService tokens) {
        this.hub = hub;
        this.tokens = tokens;
    }

    /** Configures the WebSocket route's handlers. */
    public void configure(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onMessage(this::message);
        ws.onClose(this::closed);
        ws.onError(ctx -> disconnect(ctx));
    }

    private void connected(WsConnectContext ctx) {
        ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
        String token = ctx.queryParam("token");
        if (token != null) {
            authenticate(ctx, token);
            return;
        }
        ctx.send("{\"type\":\"auth_required\",\"message\":\"send {\\\"type\\\":\\\"auth\\\",\\\"token\\\":\\\"<access_token>\\\"} "
                + "or connect with ?token=<access_token>\"}");
        timeouts.schedule(() -> {
            if (!authenticated.containsKey(ctx.sessionId())) ctx.closeSession(POLICY_VIOLATION, "authentication required");
        }, AUTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void message(WsMessageContext ctx) {
        JettyClientChannel channel = authenticated.get(ctx.sessionId());
        if (channel != null) {
            hub.onMessage(channel, ctx.message());
            return;
        }
        String token = null;
        try {
            JsonNode node = JSON.readTree(ctx.message());
            if (node != null && "auth".equals(node.path("type").asText()) && node.path("token").isTextual()) {
                token = node.get("token").asText();
            }
        } catch (Exception malformed) {
            // not JSON: treated as a missing token below
        }
        if (token == null) {
            ctx.closeSession(POLICY_VIOLATION, "authentication required: the first message must be {\"type\":\"auth\",\"token\":...}");
            return;
        }
        authenticate(ctx, token);
    }

    private void authenticate(WsContext ctx, String token) {
        switch (tokens.verify(token)) {
            case TokenService.Valid valid -> {
                Actor actor = new Actor(valid.actor().userId(), valid.actor().username(), valid.actor().role(), Origin.API);
                JettyClientChannel channel = new JettyClientChannel(ctx.session, ctx.sessionId());
                authenticated.put(ctx.sessionId(), channel);
                hub.connect(channel, actor, Subscription.DEFAULT);
            }
            case TokenService.Invalid invalid -> ctx.closeSession(POLICY_VIOLATION, "invalid token: " + invalid.message());
        }
    }

    private void closed(WsCloseContext ctx) {
        disconnect(ctx);
    }

    private void disconnect(WsContext ctx) {
        ClientChannel channel = authenticated.remove(ctx.sessionId());
        if (channel != null) hub.disconnect(channel);
    }

    /** Connected, authenticated clients. */
    public int clients() {
        return authenticated.size();
    }

    @Override
    public void close() {
        timeouts.shutdownNow();
    }
}

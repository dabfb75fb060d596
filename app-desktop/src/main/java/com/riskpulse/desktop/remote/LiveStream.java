package com.riskpulse.desktop.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.api.LiveAssessment;
import com.riskpulse.engine.api.LiveStats;
import com.riskpulse.engine.client.ConnectionState;
import com.riskpulse.engine.client.LiveListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The live half of {@link RemoteRiskClient}: one {@code /ws/risk-stream} connection delivering to one
 * {@link LiveListener}. It subscribes to everything ({@code min_level: low}, which also asks for the assessments under
 * the live-feed floor), reports {@link ConnectionState#CONNECTED} once the server confirms the subscription, and after
 * a drop (server stopped, network error, abnormal close) reconnects with a doubling backoff, reporting
 * {@link ConnectionState#RECONNECTING} with the reason each time. A close for policy violation (1008: the token is
 * invalid or expired) ends it with {@link ConnectionState#DISCONNECTED} and the server's reason, as does {@link #close()}.
 */
final class LiveStream implements AutoCloseable {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    static final String SUBSCRIBE = "{\"type\":\"subscribe\",\"min_level\":\"low\"}";
    private static final int POLICY_VIOLATION = 1008;
    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    private final URI endpoint;
    private final HttpClient http;
    private final Duration connectTimeout;
    private final Supplier<String> token;
    private final LiveListener listener;
    private final ScheduledExecutorService timer;
    private final Consumer<LiveStream> onEnd;

    // guarded by this
    private ConnectionState state = ConnectionState.RECONNECTING;
    private boolean ended;
    private int generation;
    private long backoffMillis = FIRST_BACKOFF.toMillis();
    private WebSocket socket;
    private ScheduledFuture<?> retry;

    /**
     * @param wsBase  {@code ws://host:port} or {@code wss://...}, no trailing slash
     * @param token   the current access token (read on every (re)connect)
     * @param onEnd   told once when this stream ends for good (closed or refused)
     */
    LiveStream(String wsBase, HttpClient http, Duration connectTimeout, Supplier<String> token, LiveListener listener,
               ScheduledExecutorService timer, Consumer<LiveStream> onEnd) {
        this.endpoint = URI.create(wsBase + "/ws/risk-stream");
        this.http = http;
        this.connectTimeout = connectTimeout;
        this.token = token;
        this.listener = listener;
        this.timer = timer;
        this.onEnd = onEnd;
    }

    synchronized ConnectionState state() {
        return state;
    }

    /** Opens the connection (asynchronously): the listener hears CONNECTED, or RECONNECTING with why not. */
    synchronized void start() {
        connect();
    }

    private synchronized void connect() {
        if (ended) return;
        retry = null;
        int attempt = ++generation;
        String bearer = token.get();
        if (bearer == null) {
            end("logged out");
            return;
        }
        URI uri = URI.create(endpoint + "?token=" + URLEncoder.encode(bearer, StandardCharsets.UTF_8));
        http.newWebSocketBuilder().connectTimeout(connectTimeout).buildAsync(uri, new Reader(attempt))
                .whenComplete((ws, failure) -> {
                    if (failure != null) dropped(attempt, "cannot connect to " + endpoint + ": " + reason(failure));
                    else opened(attempt, ws);
                });
    }

    private synchronized void opened(int attempt, WebSocket ws) {
        if (attempt != generation || ended) {
            ws.abort();
            return;
        }
        socket = ws;
        ws.sendText(SUBSCRIBE, true);
    }

    /** The server confirmed the subscription: the stream flows. */
    private synchronized void subscribed(int attempt) {
        if (attempt != generation || ended) return;
        backoffMillis = FIRST_BACKOFF.toMillis();
        report(ConnectionState.CONNECTED, endpoint.toString());
    }

    /** The connection failed or closed without being asked to: try again after the backoff. */
    private synchronized void dropped(int attempt, String why) {
        if (attempt != generation || ended) return;
        generation++; // a second report of the same drop (onClose then onError) must not schedule a second retry
        socket = null;
        long delay = backoffMillis;
        backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
        report(ConnectionState.RECONNECTING, why + "; retrying in " + delay + " ms");
        retry = timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** The server refused this session for good (1008): no reconnect loop. */
    private synchronized void refused(int attempt, String why) {
        if (attempt != generation || ended) return;
        socket = null;
        end(why);
    }

    @Override
    public void close() {
        end("closed");
    }

    /** Ends the stream for good (idempotent): no more reconnects, the listener hears DISCONNECTED once. */
    synchronized void end(String why) {
        if (ended) return;
        ended = true;
        generation++;
        if (retry != null) retry.cancel(false);
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, why).whenComplete((x, failure) -> ws.abort());
        }
        report(ConnectionState.DISCONNECTED, why);
        onEnd.accept(this);
    }

    private void report(ConnectionState next, String detail) {
        state = next;
        try {
            listener.onConnection(next, detail);
        } catch (RuntimeException e) {
            log.warn("live listener failed on a connection change", e);
        }
    }

    private static String reason(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String message = t.getMessage();
        String kind = t instanceof java.net.ConnectException ? "connection refused"
                : t instanceof java.net.http.HttpTimeoutException ? "timed out" : t.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + " (" + message + ")";
    }

    /** One connection attempt's WebSocket listener; whatever an older attempt's socket says is ignored. */
    private final class Reader implements WebSocket.Listener {

        private final int attempt;
        private final StringBuilder partial = new StringBuilder();

        Reader(int attempt) {
            this.attempt = attempt;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    dispatch(text);
                } catch (Exception e) { // a malformed message or a failing listener must not stop the reader
                    log.warn("live message not understood or listener failed: {}", abbreviate(text), e);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            String why = "the server closed the live stream (" + statusCode + (reason == null || reason.isBlank() ? "" : ": " + reason) + ")";
            if (statusCode == POLICY_VIOLATION) refused(attempt, reason == null || reason.isBlank() ? why : reason);
            else dropped(attempt, why);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            dropped(attempt, "live stream lost: " + reason(error));
        }

        private void dispatch(String text) throws com.fasterxml.jackson.core.JsonProcessingException {
            JsonNode message = HttpApi.JSON.readTree(text);
            if (attempt != generationNow()) return;
            switch (message.path("type").asText()) {
                case "assessment" -> listener.onAssessment(HttpApi.JSON.treeToValue(message.get("data"), LiveAssessment.class));
                case "alert" -> listener.onAlert(message.path("change").asText(),
                        HttpApi.JSON.treeToValue(message.get("data"), AlertView.class));
                case "stats" -> listener.onStats(HttpApi.JSON.treeToValue(message.get("data"), LiveStats.class));
                case "dropped" -> listener.onDropped(message.path("count").asLong());
                case "subscribed" -> subscribed(attempt);
                case "error" -> log.warn("live stream refused a message: {} {}", message.path("code").asText(),
                        message.path("message").asText());
                default -> log.debug("live message ignored: {}", abbreviate(text));
            }
        }
    }

    private synchronized int generationNow() {
        return generation;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}

package com.riskpulse.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.riskpulse.server.http.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client (java.net.http) that collects the JSON messages it receives; a stalled one stops reading. */
final class WsClient implements WebSocket.Listener {

    final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final boolean stalled;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private WsClient(boolean stalled) {
        this.stalled = stalled;
    }

    static WsClient connect(int port, String query, boolean stalled) throws Exception {
        WsClient client = new WsClient(stalled);
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/risk-stream" + query), client).get(10, TimeUnit.SECONDS);
        return client;
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    List<JsonNode> ofType(String type) {
        return messages.stream().filter(m -> type.equals(m.path("type").asText())).toList();
    }

    void close() {
        socket.abort();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(Json.tree(partial.toString()));
            partial.setLength(0);
        }
        if (!stalled) webSocket.request(1); // a stalled client reads one message and then nothing more
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}

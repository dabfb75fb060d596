package com.riskpulse.server.stream;

/**
 * One live client of {@code /ws/risk-stream}, as the hub sees it: the server wraps a WebSocket session in
 * it, so the hub knows nothing of Javalin or Jetty.
 *
 * <p>The hub calls {@link #trySend} from the client's own sender thread, one call at a time. It should hand
 * the text to an asynchronous send and return at once; it answers {@code false} when it cannot take the
 * text now (its own outbound queue is over its limit, or the session is closed) and the hub retries later.
 * A channel that blocks only holds up its own client, which the hub disconnects once stuck beyond its limit.
 */
public interface ClientChannel {

    /** A stable id, unique among connected clients (for example the WebSocket session id). */
    String id();

    /** Hands one text frame to the transport; false when it cannot be taken now. Must not throw for a closed session. */
    boolean trySend(String text);

    /** Closes the connection with a WebSocket close code (1008 policy, 1013 try again later) and a reason. */
    void close(int code, String reason);
}

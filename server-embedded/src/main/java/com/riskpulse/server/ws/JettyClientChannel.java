package com.riskpulse.server.ws;

import com.riskpulse.server.stream.ClientChannel;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket session as the hub's {@link ClientChannel}: sends are asynchronous, and at most
 * {@link #MAX_IN_FLIGHT} may be outstanding, so a client that reads slowly shows up as refused sends
 * (the hub then coalesces and, if it lasts, disconnects) instead of growing Jetty's queue without bound.
 */
final class JettyClientChannel implements ClientChannel {

    static final int MAX_IN_FLIGHT = 64;

    private final Session session;
    private final String id;
    private final AtomicInteger inFlight = new AtomicInteger();

    JettyClientChannel(Session session, String id) {
        this.session = session;
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean trySend(String text) {
        if (!session.isOpen() || inFlight.get() >= MAX_IN_FLIGHT) return false;
        inFlight.incrementAndGet();
        try {
            session.sendText(text, Callback.from(inFlight::decrementAndGet, failure -> inFlight.decrementAndGet()));
            return true;
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            return false;
        }
    }

    @Override
    public void close(int code, String reason) {
        if (session.isOpen()) session.close(code, reason, Callback.NOOP);
    }
}

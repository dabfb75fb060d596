package com.riskpulse.server.stream;

import com.riskpulse.engine.auth.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * One connected client: its subscription, its bounded buffer and its own sender (a virtual thread), which
 * drains the buffer into the channel. A channel that blocks or refuses holds up only this sender; the hub's
 * watchdog reads {@link #stuckNanos} and disconnects it past the limit.
 */
final class ClientSession {

    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long RETRY_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long NONE = 0;

    final ClientChannel channel;
    final Actor actor;
    private volatile Subscription subscription;
    private final OutboundBuffer buffer;
    private final LongFunction<String> droppedNotice;
    private final LongAdder hubSent;
    private final LongAdder hubDropped;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private volatile Thread sender;
    /** When the trySend in progress started; NONE when none is. */
    private volatile long sendingSince = NONE;
    /** When trySend first refused without a success since; NONE when the last one succeeded. */
    private volatile long refusingSince = NONE;

    ClientSession(ClientChannel channel, Actor actor, Subscription subscription, int bufferCapacity,
                  LongFunction<String> droppedNotice, LongAdder hubSent, LongAdder hubDropped) {
        this.channel = channel;
        this.actor = actor;
        this.subscription = subscription;
        this.buffer = new OutboundBuffer(bufferCapacity);
        this.droppedNotice = droppedNotice;
        this.hubSent = hubSent;
        this.hubDropped = hubDropped;
    }

    void start() {
        sender = Thread.ofVirtual().name("risk-stream-" + channel.id()).start(this::drain);
    }

    Subscription subscription() {
        return subscription;
    }

    void subscribe(Subscription s) {
        subscription = s;
    }

    boolean isOpen() {
        return open.get();
    }

    /** Queues a message without waiting; called from pipeline, alert and Jetty threads. */
    void enqueue(String key, String text) {
        if (!open.get()) return;
        int dropped = buffer.offer(key, text, System.nanoTime());
        if (dropped > 0) hubDropped.add(dropped);
        Thread t = sender;
        if (t != null) LockSupport.unpark(t);
    }

    /** How long this client has been unable to take messages at {@code now}: 0 when it keeps up. */
    long stuckNanos(long now) {
        long since = Long.MAX_VALUE;
        long sending = sendingSince;
        long refusing = refusingSince;
        long full = buffer.fullSinceNanos();
        if (sending != NONE) since = Math.min(since, sending);
        if (refusing != NONE) since = Math.min(since, refusing);
        if (full != OutboundBuffer.NOT_FULL) since = Math.min(since, full);
        return since == Long.MAX_VALUE ? 0 : Math.max(0, now - since);
    }

    int queued() {
        return buffer.size();
    }

    /** Stops the sender; with a code, also closes the channel (off the caller's thread: a close may block). */
    boolean stop(int code, String reason) {
        if (!open.compareAndSet(true, false)) return false;
        Thread t = sender;
        if (t != null) t.interrupt();
        if (code > 0) {
            Thread.ofVirtual().start(() -> {
                try {
                    channel.close(code, reason);
                } catch (RuntimeException e) {
                    log.debug("closing client {} failed", channel.id(), e);
                }
            });
        }
        return true;
    }

    private void drain() {
        String pending = null;
        while (open.get()) {
            if (pending == null) pending = buffer.poll();
            if (pending == null) {
                long dropped = buffer.takeDroppedWhenEmpty();
                if (dropped > 0) {
                    pending = droppedNotice.apply(dropped);
                } else {
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                    continue;
                }
            }
            if (send(pending)) {
                pending = null;
            } else {
                LockSupport.parkNanos(this, RETRY_PARK_NANOS);
            }
        }
    }

    private boolean send(String text) {
        long start = System.nanoTime();
        sendingSince = start == NONE ? 1 : start;
        boolean sent;
        try {
            sent = channel.trySend(text);
        } catch (RuntimeException e) {
            log.debug("client {} refused a message", channel.id(), e);
            sent = false;
        } finally {
            sendingSince = NONE;
        }
        if (sent) {
            refusingSince = NONE;
            hubSent.increment();
        } else if (refusingSince == NONE) {
            refusingSince = start == NONE ? 1 : start;
        }
        return sent;
    }
}

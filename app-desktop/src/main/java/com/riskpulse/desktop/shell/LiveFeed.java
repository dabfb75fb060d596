package com.riskpulse.desktop.shell;

import com.riskpulse.desktop.fx.FrameBatcher;
import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.api.LiveAssessment;
import com.riskpulse.engine.api.LiveStats;
import com.riskpulse.engine.client.ConnectionState;
import com.riskpulse.engine.client.LiveListener;
import com.riskpulse.engine.client.RiskClient;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The console's one subscription to the live stream, shared by every screen: the client's threads only queue
 * updates; once per frame the whole batch goes to each registered consumer on the FX thread. Screens never
 * subscribe to the client themselves, so 5,000 events/s cost one queue, not one per screen.
 */
public final class LiveFeed implements LiveListener, AutoCloseable {

    /** Updates kept between two frames at most: a few seconds' worth at 5,000 events/s. */
    public static final int CAPACITY = 20_000;

    private final RiskClient client;
    private final FrameBatcher<LiveUpdate> batcher;
    private final CopyOnWriteArrayList<Consumer<List<LiveUpdate>>> consumers = new CopyOnWriteArrayList<>();
    private AutoCloseable subscription;

    public LiveFeed(RiskClient client) {
        this.client = client;
        this.batcher = new FrameBatcher<>(CAPACITY, this::deliver);
    }

    /** Adds a screen's consumer (FX thread, one list per frame); closing the answer removes it. */
    public AutoCloseable register(Consumer<List<LiveUpdate>> consumer) {
        consumers.add(consumer);
        return () -> consumers.remove(consumer);
    }

    /**
     * Subscribes to the client (may block while a remote client connects: call it off the FX thread when remote) and,
     * when {@code perFrame}, flushes once per animation frame (then call it on the FX thread, or use
     * {@link #startFrames()} there afterwards).
     */
    public LiveFeed start(boolean perFrame) {
        subscription = client.subscribe(this);
        if (perFrame) batcher.start();
        return this;
    }

    /** Starts flushing once per animation frame; on the FX thread. */
    public void startFrames() {
        batcher.start();
    }

    /** Delivers what is queued now, on the calling thread (tests without a toolkit). */
    public void flush() {
        batcher.flush();
    }

    public long dropped() {
        return batcher.dropped();
    }

    private void deliver(List<LiveUpdate> batch) {
        for (Consumer<List<LiveUpdate>> c : consumers) c.accept(batch);
    }

    @Override
    public void onAssessment(LiveAssessment assessment) {
        batcher.offer(new LiveUpdate.Scored(assessment, System.nanoTime()));
    }

    @Override
    public void onAlert(String change, AlertView alert) {
        batcher.offer(new LiveUpdate.AlertChanged(change, alert));
    }

    @Override
    public void onStats(LiveStats stats) {
        batcher.offer(new LiveUpdate.Stats(stats));
    }

    @Override
    public void onDropped(long count) {
        batcher.offer(new LiveUpdate.Dropped(count));
    }

    @Override
    public void onConnection(ConnectionState state, String detail) {
        batcher.offer(new LiveUpdate.Connection(state, detail));
    }

    @Override
    public void close() {
        batcher.stop();
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close the live subscription", e);
            }
            subscription = null;
        }
    }
}

package com.riskpulse.desktop.fx;

import javafx.animation.AnimationTimer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The one adapter between the live stream's threads and the UI: items are queued from any thread without locks and
 * handed to the consumer as one list per animation frame (never one {@code Platform.runLater} per event). When the
 * UI falls behind, the queue is bounded: the oldest items are dropped and counted, so a burst cannot grow memory
 * or delay the screen by more than one frame's worth. Without a toolkit (view-model tests), call {@link #flush()}.
 */
public final class FrameBatcher<T> {

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private final Consumer<List<T>> consumer;
    private final LongAdder dropped = new LongAdder();
    private AnimationTimer timer;

    /** @param capacity items kept between two frames at most; older ones are dropped beyond it */
    public FrameBatcher(int capacity, Consumer<List<T>> consumer) {
        this.capacity = capacity;
        this.consumer = consumer;
    }

    /** Any thread. */
    public void offer(T item) {
        queue.offer(item);
        if (size.incrementAndGet() > capacity && queue.poll() != null) {
            size.decrementAndGet();
            dropped.increment();
        }
    }

    /** Hands everything queued to the consumer, on the calling thread (the FX thread once started). */
    public void flush() {
        int n = size.get();
        if (n == 0) return;
        List<T> batch = new ArrayList<>(n);
        T item;
        while (batch.size() < n && (item = queue.poll()) != null) {
            batch.add(item);
            size.decrementAndGet();
        }
        if (!batch.isEmpty()) consumer.accept(batch);
    }

    /** Starts flushing once per frame; call on the FX thread. */
    public void start() {
        if (timer != null) return;
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                flush();
            }
        };
        timer.start();
    }

    public void stop() {
        if (timer != null) timer.stop();
        timer = null;
    }

    /** Items dropped because the UI fell more than {@code capacity} behind. */
    public long dropped() {
        return dropped.sum();
    }
}

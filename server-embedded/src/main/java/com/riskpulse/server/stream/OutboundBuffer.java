package com.riskpulse.server.stream;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One client's bounded queue of serialised messages. Offering never waits for the client: the lock guards a
 * few O(1) steps and is never held across I/O. When full, a message replaces the queued one with the same key
 * (the newest assessment per entity, the newest change per alert) or else evicts the oldest; either way one
 * message is counted as dropped, to be reported in a {@code dropped} notice once the client catches up.
 */
final class OutboundBuffer {

    static final long NOT_FULL = Long.MIN_VALUE;

    private static final class Entry {
        final String key;
        String text;

        Entry(String key, String text) {
            this.key = key;
            this.text = text;
        }
    }

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Entry> queue;
    private final Map<String, Entry> newestByKey = new HashMap<>();
    private long droppedSinceNotice;
    private long fullSinceNanos = NOT_FULL;

    OutboundBuffer(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        this.capacity = capacity;
        this.queue = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** Queues {@code text} under {@code key} (null: never coalesced); answers how many messages were dropped (0 or 1). */
    int offer(String key, String text, long nowNanos) {
        lock.lock();
        try {
            if (queue.size() < capacity) {
                add(key, text);
                return 0;
            }
            if (fullSinceNanos == NOT_FULL) fullSinceNanos = nowNanos;
            droppedSinceNotice++;
            Entry same = key == null ? null : newestByKey.get(key);
            if (same != null) {
                same.text = text;
            } else {
                forget(queue.pollFirst());
                add(key, text);
            }
            return 1;
        } finally {
            lock.unlock();
        }
    }

    /** The oldest queued message, or null. */
    String poll() {
        lock.lock();
        try {
            Entry e = queue.pollFirst();
            if (e == null) return null;
            forget(e);
            fullSinceNanos = NOT_FULL;
            return e.text;
        } finally {
            lock.unlock();
        }
    }

    /** Messages dropped since the last call, once the queue is empty (the client caught up); else 0. */
    long takeDroppedWhenEmpty() {
        lock.lock();
        try {
            if (!queue.isEmpty()) return 0;
            long dropped = droppedSinceNotice;
            droppedSinceNotice = 0;
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Since when the queue has been full without the client taking anything, or {@link #NOT_FULL}. */
    long fullSinceNanos() {
        lock.lock();
        try {
            return fullSinceNanos;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private void add(String key, String text) {
        Entry e = new Entry(key, text);
        queue.addLast(e);
        if (key != null) newestByKey.put(key, e);
    }

    private void forget(Entry e) {
        if (e != null && e.key != null) newestByKey.remove(e.key, e);
    }
}

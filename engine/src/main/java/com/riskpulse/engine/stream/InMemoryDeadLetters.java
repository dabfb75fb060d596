package com.riskpulse.engine.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Keeps the newest dead letters in memory (bounded), counting all: for tests and for runs without storage. */
public final class InMemoryDeadLetters implements DeadLetters {

    private final int capacity;
    private final ArrayDeque<DeadLetter> letters = new ArrayDeque<>();
    private long count;

    public InMemoryDeadLetters(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized void store(DeadLetter letter) {
        if (letters.size() == capacity) letters.removeFirst();
        letters.addLast(letter);
        count++;
    }

    @Override
    public synchronized List<DeadLetter> latest(int limit) {
        List<DeadLetter> out = new ArrayList<>(Math.min(limit, letters.size()));
        for (Iterator<DeadLetter> it = letters.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            out.add(it.next());
        }
        return out;
    }

    @Override
    public synchronized long count() {
        return count;
    }
}

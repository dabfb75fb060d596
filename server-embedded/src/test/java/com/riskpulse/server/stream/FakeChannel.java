package com.riskpulse.server.stream;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A channel that records what it is sent; it can refuse (stall) or block until released. */
final class FakeChannel implements ClientChannel {

    enum Mode { ACCEPT, REFUSE, BLOCK }

    private final String id;
    private volatile Mode mode;
    private final CountDownLatch release = new CountDownLatch(1);
    final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    final AtomicInteger closeCode = new AtomicInteger();
    volatile String closeReason;

    FakeChannel(String id, Mode mode) {
        this.id = id;
        this.mode = mode;
    }

    static FakeChannel fast(String id) {
        return new FakeChannel(id, Mode.ACCEPT);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean trySend(String text) {
        if (mode == Mode.BLOCK) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (mode == Mode.REFUSE) return false;
        received.add(text);
        return true;
    }

    @Override
    public void close(int code, String reason) {
        closeReason = reason;
        closeCode.set(code);
    }

    /** Starts accepting again. */
    void recover() {
        mode = Mode.ACCEPT;
        release.countDown();
    }

    /** Messages of this type received, without parsing them. */
    long count(String type) {
        String prefix = "{\"type\":\"" + type + "\"";
        return received.stream().filter(text -> text.startsWith(prefix)).count();
    }

    List<JsonNode> messages() {
        return received.stream().map(StreamFixtures::parse).toList();
    }

    List<JsonNode> messagesOfType(String type) {
        return messages().stream().filter(m -> m.path("type").asText().equals(type)).toList();
    }
}

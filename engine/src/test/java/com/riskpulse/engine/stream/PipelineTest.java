package com.riskpulse.engine.stream;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.AssessmentIds;
import com.riskpulse.engine.event.EventJson;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.ParseResult;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.feature.Feature;
import com.riskpulse.engine.score.LiveScoringModel;
import com.riskpulse.engine.score.ScoringConfig;
import com.riskpulse.engine.testing.InMemoryAssessments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PipelineTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private final InMemoryAssessments storage = new InMemoryAssessments();
    private final InMemoryDeadLetters deadLetters = new InMemoryDeadLetters(100);
    private Pipeline pipeline;

    @AfterEach
    void stop() throws InterruptedException {
        if (pipeline != null) pipeline.close();
    }

    private Pipeline start(PipelineSettings settings, com.riskpulse.engine.assessment.Assessments store) {
        pipeline = Pipeline.start(settings, new LiveScoringModel(ScoringConfig.defaults()), new AssessmentIds(1), store,
                deadLetters, null, Clock.systemUTC());
        return pipeline;
    }

    private static RiskEvent event(int i, String entity) {
        return RiskEvent.builder("e-" + i, entity, T0.plusMillis(100L * i), EventType.PAYMENT).amount(10 + i % 7).country("DE").build();
    }

    /** A source that emits the given events and returns. */
    private static EventSource listSource(List<RiskEvent> events) {
        return new EventSource() {
            public String name() { return "list"; }
            public void run(SourceContext ctx) throws InterruptedException {
                for (RiskEvent e : events) ctx.emit(e);
            }
        };
    }

    @Test
    void everyEventIsScoredAndStoredOnceAndEachEntityInOrder() throws Exception {
        List<RiskEvent> events = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) events.add(event(i, "acct-" + (i % 37)));
        start(PipelineSettings.defaults().withPartitions(4), storage).addSource(listSource(events)).join();
        pipeline.close();

        assertThat(storage.count()).isEqualTo(5_000);
        assertThat(pipeline.stats().inFlight()).isZero();
        // one writer per entity: its 24-hour count rises by one with every event, in event order
        Map<String, List<Assessment>> byEntity = storage.all().stream().collect(Collectors.groupingBy(Assessment::entityId));
        byEntity.values().forEach(list -> {
            list.sort(Comparator.comparing(a -> a.event().timestamp()));
            for (int i = 0; i < list.size(); i++) {
                assertThat(list.get(i).features().get(Feature.COUNT_24H)).isEqualTo(i + 1);
            }
        });
    }

    @Test
    void stalledStorageSlowsTheSourceAndKeepsMemoryBounded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        InMemoryAssessments stalled = new InMemoryAssessments() {
            @Override
            public StoreOutcome storeAll(List<Assessment> batch) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.storeAll(batch);
            }
        };
        PipelineSettings small = PipelineSettings.defaults().withPartitions(2).withQueues(100, 200, 50);
        start(small, stalled);
        AtomicLong emitted = new AtomicLong();
        Thread source = pipeline.addSource(new EventSource() {
            public String name() { return "endless"; }
            public void run(SourceContext ctx) throws InterruptedException {
                for (int i = 0; ctx.running() && i < 1_000_000; i++) {
                    ctx.emit(event(i, "acct-" + (i % 50)));
                    emitted.incrementAndGet();
                }
            }
        });

        // the source gets only as far as the queues hold, then waits: partition queues, the store queue,
        // one batch in each writer's hands, one drained batch in each worker's hands, one in the source's
        long bound = small.partitions() * 100L + 200 + small.storeWriters() * 50L + small.partitions() * 256L + 1;
        await().atMost(Duration.ofSeconds(10)).until(() -> source.getState() == Thread.State.WAITING);
        long stalledAt = emitted.get();
        Thread.sleep(300);
        assertThat(emitted.get()).isEqualTo(stalledAt).isLessThanOrEqualTo(bound);
        assertThat(pipeline.stats().partitionQueued()).isLessThanOrEqualTo(200);

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> emitted.get() > 10 * bound);
        pipeline.close();
        assertThat(stalled.count()).isEqualTo(emitted.get());
    }

    @Test
    void malformedInputBecomesADeadLetterAndTheStreamGoesOn() throws Exception {
        start(PipelineSettings.defaults(), storage);
        ParseResult bad = pipeline.submitJson("test", "{\"event_id\":\"e-1\",\"entity_id\":\"a\",\"type\":\"PAYMENT\"}");
        ParseResult good = pipeline.submitJson("test",
                "{\"event_id\":\"e-2\",\"entity_id\":\"a\",\"type\":\"PAYMENT\",\"timestamp\":\"2026-11-26T10:15:30Z\",\"amount\":5}");
        pipeline.close();

        assertThat(bad).isInstanceOfSatisfying(ParseResult.Rejected.class,
                r -> assertThat(r.rejection().field()).isEqualTo("timestamp"));
        assertThat(good).isInstanceOf(ParseResult.Accepted.class);
        assertThat(deadLetters.latest(10)).singleElement()
                .satisfies(d -> assertThat(d.rejection().reason()).contains("timestamp is required"));
        assertThat(storage.byEventId("e-2")).isPresent();
    }

    @Test
    void aFailingListenerDoesNotStopScoringOrOtherListeners() throws Exception {
        start(PipelineSettings.defaults(), storage);
        ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
        pipeline.subscribe(a -> { throw new IllegalStateException("boom"); });
        pipeline.subscribe(a -> seen.add(a.id()));
        for (int i = 0; i < 100; i++) pipeline.submit(event(i, "acct-1"));
        pipeline.close();

        assertThat(seen).hasSize(100);
        assertThat(storage.count()).isEqualTo(100);
        assertThat(pipeline.stats().listenerFailures()).isEqualTo(100);
    }

    @Test
    void reDeliveredEventsAreScoredOnce() throws Exception {
        start(PipelineSettings.defaults(), storage);
        for (int i = 0; i < 10; i++) {
            pipeline.submit(event(i, "acct-1"));
            pipeline.submit(event(i, "acct-1"));
        }
        pipeline.close();

        assertThat(storage.count()).isEqualTo(10);
        assertThat(pipeline.stats().duplicates()).isEqualTo(10);
        assertThat(pipeline.stats().scored()).isEqualTo(10);
    }

    @Test
    void theCompletionCallbackRunsOnceAndOnlyAfterTheAssessmentIsStored() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch storing = new CountDownLatch(1);
        InMemoryAssessments held = new InMemoryAssessments() {
            @Override
            public StoreOutcome storeAll(List<Assessment> batch) {
                storing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.storeAll(batch);
            }
        };
        start(PipelineSettings.defaults().withPartitions(4), held);
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        for (int i = 0; i < 500; i++) {
            String id = "e-" + i;
            pipeline.submit(event(i, "acct-" + (i % 13)), () -> calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet());
        }
        // a batch is in storage's hands but storage has not answered: nothing may count as done yet
        assertThat(storing.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("storage was called").isTrue();
        assertThat(calls).isEmpty();

        release.countDown();
        pipeline.close();
        assertThat(held.count()).isEqualTo(500);
        assertThat(calls).hasSize(500).allSatisfy((id, n) -> assertThat(n.get()).as(id).isEqualTo(1));
    }

    @Test
    void theCompletionCallbackRunsForADuplicateDroppedByTheWorkerOrFoundInStorage() throws Exception {
        start(PipelineSettings.defaults(), storage);
        AtomicInteger done = new AtomicInteger();
        pipeline.submit(event(1, "acct-1"), done::incrementAndGet);
        pipeline.submit(event(1, "acct-1"), done::incrementAndGet); // the worker has seen it: dropped
        pipeline.close();
        assertThat(pipeline.stats().duplicates()).isEqualTo(1);
        assertThat(done).hasValue(2);

        // a fresh pipeline (a restart) has not seen it, so storage finds it: a storage-level duplicate
        start(PipelineSettings.defaults(), storage);
        pipeline.submit(event(1, "acct-1"), done::incrementAndGet);
        pipeline.close();
        assertThat(pipeline.stats().storeDuplicates()).isEqualTo(1);
        assertThat(done).hasValue(3);
        assertThat(storage.count()).isEqualTo(1);
    }

    @Test
    void theCompletionCallbackOfAMalformedInputRunsOnceItsDeadLetterIsStored() throws Exception {
        start(PipelineSettings.defaults(), storage);
        AtomicInteger done = new AtomicInteger();
        ParseResult bad = pipeline.submitJson("test", "{not json", () -> {
            assertThat(deadLetters.count()).isEqualTo(1);
            done.incrementAndGet();
        });
        assertThat(bad).isInstanceOf(ParseResult.Rejected.class);
        assertThat(done).hasValue(1);
        ParseResult none = pipeline.submitJson("test", null, done::incrementAndGet);
        assertThat(none).isInstanceOf(ParseResult.Rejected.class);
        assertThat(done).hasValue(2);
        assertThat(deadLetters.count()).isEqualTo(2);
    }

    @Test
    void aSourceEmittingWithACallbackHearsBackForEveryInput() throws Exception {
        start(PipelineSettings.defaults().withPartitions(3), storage);
        AtomicInteger done = new AtomicInteger();
        pipeline.addSource(new EventSource() {
            public String name() { return "with-callbacks"; }
            public void run(SourceContext ctx) throws InterruptedException {
                for (int i = 0; i < 300; i++) ctx.emitJson(EventJson.write(event(i, "acct-" + (i % 7))), done::incrementAndGet);
                ctx.emitJson("[]", done::incrementAndGet);
            }
        }).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> done.get() == 301);
        pipeline.close();
        assertThat(storage.count()).isEqualTo(300);
        assertThat(deadLetters.latest(1)).singleElement().extracting(DeadLetter::source).isEqualTo("with-callbacks");
        assertThat(done).hasValue(301);
    }

    @Test
    void aNewConfigurationAppliesFromTheNextEventWithoutRestart() throws Exception {
        LiveScoringModel model = new LiveScoringModel(ScoringConfig.defaults());
        pipeline = Pipeline.start(PipelineSettings.defaults(), model, new AssessmentIds(1), storage, deadLetters, null, Clock.systemUTC());
        pipeline.submit(event(1, "acct-1"));
        await().until(() -> storage.count() == 1);
        model.apply(ScoringConfig.defaults().withVersion(2));
        pipeline.submit(event(2, "acct-1"));
        pipeline.close();

        assertThat(storage.byEventId("e-1")).get().extracting(Assessment::configVersion).isEqualTo(1);
        assertThat(storage.byEventId("e-2")).get().extracting(Assessment::configVersion).isEqualTo(2);
    }
}

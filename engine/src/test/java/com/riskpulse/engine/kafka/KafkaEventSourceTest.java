package com.riskpulse.engine.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.riskpulse.engine.RiskEngine;
import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.AssessmentIds;
import com.riskpulse.engine.assessment.Assessments;
import com.riskpulse.engine.assessment.HistoryQuery;
import com.riskpulse.engine.assessment.JdbcAssessments;
import com.riskpulse.engine.assessment.LevelStats;
import com.riskpulse.engine.assessment.Page;
import com.riskpulse.engine.config.Environment;
import com.riskpulse.engine.event.EventJson;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.score.LiveScoringModel;
import com.riskpulse.engine.score.ScoringConfig;
import com.riskpulse.engine.storage.Database;
import com.riskpulse.engine.storage.DatabaseSettings;
import com.riskpulse.engine.stream.DeadLetter;
import com.riskpulse.engine.stream.JdbcDeadLetters;
import com.riskpulse.engine.stream.Pipeline;
import com.riskpulse.engine.stream.PipelineSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka source against a real broker (KRaft, in this JVM; one per class, a topic and a group per test)
 * and real storage (H2): everything stored once, offsets committed only behind storage, malformed records
 * kept as dead letters, a restart and a second consumer absorbed by idempotent storage. Also Kafka out (the
 * {@link KafkaAssessmentSink}), on the same broker: every assessment published as the API shows it, and a
 * publisher that cannot reach Kafka never holds up scoring.
 */
class KafkaEventSourceTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static KafkaClusterTestKit cluster;
    private static Admin admin;
    private static KafkaProducer<String, String> producer;

    @TempDir
    Path dir;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    /** released after each test, so that a failed test never leaves a pipeline draining into held storage */
    private final HeldAssessments held = new HeldAssessments();
    private final AtomicInteger nodes = new AtomicInteger();

    @BeforeAll
    static void startBroker() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build();
        cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("group.initial.rebalance.delay.ms", "0") // a group forms at once, not after 3 s
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (producer != null) producer.close();
        if (admin != null) admin.close();
        if (cluster != null) cluster.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        held.release();
        for (AutoCloseable c : toClose.reversed()) c.close();
    }

    @Test
    void theEngineStoresEveryEventOnceAndCommitsToTheEndOfEveryPartition() throws Exception {
        String topic = "events-all";
        createTopic(topic, 4);
        int count = 2_400;
        for (int i = 0; i < count; i++) send(topic, null, event(topic, i, "acct-" + (i % 200)));
        producer.flush();

        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("engine"));
        env.put("RISKPULSE_DATA_DIR", dir.toString());
        env.put("BCRYPT_COST", "4");
        env.put("KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers());
        env.put("KAFKA_EVENTS_TOPIC", topic);
        env.put("KAFKA_GROUP_ID", "group-all");
        env.put("KAFKA_COMMIT_INTERVAL_MS", "200");
        RiskEngine engine = RiskEngine.start(Environment.of(env), RiskEngine.Mode.EMBEDDED, Clock.systemUTC());
        toClose.add(engine);
        Optional<KafkaEventSource> source = engine.startKafkaIfConfigured(Environment.of(env));
        assertThat(source).get().extracting(KafkaEventSource::name).isEqualTo("kafka:" + topic);

        await().atMost(PATIENCE).until(() -> engine.assessments().count() == count);
        awaitCommittedToTheEnd("group-all", topic);
        assertThat(engine.assessments().byEventId(topic + "-0")).isPresent();
        assertThat(engine.assessments().byEventId(topic + "-" + (count - 1))).isPresent();
        assertThat(engine.pipeline().stats().stored()).isEqualTo(count);
        assertThat(source.get().records()).isEqualTo(count);
    }

    @Test
    void withoutBootstrapServersNoKafkaSourceStarts() {
        Map<String, String> env = Map.of("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("nokafka"), "RISKPULSE_DATA_DIR", dir.toString());
        RiskEngine engine = RiskEngine.start(Environment.of(env), RiskEngine.Mode.EMBEDDED, Clock.systemUTC());
        toClose.add(engine);
        assertThat(engine.startKafkaIfConfigured(Environment.of(env))).isEmpty();
    }

    @Test
    void malformedAndNullRecordsBecomeDeadLettersAndTheirOffsetsAreCommittedToo() throws Exception {
        String topic = "events-bad";
        createTopic(topic, 1);
        Database db = openDatabase("bad");
        JdbcAssessments storage = new JdbcAssessments(db);
        JdbcDeadLetters deadLetters = new JdbcDeadLetters(db);
        send(topic, "acct-1", EventJson.write(event(topic, 0, "acct-1")));
        send(topic, "acct-1", "{\"event_id\":\"broken\", not json");
        send(topic, "acct-1", null);
        send(topic, "acct-1", EventJson.write(event(topic, 1, "acct-1")));
        producer.flush();

        Pipeline pipeline = startPipeline(storage, deadLetters);
        KafkaEventSource source = new KafkaEventSource(settings(topic, "group-bad"));
        pipeline.addSource(source);

        await().atMost(PATIENCE).until(() -> storage.count() == 2 && deadLetters.count() == 2);
        awaitCommittedToTheEnd("group-bad", topic);
        assertThat(committed("group-bad", topic)).containsValue(4L);
        assertThat(deadLetters.latest(10)).hasSize(2).allSatisfy(d -> assertThat(d.source()).isEqualTo("kafka:" + topic))
                .extracting(d -> d.rejection().reason())
                .anySatisfy(reason -> assertThat(reason).contains("malformed JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("empty input"));
        assertThat(source.rejected()).isEqualTo(2);
        assertThat(pipeline.isRunning()).isTrue();
    }

    @Test
    void offsetsNeverRunAheadOfStorageAndARestartStoresWhatWasInFlightOnce() throws Exception {
        String topic = "events-held";
        String group = "group-held";
        createTopic(topic, 2);
        Path file = dir.resolve("held");

        // first life: storage held back while the source reads everything
        Database db = openDatabase(file);
        held.delegate = new JdbcAssessments(db);
        int first = 600;
        produceToPartitions(topic, 0, first);
        Pipeline pipeline = startPipeline(held, new JdbcDeadLetters(db));
        KafkaEventSource source = new KafkaEventSource(settings(topic, group));
        Thread sourceThread = pipeline.addSource(source);
        await().atMost(PATIENCE).until(() -> source.records() == first && held.entered.getCount() == 0);
        // several commit intervals pass with everything read and nothing stored: nothing beyond offset 0 may be committed
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> committed(group, topic).values().stream().allMatch(offset -> offset == 0));

        // storage goes on; a watcher checks that a committed offset is always covered by stored events
        List<String> violations = new CopyOnWriteArrayList<>();
        Thread watcher = Thread.ofPlatform().start(() -> watch(group, topic, held, violations));
        held.release();
        awaitCommittedToTheEnd(group, topic);
        assertThat(held.count()).isEqualTo(first);

        // more events, then a stop while they are in flight: they are stored by the drain but not committed
        held.hold();
        produceToPartitions(topic, first, 400);
        await().atMost(PATIENCE).until(() -> source.records() == first + 400 && held.entered.getCount() == 0);
        Map<TopicPartition, Long> beforeStop = committed(group, topic);
        Thread stopping = Thread.ofPlatform().start(() -> {
            try {
                pipeline.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // close() stops the source first (it commits what is finished: nothing new), then waits for the held drain
        await().atMost(PATIENCE).until(() -> !sourceThread.isAlive());
        assertThat(committed(group, topic)).isEqualTo(beforeStop);
        held.release();
        stopping.join();
        assertThat(held.count()).isEqualTo(first + 400);
        assertThat(committed(group, topic)).isEqualTo(beforeStop);
        watcher.interrupt();
        watcher.join();
        assertThat(violations).isEmpty();
        db.close();

        // second life on the same H2 file and group: the 400 are read again, and storage keeps one of each
        Database reopened = openDatabase(file);
        JdbcAssessments storage = new JdbcAssessments(reopened);
        Pipeline restarted = startPipeline(storage, new JdbcDeadLetters(reopened));
        KafkaEventSource again = new KafkaEventSource(settings(topic, group));
        restarted.addSource(again);
        awaitCommittedToTheEnd(group, topic);
        assertThat(again.records()).isEqualTo(400);
        await().atMost(PATIENCE).until(() -> restarted.stats().storeDuplicates() == 400);
        assertThat(storage.count()).isEqualTo(first + 400);
    }

    @Test
    void twoSourcesInOneGroupSplitThePartitionsAndTogetherStoreEverythingOnce() throws Exception {
        String topic = "events-shared";
        String group = "group-shared";
        createTopic(topic, 4);
        Database db = openDatabase("shared");
        JdbcAssessments storage = new JdbcAssessments(db);
        KafkaEventSource a = new KafkaEventSource(settings(topic, group));
        KafkaEventSource b = new KafkaEventSource(settings(topic, group));
        startPipeline(storage, new JdbcDeadLetters(db)).addSource(a);
        startPipeline(storage, new JdbcDeadLetters(db)).addSource(b);
        await().atMost(PATIENCE).until(() -> assignments(group), sizes -> sizes.equals(List.of(2, 2)));

        int count = 2_000;
        for (int i = 0; i < count; i++) send(topic, null, event(topic, i, "acct-" + (i % 150)));
        producer.flush();

        await().atMost(PATIENCE).until(() -> storage.count() == count);
        awaitCommittedToTheEnd(group, topic);
        assertThat(a.records()).isPositive();
        assertThat(b.records()).isPositive();
        assertThat(a.records() + b.records()).isEqualTo(count);
    }

    // --- the broker

    @Test
    void anEngineBetweenTwoTopicsPublishesEveryAssessmentAsTheApiShowsItKeyedByEntity() throws Exception {
        String in = "events-through", out = "assessments-through";
        createTopic(in, 2);
        createTopic(out, 3);
        int count = 600;
        for (int i = 0; i < count; i++) send(in, null, event(in, i, "acct-" + (i % 30)));
        producer.flush();

        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("through"));
        env.put("RISKPULSE_DATA_DIR", dir.toString());
        env.put("BCRYPT_COST", "4");
        env.put("KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers());
        env.put("KAFKA_EVENTS_TOPIC", in);
        env.put("KAFKA_GROUP_ID", "group-through");
        env.put("KAFKA_ASSESSMENTS_TOPIC", out);
        RiskEngine engine = RiskEngine.start(Environment.of(env), RiskEngine.Mode.EMBEDDED, Clock.systemUTC());
        toClose.add(engine);
        engine.startKafkaIfConfigured(Environment.of(env));
        await().atMost(PATIENCE).until(() -> engine.assessments().count() == count);

        List<ConsumerRecord<String, String>> published = readAll(out, count);
        ObjectMapper json = new ObjectMapper();
        Map<String, Long> lastTimestampByEntity = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        for (ConsumerRecord<String, String> r : published) {
            JsonNode view = json.readTree(r.value());
            String eventId = view.get("event_id").asText();
            assertThat(r.key()).isEqualTo(view.get("entity_id").asText());
            assertThat(view.get("risk_id").asLong()).as("the stored assessment's id").isEqualTo(engine.assessments().byEventId(eventId).orElseThrow().id());
            assertThat(view.get("level").asText()).isNotBlank();
            assertThat(view.has("contributions")).isTrue();
            eventIds.add(eventId);
            // one entity's assessments come in the order of its events: they share a partition
            long at = Instant.parse(view.get("timestamp").asText()).toEpochMilli();
            Long before = lastTimestampByEntity.put(r.key() + "@" + r.partition(), at);
            if (before != null) assertThat(at).as("order of %s", r.key()).isGreaterThan(before);
        }
        assertThat(eventIds).hasSize(count);
        Map<String, Set<Integer>> partitionsByEntity = published.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(ConsumerRecord::partition, Collectors.toSet())));
        assertThat(partitionsByEntity).hasSize(30).allSatisfy((entity, partitions) -> assertThat(partitions).as(entity).hasSize(1));
        assertThat(engine.kafkaOut()).get().satisfies(sink -> {
            assertThat(sink.published()).isEqualTo(count);
            assertThat(sink.dropped()).isZero();
        });
    }

    @Test
    void aPublisherThatCannotReachKafkaNeverHoldsUpScoring() throws Exception {
        // nothing listens on port 1: the producer waits for metadata, the queue of two fills, the rest is counted
        KafkaAssessmentSink sink = new KafkaAssessmentSink(KafkaSinkSettings.of("127.0.0.1:1", "nowhere")
                .withQueueCapacity(2).withClientProperty("max.block.ms", 2_000));
        toClose.add(sink);
        Database db = openDatabase("unreachable");
        Pipeline pipeline = startPipeline(new JdbcAssessments(db), new JdbcDeadLetters(db));
        pipeline.subscribe(sink);
        for (int i = 0; i < 200; i++) pipeline.submit(event("unreachable", i, "acct-" + (i % 5)));
        // were the workers waiting on Kafka (2 s a record), 200 events would take minutes
        await().atMost(PATIENCE).until(() -> pipeline.stats().stored() == 200);
        assertThat(sink.dropped()).as("not published, counted, not waited for").isPositive();
        sink.close();
        assertThat(sink.published()).isZero();
        assertThat(sink.dropped() + sink.failed()).as("every assessment accounted for").isEqualTo(200);
    }

    /** Every record of {@code topic}, from the start of each partition, in partition order. */
    private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> all = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
                return all.size() >= expected;
            });
            return all;
        }
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        // producing before every partition has a leader fails or waits: wait here instead
        await().atMost(PATIENCE).until(() -> {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return d.partitions().size() == partitions && d.partitions().stream().allMatch(p -> p.leader() != null);
        });
    }

    private static void send(String topic, String key, String value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    private static void send(String topic, Integer partition, RiskEvent e) {
        producer.send(new ProducerRecord<>(topic, partition, e.entityId(), EventJson.write(e)));
    }

    /** Events {@code from..from+n-1}: even ones to partition 0, odd ones to 1, so that a partition's offsets name its events. */
    private static void produceToPartitions(String topic, int from, int n) {
        for (int i = from; i < from + n; i++) {
            int partition = i % 2;
            send(topic, partition, event(topic, i, "acct-" + partition + "-" + (i % 20)));
        }
        producer.flush();
    }

    private static Map<TopicPartition, Long> committed(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        Map<TopicPartition, OffsetSpec> latest = d.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static void awaitCommittedToTheEnd(String group, String topic) throws Exception {
        Map<TopicPartition, Long> end = endOffsets(topic);
        await().atMost(PATIENCE).until(() -> committed(group, topic), end::equals);
    }

    /** Partitions per member of {@code group}, sorted. */
    private static List<Integer> assignments(String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                .map(m -> m.assignment().topicPartitions().size()).sorted().toList();
    }

    /**
     * Until interrupted: for each committed offset c of a partition, the events at offsets below c must all be
     * stored (event i of {@link #produceToPartitions} sits at offset i / 2 of partition i % 2).
     */
    private static void watch(String group, String topic, HeldAssessments held, List<String> violations) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Map<TopicPartition, Long> committed = committed(group, topic);
                Set<String> stored = held.storedIds();
                committed.forEach((tp, c) -> {
                    for (long offset = 0; offset < c; offset++) {
                        String id = topic + "-" + (offset * 2 + tp.partition());
                        if (!stored.contains(id)) {
                            violations.add(tp + " committed at " + c + " but " + id + " (offset " + offset + ") is not stored");
                            return;
                        }
                    }
                });
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (e.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) return;
                violations.add("watcher failed: " + e);
                return;
            }
        }
    }

    // --- the engine's parts

    private KafkaSourceSettings settings(String topic, String group) {
        return KafkaSourceSettings.of(cluster.bootstrapServers(), topic, group).withCommitInterval(Duration.ofMillis(100));
    }

    private Database openDatabase(String name) {
        return openDatabase(dir.resolve(name));
    }

    private Database openDatabase(Path file) {
        Database db = Database.open(DatabaseSettings.parse("jdbc:h2:file:" + file, 4));
        toClose.add(db);
        return db;
    }

    /** Each pipeline is a node of its own (NODE_ID): two with one id would mint the same assessment ids. */
    private Pipeline startPipeline(Assessments storage, JdbcDeadLetters deadLetters) {
        Pipeline pipeline = Pipeline.start(PipelineSettings.defaults().withPartitions(3), new LiveScoringModel(ScoringConfig.defaults()),
                new AssessmentIds(nodes.incrementAndGet()), storage, deadLetters, null, Clock.systemUTC());
        toClose.add(pipeline);
        return pipeline;
    }

    private static RiskEvent event(String topic, int i, String entity) {
        return RiskEvent.builder(topic + "-" + i, entity, T0.plusMillis(100L * i), EventType.PAYMENT)
                .amount(10 + i % 7).country("DE").build();
    }

    /** Real storage underneath, held back while the test says so; remembers what it stored. */
    private static final class HeldAssessments implements Assessments {
        volatile Assessments delegate;
        volatile CountDownLatch gate = new CountDownLatch(1);
        volatile CountDownLatch entered = new CountDownLatch(1);
        private final Set<String> stored = ConcurrentHashMap.newKeySet();

        void release() {
            gate.countDown();
        }

        void hold() {
            gate = new CountDownLatch(1);
            entered = new CountDownLatch(1);
        }

        Set<String> storedIds() {
            return Set.copyOf(stored);
        }

        @Override
        public StoreOutcome storeAll(List<Assessment> batch) {
            entered.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held", e);
            }
            StoreOutcome outcome = delegate.storeAll(batch);
            batch.forEach(a -> stored.add(a.eventId()));
            return outcome;
        }

        @Override public List<Assessment> latest(int limit) { return delegate.latest(limit); }
        @Override public Optional<Assessment> byId(long id) { return delegate.byId(id); }
        @Override public Optional<Assessment> byEventId(String eventId) { return delegate.byEventId(eventId); }
        @Override public Page<Assessment> history(HistoryQuery query) { return delegate.history(query); }
        @Override public LevelStats stats(Instant from, Instant to) { return delegate.stats(from, to); }
        @Override public long pruneScoredBefore(Instant cutoff) { return delegate.pruneScoredBefore(cutoff); }
        @Override public long count() { return delegate.count(); }
    }
}

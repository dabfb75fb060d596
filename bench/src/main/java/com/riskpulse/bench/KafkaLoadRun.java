package com.riskpulse.bench;

import com.riskpulse.engine.assessment.AssessmentIds;
import com.riskpulse.engine.assessment.JdbcAssessments;
import com.riskpulse.engine.event.EventJson;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.kafka.KafkaEventSource;
import com.riskpulse.engine.kafka.KafkaSourceSettings;
import com.riskpulse.engine.score.LiveScoringModel;
import com.riskpulse.engine.score.ScoringConfig;
import com.riskpulse.engine.simulator.Simulator;
import com.riskpulse.engine.simulator.SimulatorSettings;
import com.riskpulse.engine.storage.Database;
import com.riskpulse.engine.storage.DatabaseSettings;
import com.riskpulse.engine.stream.InMemoryDeadLetters;
import com.riskpulse.engine.stream.Pipeline;
import com.riskpulse.engine.stream.PipelineSettings;
import com.riskpulse.engine.stream.PipelineStats;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * End-to-end load run with the Kafka source: topic → {@link KafkaEventSource} → pipeline → database.
 *
 * <p>Starts a one-broker KRaft cluster in this JVM ({@link KafkaClusterTestKit}), creates a topic with N
 * partitions, pre-produces M seeded simulator events (JSON wire format, keyed by entity id), then starts the
 * pipeline with a Kafka source on the topic and measures the time from the start until all M are stored
 * (events/s) and, separately, until the group's committed offsets reach the topic's end offsets. Events are
 * produced before the clock starts, so generating and serialising them is not counted (unlike
 * {@link PipelineLoadRun}, whose simulator runs during the run); parsing the JSON is, on the source's thread.
 *
 * <pre>
 * java -Xmx2g -Djava.io.tmpdir=/tmp/kbench -cp bench/target/benchmarks.jar com.riskpulse.bench.KafkaLoadRun --db h2
 * java -Xmx2g -Djava.io.tmpdir=/tmp/kbench -cp bench/target/benchmarks.jar com.riskpulse.bench.KafkaLoadRun \
 *      --db 'jdbc:postgresql://127.0.0.1:5432/riskpulse_bench?user=postgres'
 * </pre>
 * Options: {@code --events M} (300,000), {@code --partitions N} (4), {@code --writers W} (the database's
 * default), {@code --strategy} (as in PipelineLoadRun), {@code --top-threads K} (also list the K busiest
 * threads), {@code --warmup-events W} (default 0; W more events are produced and consumed first, and the
 * clock, the CPU figures and the latency start once they are finished, like PipelineLoadRun's warm-up; the
 * times in the result are then from that moment, {@code first_stored_ms} still from the pipeline's start).
 * The broker keeps its log in {@code java.io.tmpdir}. The assessments table is emptied first. Besides the
 * events/s the run reports where the CPU went during the measured window: per group of this JVM's threads
 * (broker, consumer, scoring, store writers, H2's own threads), the JVM outside Java threads (GC, JIT), and
 * the whole machine from {@code /proc/stat} (the rest is PostgreSQL and whatever else runs).
 */
public final class KafkaLoadRun {

    private static final String TOPIC = "riskpulse.bench";
    private static final String GROUP = "riskpulse-bench";

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // nothing of the broker may keep the JVM alive
    }

    private static void run(String[] args) throws Exception {
        String db = "h2";
        String strategy = null;
        int events = 300_000, warmup = 0, partitions = 4, writers = 0, topThreads = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--db" -> db = args[i + 1];
                case "--strategy" -> strategy = args[i + 1];
                case "--events" -> events = Integer.parseInt(args[i + 1]);
                case "--warmup-events" -> warmup = Integer.parseInt(args[i + 1]);
                case "--partitions" -> partitions = Integer.parseInt(args[i + 1]);
                case "--writers" -> writers = Integer.parseInt(args[i + 1]);
                case "--top-threads" -> topThreads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        DatabaseSettings settings = LoadRunDatabase.settings(db);

        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build();
        try (KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("group.initial.rebalance.delay.ms", "0") // the group forms at once, not after 3 s
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .build();
             Database database = Database.open(settings)) {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
                createTopic(admin, partitions);
                int total = warmup + events;
                long produceNanos = produce(cluster.bootstrapServers(), total);
                Map<TopicPartition, Long> end = endOffsets(admin);
                long onTopic = end.values().stream().mapToLong(Long::longValue).sum();
                if (onTopic != total) throw new IllegalStateException(onTopic + " records on the topic, expected " + total);

                JdbcAssessments store = LoadRunDatabase.emptyStore(database, strategy);
                JdbcAssessments.WriteStrategy ws = store.strategy();
                PipelineSettings pipelineSettings = PipelineSettings.defaultsFor(database.dialect());
                if (writers > 0) pipelineSettings = pipelineSettings.withStoreWriters(writers);
                System.out.printf("database %s, strategy %s, %d store writers, %d pipeline partitions, topic of %d partitions, "
                                + "%,d events produced in %.1f s (%,.0f/s), the first %,d not measured (warm-up), %d cores%n",
                        database.dialect(), ws, pipelineSettings.storeWriters(), pipelineSettings.partitions(), partitions,
                        total, produceNanos / 1e9, total / (produceNanos / 1e9), warmup, Runtime.getRuntime().availableProcessors());

                KafkaEventSource source = new KafkaEventSource(KafkaSourceSettings.of(cluster.bootstrapServers(), TOPIC, GROUP));
                CpuSample cpu0 = CpuSample.take();
                long started = System.nanoTime();
                long t0 = warmup == 0 ? started : -1; // the measured part starts when the warm-up events are finished
                Pipeline pipeline = Pipeline.start(pipelineSettings, new LiveScoringModel(ScoringConfig.defaults()),
                        new AssessmentIds(0), store, new InMemoryDeadLetters(100), null, Clock.systemUTC());
                pipeline.addSource(source);

                long firstStored = -1, allStored = -1, allCommitted = -1;
                long nextReport = started + TimeUnit.SECONDS.toNanos(5);
                long storedAtT0 = 0, finishedAtT0 = 0;
                PipelineStats stats = pipeline.stats();
                CpuSample cpu1 = null;
                while (allStored < 0) {
                    Thread.sleep(20);
                    stats = pipeline.stats();
                    long now = System.nanoTime();
                    if (firstStored < 0 && stats.stored() > 0) firstStored = now;
                    if (t0 < 0 && finished(stats) >= warmup) {
                        t0 = now;
                        storedAtT0 = stats.stored();
                        finishedAtT0 = finished(stats); // a batch may carry it a little past the warm-up
                        cpu0 = CpuSample.take();
                        pipeline.resetLatency();
                    }
                    if (finished(stats) >= total) {
                        allStored = now;
                        cpu1 = CpuSample.take();
                    } else if (now - nextReport >= 0) {
                        long committed = committed(admin).values().stream().mapToLong(Long::longValue).sum();
                        System.out.printf("  %3.0f s: %,d read, %,d stored (%,.0f/s so far), %,d committed, queued %,d + %,d%n",
                                (now - started) / 1e9, source.records(), stats.stored(), stats.stored() / ((now - started) / 1e9),
                                committed, stats.partitionQueued(), stats.storeQueued());
                        nextReport += TimeUnit.SECONDS.toNanos(5);
                    }
                }
                while (allCommitted < 0) {
                    if (committed(admin).equals(end)) allCommitted = System.nanoTime();
                    else Thread.sleep(10);
                    if (System.nanoTime() - allStored > TimeUnit.SECONDS.toNanos(60)) {
                        throw new IllegalStateException("offsets not committed to the end 60 s after everything was stored: "
                                + committed(admin) + " against " + end);
                    }
                }
                pipeline.close();

                double storedSeconds = (allStored - t0) / 1e9;
                double firstMs = (firstStored - started) / 1e6;
                // without a warm-up: the rate once the group has formed and the first batch is stored
                long measured = finished(stats) - finishedAtT0;
                double steadyPerSecond = warmup > 0 ? measured / storedSeconds : measured / ((allStored - firstStored) / 1e9);
                System.out.println("  cpu during the run (cores busy on average): " + cpu0.until(cpu1));
                if (topThreads > 0) System.out.println("  busiest threads (cores): " + cpu0.busiest(cpu1, topThreads));
                System.out.printf(Locale.ROOT, "RESULT source=kafka db=%s strategy=%s writers=%d topic_partitions=%d events=%d warmup_events=%d "
                                + "stored_per_s=%.0f all_stored_s=%.2f first_stored_ms=%.0f after_first_per_s=%.0f "
                                + "all_committed_s=%.2f commit_lag_ms=%.0f stored=%d rejected=%d p50_ms=%.1f p99_ms=%.1f%n",
                        database.dialect(), ws, pipelineSettings.storeWriters(), partitions, events, warmup,
                        measured / storedSeconds, storedSeconds, firstMs, steadyPerSecond,
                        (allCommitted - t0) / 1e9, (allCommitted - allStored) / 1e6, stats.stored() - storedAtT0, stats.rejected(),
                        stats.latencyP50Micros() / 1e3, stats.latencyP99Micros() / 1e3);
            }
        }
    }

    /** Events whose fate is final: stored, found stored, dropped as duplicates, or dead letters. */
    private static long finished(PipelineStats s) {
        return s.stored() + s.storeDuplicates() + s.duplicates() + s.rejected();
    }

    private static void createTopic(Admin admin, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get();
        // producing before every partition has a leader fails or waits: wait here instead
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            TopicDescription d = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
            if (d.partitions().size() == partitions && d.partitions().stream().allMatch(p -> p.leader() != null)) return;
            if (System.nanoTime() - deadline > 0) throw new IllegalStateException("no leader for every partition of " + TOPIC);
            Thread.sleep(50);
        }
    }

    /** Produces the run's events, keyed by entity id, and waits for every one to be acknowledged. */
    private static long produce(String bootstrapServers, int events) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            Iterator<RiskEvent> it = Simulator.events(SimulatorSettings.unpaced(11, events)).iterator();
            while (it.hasNext()) {
                RiskEvent e = it.next();
                producer.send(new ProducerRecord<>(TOPIC, e.entityId(), EventJson.write(e)), (m, ex) -> {
                    if (ex != null) failure.compareAndSet(null, ex);
                });
            }
            producer.flush();
        }
        if (failure.get() != null) throw new IllegalStateException("producing failed", failure.get());
        return System.nanoTime() - t0;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
        Map<TopicPartition, OffsetSpec> latest = d.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(TOPIC, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Map<TopicPartition, Long> committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> result = new HashMap<>();
        offsets.forEach((tp, o) -> {
            if (tp.topic().equals(TOPIC) && o != null) result.put(tp, o.offset());
        });
        return result;
    }

    /**
     * CPU time at one moment: each live Java thread of this JVM, the JVM process, and the machine
     * ({@code /proc/stat}, all cores, busy and total jiffies).
     */
    private record CpuSample(long nanos, Map<Long, String> names, Map<Long, Long> threadCpu, long processCpu,
                             long machineBusy, long machineTotal) {

        static CpuSample take() throws Exception {
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Long, String> names = new HashMap<>();
            Map<Long, Long> cpu = new HashMap<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                long c = threads.getThreadCpuTime(t.threadId());
                if (c >= 0) {
                    names.put(t.threadId(), t.getName());
                    cpu.put(t.threadId(), c);
                }
            }
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) total += Long.parseLong(f[i]); // user .. steal
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle + iowait
            return new CpuSample(System.nanoTime(), names, cpu, process, total - idle, total);
        }

        /** Average cores busy between this sample and {@code later}, by group. */
        String until(CpuSample later) {
            double wall = later.nanos - nanos;
            Map<String, Long> groups = new LinkedHashMap<>();
            for (String g : List.of("broker", "consumer", "scoring", "store", "h2", "other")) groups.put(g, 0L);
            long javaThreads = 0;
            for (Map.Entry<Long, Long> e : later.threadCpu.entrySet()) {
                long used = e.getValue() - threadCpu.getOrDefault(e.getKey(), 0L);
                javaThreads += used;
                groups.merge(group(later.names.get(e.getKey())), used, Long::sum);
            }
            long process = later.processCpu - processCpu;
            StringBuilder sb = new StringBuilder();
            groups.forEach((g, used) -> sb.append(g).append(' ').append(String.format(Locale.ROOT, "%.2f", used / wall)).append(", "));
            sb.append(String.format(Locale.ROOT, "jvm-internal (gc, jit) %.2f; jvm %.2f; machine %.2f of %d",
                    (process - javaThreads) / wall, process / wall,
                    (later.machineBusy - machineBusy) * (double) Runtime.getRuntime().availableProcessors()
                            / (later.machineTotal - machineTotal), Runtime.getRuntime().availableProcessors()));
            return sb.toString();
        }

        /** The {@code n} threads that used the most CPU between this sample and {@code later}. */
        String busiest(CpuSample later, int n) {
            double wall = later.nanos - nanos;
            return later.threadCpu.entrySet().stream()
                    .map(e -> Map.entry(later.names.get(e.getKey()), e.getValue() - threadCpu.getOrDefault(e.getKey(), 0L)))
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / wall))
                    .collect(Collectors.joining(", "));
        }

        private static String group(String thread) {
            if (thread.startsWith("riskpulse-source-") || thread.startsWith("kafka-coordinator-heartbeat-thread")
                    || thread.startsWith("consumer_background_thread")) return "consumer";
            if (thread.startsWith("riskpulse-partition-")) return "scoring";
            if (thread.startsWith("riskpulse-store-")) return "store";
            if (thread.startsWith("H2-") || thread.startsWith("MVStore")) return "h2"; // H2-serialization, H2-save
            if (thread.equals("main") || thread.startsWith("kafka-admin-client") || thread.startsWith("HikariPool")
                    || thread.startsWith("Reference Handler") || thread.startsWith("Finalizer") || thread.startsWith("Signal Dispatcher")
                    || thread.startsWith("Common-Cleaner") || thread.startsWith("Notification Thread")) return "other";
            return "broker";
        }
    }
}

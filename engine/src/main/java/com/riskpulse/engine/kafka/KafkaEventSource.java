package com.riskpulse.engine.kafka;

import com.riskpulse.engine.event.ParseResult;
import com.riskpulse.engine.stream.EventSource;
import com.riskpulse.engine.stream.SourceContext;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Events from a Kafka topic. Producers key each record by {@code entity_id}, so that one entity's events
 * stay in order in one partition; the value is one event in the JSON wire format. Several servers in one
 * consumer group split the topic's partitions.
 *
 * <p>Offsets are committed only after the events before them are finished: stored, dropped as duplicates,
 * or (malformed or null) stored as dead letters named {@code kafka:<topic>}. A crash, a stop or a lost
 * partition therefore redelivers what was in flight: delivery is at least once, and storage, idempotent on
 * {@code event_id}, makes it effectively once. On stop the source waits briefly for what is in flight and
 * commits what is finished; the pipeline still stores the rest, which a restart reads again.
 *
 * <p>The consumer is used on the source's thread only (it is not thread-safe); completions arrive from the
 * pipeline's threads and only touch {@link PartitionOffsets}. While the pipeline is full, emitting blocks and
 * the consumer does not poll: a stall longer than {@code max.poll.interval.ms} (5 minutes) costs the
 * partitions, which another member then reads from the last commit. A broker that is down is retried by the
 * client; a consumer that fails is rebuilt after a growing pause, so nothing spins.
 */
public final class KafkaEventSource implements EventSource {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventSource.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration STOP_WAIT = Duration.ofSeconds(3);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);
    private static final long PROGRESS_LOG_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long MAX_RESTART_PAUSE_MILLIS = 30_000;

    private final KafkaSourceSettings settings;
    private final String name;
    private final LongAdder records = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    public KafkaEventSource(KafkaSourceSettings settings) {
        this.settings = settings;
        this.name = "kafka:" + settings.topic();
    }

    @Override
    public String name() {
        return name;
    }

    /** Records handed to the pipeline so far, malformed ones included. */
    public long records() {
        return records.sum();
    }

    /** Records that became dead letters so far. */
    public long rejected() {
        return rejected.sum();
    }

    @Override
    public void run(SourceContext context) throws InterruptedException {
        long pause = 1_000;
        while (context.running()) {
            try {
                new Session(context).run();
                return;
            } catch (InterruptException e) { // Kafka's unchecked twin of InterruptedException
                Thread.currentThread().interrupt();
                throw new InterruptedException("interrupted while consuming " + settings.topic());
            } catch (KafkaException e) {
                if (!context.running()) return;
                log.warn("{}: the consumer failed ({}); starting a new one in {} ms", name, e.toString(), pause);
                sleepWhileRunning(context, pause);
                pause = Math.min(pause * 2, MAX_RESTART_PAUSE_MILLIS);
            }
        }
    }

    private static void sleepWhileRunning(SourceContext context, long millis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (context.running() && System.nanoTime() < until) Thread.sleep(100);
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false); // we commit, and only what is stored
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // a new group reads the topic from the start
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "riskpulse-" + settings.groupId() + "-" + Integer.toHexString(System.identityHashCode(this)));
        p.putAll(settings.clientProperties());
        return p;
    }

    /** One consumer's life: subscribe, poll and emit, commit finished offsets, and on the way out commit and close. */
    private final class Session implements ConsumerRebalanceListener {

        private final SourceContext context;
        private final KafkaConsumer<String, String> consumer;
        private final Map<TopicPartition, PartitionOffsets> assigned = new ConcurrentHashMap<>();
        private long recordsAtLastLog;

        Session(SourceContext context) {
            this.context = context;
            this.consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), new StringDeserializer());
        }

        void run() throws InterruptedException {
            boolean closed = false;
            try {
                consumer.subscribe(List.of(settings.topic()), this);
                log.info("{}: consuming from {} as group {}", name, settings.bootstrapServers(), settings.groupId());
                long commitNanos = settings.commitInterval().toNanos();
                long nextCommit = System.nanoTime() + commitNanos;
                long nextLog = System.nanoTime() + PROGRESS_LOG_NANOS;
                while (context.running()) {
                    ConsumerRecords<String, String> batch = consumer.poll(POLL_TIMEOUT);
                    for (ConsumerRecord<String, String> r : batch) {
                        if (!context.running()) break; // the rest is read again after a restart
                        emit(r);
                    }
                    long now = System.nanoTime();
                    if (now - nextCommit >= 0) {
                        commitFinished(false);
                        nextCommit = now + commitNanos;
                    }
                    if (now - nextLog >= 0) {
                        logProgress();
                        nextLog = now + PROGRESS_LOG_NANOS;
                    }
                }
                awaitInFlight(assigned.values(), STOP_WAIT);
                commitFinished(true);
                close();
                closed = true;
            } finally {
                if (!closed) closeAfterFailure();
            }
        }

        private void emit(ConsumerRecord<String, String> r) throws InterruptedException {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            PartitionOffsets offsets = assigned.computeIfAbsent(tp, k -> new PartitionOffsets());
            long offset = r.offset();
            offsets.emitting(offset);
            records.increment();
            // the callback holds this partition's tracker, not the map: after a revoke it lands harmlessly in the old one
            ParseResult result = context.emitJson(r.value(), () -> offsets.done(offset));
            if (result instanceof ParseResult.Rejected rejection) {
                rejected.increment();
                log.debug("{}: record {}@{} rejected: {}", name, tp, offset, rejection.rejection());
            }
        }

        /** Commits, for each partition, the lowest offset not finished yet (where a restart resumes). */
        private void commitFinished(boolean sync) {
            commit(assigned, sync);
        }

        private void commit(Map<TopicPartition, PartitionOffsets> partitions, boolean sync) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            partitions.forEach((tp, o) -> {
                long offset = o.committable();
                if (offset >= 0 && offset != o.committed) offsets.put(tp, new OffsetAndMetadata(offset));
            });
            if (offsets.isEmpty()) return;
            try {
                if (sync) {
                    consumer.commitSync(offsets, COMMIT_TIMEOUT);
                    markCommitted(partitions, offsets);
                } else {
                    consumer.commitAsync(offsets, (done, e) -> {
                        if (e == null) markCommitted(partitions, done);
                        else log.warn("{}: committing offsets {} failed ({}); the next commit covers them", name, done, e.toString());
                    });
                }
            } catch (InterruptException e) {
                throw e;
            } catch (KafkaException e) {
                // a rebalance or a broker away: nothing is lost, the next commit (or the new owner) covers it
                log.warn("{}: committing offsets {} failed ({})", name, offsets, e.toString());
            }
        }

        private void markCommitted(Map<TopicPartition, PartitionOffsets> partitions, Map<TopicPartition, OffsetAndMetadata> offsets) {
            offsets.forEach((tp, o) -> {
                PartitionOffsets tracked = partitions.get(tp);
                if (tracked != null) tracked.committed = Math.max(tracked.committed, o.offset());
            });
        }

        /** Waits up to {@code timeout} for the pipeline to finish what these partitions handed on. */
        private void awaitInFlight(Collection<PartitionOffsets> partitions, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(o -> o.outstanding() > 0) && System.nanoTime() - deadline < 0) {
                Thread.sleep(10);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) assigned.put(tp, new PartitionOffsets());
            log.info("{}: assigned {} (now reading {})", name, partitions, assigned.keySet());
        }

        /** Before a partition moves to another member: let what is in flight be stored, commit, forget. */
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, PartitionOffsets> leaving = new HashMap<>();
            for (TopicPartition tp : partitions) {
                PartitionOffsets o = assigned.get(tp);
                if (o != null) leaving.put(tp, o);
            }
            try {
                awaitInFlight(leaving.values(), context.running() ? settings.revokeTimeout() : Duration.ZERO);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int unfinished = leaving.values().stream().mapToInt(PartitionOffsets::outstanding).sum();
            if (!Thread.currentThread().isInterrupted()) commit(leaving, true);
            partitions.forEach(assigned::remove);
            log.info("{}: revoked {}{} (now reading {})", name, partitions,
                    unfinished > 0 ? ", " + unfinished + " events still in flight will be read again by the next owner" : "",
                    assigned.keySet());
        }

        /** Already owned by another member: committing would fail, and must not be tried. */
        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(assigned::remove);
            log.warn("{}: lost {} without a clean hand-over; their uncommitted events will be read again", name, partitions);
        }

        private void logProgress() {
            long total = records.sum();
            Map<TopicPartition, Long> positions = new HashMap<>();
            int inFlight = 0;
            for (Map.Entry<TopicPartition, PartitionOffsets> e : assigned.entrySet()) {
                positions.put(e.getKey(), e.getValue().committed);
                inFlight += e.getValue().outstanding();
            }
            log.info("{}: {} records in the last minute ({} in all, {} rejected), {} in flight, committed {}",
                    name, total - recordsAtLastLog, total, rejected.sum(), inFlight, positions);
            recordsAtLastLog = total;
        }

        private void close() {
            consumer.close(CloseOptions.timeout(COMMIT_TIMEOUT));
            log.info("{}: consumer closed ({} records read, {} rejected)", name, records.sum(), rejected.sum());
        }

        /** On the way out after an error or an interrupt: commit what is finished if possible, and close. */
        private void closeAfterFailure() {
            boolean interrupted = Thread.interrupted(); // the client refuses to work on an interrupted thread
            try {
                commitFinished(true);
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
            } catch (RuntimeException e) {
                log.warn("{}: closing the consumer failed ({})", name, e.toString());
            } finally {
                if (interrupted) Thread.currentThread().interrupt();
            }
        }
    }
}

package com.riskpulse.engine.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.riskpulse.engine.api.RiskView;
import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.stream.AssessmentListener;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Publishes every assessment to a Kafka topic ("Kafka out" in ARCHITECTURE.md's stream), for the systems downstream
 * of RiskPulse: key = {@code entity_id} (one entity's assessments stay in order in one partition), value = the
 * assessment as the REST API's {@code GET /api/v1/risk/{risk_id}} answers it ({@link RiskView}, snake_case JSON).
 *
 * <p>It listens on the pipeline's live bus, so it sees an assessment as soon as it is scored, on a partition worker's
 * thread, which must never wait: the listener only offers the assessment to a bounded queue, and a thread of its own
 * hands the queue to the producer (idempotent, {@code acks=all}). While Kafka is away the producer retries and the
 * queue fills; once it is full, further assessments are not published (counted in {@link #dropped()}, logged) rather
 * than holding up scoring and alerts: they are still stored and served by the API. Delivery is at least once (an
 * event redelivered after a crash is scored and published again): consumers recognise repeats by {@code event_id}.
 * {@link #close()} publishes what is queued (the engine closes it after the pipeline has drained) within a bound.
 */
public final class KafkaAssessmentSink implements AssessmentListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaAssessmentSink.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final String topic;
    private final BlockingQueue<Assessment> queue;
    private final KafkaProducer<String, byte[]> producer;
    private final Thread sender;
    private final LongAdder published = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean closing;

    public KafkaAssessmentSink(KafkaSinkSettings settings) {
        this.topic = settings.topic();
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true); // the producer's own retries add no duplicates
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "riskpulse-assessments-" + Integer.toHexString(System.identityHashCode(this)));
        p.putAll(settings.clientProperties());
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.sender = Thread.ofPlatform().name("riskpulse-kafka-out").daemon().start(this::send);
        log.info("publishing assessments to Kafka topic {} at {}", topic, settings.bootstrapServers());
    }

    /** On a partition worker's thread: never waits. */
    @Override
    public void onAssessment(Assessment assessment) {
        if (queue.offer(assessment)) return;
        dropped.increment();
        long n = dropped.sum();
        if (n == 1 || n % 10_000 == 0) {
            log.warn("Kafka topic {} is not keeping up: {} assessments not published so far (they are stored and served as usual)", topic, n);
        }
    }

    private void send() {
        try {
            while (!closing || !queue.isEmpty()) {
                Assessment a = queue.poll(100, TimeUnit.MILLISECONDS);
                if (a == null) continue;
                try {
                    producer.send(new ProducerRecord<>(topic, a.entityId(), json(a)), (metadata, e) -> {
                        if (e == null) published.increment();
                        else failed(a, e);
                    });
                } catch (InterruptException e) {
                    throw new InterruptedException("interrupted while publishing to " + topic);
                } catch (RuntimeException e) {
                    failed(a, e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(Assessment a, Exception e) {
        failed.increment();
        long n = failed.sum();
        if (n <= 10 || n % 10_000 == 0) {
            log.warn("publishing assessment {} to {} failed ({} failures so far): {}", a.id(), topic, n, e.toString());
        }
    }

    static byte[] json(Assessment a) {
        try {
            return JSON.writeValueAsBytes(RiskView.of(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("assessment " + a.id() + " cannot be written as JSON", e);
        }
    }

    /** Assessments Kafka acknowledged. */
    public long published() {
        return published.sum();
    }

    /** Assessments not published because the queue was full (Kafka away or too slow). */
    public long dropped() {
        return dropped.sum();
    }

    /** Assessments Kafka refused after the producer's retries. */
    public long failed() {
        return failed.sum();
    }

    /** Publishes what is queued (for at most ten seconds), then closes the producer. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (closing) return;
        closing = true;
        sender.join(CLOSE_TIMEOUT.toMillis());
        if (sender.isAlive()) {
            log.warn("Kafka topic {}: {} assessments still queued after {} s are not published", topic, queue.size(), CLOSE_TIMEOUT.toSeconds());
            sender.interrupt();
        }
        producer.close(CLOSE_TIMEOUT);
        log.info("Kafka publisher closed: {} published, {} not published (queue full), {} failed", published(), dropped(), failed());
    }

}

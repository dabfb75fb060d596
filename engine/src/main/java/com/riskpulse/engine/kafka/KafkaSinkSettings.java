package com.riskpulse.engine.kafka;

import com.riskpulse.engine.config.Environment;
import com.riskpulse.engine.config.EnvironmentVariable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the {@link KafkaAssessmentSink} publishes.
 *
 * @param bootstrapServers comma-separated {@code host:port} list of brokers
 * @param topic            the topic of assessments (key: entity id, value: the assessment as JSON)
 * @param queueCapacity    assessments waiting for the producer before further ones are not published
 * @param clientProperties further producer properties (tests, tuning); they win over the sink's own
 */
public record KafkaSinkSettings(String bootstrapServers, String topic, int queueCapacity, Map<String, Object> clientProperties) {

    public static final int DEFAULT_QUEUE_CAPACITY = 65_536;

    public KafkaSinkSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) throw new IllegalArgumentException("bootstrap servers are required");
        if (topic == null || topic.isBlank()) throw new IllegalArgumentException("a topic is required");
        if (queueCapacity < 1) throw new IllegalArgumentException("the queue capacity must be at least 1, got " + queueCapacity);
        clientProperties = Map.copyOf(clientProperties);
    }

    public static KafkaSinkSettings of(String bootstrapServers, String topic) {
        return new KafkaSinkSettings(bootstrapServers, topic, DEFAULT_QUEUE_CAPACITY, Map.of());
    }

    /**
     * The settings from {@code KAFKA_BOOTSTRAP_SERVERS} and {@code KAFKA_ASSESSMENTS_TOPIC}; empty (nothing published)
     * unless both are set. A topic without brokers is a mistake worth stopping for.
     */
    public static Optional<KafkaSinkSettings> fromEnvironment(Environment env) {
        Optional<String> topic = env.string(EnvironmentVariable.KAFKA_ASSESSMENTS_TOPIC);
        if (topic.isEmpty()) return Optional.empty();
        String servers = env.string(EnvironmentVariable.KAFKA_BOOTSTRAP_SERVERS).orElseThrow(() -> new IllegalArgumentException(
                EnvironmentVariable.KAFKA_ASSESSMENTS_TOPIC + " is set but " + EnvironmentVariable.KAFKA_BOOTSTRAP_SERVERS
                        + " is not: name the Kafka brokers to publish assessments to"));
        return Optional.of(of(servers, topic.get()));
    }

    public KafkaSinkSettings withClientProperty(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(clientProperties);
        more.put(name, value);
        return new KafkaSinkSettings(bootstrapServers, topic, queueCapacity, more);
    }

    public KafkaSinkSettings withQueueCapacity(int capacity) {
        return new KafkaSinkSettings(bootstrapServers, topic, capacity, clientProperties);
    }
}

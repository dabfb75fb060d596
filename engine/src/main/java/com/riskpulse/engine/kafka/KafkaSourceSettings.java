package com.riskpulse.engine.kafka;

import com.riskpulse.engine.config.Environment;
import com.riskpulse.engine.config.EnvironmentVariable;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the {@link KafkaEventSource} reads and how often it commits.
 *
 * @param bootstrapServers comma-separated {@code host:port} list of brokers
 * @param topic            the topic of events (key: entity id, value: one event as JSON)
 * @param groupId          the consumer group: servers in one group split the topic's partitions
 * @param commitInterval   how often finished offsets are committed
 * @param revokeTimeout    how long a partition being taken away waits for its in-flight events to be stored
 * @param clientProperties further consumer properties (tests, tuning); they win over the source's own
 */
public record KafkaSourceSettings(String bootstrapServers, String topic, String groupId, Duration commitInterval,
                                  Duration revokeTimeout, Map<String, Object> clientProperties) {

    public static final String DEFAULT_TOPIC = "riskpulse.events";
    public static final String DEFAULT_GROUP_ID = "riskpulse";
    public static final long DEFAULT_COMMIT_INTERVAL_MS = 1_000;
    public static final Duration DEFAULT_REVOKE_TIMEOUT = Duration.ofSeconds(30);

    public KafkaSourceSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) throw new IllegalArgumentException("bootstrap servers are required");
        if (topic == null || topic.isBlank()) throw new IllegalArgumentException("a topic is required");
        if (groupId == null || groupId.isBlank()) throw new IllegalArgumentException("a group id is required");
        if (commitInterval == null || commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("the commit interval must be positive, got " + commitInterval);
        }
        if (revokeTimeout == null || revokeTimeout.isNegative()) {
            throw new IllegalArgumentException("the revoke timeout must not be negative, got " + revokeTimeout);
        }
        clientProperties = Map.copyOf(clientProperties);
    }

    public static KafkaSourceSettings of(String bootstrapServers, String topic, String groupId) {
        return new KafkaSourceSettings(bootstrapServers, topic, groupId, Duration.ofMillis(DEFAULT_COMMIT_INTERVAL_MS),
                DEFAULT_REVOKE_TIMEOUT, Map.of());
    }

    /** The settings from {@code KAFKA_*} variables; empty when {@code KAFKA_BOOTSTRAP_SERVERS} is unset (no Kafka source). */
    public static Optional<KafkaSourceSettings> fromEnvironment(Environment env) {
        return env.string(EnvironmentVariable.KAFKA_BOOTSTRAP_SERVERS).map(servers -> {
            int interval = env.integer(EnvironmentVariable.KAFKA_COMMIT_INTERVAL_MS, (int) DEFAULT_COMMIT_INTERVAL_MS);
            if (interval < 1) {
                throw new IllegalArgumentException(EnvironmentVariable.KAFKA_COMMIT_INTERVAL_MS + "=" + interval + " must be at least 1");
            }
            return new KafkaSourceSettings(servers, env.string(EnvironmentVariable.KAFKA_EVENTS_TOPIC, DEFAULT_TOPIC),
                    env.string(EnvironmentVariable.KAFKA_GROUP_ID, DEFAULT_GROUP_ID), Duration.ofMillis(interval),
                    DEFAULT_REVOKE_TIMEOUT, Map.of());
        });
    }

    public KafkaSourceSettings withCommitInterval(Duration interval) {
        return new KafkaSourceSettings(bootstrapServers, topic, groupId, interval, revokeTimeout, clientProperties);
    }

    public KafkaSourceSettings withClientProperty(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(clientProperties);
        more.put(name, value);
        return new KafkaSourceSettings(bootstrapServers, topic, groupId, commitInterval, revokeTimeout, more);
    }
}

package com.riskpulse.engine.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event of the stream, as in ARCHITECTURE.md "Event (wire format)". Only {@code eventId},
 * {@code entityId}, {@code timestamp} and {@code type} are required; every other field may be null
 * (or {@code NaN} for the amount) and the features cope.
 *
 * <p>Instances are built by {@link EventJson} from untrusted input (which reports a bad field as a
 * {@link Rejection} instead of throwing) or directly by trusted code such as the simulator.
 */
public record RiskEvent(
        String eventId,
        String entityId,
        Instant timestamp,
        EventType type,
        double amount,
        String currency,
        Channel channel,
        String merchantId,
        String merchantCategory,
        String country,
        String deviceId,
        String ip,
        EventStatus status,
        Map<String, String> attributes) {

    /** The attribute under which the simulator labels an injected fraud scenario. */
    public static final String SCENARIO_ATTRIBUTE = "scenario";

    public RiskEvent {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(entityId, "entity_id");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        // insertion order kept (not Map.copyOf, whose order varies between JVM runs): the wire form is stable
        attributes = attributes == null || attributes.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public boolean hasAmount() {
        return !Double.isNaN(amount);
    }

    public boolean isFailure() {
        return status != null && status.isFailure();
    }

    /** The fraud scenario the simulator injected this event for, or null for genuine traffic. */
    public String scenario() {
        return attributes.get(SCENARIO_ATTRIBUTE);
    }

    public long epochMillis() {
        return timestamp.toEpochMilli();
    }

    /** A fluent builder for trusted code and tests: {@code RiskEvent.builder("e-1", "acct-1", ts, PAYMENT).amount(10).build()}. */
    public static Builder builder(String eventId, String entityId, Instant timestamp, EventType type) {
        return new Builder(eventId, entityId, timestamp, type);
    }

    public Builder toBuilder() {
        return new Builder(eventId, entityId, timestamp, type)
                .amount(amount).currency(currency).channel(channel).merchant(merchantId, merchantCategory)
                .country(country).device(deviceId).ip(ip).status(status).attributes(attributes);
    }

    public static final class Builder {
        private String eventId;
        private final String entityId;
        private Instant timestamp;
        private final EventType type;
        private double amount = Double.NaN;
        private String currency;
        private Channel channel;
        private String merchantId;
        private String merchantCategory;
        private String country;
        private String deviceId;
        private String ip;
        private EventStatus status;
        private Map<String, String> attributes = Map.of();

        private Builder(String eventId, String entityId, Instant timestamp, EventType type) {
            this.eventId = eventId;
            this.entityId = entityId;
            this.timestamp = timestamp;
            this.type = type;
        }

        public Builder eventId(String value) { this.eventId = value; return this; }
        public Builder timestamp(Instant value) { this.timestamp = value; return this; }
        public Builder amount(double value) { this.amount = value; return this; }
        public Builder currency(String value) { this.currency = value; return this; }
        public Builder channel(Channel value) { this.channel = value; return this; }
        public Builder merchant(String id, String category) { this.merchantId = id; this.merchantCategory = category; return this; }
        public Builder country(String value) { this.country = value; return this; }
        public Builder device(String value) { this.deviceId = value; return this; }
        public Builder ip(String value) { this.ip = value; return this; }
        public Builder status(EventStatus value) { this.status = value; return this; }
        public Builder attributes(Map<String, String> value) { this.attributes = value; return this; }

        public RiskEvent build() {
            return new RiskEvent(eventId, entityId, timestamp, type, amount, currency, channel, merchantId,
                    merchantCategory, country, deviceId, ip, status, attributes);
        }
    }
}

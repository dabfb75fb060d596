package com.riskpulse.server.metrics;

import com.riskpulse.engine.alert.AlertService;
import com.riskpulse.engine.alert.AlertStatus;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.stream.PipelineStats;
import com.riskpulse.server.stream.StreamMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The server's Prometheus registry: pipeline, live stream, alerts, HTTP and JVM. Pipeline and hub figures are read
 * at scrape time from their snapshots (one snapshot per scrape, not per meter); alert counts by status come from
 * {@link AlertService#stats} cached for {@link #ALERT_CACHE}.
 */
public final class ServerMetrics implements AutoCloseable {

    public static final Duration ALERT_CACHE = Duration.ofSeconds(5);
    private static final Duration SNAPSHOT_TTL = Duration.ofMillis(200);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Cached<PipelineStats> pipeline;
    private final Cached<StreamMetrics> stream;
    private final Cached<Map<AlertStatus, Long>> alerts;

    public ServerMetrics(Supplier<PipelineStats> pipelineStats, Supplier<StreamMetrics> streamMetrics, AlertService alertService,
                         Clock clock) {
        this.pipeline = new Cached<>(pipelineStats, SNAPSHOT_TTL);
        this.stream = new Cached<>(streamMetrics, SNAPSHOT_TTL);
        this.alerts = new Cached<>(() -> alertService.stats(Actor.SYSTEM, Instant.EPOCH, clock.instant().plusSeconds(1)).byStatus(),
                ALERT_CACHE);

        counter("riskpulse_events_received", "events accepted into the pipeline", p -> p.received());
        counter("riskpulse_events_scored", "events scored (rate() of it is events/s)", p -> p.scored());
        counter("riskpulse_events_stored", "assessments newly written to storage", p -> p.stored());
        counter("riskpulse_events_duplicates", "re-delivered events not scored again", p -> p.duplicates());
        counter("riskpulse_dead_letters", "inputs turned into dead letters", p -> p.rejected());
        counter("riskpulse_store_failures", "failed batch writes (each retried)", p -> p.storeFailures());
        counter("riskpulse_listener_failures", "exceptions thrown by live listeners", p -> p.listenerFailures());
        gauge("riskpulse_partition_queue_depth", "events waiting in the partition queues", p -> p.partitionQueued());
        gauge("riskpulse_store_queue_depth", "assessments waiting for the batch writer", p -> p.storeQueued());
        gauge("riskpulse_entities", "entities with feature state", p -> p.entities());
        Gauge.builder("riskpulse_pipeline_latency_seconds", pipeline, c -> c.get().latencyP50Micros() / 1e6)
                .description("arrival to stored, over the run so far").tag("quantile", "0.5").register(registry);
        Gauge.builder("riskpulse_pipeline_latency_seconds", pipeline, c -> c.get().latencyP99Micros() / 1e6)
                .description("arrival to stored, over the run so far").tag("quantile", "0.99").register(registry);
        Gauge.builder("riskpulse_pipeline_latency_seconds", pipeline, c -> c.get().latencyMaxMicros() / 1e6)
                .description("arrival to stored, over the run so far").tag("quantile", "1.0").register(registry);

        Gauge.builder("riskpulse_ws_clients", stream, c -> c.get().connectedClients())
                .description("WebSocket clients connected to /ws/risk-stream").register(registry);
        FunctionCounter.builder("riskpulse_ws_messages_sent", stream, c -> c.get().messagesSent())
                .description("messages the WebSocket channels accepted").register(registry);
        FunctionCounter.builder("riskpulse_ws_messages_dropped", stream, c -> c.get().messagesDropped())
                .description("messages coalesced away because a client's buffer was full").register(registry);
        FunctionCounter.builder("riskpulse_ws_disconnected_slow", stream, c -> c.get().disconnectedForSlowness())
                .description("clients closed for being too slow").register(registry);

        for (AlertStatus status : AlertStatus.values()) {
            Gauge.builder("riskpulse_alerts", alerts, c -> c.get().getOrDefault(status, 0L))
                    .description("alerts per status (cached " + ALERT_CACHE.toSeconds() + " s)")
                    .tag("status", status.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
        }

        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    private void counter(String name, String help, ToDoubleFunction<PipelineStats> f) {
        FunctionCounter.builder(name, pipeline, c -> f.applyAsDouble(c.get())).description(help).register(registry);
    }

    private void gauge(String name, String help, ToDoubleFunction<PipelineStats> f) {
        Gauge.builder(name, pipeline, c -> f.applyAsDouble(c.get())).description(help).register(registry);
    }

    /** One HTTP request: {@code http_server_requests_seconds{method,route,status}}. */
    public void recordRequest(String method, String route, int status, float millis) {
        Timer.builder("http_server_requests").description("HTTP requests by route and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .register(registry).record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    /** The Prometheus text exposition format (0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    /** A snapshot reused for a short while, so one scrape reads each source once. */
    static final class Cached<T> {
        private final Supplier<T> source;
        private final long ttlNanos;
        private T value;
        private long readAt;

        Cached(Supplier<T> source, Duration ttl) {
            this.source = source;
            this.ttlNanos = ttl.toNanos();
        }

        synchronized T get() {
            long now = System.nanoTime();
            if (value == null || now - readAt >= ttlNanos) {
                value = source.get();
                readAt = now;
            }
            return value;
        }
    }
}

package com.riskpulse.engine.client;

import com.riskpulse.engine.api.LiveStats;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.stream.PipelineStats;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Turns the pipeline's counters into the live {@link LiveStats} pulse: events per second since the previous reading,
 * latency percentiles, queue depths and assessments by level. {@link #count} is called on the workers (lock-free);
 * {@link #next} by one timer thread.
 */
final class LiveStatsMeter {

    private final Supplier<PipelineStats> pipeline;
    private final LongAdder[] byLevel = new LongAdder[RiskLevel.values().length];
    private long previousScored = -1;
    private long previousNanos;

    LiveStatsMeter(Supplier<PipelineStats> pipeline) {
        this.pipeline = pipeline;
        for (int i = 0; i < byLevel.length; i++) byLevel[i] = new LongAdder();
    }

    void count(RiskLevel level) {
        byLevel[level.ordinal()].increment();
    }

    synchronized LiveStats next(int clients) {
        long now = System.nanoTime();
        PipelineStats p = pipeline.get();
        double perSecond = previousScored < 0 ? 0 : (p.scored() - previousScored) * 1e9 / Math.max(1, now - previousNanos);
        previousScored = p.scored();
        previousNanos = now;
        Map<String, Long> levels = new LinkedHashMap<>();
        for (RiskLevel level : RiskLevel.values()) levels.put(level.name().toLowerCase(Locale.ROOT), byLevel[level.ordinal()].sum());
        return new LiveStats(Math.round(perSecond * 10) / 10.0, p.received(), p.scored(), p.stored(), p.rejected(),
                p.partitionQueued(), p.storeQueued(), p.inFlight(), p.latencyP50Micros() / 1000.0, p.latencyP99Micros() / 1000.0,
                p.latencyMaxMicros() / 1000.0, levels, 0, clients);
    }
}

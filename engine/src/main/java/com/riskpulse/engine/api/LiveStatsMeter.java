package com.riskpulse.engine.api;

import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.stream.PipelineStats;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Turns the pipeline's counters into the live {@link LiveStats} pulse, for the WebSocket hub and the console's
 * embedded client alike: events per second since the previous reading, latency percentiles, queue depths and
 * assessments by level. {@link #count} is called on the workers (lock-free); {@link #next} by one timer thread.
 */
public final class LiveStatsMeter {

    private final Supplier<PipelineStats> pipeline;
    private final LongAdder[] byLevel = new LongAdder[RiskLevel.values().length];
    private final LongAdder clear = new LongAdder();
    private long previousScored = -1;
    private long previousNanos;

    public LiveStatsMeter(Supplier<PipelineStats> pipeline) {
        this.pipeline = pipeline;
        for (int i = 0; i < byLevel.length; i++) byLevel[i] = new LongAdder();
    }

    /** @param belowFloor the assessment is under the live feed's floor (counted as "clear" as well as by level) */
    public void count(RiskLevel level, boolean belowFloor) {
        byLevel[level.ordinal()].increment();
        if (belowFloor) clear.increment();
    }

    /** The pulse since the previous reading; {@code clients} is how many live clients are connected. */
    public synchronized LiveStats next(int clients) {
        long now = System.nanoTime();
        PipelineStats p = pipeline.get();
        double perSecond = previousScored < 0 ? 0 : (p.scored() - previousScored) * 1e9 / Math.max(1, now - previousNanos);
        previousScored = p.scored();
        previousNanos = now;
        Map<String, Long> levels = new LinkedHashMap<>();
        for (RiskLevel level : RiskLevel.values()) levels.put(level.name().toLowerCase(Locale.ROOT), byLevel[level.ordinal()].sum());
        return new LiveStats(Math.round(perSecond * 10) / 10.0, p.received(), p.scored(), p.stored(), p.rejected(),
                p.partitionQueued(), p.storeQueued(), p.inFlight(), p.latencyP50Micros() / 1000.0, p.latencyP99Micros() / 1000.0,
                p.latencyMaxMicros() / 1000.0, levels, clear.sum(), clients);
    }
}

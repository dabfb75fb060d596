package com.riskpulse.engine;

import com.riskpulse.engine.alert.AlertChange;
import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.stream.AssessmentListener;
import com.riskpulse.engine.stream.Pipeline;
import com.riskpulse.engine.stream.PipelineStats;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Counts assessments by level as they stream past and prints one summary line a second. */
final class LiveSummary implements AssessmentListener {

    private final Pipeline pipeline;
    private final PrintStream out;
    private final LongAdder[] byLevel = new LongAdder[RiskLevel.values().length];
    private final AtomicReference<Assessment> lastHighRisk = new AtomicReference<>();
    private final LongAdder alertsRaised = new LongAdder();
    private volatile boolean stopped;

    LiveSummary(Pipeline pipeline, PrintStream out) {
        this.pipeline = pipeline;
        this.out = out;
        for (int i = 0; i < byLevel.length; i++) byLevel[i] = new LongAdder();
    }

    @Override
    public void onAssessment(Assessment a) {
        byLevel[a.level().ordinal()].increment();
        if (a.level().atLeast(RiskLevel.HIGH)) lastHighRisk.set(a);
    }

    void onAlertChange(AlertChange change) {
        if (change instanceof AlertChange.Raised) alertsRaised.increment();
    }

    void stop() {
        stopped = true;
    }

    /** Prints a line a second until the source ends, the duration passes (zero: no limit) or {@link #stop()}. */
    void printEverySecondUntil(Thread source, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long previousScored = 0;
        while (!stopped && source.isAlive() && (duration.isZero() || System.nanoTime() - start < duration.toNanos())) {
            Thread.sleep(1_000);
            PipelineStats s = pipeline.stats();
            StringBuilder line = new StringBuilder(String.format("%6.0f ev/s | scored %,d stored %,d | ",
                    (double) (s.scored() - previousScored), s.scored(), s.stored()));
            previousScored = s.scored();
            for (RiskLevel level : RiskLevel.values()) {
                line.append(RiskPulseEngineMain.levelName(level)).append(' ').append(String.format("%,d", byLevel[level.ordinal()].sum())).append("  ");
            }
            line.append(String.format("| alerts %,d | p50 %.1f ms p99 %.1f ms", alertsRaised.sum(),
                    s.latencyP50Micros() / 1000.0, s.latencyP99Micros() / 1000.0));
            Assessment high = lastHighRisk.getAndSet(null);
            if (high != null) {
                line.append(String.format("%n       last high risk: %s %s %.2f %s (%s)", high.entityId(), high.event().type(),
                        high.score(), high.level(), String.join(", ", high.rulesFired())));
            }
            out.println(line);
        }
    }
}

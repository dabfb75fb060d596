package com.riskpulse.bench;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.AssessmentIds;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.assessment.RiskScorer;
import com.riskpulse.engine.score.ScoringConfig;
import com.riskpulse.engine.score.ScoringModel;
import com.riskpulse.engine.simulator.Simulator;
import com.riskpulse.engine.simulator.SimulatorSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Feature update + scoring of one event, on one thread: what a partition worker does per event, minus
 * the queues. Events are a seeded simulator stream, so the entity mix, the fraud share and the branch
 * profile are those of the pipeline. When the stream wraps, the scorer starts afresh so every event is
 * scored in order against its own history (the reset is amortised over a million events).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ScoringBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
public class ScoringBenchmark {

    @Param({"1000000"})
    int events;

    @Param({"5000"})
    int entities;

    private RiskEvent[] stream;
    private RiskScorer scorer;
    private ScoringModel model;
    private int next;

    @Setup(Level.Trial)
    public void generate() {
        stream = Simulator.events(SimulatorSettings.unpaced(7, events).withEntities(entities)).toArray(RiskEvent[]::new);
        model = ScoringModel.compile(ScoringConfig.defaults());
        freshScorer();
    }

    private void freshScorer() {
        scorer = new RiskScorer(() -> model, new AssessmentIds(0), Duration.ofMinutes(5));
        next = 0;
    }

    private final java.util.HashMap<String, com.riskpulse.engine.feature.EntityState> states = new java.util.HashMap<>();
    private final com.riskpulse.engine.feature.FeatureExtractor extractor = new com.riskpulse.engine.feature.FeatureExtractor(Duration.ofMinutes(5));
    private int nextFeature;

    /** Only the feature half: the state lookup and update, no scoring. */
    @Benchmark
    public Object featuresOnly() {
        if (nextFeature == stream.length) {
            states.clear();
            nextFeature = 0;
        }
        RiskEvent e = stream[nextFeature++];
        return extractor.apply(states.computeIfAbsent(e.entityId(), k -> new com.riskpulse.engine.feature.EntityState()), e);
    }

    private com.riskpulse.engine.feature.FeatureVector[] vectors;
    private int nextVector;

    /** Only the model half: score precomputed feature vectors (no state, no assessment). */
    @Benchmark
    public Object modelOnly() {
        if (vectors == null) {
            RiskScorer warm = new RiskScorer(() -> model, new AssessmentIds(0), Duration.ofMinutes(5));
            vectors = new com.riskpulse.engine.feature.FeatureVector[stream.length];
            for (int i = 0; i < stream.length; i++) {
                Assessment a = warm.score(stream[i]);
                vectors[i] = a == null ? null : a.features();
            }
        }
        if (nextVector == stream.length) nextVector = 0;
        int i = nextVector++;
        return vectors[i] == null ? null : model.score(stream[i], vectors[i]);
    }

    @Benchmark
    public Assessment scoreOneEvent() {
        if (next == stream.length) freshScorer();
        return scorer.score(stream[next++]);
    }
}

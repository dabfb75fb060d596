package com.riskpulse.bench;

import com.riskpulse.engine.assessment.AssessmentIds;
import com.riskpulse.engine.assessment.JdbcAssessments;
import com.riskpulse.engine.score.LiveScoringModel;
import com.riskpulse.engine.score.ScoringConfig;
import com.riskpulse.engine.simulator.Simulator;
import com.riskpulse.engine.simulator.SimulatorSettings;
import com.riskpulse.engine.storage.Database;
import com.riskpulse.engine.storage.DatabaseSettings;
import com.riskpulse.engine.stream.InMemoryDeadLetters;
import com.riskpulse.engine.stream.Pipeline;
import com.riskpulse.engine.stream.PipelineSettings;
import com.riskpulse.engine.stream.PipelineStats;

import java.time.Clock;
import java.util.Locale;

/**
 * End-to-end load run: simulator → pipeline → database, for a fixed time, reporting the events stored
 * per second after warm-up and the latency from arrival at the pipeline to stored (p50 / p99).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar com.riskpulse.bench.PipelineLoadRun --db h2 --seconds 60
 * java -cp bench/target/benchmarks.jar com.riskpulse.bench.PipelineLoadRun \
 *      --db jdbc:postgresql://127.0.0.1:5432/riskpulse_bench?user=postgres --strategy COPY --seconds 60
 * </pre>
 * {@code --writers N} sets the number of store writer threads. {@code --rate N} paces the simulator to about N events/s (latency below saturation); without it the
 * simulator runs flat out and the pipeline's backpressure sets the pace (throughput at saturation).
 * The assessments table is emptied first, so every run starts from the same state.
 */
public final class PipelineLoadRun {

    public static void main(String[] args) throws Exception {
        String db = "h2";
        String strategy = null;
        int seconds = 60, warmup = 10, writers = 0;
        double rate = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--db" -> db = args[i + 1];
                case "--strategy" -> strategy = args[i + 1];
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Double.parseDouble(args[i + 1]);
                case "--writers" -> writers = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        DatabaseSettings settings = LoadRunDatabase.settings(db);
        try (Database database = Database.open(settings)) {
            JdbcAssessments store = LoadRunDatabase.emptyStore(database, strategy);
            JdbcAssessments.WriteStrategy ws = store.strategy();
            SimulatorSettings sim = SimulatorSettings.unpaced(11, 0);
            if (rate > 0) sim = sim.withEventsPerSecond(1).withSpeedFactor(rate);
            PipelineSettings pipelineSettings = PipelineSettings.defaultsFor(database.dialect());
            if (writers > 0) pipelineSettings = pipelineSettings.withStoreWriters(writers);
            Pipeline pipeline = Pipeline.start(pipelineSettings, new LiveScoringModel(ScoringConfig.defaults()),
                    new AssessmentIds(0), store, new InMemoryDeadLetters(100), null, Clock.systemUTC());
            System.out.printf("database %s, strategy %s, %d store writers, %s, %d s after %d s warm-up, %d cores%n",
                    database.dialect(), ws, pipelineSettings.storeWriters(),
                    rate > 0 ? String.format("paced at ~%.0f events/s", rate) : "unpaced", seconds, warmup,
                    Runtime.getRuntime().availableProcessors());
            pipeline.addSource(new Simulator(sim));
            Thread.sleep(warmup * 1_000L);
            pipeline.resetLatency();
            PipelineStats start = pipeline.stats();
            long t0 = System.nanoTime();
            for (int s = 5; s <= seconds; s += 5) {
                Thread.sleep(5_000);
                PipelineStats now = pipeline.stats();
                System.out.printf("  %3d s: %,.0f stored/s so far, p50 %.1f ms, p99 %.1f ms, queued %,d + %,d%n", s,
                        (now.stored() - start.stored()) / ((System.nanoTime() - t0) / 1e9),
                        now.latencyP50Micros() / 1e3, now.latencyP99Micros() / 1e3, now.partitionQueued(), now.storeQueued());
            }
            PipelineStats end = pipeline.stats();
            double elapsed = (System.nanoTime() - t0) / 1e9;
            pipeline.close();
            System.out.printf(Locale.ROOT, "RESULT db=%s strategy=%s writers=%d rate=%s stored_per_s=%.0f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                    database.dialect(), ws, pipelineSettings.storeWriters(), rate > 0 ? String.valueOf((long) rate) : "unpaced",
                    (end.stored() - start.stored()) / elapsed, end.latencyP50Micros() / 1e3, end.latencyP99Micros() / 1e3,
                    end.latencyMaxMicros() / 1e3);
        }
    }
}

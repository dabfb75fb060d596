package com.riskpulse.bench;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.AssessmentIds;
import com.riskpulse.engine.assessment.RiskScorer;
import com.riskpulse.engine.explain.ExplanationService;
import com.riskpulse.engine.explain.KnowledgeBase;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.score.ScoringConfig;
import com.riskpulse.engine.score.ScoringModel;
import com.riskpulse.engine.simulator.Simulator;
import com.riskpulse.engine.simulator.SimulatorSettings;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Times explanations without a chat model: knowledge base start-up (model load + embedding of every section),
 * the first explanation after it, then {@code --count} explanations of HIGH+ simulator assessments.
 * {@code java -cp bench/target/benchmarks.jar com.riskpulse.bench.ExplainRun --count 5000}
 */
public final class ExplainRun {

    public static void main(String[] args) {
        int count = args.length == 2 && args[0].equals("--count") ? Integer.parseInt(args[1]) : 5_000;
        ScoringModel model = ScoringModel.compile(ScoringConfig.defaults());
        RiskScorer scorer = new RiskScorer(() -> model, new AssessmentIds(0), Duration.ofMinutes(5));
        List<Assessment> flagged = new ArrayList<>();
        Simulator.events(SimulatorSettings.unpaced(20261126L, 200_000)).forEach(e -> {
            Assessment a = scorer.score(e);
            if (a != null && a.level().compareTo(RiskLevel.HIGH) >= 0) flagged.add(a);
        });

        long t0 = System.nanoTime();
        KnowledgeBase kb = KnowledgeBase.load(null);
        long t1 = System.nanoTime();
        ExplanationService service = new ExplanationService(null, null, () -> model, () -> kb, Optional.empty(), () -> RiskLevel.HIGH);
        service.explain(flagged.getFirst());
        long t2 = System.nanoTime();

        Histogram h = new Histogram(3);
        for (int i = 0; i < count; i++) {
            long s = System.nanoTime();
            service.explain(flagged.get(i % flagged.size()));
            h.recordValue((System.nanoTime() - s) / 1_000);
        }
        System.out.printf(Locale.ROOT, "sections %d, flagged assessments %d%n", kb.passages().size(), flagged.size());
        System.out.printf(Locale.ROOT, "knowledge base start-up %.0f ms; first explanation after it %.1f ms; time to first explanation %.0f ms%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6);
        System.out.printf(Locale.ROOT, "%d explanations: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms%n", count,
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getMaxValue() / 1e3, h.getMean() / 1e3);
    }
}

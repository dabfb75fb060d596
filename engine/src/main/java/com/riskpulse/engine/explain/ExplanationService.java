package com.riskpulse.engine.explain;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.Assessments;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditEvent;
import com.riskpulse.engine.audit.AuditLog;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.feature.Feature;
import com.riskpulse.engine.feature.FeatureVector;
import com.riskpulse.engine.score.Contribution;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.score.RiskRules;
import com.riskpulse.engine.score.ScoringModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Explains an assessment: the top features against the entity's own baseline, the rules that fired, the
 * policy passages most relevant to them, what to check next and a counterfactual computed with the real
 * scorer. A configured chat model phrases it from those facts; its answer is kept only when every number in
 * it is one of the facts, otherwise (and without a chat model) a deterministic template writes it.
 * Thread-safe.
 */
public final class ExplanationService {

    private static final Logger log = LoggerFactory.getLogger(ExplanationService.class);
    static final int TOP_FEATURES = 3;
    static final int PASSAGES = 3;
    public static final String TEMPLATE = "template";
    static final String NO_MODEL_NOTE = "Composed from the assessment by a template, without a language model.";

    private final Assessments assessments;
    private final AuditLog audit;
    private final Supplier<ScoringModel> model;
    private final Supplier<KnowledgeBase> knowledge;
    private final Optional<ExplanationChat> chat;
    private final Supplier<RiskLevel> alertLevel;

    /**
     * @param knowledge  the knowledge base; memoised here, so a supplier that loads it is called once, on first use
     * @param chat       the chat model that phrases explanations, or empty for the template
     * @param alertLevel the lowest level that raises an alert: the counterfactual gets under its threshold
     */
    public ExplanationService(Assessments assessments, AuditLog audit, Supplier<ScoringModel> model,
                              Supplier<KnowledgeBase> knowledge, Optional<ExplanationChat> chat, Supplier<RiskLevel> alertLevel) {
        this.assessments = assessments;
        this.audit = audit;
        this.model = model;
        this.knowledge = memoised(knowledge);
        this.chat = chat;
        this.alertLevel = alertLevel;
    }

    /** Loads the knowledge base now (at start-up) rather than on the first explanation. */
    public KnowledgeBase warmUp() {
        return knowledge.get();
    }

    /** Requires {@link Permission#EXPLAIN}; audited as EXPLANATION_REQUESTED. */
    public Explanation explain(Actor actor, long riskId) {
        actor.require(Permission.EXPLAIN);
        Assessment a = assessments.byId(riskId).orElseThrow(() -> new NoSuchElementException("no risk " + riskId));
        Explanation e = explain(a);
        audit.record(new AuditEvent(actor, AuditAction.EXPLANATION_REQUESTED, "risk:" + a.id(),
                Map.of("entity_id", a.entityId(), "method", e.method())));
        return e;
    }

    /** The explanation of an assessment at hand (not audited: for callers that checked and audit themselves). */
    public Explanation explain(Assessment a) {
        ScoringModel m = model.get();
        double threshold = m.config().thresholds().lowerBound(alertLevel.get());
        Facts facts = new Facts();
        facts.add("risk_id", a.id());
        String score = facts.add("score", a.score(), 3);
        String thr = facts.add("alert_threshold", threshold, 3);

        List<Explanation.FeatureFact> top = topFeatures(a, facts);
        List<Passage> citations = retrieve(knowledge.get(), a, PASSAGES);
        List<String> checks = nextChecks(citations);
        Counterfactual cf = a.score() < threshold
                ? new Counterfactual(Map.of(), a.score(), threshold, true)
                : Counterfactual.find(a, m, threshold);

        StringBuilder sb = new StringBuilder();
        String level = a.level().name().toLowerCase(Locale.ROOT);
        sb.append("Risk ").append(a.id()).append(" (entity ").append(a.entityId()).append(") scored ").append(score)
                .append(", level ").append(level).append("; alerts start at ").append(thr).append(". ");
        if (top.isEmpty()) sb.append("No feature pushed the score up. ");
        else sb.append("Main drivers: ").append(top.stream().map(Explanation.FeatureFact::phrase).collect(Collectors.joining("; "))).append(". ");
        if (!a.rulesFired().isEmpty()) {
            sb.append("Rules fired: ").append(a.rulesFired().stream().map(r -> r + " (" + RiskRules.byName(r).description() + ")")
                    .collect(Collectors.joining(", "))).append(". ");
        }
        if (!citations.isEmpty()) {
            sb.append("Relevant policy: ").append(citations.stream().map(Passage::citation).collect(Collectors.joining(", "))).append(". ");
        }
        sb.append(counterfactualText(a, cf, facts));
        if (!checks.isEmpty()) {
            // the checklist is policy text: quoted only when it states no number, so every number in the prose
            // stays a fact of the assessment (an organisation's own document may say "within 15 minutes")
            String check = checks.getFirst();
            sb.append("Check next: ").append(facts.untraced(check).isEmpty() ? check : "see next_checks.").append(' ');
        }
        String template = sb.append(NO_MODEL_NOTE).toString();
        List<String> untracedInTemplate = facts.untraced(template);
        if (!untracedInTemplate.isEmpty()) log.warn("template states untraced numbers {}", untracedInTemplate);

        String summary = template, method = TEMPLATE, fallback = null;
        if (chat.isPresent()) {
            try {
                String answer = chat.get().complete(prompt(a, facts, top, citations, checks, cf));
                List<String> untraced = answer == null ? List.of("(no answer)") : facts.untraced(answer);
                if (untraced.isEmpty() && !answer.isBlank()) {
                    summary = answer.strip();
                    method = chat.get().name();
                } else {
                    fallback = "the chat model stated numbers that are not facts of the assessment: " + untraced;
                }
            } catch (RuntimeException ex) {
                fallback = "the chat model failed: " + ex.getMessage();
            }
            if (fallback != null) log.warn("explanation of risk {} falls back to the template: {}", a.id(), fallback);
        }
        return new Explanation(a.id(), a.entityId(), a.score(), level, top, a.rulesFired(), citations, checks, cf,
                summary, method, facts.all(), fallback);
    }

    /** The {@code k} passages most relevant to the assessment: its query, boosted for the rules that fired. */
    public static List<Passage> retrieve(KnowledgeBase kb, Assessment a, int k) {
        List<String> rules = firedByStrength(a);
        double[] boosts = new double[rules.size()];
        for (int i = 0; i < boosts.length; i++) boosts[i] = i == 0 ? 0.15 : 0.05;
        return kb.search(query(a), k, rules, boosts);
    }

    static List<String> firedByStrength(Assessment a) {
        return a.contributions().stream().filter(Contribution::isRule)
                .map(c -> c.name().substring(Contribution.RULE_PREFIX.length())).toList();
    }

    /** The retrieval query: the fired rules and the top features, in words. */
    public static String query(Assessment a) {
        // the rules by what they added, strongest first: it alone is described, so it leads the similarity
        List<String> rules = firedByStrength(a);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String r = rules.get(i);
            parts.add(r.replace('_', ' ') + (i == 0 ? ": " + RiskRules.byName(r).description() : ""));
        }
        a.contributions().stream().filter(c -> !c.isRule() && c.contribution() > 0).limit(TOP_FEATURES)
                .forEach(c -> parts.add(c.name() + ": " + Feature.fromWireName(c.name()).description()));
        return String.join(". ", parts);
    }

    private static List<Explanation.FeatureFact> topFeatures(Assessment a, Facts facts) {
        List<Explanation.FeatureFact> out = new ArrayList<>();
        for (Contribution c : a.contributions()) {
            if (c.isRule() || c.contribution() <= 0) continue;
            Feature f = Feature.fromWireName(c.name());
            out.add(new Explanation.FeatureFact(c.name(), f.description(), c.value(), c.contribution(), phrase(f, a, facts)));
            if (out.size() == TOP_FEATURES) break;
        }
        return out;
    }

    /** The feature's value in words, against the entity's own baseline where the features hold one. */
    static String phrase(Feature f, Assessment a, Facts facts) {
        FeatureVector v = a.features();
        String w = f.wireName();
        double x = v.get(f);
        return switch (f) {
            case COUNT_1M -> facts.add(w, (long) x) + " events in the last minute (count_1m), against a usual "
                    + facts.add("baseline_per_minute_24h", v.get(Feature.COUNT_24H) / 1440, 2) + " a minute over its last day";
            case COUNT_1H -> facts.add(w, (long) x) + " events in the last hour (count_1h), against a usual "
                    + facts.add("baseline_per_hour_24h", v.get(Feature.COUNT_24H) / 24, 1) + " an hour over its last day";
            case COUNT_24H -> facts.add(w, (long) x) + " events in the last day (count_24h)";
            case AMOUNT_RATIO -> "an amount of " + facts.add("amount", a.event().amount(), 2) + " " + a.event().currency()
                    + ", " + facts.add(w, x, 1) + " times its typical amount of "
                    + facts.add("typical_amount", x > 0 ? a.event().amount() / x : 0, 2) + " (amount_ratio)";
            case AMOUNT_ZSCORE -> facts.add(w, x, 1) + " deviations above its usual amount (amount_zscore)";
            case NEW_PAYEES_1H -> facts.add(w, (long) x) + " first-seen payees in the last hour (new_payees_1h)";
            case TRAVEL_SPEED_KMH -> "a country change implying " + facts.add(w, x, 0) + " km/h since its previous event (travel_speed_kmh)";
            case HISTORY -> "only " + facts.add(w, (long) x) + " earlier events seen for this entity (history)";
            case FAILED_SHARE_1H -> facts.add(w, x, 2) + " of the last hour's attempts failed or were declined (failed_share_1h)";
            case MERCHANT_CATEGORY_RISK -> "a merchant category of risk " + facts.add(w, x, 2) + " (merchant_category_risk)";
            case HOUR_UNUSUAL -> "an hour of day of unusualness " + facts.add(w, x, 2) + " for this entity (hour_unusual)";
            case NEW_DEVICE, NEW_COUNTRY, NEW_MERCHANT, RECENT_LOGIN_NOVELTY -> f.description() + " (" + w + ")";
            // feature descriptions may hold numbers ("24 hours"): the wire name alone keeps every number a fact
            default -> w + " at " + facts.add(w, x, 2);
        };
    }

    private static String counterfactualText(Assessment a, Counterfactual cf, Facts facts) {
        if (a.score() < cf.threshold()) return "The score is already under the alert threshold. ";
        if (!cf.found()) return "No change of up to three top features alone brings the score under the alert threshold. ";
        String changes = cf.changes().entrySet().stream().map(e -> {
            Feature f = Feature.fromWireName(e.getKey());
            int decimals = Counterfactual.whole(f) ? 0 : 2;
            return e.getKey() + " at " + facts.add("counterfactual_" + e.getKey(), e.getValue(), decimals)
                    + " instead of " + facts.add("actual_" + e.getKey(), a.features().get(f), decimals);
        }).collect(Collectors.joining(" and "));
        return "Counterfactual: with " + changes + ", the same model scores " + facts.add("counterfactual_score", cf.newScore(), 3)
                + ", under the alert threshold. ";
    }

    private List<String> nextChecks(List<Passage> citations) {
        Set<String> docs = new LinkedHashSet<>();
        citations.forEach(p -> docs.add(p.document()));
        List<String> out = new ArrayList<>();
        for (String d : docs) {
            knowledge.get().passages().stream()
                    .filter(p -> p.document().equals(d) && (p.section().toLowerCase(Locale.ROOT).contains("check")
                            || p.section().equalsIgnoreCase("Handling")))
                    .findFirst().ifPresent(p -> out.add(p.text()));
            if (out.size() == 2) break;
        }
        return out;
    }

    private static String prompt(Assessment a, Facts facts, List<Explanation.FeatureFact> top, List<Passage> citations,
                                 List<String> checks, Counterfactual cf) {
        StringBuilder sb = new StringBuilder();
        sb.append("You explain a fraud-risk score to a bank analyst in at most 120 words. Use ONLY the facts below; ")
                .append("every number you write must be one of the facts' values exactly as given. Cite policy passages as ")
                .append("'document § section'. End with what the analyst should check next.\n\nFacts:\n").append(facts.listing())
                .append("- level: ").append(a.level().name().toLowerCase(Locale.ROOT)).append('\n')
                .append("- rules fired: ").append(a.rulesFired()).append('\n');
        top.forEach(f -> sb.append("- driver: ").append(f.phrase()).append('\n'));
        if (!cf.changes().isEmpty()) sb.append("- counterfactual changes: ").append(cf.changes().keySet()).append('\n');
        sb.append("\nPassages:\n");
        citations.forEach(p -> sb.append("[").append(p.citation()).append("] ").append(p.text()).append('\n'));
        sb.append("\nChecks:\n");
        checks.forEach(c -> sb.append("- ").append(c).append('\n'));
        return sb.toString();
    }

    private static <T> Supplier<T> memoised(Supplier<T> s) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) value = s.get();
                        v = value;
                    }
                }
                return v;
            }
        };
    }
}

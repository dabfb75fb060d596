package com.riskpulse.desktop.detail;

import com.fasterxml.jackson.databind.JsonNode;
import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.fx.Errors;
import com.riskpulse.desktop.shell.Navigator;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.engine.api.ContributionView;
import com.riskpulse.engine.api.ExplanationView;
import com.riskpulse.engine.api.RiskView;
import com.riskpulse.engine.assessment.HistoryQuery;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.client.RiskClient;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One assessment in full: the event as received, its score and what made it, the explanation (for users who may
 * EXPLAIN) and the entity's recent history, each loaded in the background; showing another assessment drops the
 * answers still in flight for the previous one.
 */
public final class AssessmentDetailViewModel {

    /** One field of the event, for display. */
    public record Field(String name, String value) {
    }

    static final int HISTORY = 50;
    static final String EXPLAIN_NEEDS_ROLE = "Explanations need the analyst role.";

    private final RiskClient client;
    private final Background background;
    private final Navigator navigator;
    private final boolean canExplain;

    private final ObjectProperty<RiskView> risk = new SimpleObjectProperty<>();
    private final LongProperty currentRiskId = new SimpleLongProperty(-1);
    private final StringProperty title = new SimpleStringProperty("No assessment selected");
    private final StringProperty scoreText = new SimpleStringProperty("");
    private final StringProperty level = new SimpleStringProperty("");
    private final StringProperty facts = new SimpleStringProperty("");
    private final ObservableList<Field> eventFields = FXCollections.observableArrayList();
    private final ObservableList<ContributionView> contributions = FXCollections.observableArrayList();

    private final BooleanProperty explaining = new SimpleBooleanProperty(false);
    private final StringProperty explanationNote = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObservableList<ExplanationView.Feature> features = FXCollections.observableArrayList();
    private final ObservableList<String> citations = FXCollections.observableArrayList();
    private final ObservableList<String> nextChecks = FXCollections.observableArrayList();
    private final StringProperty counterfactual = new SimpleStringProperty("");
    private final ObjectProperty<ExplanationView> explanation = new SimpleObjectProperty<>();

    private final ObservableList<RiskView> history = FXCollections.observableArrayList();
    private final BooleanBinding loading;

    private long generation;

    public AssessmentDetailViewModel(ScreenContext ctx) {
        this.client = ctx.client();
        this.background = ctx.background();
        this.navigator = ctx.navigator();
        this.canExplain = client.may(Permission.EXPLAIN);
        this.loading = background.busy().greaterThan(0);
        if (!canExplain) explanationNote.set(EXPLAIN_NEEDS_ROLE);
    }

    /** Shows this assessment: the record first, then its explanation and the entity's history. */
    public void show(long riskId) {
        long mine = ++generation;
        currentRiskId.set(riskId);
        clearExplanation();
        background.run(() -> client.risk(riskId), found -> {
            if (mine != generation) return;
            if (found.isEmpty()) {
                navigator.showError("Assessment not found", "No assessment " + riskId);
                return;
            }
            showRisk(found.get());
            if (canExplain) explain(mine, riskId);
            loadHistory(mine, found.get().entityId());
        }, e -> failed(mine, "Could not load assessment " + riskId, e));
    }

    /** Re-reads the current assessment (the screen was shown again). */
    public void refresh() {
        if (currentRiskId.get() >= 0) show(currentRiskId.get());
    }

    private void showRisk(RiskView r) {
        risk.set(r);
        title.set("Assessment " + r.riskId() + " · " + r.entityId());
        scoreText.set(String.format(Locale.ROOT, "%.2f", r.score()));
        level.set(r.level().toUpperCase(Locale.ROOT));
        StringBuilder f = new StringBuilder();
        f.append("Configuration v").append(r.configVersion());
        if (r.modelVersion() != null) f.append(" · model ").append(r.modelVersion());
        if (r.late()) f.append(" · arrived late");
        f.append("\nRules fired: ").append(r.rulesFired() == null || r.rulesFired().isEmpty() ? "none" : String.join(", ", r.rulesFired()));
        facts.set(f.toString());
        eventFields.setAll(fields(r.event()));
        contributions.setAll(byMagnitude(r.contributions()));
    }

    private void explain(long mine, long riskId) {
        explaining.set(true);
        explanationNote.set("Explaining…");
        background.run(() -> client.explain(riskId), e -> {
            if (mine != generation) return;
            explaining.set(false);
            explanationNote.set("");
            showExplanation(e);
        }, e -> {
            if (mine != generation) return;
            explaining.set(false);
            explanationNote.set("No explanation: " + Errors.readable(e));
        });
    }

    private void showExplanation(ExplanationView e) {
        explanation.set(e);
        summary.set(e.summary() == null ? "" : e.summary());
        features.setAll(e.features() == null ? List.of() : e.features());
        citations.setAll(e.citations() == null ? List.of() : e.citations());
        nextChecks.setAll(e.nextChecks() == null ? List.of() : e.nextChecks());
        counterfactual.set(counterfactualText(e, risk.get()));
    }

    private void loadHistory(long mine, String entityId) {
        HistoryQuery query = new HistoryQuery(entityId, Set.of(), null, null, null, null, null, HISTORY);
        background.run(() -> client.history(query), page -> {
            if (mine != generation) return;
            List<RiskView> oldestFirst = new ArrayList<>(page.items());
            oldestFirst.sort(Comparator.comparing(RiskView::timestamp).thenComparing(RiskView::riskId));
            history.setAll(oldestFirst);
        }, e -> failed(mine, "Could not load the history of " + entityId, e));
    }

    private void clearExplanation() {
        explanation.set(null);
        summary.set("");
        features.clear();
        citations.clear();
        nextChecks.clear();
        counterfactual.set("");
        explaining.set(false);
        explanationNote.set(canExplain ? "" : EXPLAIN_NEEDS_ROLE);
    }

    private void failed(long mine, String title, Throwable e) {
        if (mine == generation) navigator.showError(title, Errors.readable(e));
    }

    /** The event's fields in wire order, nested attributes flattened ("attributes.ip_risk"). */
    static List<Field> fields(JsonNode event) {
        List<Field> out = new ArrayList<>();
        if (event == null) return out;
        flatten("", event, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, List<Field> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + e.getKey();
            if (e.getValue().isObject()) flatten(name + ".", e.getValue(), out);
            else if (!e.getValue().isNull()) out.add(new Field(name.replace('_', ' '), e.getValue().asText()));
        }
    }

    /** Largest share first, whichever its sign. */
    static List<ContributionView> byMagnitude(List<ContributionView> all) {
        if (all == null) return List.of();
        return all.stream().sorted(Comparator.comparingDouble((ContributionView c) -> Math.abs(c.contribution())).reversed()).toList();
    }

    /** "If count_1m had been 2 instead of 14, the score would be 0.41." */
    static String counterfactualText(ExplanationView e, RiskView r) {
        Map<String, Double> changes = e.counterfactual();
        if (changes == null || changes.isEmpty() || e.counterfactualScore() == null) {
            return "No single change found that would have kept this event under the alert threshold.";
        }
        List<String> parts = new ArrayList<>();
        changes.forEach((name, to) -> {
            Double from = originalValue(name, e, r);
            parts.add(name + " had been " + number(to) + (from == null ? "" : " instead of " + number(from)));
        });
        return "If " + String.join(" and ", parts) + ", the score would be " + String.format(Locale.ROOT, "%.2f", e.counterfactualScore()) + ".";
    }

    private static Double originalValue(String name, ExplanationView e, RiskView r) {
        if (e.features() != null) for (ExplanationView.Feature f : e.features()) if (f.name().equals(name)) return f.value();
        if (r != null && r.contributions() != null) for (ContributionView c : r.contributions()) if (c.name().equals(name)) return c.value();
        return null;
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    // ---- properties

    public boolean canExplain() {
        return canExplain;
    }

    public ObjectProperty<RiskView> riskProperty() {
        return risk;
    }

    public LongProperty currentRiskIdProperty() {
        return currentRiskId;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty scoreTextProperty() {
        return scoreText;
    }

    public StringProperty levelProperty() {
        return level;
    }

    public StringProperty factsProperty() {
        return facts;
    }

    public ObservableList<Field> eventFields() {
        return eventFields;
    }

    public ObservableList<ContributionView> contributions() {
        return contributions;
    }

    public BooleanProperty explainingProperty() {
        return explaining;
    }

    public StringProperty explanationNoteProperty() {
        return explanationNote;
    }

    public ObjectProperty<ExplanationView> explanationProperty() {
        return explanation;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public ObservableList<ExplanationView.Feature> features() {
        return features;
    }

    public ObservableList<String> citations() {
        return citations;
    }

    public ObservableList<String> nextChecks() {
        return nextChecks;
    }

    public StringProperty counterfactualProperty() {
        return counterfactual;
    }

    /** The entity's recent assessments, oldest first. */
    public ObservableList<RiskView> history() {
        return history;
    }

    public BooleanBinding loadingBinding() {
        return loading;
    }
}

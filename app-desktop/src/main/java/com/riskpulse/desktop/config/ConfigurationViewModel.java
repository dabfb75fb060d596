package com.riskpulse.desktop.config;

import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.fx.Errors;
import com.riskpulse.desktop.shell.Navigator;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.engine.alert.AlertPolicySettings;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.client.RiskClient;
import com.riskpulse.engine.client.RiskClientException;
import com.riskpulse.engine.config.ConfigDiff;
import com.riskpulse.engine.config.ConfigDocument;
import com.riskpulse.engine.config.ConfigDocument.ThresholdValues;
import com.riskpulse.engine.config.ConfigPreview;
import com.riskpulse.engine.config.ConfigValidator;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.score.RiskRule;
import com.riskpulse.engine.score.RiskRules;
import com.riskpulse.engine.score.RuleSettings;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration screen's logic: the current document as an editable form, validated as the admin types (each
 * field parsed, then the engine's own {@link ConfigValidator} run on the whole edited document, every problem put
 * next to its field by path), the changes against the loaded version, a preview on recent traffic, saving (409 and
 * 400 handled) and the version history with each version's differences from the one before.
 */
public final class ConfigurationViewModel {

    /** Assessments a preview rescores. */
    public static final int PREVIEW_SAMPLE = 1000;
    /** Versions the history shows. */
    public static final int HISTORY_LIMIT = 50;

    static final String NOT_A_NUMBER = "not a number";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** One numeric field of the form: its text as typed and the problems found for its path. */
    public static final class Field {
        private final String path;
        private final String label;
        private final StringProperty text = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

        Field(String path, String label) {
            this.path = path;
            this.label = label;
        }

        public String path() {
            return path;
        }

        public String label() {
            return label;
        }

        public StringProperty text() {
            return text;
        }

        /** Empty when the field is fine. */
        public ReadOnlyStringProperty problem() {
            return problem.getReadOnlyProperty();
        }
    }

    /** One rule: on or off, with its description; its boost and parameters are kept as loaded. */
    public static final class RuleRow {
        private final String name;
        private final String description;
        private final BooleanProperty enabled = new SimpleBooleanProperty();
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
        private RuleSettings loaded;

        RuleRow(String name, String description) {
            this.name = name;
            this.description = description;
        }

        public String name() {
            return name;
        }

        public String description() {
            return description;
        }

        public BooleanProperty enabled() {
            return enabled;
        }

        public ReadOnlyStringProperty problem() {
            return problem.getReadOnlyProperty();
        }
    }

    /** One row of the preview's level comparison. */
    public record LevelCount(RiskLevel level, int current, int proposed) {
    }

    /** One stored version as the history lists it. */
    public record VersionRow(ConfigDocument document, String version, String savedAt, String savedBy, String comment) {
    }

    private final RiskClient client;
    private final Background background;
    private final Navigator navigator;
    private final ZoneId zone;

    private final Field low = new Field("thresholds.low", "Low (clear floor)");
    private final Field medium = new Field("thresholds.medium", "Medium");
    private final Field high = new Field("thresholds.high", "High");
    private final Field critical = new Field("thresholds.critical", "Critical");
    private final Field bias = new Field("bias", "Bias (log-odds)");
    private final Field retentionDays = new Field("retention_days", "Retention (days)");
    private final ObservableList<Field> weights = FXCollections.observableArrayList();
    private final ObservableList<RuleRow> rules = FXCollections.observableArrayList();
    private final ObjectProperty<RiskLevel> alertMinimum = new SimpleObjectProperty<>(RiskLevel.HIGH);
    private final StringProperty comment = new SimpleStringProperty("");

    private final ReadOnlyObjectWrapper<ConfigDocument> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper versionText = new ReadOnlyStringWrapper("Loading…");
    private final ReadOnlyStringWrapper thresholdsProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper otherProblems = new ReadOnlyStringWrapper("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper changesText = new ReadOnlyStringWrapper("No changes");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper mayPreview = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper previewRunning = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper(false);

    private final ReadOnlyObjectWrapper<ConfigPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper previewSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<LevelCount> previewLevels = FXCollections.observableArrayList();
    private final ObservableList<String> previewTransitions = FXCollections.observableArrayList();

    private final ObservableList<VersionRow> history = FXCollections.observableArrayList();
    private final ObjectProperty<VersionRow> selectedVersion = new SimpleObjectProperty<>();
    private final ObservableList<String> selectedDifferences = FXCollections.observableArrayList();

    private final BooleanBinding canSave;
    private final BooleanBinding canPreview;
    /** Set while the form is filled from a document, so that filling does not validate field by field. */
    private boolean filling;

    public ConfigurationViewModel(ScreenContext ctx) {
        this.client = ctx.client();
        this.background = ctx.background();
        this.navigator = ctx.navigator();
        this.zone = ctx.clock().getZone();
        for (Field f : List.of(low, medium, high, critical, bias, retentionDays)) f.text.addListener((o, a, b) -> edited());
        alertMinimum.addListener((o, a, b) -> edited());
        canSave = Bindings.createBooleanBinding(() -> editable.get() && valid.get() && changed.get() && !saving.get(),
                editable, valid, changed, saving);
        canPreview = Bindings.createBooleanBinding(() -> mayPreview.get() && valid.get() && !previewRunning.get(),
                mayPreview, valid, previewRunning);
        selectedVersion.addListener((o, a, b) -> showDifferences(b));
    }

    // ---- actions

    /** Loads the current document (and the history); the form shows it unchanged. */
    public void load() {
        editable.set(client.may(Permission.CHANGE_CONFIG));
        mayPreview.set(client.may(Permission.PREVIEW_CONFIG));
        background.run(client::config, doc -> {
            conflict.set(false);
            message.set("");
            fill(doc);
        }, e -> navigator.showError("Could not load the configuration", Errors.readable(e)));
        loadHistory();
    }

    /** Throws the edits away: the form shows the loaded version again. */
    public void revert() {
        if (loaded.get() != null) fill(loaded.get());
        message.set("");
    }

    /** Rescores the newest assessments with the edited configuration; changes nothing. */
    public void preview() {
        Optional<ConfigDocument> doc = edited();
        if (doc.isEmpty() || !canPreview.get()) return;
        previewRunning.set(true);
        background.run(() -> client.previewConfig(doc.get(), PREVIEW_SAMPLE), p -> {
            previewRunning.set(false);
            showPreview(p);
        }, e -> {
            previewRunning.set(false);
            if (e instanceof RiskClientException rce && rce.status() == 400) showProblems(rce.problems());
            navigator.showError("Preview failed", Errors.readable(e));
        });
    }

    /** Saves the edited configuration as the next version; on success the new version is loaded. */
    public void save() {
        Optional<ConfigDocument> doc = edited();
        if (doc.isEmpty() || !canSave.get()) return;
        saving.set(true);
        message.set("");
        background.run(() -> client.saveConfig(doc.get()), saved -> {
            saving.set(false);
            conflict.set(false);
            fill(saved);
            clearPreview();
            loadHistory();
            navigator.notify("Configuration v" + saved.version() + " saved");
        }, e -> {
            saving.set(false);
            if (e instanceof RiskClientException rce && rce.status() == 409) {
                conflict.set(true);
                message.set("Someone else saved a newer configuration while you were editing version "
                        + doc.get().version() + ". Reload to see it, then make your change again. (" + rce.getMessage() + ")");
            } else if (e instanceof RiskClientException rce && rce.status() == 400) {
                showProblems(rce.problems());
                message.set("Not saved: the engine found " + rce.problems().size() + " problem(s).");
            } else {
                navigator.showError("Could not save the configuration", Errors.readable(e));
            }
        });
    }

    /** After a conflict: loads the newest version (edits are dropped). */
    public void reload() {
        load();
    }

    // ---- form <-> document

    private void fill(ConfigDocument doc) {
        filling = true;
        try {
            loaded.set(doc);
            ThresholdValues t = doc.thresholds();
            low.text.set(number(t == null ? null : t.low()));
            medium.text.set(number(t == null ? null : t.medium()));
            high.text.set(number(t == null ? null : t.high()));
            critical.text.set(number(t == null ? null : t.critical()));
            bias.text.set(number(doc.bias()));
            retentionDays.text.set(String.valueOf(doc.retentionDays()));
            alertMinimum.set(doc.alertPolicy().minimumLevel());
            comment.set("");
            fillWeights(doc.weights() == null ? Map.of() : doc.weights());
            fillRules(doc.rules());
            versionText.set(describe(doc));
        } finally {
            filling = false;
        }
        edited();
    }

    private void fillWeights(Map<String, Double> values) {
        List<Field> fields = new ArrayList<>();
        // by name: the stored map's order is whatever the JSON round trip left
        new java.util.TreeMap<>(values).forEach((feature, w) -> {
            Field f = new Field("weights." + feature, feature);
            f.text.set(number(w));
            f.text.addListener((o, a, b) -> edited());
            fields.add(f);
        });
        weights.setAll(fields);
    }

    private void fillRules(Map<String, RuleSettings> values) {
        List<RuleRow> rows = new ArrayList<>();
        values.forEach((name, settings) -> {
            RuleRow row = new RuleRow(name, descriptionOf(name));
            row.loaded = settings;
            row.enabled.set(settings == null || settings.enabled());
            row.enabled.addListener((o, a, b) -> edited());
            rows.add(row);
        });
        rules.setAll(rows);
    }

    /**
     * Builds the edited document from the form and validates it; every problem goes next to its field and into the
     * summary. Empty when a field is not a number (the document cannot be built as typed).
     */
    Optional<ConfigDocument> edited() {
        if (filling || loaded.get() == null) return Optional.empty();
        ConfigDocument base = loaded.get();
        Map<String, String> parseProblems = new LinkedHashMap<>();
        Double lowValue = parse(low, parseProblems), mediumValue = parse(medium, parseProblems);
        Double highValue = parse(high, parseProblems), criticalValue = parse(critical, parseProblems);
        Double biasValue = parse(bias, parseProblems);
        Integer days = parseInt(retentionDays, parseProblems);
        ConfigDocument doc = base.withThresholds(new ThresholdValues(lowValue, mediumValue, highValue, criticalValue))
                .withBias(biasValue)
                .withAlertPolicy(new AlertPolicySettings(alertMinimum.get() == null ? RiskLevel.HIGH : alertMinimum.get()))
                .withRetentionDays(days == null ? base.retentionDays() : days);
        for (Field w : weights) {
            doc = doc.withWeight(w.label, parse(w, parseProblems));
        }
        for (RuleRow r : rules) {
            RuleSettings s = r.loaded;
            if (s != null && s.enabled() != r.enabled.get()) doc = doc.withRule(r.name, new RuleSettings(r.enabled.get(), s.boost(), s.parameters()));
        }
        String why = comment.get() == null || comment.get().isBlank() ? null : comment.get().strip();
        doc = new ConfigDocument(base.version(), doc.thresholds(), doc.bias(), doc.weights(), doc.rules(), doc.alertPolicy(),
                doc.retentionDays(), null, null, why);

        List<String> all = new ArrayList<>();
        parseProblems.forEach((path, problem) -> all.add(path + ": " + problem));
        if (ConfigValidator.validate(doc) instanceof ConfigValidator.Validation.Invalid invalid) {
            // a field that is not a number is reported once, as such, not again as "is required"
            invalid.problems().stream().filter(p -> !parseProblems.containsKey(pathOf(p))).forEach(all::add);
        }
        showProblems(all);
        valid.set(all.isEmpty());

        List<String> diff = ConfigDiff.between(base, doc);
        changes.setAll(diff);
        changed.set(!diff.isEmpty());
        changesText.set(diff.isEmpty() ? "No changes" : diff.size() == 1 ? "1 changed field" : diff.size() + " changed fields");
        return all.isEmpty() ? Optional.of(doc) : Optional.empty();
    }

    /** Puts each problem next to its field (by path) and all of them into the summary. */
    private void showProblems(List<String> all) {
        problems.setAll(all);
        List<String> unplaced = new ArrayList<>();
        List<Field> fields = new ArrayList<>(List.of(low, medium, high, critical, bias, retentionDays));
        fields.addAll(weights);
        fields.forEach(f -> f.problem.set(""));
        rules.forEach(r -> r.problem.set(""));
        thresholdsProblem.set("");
        for (String p : all) {
            String path = pathOf(p);
            String what = p.substring(Math.min(p.length(), path.length() + 2));
            Optional<Field> field = fields.stream().filter(f -> f.path.equals(path)).findFirst();
            Optional<RuleRow> rule = rules.stream().filter(r -> path.equals("rules." + r.name) || path.startsWith("rules." + r.name + ".")).findFirst();
            if (field.isPresent()) field.get().problem.set(join(field.get().problem.get(), what));
            else if (rule.isPresent()) rule.get().problem.set(join(rule.get().problem.get(), p));
            else if (path.equals("thresholds")) thresholdsProblem.set(join(thresholdsProblem.get(), what));
            else unplaced.add(p);
        }
        otherProblems.set(String.join("\n", unplaced));
    }

    private void loadHistory() {
        background.run(() -> client.configHistory(HISTORY_LIMIT), docs -> {
            history.setAll(docs.stream().map(this::row).toList());
            if (!history.isEmpty()) selectedVersion.set(history.getFirst());
        }, e -> navigator.showError("Could not load the configuration history", Errors.readable(e)));
    }

    private void showDifferences(VersionRow row) {
        if (row == null) {
            selectedDifferences.clear();
            return;
        }
        int v = row.document().version();
        Optional<ConfigDocument> before = history.stream().map(VersionRow::document).filter(d -> d.version() == v - 1).findFirst();
        if (before.isEmpty()) {
            selectedDifferences.setAll(v == 1 ? List.of("First version: the starting values") : List.of("(version " + (v - 1) + " is not listed)"));
            return;
        }
        List<String> diff = ConfigDiff.between(before.get(), row.document());
        selectedDifferences.setAll(diff.isEmpty() ? List.of("No setting changed from version " + (v - 1)) : diff);
    }

    private void showPreview(ConfigPreview p) {
        preview.set(p);
        List<LevelCount> levels = new ArrayList<>();
        for (RiskLevel l : RiskLevel.values()) levels.add(new LevelCount(l, p.current().count(l), p.proposed().count(l)));
        previewLevels.setAll(levels);
        List<String> transitions = new ArrayList<>();
        p.transitions().forEach((kind, n) -> transitions.add(kind + ": " + n));
        previewTransitions.setAll(transitions);
        previewSummary.set(p.sampled() == 0 ? "No recent assessments to rescore yet."
                : "Of " + p.sampled() + " recent assessments, " + p.changed() + " would change level. Alerts: "
                + p.current().alerts() + " → " + p.proposed().alerts() + ".");
    }

    private void clearPreview() {
        preview.set(null);
        previewLevels.clear();
        previewTransitions.clear();
        previewSummary.set("");
    }

    private VersionRow row(ConfigDocument d) {
        return new VersionRow(d, "v" + d.version(), d.createdAt() == null ? "" : WHEN.format(d.createdAt().atZone(zone)),
                d.createdBy() == null ? "" : d.createdBy(), d.comment() == null ? "" : d.comment());
    }

    private String describe(ConfigDocument d) {
        StringBuilder s = new StringBuilder("Version ").append(d.version());
        if (d.createdAt() != null) s.append(" · saved ").append(WHEN.format(d.createdAt().atZone(zone)));
        if (d.createdBy() != null) s.append(" by ").append(d.createdBy());
        return s.toString();
    }

    private static String descriptionOf(String rule) {
        return RiskRules.ALL.stream().filter(r -> r.name().equals(rule)).map(RiskRule::description).findFirst().orElse("");
    }

    private static Double parse(Field f, Map<String, String> problems) {
        String s = f.text.get() == null ? "" : f.text.get().strip();
        if (s.isEmpty()) {
            problems.put(f.path, "is required");
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            problems.put(f.path, NOT_A_NUMBER);
            return null;
        }
    }

    private static Integer parseInt(Field f, Map<String, String> problems) {
        String s = f.text.get() == null ? "" : f.text.get().strip();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            problems.put(f.path, s.isEmpty() ? "is required" : "not a whole number");
            return null;
        }
    }

    private static String pathOf(String problem) {
        int colon = problem.indexOf(": ");
        return colon < 0 ? "" : problem.substring(0, colon);
    }

    private static String join(String existing, String more) {
        return existing == null || existing.isEmpty() ? more : existing + "; " + more;
    }

    private static String number(Double d) {
        return d == null ? "" : String.valueOf(d);
    }

    // ---- properties

    public Field low() {
        return low;
    }

    public Field medium() {
        return medium;
    }

    public Field high() {
        return high;
    }

    public Field critical() {
        return critical;
    }

    public Field bias() {
        return bias;
    }

    public Field retentionDays() {
        return retentionDays;
    }

    public ObservableList<Field> weights() {
        return weights;
    }

    public ObservableList<RuleRow> rules() {
        return rules;
    }

    public ObjectProperty<RiskLevel> alertMinimum() {
        return alertMinimum;
    }

    public StringProperty comment() {
        return comment;
    }

    public ReadOnlyObjectProperty<ConfigDocument> loaded() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty versionText() {
        return versionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty thresholdsProblem() {
        return thresholdsProblem.getReadOnlyProperty();
    }

    /** Problems no field shows (they are in the summary too). */
    public ReadOnlyStringProperty otherProblems() {
        return otherProblems.getReadOnlyProperty();
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ObservableList<String> changes() {
        return changes;
    }

    public ReadOnlyStringProperty changesText() {
        return changesText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty valid() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty changed() {
        return changed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editable() {
        return editable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty previewRunning() {
        return previewRunning.getReadOnlyProperty();
    }

    public BooleanBinding canSave() {
        return canSave;
    }

    public BooleanBinding canPreview() {
        return canPreview;
    }

    /** A message about the last save (a conflict, the engine's refusal); empty otherwise. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** True after a 409: the view offers Reload. */
    public ReadOnlyBooleanProperty conflict() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConfigPreview> previewResult() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewSummary() {
        return previewSummary.getReadOnlyProperty();
    }

    public ObservableList<LevelCount> previewLevels() {
        return previewLevels;
    }

    public ObservableList<String> previewTransitions() {
        return previewTransitions;
    }

    public ObservableList<VersionRow> history() {
        return history;
    }

    public ObjectProperty<VersionRow> selectedVersion() {
        return selectedVersion;
    }

    public ObservableList<String> selectedDifferences() {
        return selectedDifferences;
    }
}

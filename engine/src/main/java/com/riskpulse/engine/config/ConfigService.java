package com.riskpulse.engine.config;

import com.riskpulse.engine.alert.AlertPolicySettings;
import com.riskpulse.engine.assessment.Assessments;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditEvent;
import com.riskpulse.engine.audit.AuditLog;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.config.ConfigValidator.Validation;
import com.riskpulse.engine.config.ConfigVersions.SaveOutcome;
import com.riskpulse.engine.score.LiveScoringModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The configuration, versioned, checked, audited and applied to the running pipeline without a restart.
 *
 * <p>On start-up ({@link #load}) the stored current version wins; the environment's starting values
 * ({@link StartingValues}) are used only when nothing is stored yet, and then become version 1. An update
 * is validated (every problem reported, nothing changed when invalid), stored as the next version (of two
 * admins saving on the same version, one gets {@link UpdateOutcome.Conflict}), audited with the changes,
 * then applied: the pipeline scores with it from its next event, and listeners (alert policy, retention)
 * are told. Every call is checked against the actor's role here, not only in the HTTP layer.
 */
public final class ConfigService {

    private static final Logger log = LoggerFactory.getLogger(ConfigService.class);
    /** Most assessments one preview rescores: a preview runs on a request thread. */
    public static final int MAX_PREVIEW = 100_000;

    private final ConfigVersions versions;
    private final LiveScoringModel live;
    private final Assessments assessments;
    private final AuditLog audit;
    private final Clock clock;
    private final List<Consumer<ConfigDocument>> listeners = new CopyOnWriteArrayList<>();
    private volatile ConfigDocument current;

    public ConfigService(ConfigVersions versions, LiveScoringModel live, Assessments assessments, AuditLog audit, Clock clock) {
        this.versions = versions;
        this.live = live;
        this.assessments = assessments;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param created true when this start stored version 1; {@code overridden}: environment values the stored version overrides */
    public record Loaded(ConfigDocument current, boolean created, List<String> overridden) {}

    /** What an update did. */
    public sealed interface UpdateOutcome {
        record Applied(ConfigDocument before, ConfigDocument after, List<String> changes) implements UpdateOutcome {}

        /** Nothing was stored, applied or audited. */
        record Rejected(List<String> problems) implements UpdateOutcome {}

        /** Someone saved a newer version first; reload, reapply the edit and try again. */
        record Conflict(int expectedVersion, int currentVersion) implements UpdateOutcome {}
    }

    /** What a preview found; never changes anything. */
    public sealed interface PreviewOutcome {
        record Previewed(ConfigPreview preview) implements PreviewOutcome {}

        record Rejected(List<String> problems) implements PreviewOutcome {}
    }

    /**
     * Loads the current configuration and applies it to the pipeline: the stored one, else the
     * environment's starting values stored as version 1. Fails start-up when the starting values are invalid.
     */
    public synchronized Loaded load(Environment env) {
        ConfigDocument starting = StartingValues.from(env);
        var stored = versions.current();
        if (stored.isPresent()) {
            List<String> overridden = ConfigDiff.between(starting, stored.get());
            if (!overridden.isEmpty()) {
                log.info("stored configuration version {} wins over the environment's starting values: {}",
                        stored.get().version(), overridden);
            }
            install(stored.get());
            return new Loaded(stored.get(), false, overridden);
        }
        if (ConfigValidator.validate(starting) instanceof Validation.Invalid invalid) {
            throw new IllegalStateException("the starting configuration from the environment is invalid: "
                    + String.join("; ", invalid.problems()));
        }
        ConfigDocument first = starting.stored(1, clock.instant(), Actor.SYSTEM.username(), "starting values from the environment");
        return switch (versions.save(first, 0)) {
            case SaveOutcome.Saved saved -> {
                log.info("configuration version 1 stored from the environment's starting values");
                install(saved.document());
                yield new Loaded(saved.document(), true, List.of());
            }
            // another node stored version 1 between our read and our insert: theirs it is
            case SaveOutcome.Conflict ignored -> load(env);
        };
    }

    public ConfigDocument current(Actor actor) {
        actor.require(Permission.READ_CONFIG);
        return current();
    }

    /** The applied configuration, for the engine's own parts (no actor, no check). */
    public ConfigDocument current() {
        ConfigDocument c = current;
        if (c == null) throw new IllegalStateException("configuration not loaded: call load() at start-up");
        return c;
    }

    /** The alert policy as it is now: the alert service reads it per assessment, so changes apply live. */
    public Supplier<AlertPolicySettings> alertPolicy() {
        return () -> current().alertPolicy();
    }

    /** The retention in days as it is now, for the pruning job. */
    public Supplier<Integer> retentionDays() {
        return () -> current().retentionDays();
    }

    /** Tells {@code listener} of every configuration applied from now on; closing the answer stops that. */
    public AutoCloseable onChange(Consumer<ConfigDocument> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Validates {@code proposed}, stores it as version {@code expectedVersion + 1}, audits the change and
     * applies it. Metadata of the proposal (version, created at/by) is ignored; {@code comment} says why.
     */
    public synchronized UpdateOutcome update(Actor actor, ConfigDocument proposed, int expectedVersion, String comment) {
        actor.require(Permission.CHANGE_CONFIG);
        if (ConfigValidator.validate(proposed) instanceof Validation.Invalid invalid) {
            return new UpdateOutcome.Rejected(invalid.problems());
        }
        // the version this edit builds on, as stored (another node may have moved past our copy)
        ConfigDocument before = versions.byVersion(expectedVersion).orElse(current());
        ConfigDocument candidate = proposed.stored(expectedVersion + 1, clock.instant(), actor.username(), comment);
        return switch (versions.save(candidate, expectedVersion)) {
            case SaveOutcome.Conflict c -> new UpdateOutcome.Conflict(c.expectedVersion(), c.currentVersion());
            case SaveOutcome.Saved saved -> {
                ConfigDocument after = saved.document();
                List<String> changes = ConfigDiff.between(before, after);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("from_version", before.version());
                details.put("to_version", after.version());
                if (comment != null) details.put("comment", comment);
                details.put("changes", changes);
                details.put("before", ConfigJson.toMap(before));
                details.put("after", ConfigJson.toMap(after));
                audit.record(new AuditEvent(actor, AuditAction.CONFIG_CHANGED, "config:" + after.version(), details));
                install(after);
                log.info("configuration version {} applied by {}: {}", after.version(), actor.username(), changes);
                yield new UpdateOutcome.Applied(before, after, changes);
            }
        };
    }

    /** Stored versions, newest first. */
    public List<ConfigDocument> history(Actor actor, int limit) {
        actor.require(Permission.READ_CONFIG);
        return versions.history(Math.max(1, Math.min(limit, 1_000)));
    }

    /**
     * Rescores the newest {@code n} stored assessments with the current and with the proposed configuration
     * and compares levels and alerts. Audited; stores and applies nothing.
     */
    public PreviewOutcome preview(Actor actor, ConfigDocument proposed, int n) {
        actor.require(Permission.PREVIEW_CONFIG);
        if (n < 1 || n > MAX_PREVIEW) return new PreviewOutcome.Rejected(List.of("n: must be between 1 and " + MAX_PREVIEW + ", got " + n));
        Validation validation = ConfigValidator.validate(proposed);
        if (validation instanceof Validation.Invalid invalid) return new PreviewOutcome.Rejected(invalid.problems());
        ConfigDocument now = current();
        ConfigDocument next = proposed.withVersion(now.version() + 1);
        ConfigPreview preview = ConfigPreview.of(assessments.latest(n), now.scoringConfig(), now.alertPolicy(),
                next.scoringConfig(), next.alertPolicy());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("base_version", now.version());
        details.put("sampled", preview.sampled());
        details.put("changes", ConfigDiff.between(now, next));
        details.put("alerts_current", preview.current().alerts());
        details.put("alerts_proposed", preview.proposed().alerts());
        details.put("changed_levels", preview.changed());
        audit.record(new AuditEvent(actor, AuditAction.CONFIG_PREVIEWED, "config:" + now.version(), details));
        return new PreviewOutcome.Previewed(preview);
    }

    private void install(ConfigDocument document) {
        current = document;
        // the scoring config carries the stored version, so each assessment names the version that scored it
        live.apply(document.scoringConfig());
        for (Consumer<ConfigDocument> listener : listeners) {
            try {
                listener.accept(document);
            } catch (RuntimeException e) {
                log.error("configuration listener failed on version {}", document.version(), e);
            }
        }
    }
}

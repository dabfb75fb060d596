package com.riskpulse.engine.client;

import com.riskpulse.engine.alert.AlertQuery;
import com.riskpulse.engine.api.AlertDetailView;
import com.riskpulse.engine.api.AlertStatsView;
import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.api.AuditEntryView;
import com.riskpulse.engine.api.ExplanationView;
import com.riskpulse.engine.api.HealthView;
import com.riskpulse.engine.api.PageView;
import com.riskpulse.engine.api.RiskStatsView;
import com.riskpulse.engine.api.RiskView;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.assessment.HistoryQuery;
import com.riskpulse.engine.audit.AuditQuery;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.config.ConfigDocument;
import com.riskpulse.engine.config.ConfigPreview;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the analyst console needs from RiskPulse, in one interface: the console's view-models reach the
 * engine only through it. Two implementations: {@link EmbeddedRiskClient} calls an in-process {@code RiskEngine}
 * (H2 in the user's data folder), the console's remote client speaks the server's REST + WebSocket API. Both
 * answer in the API's records ({@code com.riskpulse.engine.api}), so a screen cannot tell them apart.
 *
 * <p>Calls block (a database query or an HTTP round trip): call them from a background executor, never from the
 * UI thread. Every call after {@link #login} acts as the logged-in user, whose permissions the engine checks; a
 * refusal, a missing object, a conflict or invalid input is a {@link RiskClientException} carrying the API's error
 * (status, code, message, field, every problem), the same in both modes.
 */
public interface RiskClient extends AutoCloseable {

    /** Where the engine runs. */
    enum Kind { EMBEDDED, REMOTE }

    Kind kind();

    /** Where the data lives, for the status bar: the database (embedded) or the server's URL (remote). */
    String location();

    // ---- session

    /**
     * True when no account exists yet, on a fresh embedded data folder: the console then asks for the first admin's
     * password ({@link #createFirstAdmin}). Always false for a server, whose operator creates the first admin.
     */
    boolean needsFirstAdmin();

    /** Creates the first admin account ({@code admin}) with this password; refused once any account exists. */
    UserView createFirstAdmin(String password);

    /** Logs in; every later call acts as this user. Wrong credentials or a locked account: status 401. */
    UserView login(String username, String password);

    /** Forgets the session and closes live subscriptions' connection (if any). */
    void logout();

    /** The logged-in user, if any. */
    Optional<UserView> currentUser();

    /** Whether the logged-in user may do this (the engine checks again on every call). */
    default boolean may(Permission permission) {
        return currentUser().map(u -> permission.grantedTo(Role.parse(u.role()))).orElse(false);
    }

    // ---- live

    /**
     * Starts delivering the live stream (every assessment, alert changes, stats about once a second, connection
     * changes) to the listener, on the client's own threads, until the answer is closed. The listener must return
     * quickly: the console hands everything to its per-frame batcher.
     */
    AutoCloseable subscribe(LiveListener listener);

    /** Whether the live stream is flowing. Always {@link ConnectionState#CONNECTED} for an embedded engine. */
    ConnectionState connectionState();

    // ---- risks (assessments)

    /** The newest assessments, newest first. */
    List<RiskView> latest(int limit);

    /** History search, key-paged: pass the answer's {@code next_cursor} to the next query. */
    PageView<RiskView> history(HistoryQuery query);

    /** Counts per level and score figures of the last {@code window}. */
    RiskStatsView riskStats(Duration window);

    Optional<RiskView> risk(long riskId);

    /** Explains one assessment: contributions, cited policy passages, next checks, counterfactual (audited). */
    ExplanationView explain(long riskId);

    // ---- alerts

    /** The alert queue, filtered and key-paged; a time range applies to last seen or creation ({@code query.timeField()}). */
    PageView<AlertView> alerts(AlertQuery query);

    Optional<AlertDetailView> alert(long alertId);

    AlertView acknowledge(long alertId);

    AlertView assign(long alertId, String assignee);

    /** @param resolution one of {@code confirmed_fraud, false_positive, benign, duplicate} */
    AlertView resolve(long alertId, String resolution, String note);

    AlertStatsView alertStats(Duration window);

    // ---- configuration

    ConfigDocument config();

    /**
     * Saves {@code proposed} as the next version; {@code proposed.version()} is the version the edit builds on.
     * Status 409 when someone saved first, 400 with every problem when invalid.
     */
    ConfigDocument saveConfig(ConfigDocument proposed);

    /** What {@code proposed} would have done to the newest {@code sample} assessments; changes nothing (audited). */
    ConfigPreview previewConfig(ConfigDocument proposed, int sample);

    /** Stored versions, newest first. */
    List<ConfigDocument> configHistory(int limit);

    // ---- audit

    PageView<AuditEntryView> audit(AuditQuery query);

    /** Walks the hash chain: intact, or the first row where it breaks (audited). */
    AuditVerification verifyAudit();

    // ---- users

    List<UserView> users();

    /** @param role {@code viewer}, {@code analyst} or {@code admin} */
    UserView createUser(String username, String email, String password, String role);

    UserView changeRole(long userId, String role);

    UserView disableUser(long userId);

    UserView enableUser(long userId);

    // ---- health

    HealthView health();

    /** Ends the session; an embedded client also stops its engine (draining the pipeline to storage). */
    @Override
    void close();
}

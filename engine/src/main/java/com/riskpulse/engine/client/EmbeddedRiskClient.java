package com.riskpulse.engine.client;

import com.riskpulse.engine.RiskEngine;
import com.riskpulse.engine.alert.AlertChange;
import com.riskpulse.engine.alert.AlertOutcome;
import com.riskpulse.engine.alert.AlertQuery;
import com.riskpulse.engine.alert.Resolution;
import com.riskpulse.engine.api.AlertDetailView;
import com.riskpulse.engine.api.AlertStatsView;
import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.api.ApiError;
import com.riskpulse.engine.api.AuditEntryView;
import com.riskpulse.engine.api.ExplanationView;
import com.riskpulse.engine.api.HealthView;
import com.riskpulse.engine.api.LiveAssessment;
import com.riskpulse.engine.api.PageView;
import com.riskpulse.engine.api.RiskStatsView;
import com.riskpulse.engine.api.RiskView;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.assessment.HistoryQuery;
import com.riskpulse.engine.audit.AuditQuery;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Forbidden;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.config.ConfigDocument;
import com.riskpulse.engine.config.ConfigPreview;
import com.riskpulse.engine.config.ConfigService;
import com.riskpulse.engine.api.LiveStatsMeter;
import com.riskpulse.engine.stream.PipelineStats;
import com.riskpulse.engine.user.BootstrapOutcome;
import com.riskpulse.engine.user.LoginOutcome;
import com.riskpulse.engine.user.UserAccount;
import com.riskpulse.engine.user.UserOutcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The console's {@link RiskClient} on an in-process {@link RiskEngine} (embedded mode): calls go straight to the
 * engine's services as the logged-in user, who must log in like anyone else (origin CONSOLE). Answers are the
 * API's records, built exactly as the server builds them, and refusals the same {@link RiskClientException}s.
 */
public final class EmbeddedRiskClient implements RiskClient {

    private static final Duration STATS_INTERVAL = Duration.ofSeconds(1);

    private final RiskEngine engine;
    private final boolean ownsEngine;
    private final Clock clock;
    private final LiveStatsMeter meter;
    private final CopyOnWriteArrayList<LiveListener> listeners = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> feeds = new ArrayList<>();
    private final ScheduledExecutorService statsTimer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("console-live-stats").daemon().factory());
    private volatile Session session;

    private record Session(Actor actor, UserAccount account, long checkedNanos) {
    }

    /** How often a session's account is looked up again (disabled or deleted meanwhile). */
    static final Duration ACCOUNT_CHECK = Duration.ofSeconds(2);

    /**
     * @param ownsEngine whether {@link #close()} stops the engine (the console's own) or leaves it running (a test's,
     *                   or one the console also serves over HTTP)
     */
    public EmbeddedRiskClient(RiskEngine engine, boolean ownsEngine, Clock clock) {
        this.engine = engine;
        this.ownsEngine = ownsEngine;
        this.clock = clock;
        this.meter = new LiveStatsMeter(() -> engine.pipeline().stats());
        feeds.add(engine.pipeline().subscribe(a -> {
            meter.count(a.level(), false); // the console is sent every assessment: none is held back as clear
            if (listeners.isEmpty()) return;
            LiveAssessment live = LiveAssessment.of(a);
            for (LiveListener l : listeners) l.onAssessment(live);
        }));
        feeds.add(engine.alertPolicy().subscribe(this::publish));
        long period = STATS_INTERVAL.toMillis();
        statsTimer.scheduleAtFixedRate(this::publishStats, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public Kind kind() {
        return Kind.EMBEDDED;
    }

    /** The database in a few words: "H2 at /home/ana/.riskpulse/riskpulse" or the PostgreSQL URL without options. */
    @Override
    public String location() {
        String url = engine.database().settings().displayUrl();
        int options = url.indexOf(';') >= 0 ? url.indexOf(';') : url.indexOf('?');
        String plain = options >= 0 ? url.substring(0, options) : url;
        return plain.startsWith("jdbc:h2:file:") ? "H2 at " + plain.substring("jdbc:h2:file:".length())
                : plain.startsWith("jdbc:h2:mem:") ? "H2 in memory" : plain;
    }

    // ---- session

    @Override
    public boolean needsFirstAdmin() {
        return !engine.users().hasAccounts();
    }

    @Override
    public UserView createFirstAdmin(String password) {
        if (password == null || password.isBlank()) throw invalid("password", "a password is required for the first admin");
        try {
            return switch (engine.users().bootstrapAdmin(Optional.of(password))) {
                case BootstrapOutcome.Created created -> UserView.of(created.admin());
                case BootstrapOutcome.AlreadyInitialised already ->
                        throw RiskClientException.of(409, "conflict", "an administrator already exists: log in instead");
            };
        } catch (IllegalArgumentException weak) {
            throw invalid("password", weak.getMessage());
        }
    }

    @Override
    public UserView login(String username, String password) {
        if (username == null || username.isBlank()) throw invalid("username", "username is required");
        if (password == null || password.isEmpty()) throw invalid("password", "password is required");
        return switch (engine.users().login(username.strip(), password, Origin.CONSOLE)) {
            case LoginOutcome.Success ok -> {
                UserAccount account = ok.user();
                session = new Session(new Actor(account.id(), account.username(), account.role(), Origin.CONSOLE), account, System.nanoTime());
                yield UserView.of(account);
            }
            case LoginOutcome.Failure f -> throw RiskClientException.of(401, f.reason() == LoginOutcome.Reason.LOCKED
                    ? "locked" : "unauthorized", f.message());
        };
    }

    @Override
    public void logout() {
        session = null;
    }

    @Override
    public Optional<UserView> currentUser() {
        Session s = session;
        return s == null ? Optional.empty() : Optional.of(UserView.of(s.account()));
    }

    // ---- live

    @Override
    public AutoCloseable subscribe(LiveListener listener) {
        require(Permission.READ_RISKS);
        listeners.add(listener);
        listener.onConnection(ConnectionState.CONNECTED, location());
        return () -> {
            if (listeners.remove(listener)) listener.onConnection(ConnectionState.DISCONNECTED, "closed");
        };
    }

    @Override
    public ConnectionState connectionState() {
        return engine.pipeline().isRunning() ? ConnectionState.CONNECTED : ConnectionState.DISCONNECTED;
    }

    private void publish(AlertChange change) {
        if (listeners.isEmpty()) return;
        String kind = change.kind();
        AlertView view = AlertView.of(change.alert());
        for (LiveListener l : listeners) l.onAlert(kind, view);
    }

    private void publishStats() {
        if (!engine.pipeline().isRunning()) {
            statsTimer.shutdown(); // the engine was stopped under this client: nothing left to report
            return;
        }
        if (listeners.isEmpty()) return;
        try {
            var stats = meter.next(0);
            for (LiveListener l : listeners) l.onStats(stats);
        } catch (RuntimeException e) {
            // a listener's failure must not cancel the timer: the status bar would freeze for good
            org.slf4j.LoggerFactory.getLogger(EmbeddedRiskClient.class).warn("live stats listener failed", e);
        }
    }

    // ---- risks

    @Override
    public List<RiskView> latest(int limit) {
        require(Permission.READ_RISKS);
        if (limit < 1 || limit > HistoryQuery.MAX_LIMIT) throw invalid("limit", "limit must be in [1, " + HistoryQuery.MAX_LIMIT + "]");
        return engine.assessments().latest(limit).stream().map(RiskView::of).toList();
    }

    @Override
    public PageView<RiskView> history(HistoryQuery query) {
        require(Permission.READ_RISKS);
        var page = engine.assessments().history(query);
        return new PageView<>(page.items().stream().map(RiskView::of).toList(), page.nextCursor());
    }

    @Override
    public RiskStatsView riskStats(Duration window) {
        require(Permission.READ_STATS);
        positive(window);
        Instant to = clock.instant();
        return call(() -> RiskStatsView.of(engine.assessments().stats(to.minus(window), to)));
    }

    @Override
    public Optional<RiskView> risk(long riskId) {
        require(Permission.READ_RISKS);
        return engine.assessments().byId(riskId).map(RiskView::of);
    }

    @Override
    public ExplanationView explain(long riskId) {
        Actor actor = actor();
        return call(() -> {
            try {
                return ExplanationView.of(engine.explanations().explain(actor, riskId));
            } catch (NoSuchElementException missing) {
                throw RiskClientException.of(404, "not_found", "no risk " + riskId);
            }
        });
    }

    // ---- alerts

    @Override
    public PageView<AlertView> alerts(AlertQuery query) {
        var page = call(() -> engine.alerts().list(actor(), query));
        return new PageView<>(page.items().stream().map(AlertView::of).toList(), page.nextCursor());
    }

    @Override
    public Optional<AlertDetailView> alert(long alertId) {
        return call(() -> engine.alerts().get(actor(), alertId).map(AlertDetailView::of));
    }

    @Override
    public AlertView acknowledge(long alertId) {
        return answer(call(() -> engine.alerts().acknowledge(actor(), alertId)));
    }

    @Override
    public AlertView assign(long alertId, String assignee) {
        if (assignee == null || assignee.isBlank()) throw invalid("assignee", "assignee is required");
        return answer(call(() -> engine.alerts().assign(actor(), alertId, assignee.strip())));
    }

    @Override
    public AlertView resolve(long alertId, String resolution, String note) {
        if (resolution == null || resolution.isBlank()) throw invalid("resolution", "resolution is required");
        Resolution r;
        try {
            r = Resolution.valueOf(resolution.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("resolution", "resolution '" + resolution + "' is not one of confirmed_fraud, false_positive, benign, duplicate");
        }
        return answer(call(() -> engine.alerts().resolve(actor(), alertId, r, note)));
    }

    @Override
    public AlertStatsView alertStats(Duration window) {
        positive(window);
        Instant to = clock.instant();
        return call(() -> AlertStatsView.of(engine.alerts().stats(actor(), to.minus(window), to)));
    }

    private static AlertView answer(AlertOutcome outcome) {
        return switch (outcome) {
            case AlertOutcome.Done done -> AlertView.of(done.alert());
            case AlertOutcome.NotFound nf -> throw RiskClientException.of(404, "not_found", "no alert " + nf.alertId());
            case AlertOutcome.IllegalTransition it -> throw RiskClientException.of(409, "conflict", it.message());
            case AlertOutcome.Conflict c -> throw RiskClientException.of(409, "conflict", c.message());
        };
    }

    // ---- configuration

    @Override
    public ConfigDocument config() {
        return call(() -> engine.config().current(actor()));
    }

    @Override
    public ConfigDocument saveConfig(ConfigDocument proposed) {
        return switch (call(() -> engine.config().update(actor(), proposed, proposed.version(), proposed.comment()))) {
            case ConfigService.UpdateOutcome.Applied applied -> applied.after();
            case ConfigService.UpdateOutcome.Conflict c -> throw RiskClientException.of(409, "conflict",
                    "configuration changed meanwhile: you edited version " + c.expectedVersion() + ", the current one is "
                            + c.currentVersion() + "; reload and apply your edit again");
            case ConfigService.UpdateOutcome.Rejected r -> throw invalidConfig(r.problems());
        };
    }

    @Override
    public ConfigPreview previewConfig(ConfigDocument proposed, int sample) {
        return switch (call(() -> engine.config().preview(actor(), proposed, sample))) {
            case ConfigService.PreviewOutcome.Previewed p -> p.preview();
            case ConfigService.PreviewOutcome.Rejected r -> throw invalidConfig(r.problems());
        };
    }

    @Override
    public List<ConfigDocument> configHistory(int limit) {
        return call(() -> engine.config().history(actor(), limit));
    }

    private static RiskClientException invalidConfig(List<String> problems) {
        return new RiskClientException(new ApiError(400, "invalid", "configuration is invalid: " + String.join("; ", problems),
                null, null, problems));
    }

    // ---- audit

    @Override
    public PageView<AuditEntryView> audit(AuditQuery query) {
        var page = call(() -> engine.audit().query(actor(), query));
        return new PageView<>(page.entries().stream().map(AuditEntryView::of).toList(), page.nextCursor());
    }

    @Override
    public AuditVerification verifyAudit() {
        return AuditVerification.fromDetails(call(() -> engine.audit().verify(actor())).details());
    }

    // ---- users

    @Override
    public List<UserView> users() {
        return call(() -> engine.users().list(actor())).stream().map(UserView::of).toList();
    }

    @Override
    public UserView createUser(String username, String email, String password, String role) {
        Role r = role(role);
        return user(call(() -> engine.users().create(actor(), username, email, password, r)));
    }

    @Override
    public UserView changeRole(long userId, String role) {
        Role r = role(role);
        return user(call(() -> engine.users().changeRole(actor(), userId, r)));
    }

    @Override
    public UserView disableUser(long userId) {
        return user(call(() -> engine.users().disable(actor(), userId)));
    }

    @Override
    public UserView enableUser(long userId) {
        return user(call(() -> engine.users().enable(actor(), userId)));
    }

    private static Role role(String role) {
        try {
            return Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw invalid("role", e.getMessage());
        }
    }

    private static UserView user(UserOutcome outcome) {
        return switch (outcome) {
            case UserOutcome.Created c -> UserView.of(c.user());
            case UserOutcome.Changed c -> UserView.of(c.after());
            case UserOutcome.Unchanged u -> UserView.of(u.user());
            case UserOutcome.NotFound n -> throw RiskClientException.of(404, "not_found", "no user " + n.id());
            case UserOutcome.Rejected r -> throw switch (r.problem()) {
                case USERNAME_TAKEN -> new RiskClientException(new ApiError(409, "conflict", r.message(), "username", null, null));
                case LAST_ADMIN, CONCURRENT_CHANGE -> RiskClientException.of(409, "conflict", r.message());
                case INVALID_USERNAME -> invalid("username", r.message());
                case INVALID_EMAIL -> invalid("email", r.message());
                case WEAK_PASSWORD -> invalid("password", r.message());
                case ROLE_NOT_ALLOWED -> new RiskClientException(new ApiError(403, "forbidden", r.message(), "role", null, null));
            };
        };
    }

    // ---- health

    @Override
    public HealthView health() {
        boolean database = engine.database().answers();
        boolean running = engine.pipeline().isRunning();
        PipelineStats s = engine.pipeline().stats();
        boolean held = engine.nodeIdHeld();
        return new HealthView(database && running && held ? "ok" : "degraded", database, running, s.partitionQueued(),
                s.storeQueued(), s.received(), s.scored(), s.stored(), s.rejected(),
                RiskEngine.class.getPackage().getImplementationVersion(), engine.nodeId(), held);
    }

    /** The engine behind this client, for the console's "serve this engine over HTTP" and for tests. */
    public RiskEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        session = null;
        statsTimer.shutdownNow();
        try {
            statsTimer.awaitTermination(2, TimeUnit.SECONDS); // a reading in progress must not outlive the engine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (AutoCloseable feed : feeds) {
            try {
                feed.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not unsubscribe from the engine", e);
            }
        }
        feeds.clear();
        for (LiveListener l : listeners) l.onConnection(ConnectionState.DISCONNECTED, "closed");
        listeners.clear();
        if (ownsEngine) engine.close();
    }

    // ---- plumbing

    /** The engine's services check their own permissions; the assessment store has none, so they are checked here. */
    private void require(Permission permission) {
        call(() -> actor().require(permission));
    }

    /**
     * The logged-in actor. Like a server refusing the token of a disabled or deleted account, the session ends when
     * the account is gone or disabled; checked at most every {@link #ACCOUNT_CHECK} so a call costs no extra query.
     */
    private Actor actor() {
        Session s = session;
        if (s == null) throw RiskClientException.of(401, "unauthorized", "log in first");
        long now = System.nanoTime();
        if (now - s.checkedNanos() > ACCOUNT_CHECK.toNanos()) {
            Optional<UserAccount> account = engine.users().account(s.actor());
            if (account.isEmpty() || !account.get().enabled()) {
                session = null;
                throw RiskClientException.of(401, "unauthorized", account.isEmpty() ? "the account no longer exists" : "the account is disabled");
            }
            session = new Session(s.actor(), account.get(), now);
        }
        return s.actor();
    }

    /** Runs an engine call, turning its refusals and bad-input errors into the API's errors. */
    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (Forbidden e) {
            throw new RiskClientException(ApiError.of(403, "forbidden", e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            throw new RiskClientException(ApiError.of(400, "bad_request", e.getMessage()), e);
        }
    }

    private static void positive(Duration window) {
        if (window == null || window.isNegative() || window.isZero()) throw invalid("window", "window must be positive");
    }

    private static RiskClientException invalid(String field, String message) {
        return new RiskClientException(new ApiError(400, "bad_request", message, field, null, null));
    }
}

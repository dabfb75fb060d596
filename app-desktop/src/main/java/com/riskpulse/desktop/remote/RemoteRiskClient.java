package com.riskpulse.desktop.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.riskpulse.engine.alert.AlertQuery;
import com.riskpulse.engine.api.ApiError;
import com.riskpulse.engine.api.AlertDetailView;
import com.riskpulse.engine.api.AlertStatsView;
import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.api.AssignRequest;
import com.riskpulse.engine.api.AuditEntryView;
import com.riskpulse.engine.api.ExplainRequest;
import com.riskpulse.engine.api.ExplanationView;
import com.riskpulse.engine.api.HealthView;
import com.riskpulse.engine.api.LoginRequest;
import com.riskpulse.engine.api.PageView;
import com.riskpulse.engine.api.RegisterRequest;
import com.riskpulse.engine.api.ResolveRequest;
import com.riskpulse.engine.api.RiskStatsView;
import com.riskpulse.engine.api.RiskView;
import com.riskpulse.engine.api.RoleChange;
import com.riskpulse.engine.api.TokenResponse;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.assessment.HistoryQuery;
import com.riskpulse.engine.audit.AuditQuery;
import com.riskpulse.engine.client.AuditVerification;
import com.riskpulse.engine.client.ConnectionState;
import com.riskpulse.engine.client.LiveListener;
import com.riskpulse.engine.client.RiskClient;
import com.riskpulse.engine.client.RiskClientException;
import com.riskpulse.engine.config.ConfigDocument;
import com.riskpulse.engine.config.ConfigJson;
import com.riskpulse.engine.config.ConfigPreview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The console's {@link RiskClient} on a RiskPulse server (remote mode): the REST API ({@code /api/v1}) over the JDK's
 * {@link HttpClient} as the logged-in user (a JWT kept in memory only), and the live stream over the WebSocket
 * {@code /ws/risk-stream} ({@link LiveStream}). Refusals are the server's own errors, so they match the embedded
 * client's status and code; a server that cannot be reached is 503 {@code unreachable}.
 *
 * <p>The session outlives its first token: when less than a quarter of the token's lifetime ({@code expires_in}) or
 * five minutes is left, whichever is less, the token is exchanged at {@code POST /auth/refresh}, before the next call
 * and, for a console that only watches the live stream, by a check every few seconds. The password is not kept. A
 * refresh the server refuses (401: the account was disabled, the token expired while the computer slept) ends the
 * session: that call and every later one answer the server's 401, and the live streams end with its reason. Any other
 * failure leaves the current token in use and is tried again.
 */
public final class RemoteRiskClient implements RiskClient {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** At most this long before expiry a token is refreshed (less for tokens living under 20 minutes). */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    /**
     * How often the background check looks whether the token is due: well under the margin of the shortest token
     * (15 s of a one-minute one), and it notices soon after the computer wakes up. A check costs a clock read.
     */
    static final Duration REFRESH_CHECK = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(RemoteRiskClient.class);

    private final String baseUrl;
    private final String wsBase;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final HttpApi api;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("remote-live-reconnect").daemon().factory());
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("remote-session-refresh").daemon().factory());
    private final CopyOnWriteArrayList<LiveStream> streams = new CopyOnWriteArrayList<>();
    private final Clock clock;
    /** Swapped whole (log-in, refresh, log-out), so a request never sees a token of one session and a user of another. */
    private final AtomicReference<Session> session = new AtomicReference<>();
    /** One refresh at a time: whoever finds the token due while another refreshes waits and takes its result. */
    private final ReentrantLock refreshing = new ReentrantLock();

    /**
     * A logged-in session.
     *
     * @param expiresAt when the token expires by this client's clock: when it was asked for plus {@code expires_in},
     *                  so a server whose clock differs does not matter
     * @param lifetime  {@code expires_in}; zero when the server gave none, and then it is never refreshed
     * @param refusal   the server's 401 to a refresh: the session is over; null while it is not
     */
    private record Session(String token, UserView user, Instant expiresAt, Duration lifetime, ApiError refusal) {

        static Session of(TokenResponse token, UserView user, Instant askedAt) {
            Duration lifetime = Duration.ofSeconds(Math.max(0, token.expiresIn()));
            return new Session(token.accessToken(), user, askedAt.plus(lifetime), lifetime, null);
        }

        boolean refreshDue(Instant now) {
            return refusal == null && lifetime.isPositive() && !now.isBefore(expiresAt.minus(margin(lifetime)));
        }

        Session renewed(TokenResponse token, Instant askedAt) {
            return of(token, user, askedAt);
        }

        Session refused(ApiError why) {
            return new Session(token, user, expiresAt, lifetime, why);
        }

        @Override
        public String toString() {
            return "Session[user=" + user.username() + ", expiresAt=" + expiresAt + (refusal == null ? "" : ", refused") + "]";
        }
    }

    public RemoteRiskClient(String baseUrl) {
        this(baseUrl, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * @param baseUrl        the server, {@code http://host:port} or {@code https://...} (a trailing slash is dropped)
     * @param connectTimeout how long to wait for a connection (HTTP and the live stream)
     * @param requestTimeout how long to wait for an answer
     * @throws IllegalArgumentException for anything but an absolute http(s) URL with a host
     */
    public RemoteRiskClient(String baseUrl, Duration connectTimeout, Duration requestTimeout) {
        this(baseUrl, connectTimeout, requestTimeout, Clock.systemUTC(), REFRESH_CHECK);
    }

    /**
     * For tests: {@code clock} decides when a token is due (a test moves it on instead of waiting an hour), and the
     * background check runs every {@code refreshCheck}.
     */
    RemoteRiskClient(String baseUrl, Duration connectTimeout, Duration requestTimeout, Clock clock, Duration refreshCheck) {
        ServerUrl url = ServerUrl.parse(baseUrl);
        this.baseUrl = url.http();
        this.wsBase = url.webSocket();
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1) // the server speaks HTTP/1.1: no h2c upgrade attempts
                .connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = positive(requestTimeout, "requestTimeout");
        this.api = new HttpApi(this.baseUrl, http, requestTimeout, this::token);
        this.clock = Objects.requireNonNull(clock, "clock");
        long every = positive(refreshCheck, "refreshCheck").toMillis();
        refresher.scheduleWithFixedDelay(this::refreshInBackground, every, every, TimeUnit.MILLISECONDS);
    }

    /** A quarter of the token's lifetime, at most {@link #REFRESH_MARGIN}. */
    static Duration margin(Duration lifetime) {
        Duration quarter = lifetime.dividedBy(4);
        return quarter.compareTo(REFRESH_MARGIN) < 0 ? quarter : REFRESH_MARGIN;
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive, was " + d);
        return d;
    }

    @Override
    public Kind kind() {
        return Kind.REMOTE;
    }

    @Override
    public String location() {
        return baseUrl;
    }

    // ---- session

    @Override
    public boolean needsFirstAdmin() {
        return false;
    }

    @Override
    public UserView createFirstAdmin(String password) {
        throw RiskClientException.of(409, "conflict", "a server's first admin is created by the server's operator "
                + "(ADMIN_PASSWORD when the server starts), not from the console: log in instead");
    }

    @Override
    public UserView login(String username, String password) {
        if (username == null || username.isBlank()) throw HttpApi.invalid("username", "username is required");
        if (password == null || password.isEmpty()) throw HttpApi.invalid("password", "password is required");
        logout();
        Instant askedAt = clock.instant();
        TokenResponse token = api.post("/auth/login", new LoginRequest(username.strip(), password), TokenResponse.class);
        HttpApi me = new HttpApi(baseUrl, http, requestTimeout, token::accessToken);
        UserView user = me.get("/auth/me", UserView.class);
        session.set(Session.of(token, user, askedAt));
        return user;
    }

    @Override
    public void logout() {
        session.set(null);
        for (LiveStream stream : streams) stream.end("logged out");
    }

    @Override
    public Optional<UserView> currentUser() {
        Session s = session.get();
        return s == null ? Optional.empty() : Optional.of(s.user());
    }

    /** The current access token, or null when logged out; read by every request and every live (re)connect. */
    String token() {
        Session s = session.get();
        return s == null ? null : s.token();
    }

    /**
     * Every call but health needs a session: refused here, as the embedded client does, without a round trip; so is
     * every call once the server refused to refresh the token. A token about to expire is refreshed first.
     */
    private HttpApi authed() {
        Session s = refreshIfDue();
        if (s == null) throw RiskClientException.of(401, "unauthorized", "log in first");
        if (s.refusal() != null) throw new RiskClientException(s.refusal());
        return api;
    }

    /**
     * The session, its token refreshed first when it is due. Called before every request and by the background
     * check; a failure other than the server's 401 keeps the current token (it may still be good for minutes) and is
     * tried again at the next call or check.
     */
    private Session refreshIfDue() {
        Session seen = session.get();
        if (seen == null || !seen.refreshDue(clock.instant())) return seen;
        refreshing.lock();
        try {
            Session current = session.get();
            if (current != seen) return current; // refreshed by another thread meanwhile, or logged out or in again
            Instant askedAt = clock.instant();
            TokenResponse token;
            try {
                token = new HttpApi(baseUrl, http, requestTimeout, current::token).post("/auth/refresh", null, TokenResponse.class);
            } catch (RiskClientException e) {
                if (e.status() != 401) {
                    log.warn("could not refresh the access token, going on with the current one until it expires at {}: {}",
                            current.expiresAt(), e.getMessage());
                    return current;
                }
                if (session.compareAndSet(current, current.refused(e.error()))) {
                    for (LiveStream stream : streams) stream.end(e.getMessage());
                }
                return session.get();
            }
            session.compareAndSet(current, current.renewed(token, askedAt)); // a log-out meanwhile stays logged out
            return session.get();
        } finally {
            refreshing.unlock();
        }
    }

    /** The background check: keeps a session alive that makes no calls, such as a console watching the live stream. */
    private void refreshInBackground() {
        try {
            refreshIfDue();
        } catch (RuntimeException e) { // a scheduled task that throws is never run again: the session would lapse
            log.warn("refreshing the access token failed", e);
        }
    }

    // ---- live

    @Override
    public AutoCloseable subscribe(LiveListener listener) {
        Objects.requireNonNull(listener, "listener");
        authed();
        LiveStream stream = new LiveStream(wsBase, http, connectTimeout, this::token, listener, timer, streams::remove);
        streams.add(stream);
        stream.start();
        return stream;
    }

    /** CONNECTED when a live stream flows, RECONNECTING while one is (re)connecting, DISCONNECTED without one. */
    @Override
    public ConnectionState connectionState() {
        ConnectionState best = ConnectionState.DISCONNECTED;
        for (LiveStream stream : streams) {
            ConnectionState s = stream.state();
            if (s == ConnectionState.CONNECTED) return s;
            if (s == ConnectionState.RECONNECTING) best = s;
        }
        return best;
    }

    // ---- risks

    @Override
    public List<RiskView> latest(int limit) {
        return authed().get(QueryString.of("/risk/live").add("limit", limit).toString(), new TypeReference<List<RiskView>>() { });
    }

    @Override
    public PageView<RiskView> history(HistoryQuery q) {
        return authed().get(QueryString.history(q), new TypeReference<PageView<RiskView>>() { });
    }

    @Override
    public RiskStatsView riskStats(Duration window) {
        positive(window);
        return authed().get(QueryString.of("/risk/stats").add("window", window).toString(), RiskStatsView.class);
    }

    @Override
    public Optional<RiskView> risk(long riskId) {
        return HttpApi.orEmpty(() -> authed().get("/risk/" + riskId, RiskView.class));
    }

    @Override
    public ExplanationView explain(long riskId) {
        return authed().post("/explain/risk", new ExplainRequest(riskId), ExplanationView.class);
    }

    // ---- alerts

    @Override
    public PageView<AlertView> alerts(AlertQuery q) {
        return authed().get(QueryString.alerts(q), new TypeReference<PageView<AlertView>>() { });
    }

    @Override
    public Optional<AlertDetailView> alert(long alertId) {
        return HttpApi.orEmpty(() -> authed().get("/alerts/" + alertId, AlertDetailView.class));
    }

    @Override
    public AlertView acknowledge(long alertId) {
        return authed().post("/alerts/" + alertId + "/acknowledge", null, AlertView.class);
    }

    @Override
    public AlertView assign(long alertId, String assignee) {
        if (assignee == null || assignee.isBlank()) throw HttpApi.invalid("assignee", "assignee is required");
        return authed().post("/alerts/" + alertId + "/assign", new AssignRequest(assignee.strip()), AlertView.class);
    }

    @Override
    public AlertView resolve(long alertId, String resolution, String note) {
        if (resolution == null || resolution.isBlank()) throw HttpApi.invalid("resolution", "resolution is required");
        return authed().post("/alerts/" + alertId + "/resolve", new ResolveRequest(resolution.strip(), note), AlertView.class);
    }

    @Override
    public AlertStatsView alertStats(Duration window) {
        positive(window);
        return authed().get(QueryString.of("/alerts/stats").add("window", window).toString(), AlertStatsView.class);
    }

    // ---- configuration (the document travels in ConfigJson's shape, as the server writes and reads it)

    @Override
    public ConfigDocument config() {
        return ConfigJson.read(authed().send("GET", "/config", null).body());
    }

    @Override
    public ConfigDocument saveConfig(ConfigDocument proposed) {
        return ConfigJson.read(authed().send("PUT", "/config", ConfigJson.write(proposed)).body());
    }

    @Override
    public ConfigPreview previewConfig(ConfigDocument proposed, int sample) {
        String body = authed().send("POST", QueryString.of("/config/preview").add("n", sample).toString(), ConfigJson.write(proposed)).body();
        return HttpApi.read(body, ConfigPreview.class);
    }

    @Override
    public List<ConfigDocument> configHistory(int limit) {
        JsonNode versions = authed().get(QueryString.of("/config/history").add("limit", limit).toString(), JsonNode.class);
        List<ConfigDocument> out = new ArrayList<>();
        for (JsonNode version : versions) out.add(ConfigJson.read(version.toString()));
        return out;
    }

    // ---- audit

    @Override
    public PageView<AuditEntryView> audit(AuditQuery q) {
        return authed().get(QueryString.audit(q), new TypeReference<PageView<AuditEntryView>>() { });
    }

    @Override
    public AuditVerification verifyAudit() {
        return AuditVerification.fromDetails(authed().get("/audit/verify", new TypeReference<Map<String, Object>>() { }));
    }

    // ---- users

    @Override
    public List<UserView> users() {
        return authed().get("/users", new TypeReference<List<UserView>>() { });
    }

    @Override
    public UserView createUser(String username, String email, String password, String role) {
        return authed().post("/users", new RegisterRequest(email, username, password, role), UserView.class);
    }

    @Override
    public UserView changeRole(long userId, String role) {
        return authed().put("/users/" + userId + "/role", new RoleChange(role), UserView.class);
    }

    @Override
    public UserView disableUser(long userId) {
        return authed().post("/users/" + userId + "/disable", null, UserView.class);
    }

    @Override
    public UserView enableUser(long userId) {
        return authed().post("/users/" + userId + "/enable", null, UserView.class);
    }

    // ---- health

    /** The server's health (no login needed); a degraded server answers 503 with the same body. */
    @Override
    public HealthView health() {
        HttpApi.Answer answer = api.send("GET", "/health", null, 503);
        try {
            return HttpApi.read(answer.body(), HealthView.class);
        } catch (RiskClientException notHealth) {
            if (answer.status() == 200) throw notHealth;
            throw new RiskClientException(HttpApi.error(answer.status(), "GET", "/health", answer.body()));
        }
    }

    @Override
    public void close() {
        logout();
        refresher.shutdownNow();
        timer.shutdownNow();
        http.shutdownNow();
    }

    // ---- plumbing

    private static void positive(Duration window) {
        if (window == null || window.isNegative() || window.isZero()) throw HttpApi.invalid("window", "window must be positive");
    }
}

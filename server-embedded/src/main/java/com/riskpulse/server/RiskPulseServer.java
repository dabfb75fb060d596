package com.riskpulse.server;

import com.riskpulse.engine.RiskEngine;
import com.riskpulse.server.alert.AlertController;
import com.riskpulse.server.audit.AuditController;
import com.riskpulse.server.auth.AuthController;
import com.riskpulse.server.config.ConfigController;
import com.riskpulse.server.docs.ApiDocs;
import com.riskpulse.server.explain.ExplainController;
import com.riskpulse.server.health.HealthController;
import com.riskpulse.server.http.Access;
import com.riskpulse.server.http.Authentication;
import com.riskpulse.server.http.Errors;
import com.riskpulse.server.http.AccessLog;
import com.riskpulse.server.http.Json;
import com.riskpulse.server.http.RequestIds;
import com.riskpulse.server.http.ServerSettings;
import com.riskpulse.server.ingest.IngestController;
import com.riskpulse.server.metrics.MetricsController;
import com.riskpulse.server.metrics.ServerMetrics;
import com.riskpulse.server.risk.RiskController;
import com.riskpulse.server.stream.RiskStreamHub;
import com.riskpulse.server.stream.StreamMetrics;
import com.riskpulse.server.stream.StreamSettings;
import com.riskpulse.server.user.UserController;
import com.riskpulse.server.ws.RiskStreamEndpoint;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import io.javalin.websocket.WsHandlerType;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The headless server: the engine behind the REST API. Built from a started {@link RiskEngine}, not started by the
 * constructor: {@link #start()} (or {@link #start(int)}, 0 for a free port), {@link #port()}, {@link #stop()}.
 * Stopping the server does not close the engine: whoever started it closes it.
 */
public final class RiskPulseServer {

    public static final String API = "/api/v1";

    private final ServerSettings settings;
    private final Authentication authentication;
    private final AuthController auth;
    private final RiskController risks;
    private final AlertController alerts;
    private final ConfigController config;
    private final AuditController audit;
    private final UserController users;
    private final IngestController ingest;
    private final HealthController health;
    private final ExplainController explain;
    private final RiskEngine engine;
    private final RiskStreamHub hub;
    private final RiskStreamEndpoint stream;
    private final ServerMetrics metrics;
    private final MetricsController metricsEndpoint;
    private final List<AutoCloseable> feeds = new ArrayList<>();
    private Javalin app;
    private ServerConnector tlsConnector;
    private ServerConnector plainConnector;
    private int requestedPort;

    public RiskPulseServer(RiskEngine engine, ServerSettings settings) {
        this(engine, settings, Clock.systemUTC());
    }

    public RiskPulseServer(RiskEngine engine, ServerSettings settings, Clock clock) {
        Objects.requireNonNull(engine, "engine");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.authentication = new Authentication(engine.tokens());
        this.auth = new AuthController(engine.users());
        this.risks = new RiskController(engine.assessments(), clock);
        this.alerts = new AlertController(engine.alerts(), clock);
        this.config = new ConfigController(engine.config());
        this.audit = new AuditController(engine.audit());
        this.users = new UserController(engine.users());
        this.ingest = new IngestController(engine.pipeline());
        this.health = new HealthController(engine.database().dataSource(), engine.pipeline(), engine.nodeId(), engine::nodeIdHeld);
        this.explain = new ExplainController(engine.explanations());
        this.engine = engine;
        // the live feed's floor is the configured low threshold, read per message: a change applies at once
        this.hub = new RiskStreamHub(StreamSettings.DEFAULTS, () -> engine.config().current().thresholds().low(),
                engine.pipeline()::stats);
        this.stream = new RiskStreamEndpoint(hub, engine.tokens());
        this.metrics = new ServerMetrics(engine.pipeline()::stats, hub::metrics, engine.alerts(), clock);
        this.metricsEndpoint = new MetricsController(metrics, settings.metricsToken());
    }

    /** The whole API: reading this method is reading the API. */
    private void routes(RoutesConfig r) {
        r.before(RequestIds::assign);
        r.beforeMatched(API + "/*", authentication::authenticate);

        r.post(API + "/auth/register", auth::register, Access.PUBLIC);
        r.post(API + "/auth/login", auth::login, Access.PUBLIC);
        r.post(API + "/auth/refresh", auth::refresh);
        r.get(API + "/auth/me", auth::me);

        // literal paths before {risk_id}: history and stats are never taken for an id
        r.get(API + "/risk/live", risks::live);
        r.get(API + "/risk/history", risks::history);
        r.get(API + "/risk/stats", risks::stats);
        r.get(API + "/risk/{risk_id}", risks::byId);

        r.get(API + "/alerts", alerts::list);
        r.get(API + "/alerts/stats", alerts::stats);
        r.get(API + "/alerts/{id}", alerts::get);
        r.post(API + "/alerts/{id}/acknowledge", alerts::acknowledge);
        r.post(API + "/alerts/{id}/assign", alerts::assign);
        r.post(API + "/alerts/{id}/resolve", alerts::resolve);

        r.get(API + "/config", config::current);
        r.put(API + "/config", config::update);
        r.post(API + "/config/preview", config::preview);
        r.get(API + "/config/history", config::history);

        r.get(API + "/audit/logs", audit::logs);
        r.get(API + "/audit/verify", audit::verify);

        r.get(API + "/users", users::list);
        r.post(API + "/users", users::create);
        r.put(API + "/users/{id}/role", users::changeRole);
        r.post(API + "/users/{id}/disable", users::disable);
        r.post(API + "/users/{id}/enable", users::enable);

        r.post(API + "/events", ingest::ingest);
        r.post(API + "/explain/risk", explain::explain);
        r.get(API + "/health", health::health, Access.PUBLIC);
        r.get("/metrics", metricsEndpoint::scrape, Access.PUBLIC);

        r.addWsHandler(WsHandlerType.WEBSOCKET, "/ws/risk-stream", stream::configure);

        // documentation, no token (the before-handler guards /api/v1 only): keep docs/OpenApiSpec in step with this table
        ApiDocs.register(r);

        Errors.register(r);
    }

    private void configure(JavalinConfig c) {
        c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        c.http.maxRequestSize = settings.maxBodyBytes();
        c.startup.showJavalinBanner = false;
        c.staticFiles.enableWebjars(); // /webjars/**: Swagger UI and ReDoc for /docs and /redoc
        if (!settings.corsOrigins().isEmpty()) {
            c.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                settings.corsOrigins().forEach(origin -> rule.allowHost(origin));
                rule.exposeHeader("Retry-After");
            }));
        }
        c.requestLogger.http(this::requestDone);
        // with a connector added Javalin adds no default one: the plain HTTP connector is added explicitly
        settings.tls().ifPresent(tls -> c.jetty.addConnector((server, http) -> {
            plainConnector = new ServerConnector(server, new HttpConnectionFactory(http));
            plainConnector.setPort(requestedPort);
            return plainConnector;
        }));
        settings.tls().ifPresent(tls -> c.jetty.addConnector((server, http) -> {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
            ssl.setKeyStorePassword(tls.password());
            ssl.setKeyStoreType("PKCS12");
            HttpConfiguration https = new HttpConfiguration(http);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false); // a certificate for a public name still answers on localhost / an IP
            https.addCustomizer(secure);
            tlsConnector = new ServerConnector(server, ssl, new HttpConnectionFactory(https));
            tlsConnector.setPort(tls.port());
            return tlsConnector;
        }));
        routes(c.routes);
    }

    /** After every HTTP request (also after errors): metrics and the access log line. */
    private void requestDone(Context ctx, Float millis) {
        String route;
        try {
            route = ctx.endpoints().matchedHttpEndpoint().path;
        } catch (RuntimeException none) {
            route = "unmatched";
        }
        metrics.recordRequest(ctx.method().name(), route, ctx.statusCode(), millis);
        AccessLog.log(ctx, route, millis);
    }

    public synchronized RiskPulseServer start() {
        return start(settings.port());
    }

    /** Starts on {@code port}; 0 picks a free one (see {@link #port()}). */
    public synchronized RiskPulseServer start(int port) {
        if (app != null) throw new IllegalStateException("server already started on port " + app.port());
        hub.start();
        feeds.add(engine.pipeline().subscribe(hub));
        feeds.add(engine.alertPolicy().subscribe(hub));
        requestedPort = port;
        app = Javalin.create(this::configure).start(port);
        return this;
    }

    public synchronized int port() {
        if (app == null) throw new IllegalStateException("server not started");
        return plainConnector == null ? app.port() : plainConnector.getLocalPort();
    }

    /** The HTTPS port (see {@link ServerSettings#tls()}); -1 when TLS is not configured. */
    public synchronized int tlsPort() {
        if (app == null) throw new IllegalStateException("server not started");
        return tlsConnector == null ? -1 : tlsConnector.getLocalPort();
    }

    /** One route of the running server: an HTTP method (or {@code WS}) and a path, public when it needs no token. */
    public record Route(String method, String path, boolean isPublic) {
    }

    /** The route table as Javalin holds it (handlers such as before-handlers left out): for the OpenAPI check. */
    public synchronized List<Route> routeTable() {
        if (app == null) throw new IllegalStateException("server not started");
        List<Route> out = new ArrayList<>();
        for (ParsedEndpoint parsed : app.unsafe.internalRouter.allHttpHandlers()) {
            var endpoint = parsed.endpoint;
            if (!endpoint.method.isHttpMethod()) continue;
            Roles roles = endpoint.metadata(Roles.class);
            Set<?> marks = roles == null ? Set.of() : roles.getRoles();
            out.add(new Route(endpoint.method.name(), endpoint.path, marks.contains(Access.PUBLIC)));
        }
        app.unsafe.internalRouter.allWsHandlers().stream().filter(ws -> ws.getType() == WsHandlerType.WEBSOCKET)
                .forEach(ws -> out.add(new Route("WS", ws.getPath(), false)));
        return out;
    }

    /** Clients connected to {@code /ws/risk-stream}, and what the hub did for them: for health and metrics. */
    public StreamMetrics streamMetrics() {
        return hub.metrics();
    }

    /** Stops accepting requests and closes live clients; the engine keeps running. */
    public synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
        for (AutoCloseable feed : feeds) {
            try {
                feed.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not unsubscribe the live stream", e);
            }
        }
        feeds.clear();
        tlsConnector = null;
        plainConnector = null;
        hub.close();
        stream.close();
    }
}

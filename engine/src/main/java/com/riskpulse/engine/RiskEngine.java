package com.riskpulse.engine;

import com.riskpulse.engine.alert.AlertFeed;
import com.riskpulse.engine.alert.AlertPolicy;
import com.riskpulse.engine.alert.AlertService;
import com.riskpulse.engine.alert.HibernateAlerts;
import com.riskpulse.engine.assessment.AssessmentIds;
import com.riskpulse.engine.assessment.JdbcNodeLease;
import com.riskpulse.engine.assessment.JdbcAssessments;
import com.riskpulse.engine.audit.JdbcAuditLog;
import com.riskpulse.engine.auth.AuthSettings;
import com.riskpulse.engine.auth.PasswordHasher;
import com.riskpulse.engine.auth.TokenService;
import com.riskpulse.engine.explain.ExplanationChat;
import com.riskpulse.engine.explain.ExplanationService;
import com.riskpulse.engine.explain.KnowledgeBase;
import com.riskpulse.engine.config.ConfigService;
import com.riskpulse.engine.config.Environment;
import com.riskpulse.engine.config.EnvironmentVariable;
import com.riskpulse.engine.kafka.KafkaAssessmentSink;
import com.riskpulse.engine.kafka.KafkaEventSource;
import com.riskpulse.engine.kafka.KafkaSinkSettings;
import com.riskpulse.engine.kafka.KafkaSourceSettings;
import com.riskpulse.engine.simulator.Simulator;
import com.riskpulse.engine.simulator.SimulatorSettings;
import com.riskpulse.engine.config.JdbcConfigVersions;
import com.riskpulse.engine.score.LiveScoringModel;
import com.riskpulse.engine.score.ScoringConfig;
import com.riskpulse.engine.storage.Database;
import com.riskpulse.engine.storage.DatabaseSettings;
import com.riskpulse.engine.storage.HibernateSessions;
import com.riskpulse.engine.stream.JdbcDeadLetters;
import com.riskpulse.engine.stream.Pipeline;
import com.riskpulse.engine.user.HibernateUsers;
import com.riskpulse.engine.user.UserService;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole engine, wired: database and migrations, configuration (loaded, applied live), audit trail,
 * users and tokens, the alert policy and service, the pipeline, and retention. The console (embedded
 * mode) and the server each start one; everything they do goes through its services, which check the
 * actor's permissions themselves. {@link #close()} drains the pipeline and the alert writer before the
 * database goes.
 */
public final class RiskEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RiskEngine.class);

    private final Deque<AutoCloseable> closeInOrder = new ArrayDeque<>();
    private final Database database;
    private final JdbcAssessments assessments;
    private final JdbcAuditLog audit;
    private final ConfigService config;
    private final UserService users;
    private final TokenService tokens;
    private final AlertService alerts;
    private final AlertPolicy alertPolicy;
    private final ExplanationService explanations;
    private final JdbcNodeLease nodeLease;
    private final Optional<KafkaAssessmentSink> kafkaOut;
    private final Pipeline pipeline;
    private final Retention retention;

    /** How the engine is run: in the user's own process (console, main job) or as a shared server. */
    public enum Mode { EMBEDDED, SERVER }

    private RiskEngine(Environment env, Mode mode, Clock clock) {
        long started = System.nanoTime(), databaseReady, hibernateReady;
        Path dataDir = DatabaseSettings.dataDir(env.asMap(), System.getProperties());
        this.database = opened(Database.open(DatabaseSettings.fromEnvironment(env.asMap(), System.getProperties())));
        try {
            databaseReady = System.nanoTime();
            SessionFactory sessions = opened(HibernateSessions.open(database,
                    Stream.of(HibernateUsers.ENTITIES, HibernateAlerts.ENTITIES).flatMap(List::stream).toList()));
            hibernateReady = System.nanoTime();
            this.assessments = new JdbcAssessments(database);
            this.audit = new JdbcAuditLog(database, clock);
            // configuration first: the stored version (or the environment's starting values) is what scores
            LiveScoringModel model = new LiveScoringModel(ScoringConfig.defaults());
            this.config = new ConfigService(new JdbcConfigVersions(database.dataSource()), model, assessments, audit, clock);
            ConfigService.Loaded loaded = config.load(env);
            if (!loaded.overridden().isEmpty()) {
                log.info("stored configuration v{} overrides environment values: {}", loaded.current().version(), loaded.overridden());
            }
            AuthSettings auth = EngineSettings.auth(env, dataDir, mode);
            HibernateUsers userStore = new HibernateUsers(sessions);
            this.tokens = new TokenService(auth, userStore, clock);
            this.users = new UserService(userStore, audit, new PasswordHasher(auth.bcryptCost()), tokens, auth, clock);
            HibernateAlerts alertStore = new HibernateAlerts(sessions);
            AlertFeed feed = new AlertFeed();
            this.alertPolicy = AlertPolicy.start(alertStore, config.alertPolicy(), feed, clock);
            closeInOrder.push(alertPolicy::close); // after the pipeline: it drains into the policy
            this.alerts = new AlertService(alertStore, audit, feed, clock);
            // before the pipeline, so that they are closed after the pipeline has drained into them
            this.nodeLease = opened(JdbcNodeLease.claim(database.dataSource(), EngineSettings.nodeId(env)));
            this.kafkaOut = KafkaSinkSettings.fromEnvironment(env).map(KafkaAssessmentSink::new).map(this::opened);
            this.pipeline = Pipeline.start(EngineSettings.pipeline(env, database.dialect()), model,
                    new AssessmentIds(nodeLease.nodeId()), assessments, new JdbcDeadLetters(database), alertPolicy, clock);
            closeInOrder.push(pipeline::close);
            kafkaOut.ifPresent(pipeline::subscribe);
            // the knowledge base (embedding model + every section embedded, about a second) loads on the first
            // explanation, not at start-up: most engines (tests, the console without an analyst) never explain
            this.explanations = new ExplanationService(assessments, audit, model, () -> KnowledgeBase.load(dataDir),
                    ExplanationChat.fromEnvironment(env), () -> config.alertPolicy().get().minimumLevel());
            this.retention = new Retention(assessments, config.retentionDays(), clock);
            closeInOrder.push(retention);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        log.info("engine started in {} ms (database and migrations {} ms, Hibernate {} ms, the rest {} ms): {}, configuration v{}",
                millis(started, System.nanoTime()), millis(started, databaseReady), millis(databaseReady, hibernateReady),
                millis(hibernateReady, System.nanoTime()), database, config.current().version());
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    /** Starts the engine from environment variables and {@code .env} (see {@code docs/configuration.md}). */
    public static RiskEngine start(Environment env, Mode mode, Clock clock) {
        return new RiskEngine(env, mode, clock);
    }

    private <T extends AutoCloseable> T opened(T resource) {
        closeInOrder.push(resource);
        return resource;
    }

    public Database database() { return database; }
    /** The publisher of assessments to Kafka, when {@code KAFKA_ASSESSMENTS_TOPIC} is set. */
    public Optional<KafkaAssessmentSink> kafkaOut() { return kafkaOut; }
    /** This engine's node id in assessment ids, leased in the database. */
    public int nodeId() { return nodeLease.nodeId(); }
    /** False once another engine took this one's node id over (see {@code JdbcNodeLease}): restart it. */
    public boolean nodeIdHeld() { return nodeLease.held(); }
    public JdbcAssessments assessments() { return assessments; }
    public JdbcAuditLog audit() { return audit; }
    public ConfigService config() { return config; }
    public UserService users() { return users; }
    public TokenService tokens() { return tokens; }
    public AlertService alerts() { return alerts; }
    public AlertPolicy alertPolicy() { return alertPolicy; }
    public ExplanationService explanations() { return explanations; }
    public Pipeline pipeline() { return pipeline; }

    /** Simulated customers per event/s of the rate: the default population (5,000) at the default rate (200/s). */
    static final int CUSTOMERS_PER_EVENT_PER_SECOND = 25;

    /**
     * Feeds the built-in simulator into the pipeline in real time (event timestamps follow the wall clock),
     * with a fresh seed so that its event ids never collide with an earlier run's. The population grows with the
     * rate ({@value #CUSTOMERS_PER_EVENT_PER_SECOND} customers per event/s, at least the default 5,000), so that each
     * customer keeps the pace it has at the default rate: 5,000 customers at 5,000 events/s would each pay every
     * second, score as card testing and flood the alert queue. Stops with the engine.
     */
    public Thread startSimulator(double eventsPerSecond) {
        SimulatorSettings defaults = SimulatorSettings.defaults();
        int customers = (int) Math.max(defaults.entities(), Math.round(eventsPerSecond * CUSTOMERS_PER_EVENT_PER_SECOND));
        SimulatorSettings settings = defaults.withSeed(System.currentTimeMillis()).withEntities(customers)
                .withStart(Instant.now().truncatedTo(ChronoUnit.SECONDS)).withEventsPerSecond(eventsPerSecond).withSpeedFactor(1);
        log.info("simulator on: {} events/s on a day's average, {} customers", eventsPerSecond, customers);
        return pipeline.addSource(new Simulator(settings));
    }

    /** Starts the simulator when {@code SIMULATOR_ENABLED} (default {@code enabledByDefault}) says so. */
    public void startSimulatorIfEnabled(Environment env, boolean enabledByDefault) {
        if (env.bool(EnvironmentVariable.SIMULATOR_ENABLED, enabledByDefault)) {
            startSimulator(env.number(EnvironmentVariable.SIMULATOR_RATE, 200));
        }
    }

    /**
     * Consumes events from Kafka when {@code KAFKA_BOOTSTRAP_SERVERS} is set (topic {@code KAFKA_EVENTS_TOPIC}, group
     * {@code KAFKA_GROUP_ID}); offsets are committed only after the assessments are stored. Stops with the engine.
     * Empty when Kafka is not configured.
     */
    public Optional<KafkaEventSource> startKafkaIfConfigured(Environment env) {
        return KafkaSourceSettings.fromEnvironment(env).map(settings -> {
            KafkaEventSource source = new KafkaEventSource(settings);
            log.info("Kafka source on: topic {} at {}, group {}", settings.topic(), settings.bootstrapServers(), settings.groupId());
            pipeline.addSource(source);
            return source;
        });
    }

    /**
     * Stops in order: retention, the pipeline (drained to storage), the alert writer, Hibernate, the pool. Safe to
     * call twice and from two threads (a window closing while a shutdown hook runs): the second call finds nothing
     * left to close.
     */
    @Override
    public synchronized void close() {
        closeQuietly();
        log.info("engine stopped");
    }

    private void closeQuietly() {
        while (!closeInOrder.isEmpty()) {
            AutoCloseable next = closeInOrder.pop();
            try {
                next.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("closing {} failed", next, e);
            }
        }
    }
}

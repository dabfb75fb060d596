package com.riskpulse.engine.config;

import java.util.List;

/**
 * A variable RiskPulse reads from the environment or {@code .env}: its name, its default (null when
 * there is none) and one line saying what it does. The seed's names come first, then ours.
 */
public record EnvironmentVariable(String name, String defaultValue, String description) {

    public static final String APP_NAME = "APP_NAME";
    public static final String DEBUG = "DEBUG";
    public static final String SECRET_KEY = "SECRET_KEY";
    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String REDIS_HOST = "REDIS_HOST";
    public static final String REDIS_PORT = "REDIS_PORT";
    public static final String RISK_HIGH_THRESHOLD = "RISK_HIGH_THRESHOLD";
    public static final String RISK_MEDIUM_THRESHOLD = "RISK_MEDIUM_THRESHOLD";
    public static final String RISK_LOW_THRESHOLD = "RISK_LOW_THRESHOLD";
    public static final String CORS_ORIGINS = "CORS_ORIGINS";
    public static final String OPENAI_API_KEY = "OPENAI_API_KEY";
    public static final String RAG_ENABLED = "RAG_ENABLED";
    public static final String RISK_CRITICAL_THRESHOLD = "RISK_CRITICAL_THRESHOLD";
    public static final String ALERT_MIN_LEVEL = "ALERT_MIN_LEVEL";
    public static final String RETENTION_DAYS = "RETENTION_DAYS";
    public static final String DATABASE_POOL_SIZE = "DATABASE_POOL_SIZE";
    public static final String RISKPULSE_DATA_DIR = "RISKPULSE_DATA_DIR";
    public static final String ADMIN_PASSWORD = "ADMIN_PASSWORD";
    public static final String ACCESS_TOKEN_EXPIRE_MINUTES = "ACCESS_TOKEN_EXPIRE_MINUTES";
    public static final String BCRYPT_COST = "BCRYPT_COST";
    public static final String REGISTRATION_MAX_ROLE = "REGISTRATION_MAX_ROLE";
    public static final String MAX_FAILED_LOGINS = "MAX_FAILED_LOGINS";
    public static final String LOCKOUT_MINUTES = "LOCKOUT_MINUTES";
    public static final String NODE_ID = "NODE_ID";
    public static final String PIPELINE_QUEUE_CAPACITY = "PIPELINE_QUEUE_CAPACITY";
    public static final String STORE_QUEUE_CAPACITY = "STORE_QUEUE_CAPACITY";
    public static final String STORE_BATCH_SIZE = "STORE_BATCH_SIZE";
    public static final String STORE_WRITERS = "STORE_WRITERS";
    public static final String SIMULATOR_ENABLED = "SIMULATOR_ENABLED";
    public static final String SIMULATOR_RATE = "SIMULATOR_RATE";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String KAFKA_EVENTS_TOPIC = "KAFKA_EVENTS_TOPIC";
    public static final String KAFKA_GROUP_ID = "KAFKA_GROUP_ID";
    public static final String KAFKA_COMMIT_INTERVAL_MS = "KAFKA_COMMIT_INTERVAL_MS";
    public static final String KAFKA_ASSESSMENTS_TOPIC = "KAFKA_ASSESSMENTS_TOPIC";
    public static final String OLLAMA_BASE_URL = "OLLAMA_BASE_URL";
    public static final String OLLAMA_MODEL = "OLLAMA_MODEL";

    static final List<EnvironmentVariable> ALL = List.of(
            new EnvironmentVariable(APP_NAME, "RiskPulse", "name shown in the console title and the API's OpenAPI page"),
            new EnvironmentVariable(DEBUG, "false", "debug mode: more logging; the only mode that may start without a real SECRET_KEY"),
            new EnvironmentVariable(SECRET_KEY, null, "key signing the JWT access tokens; required outside debug mode"),
            new EnvironmentVariable(DATABASE_URL, "H2 file in the data folder", "postgresql://user:pass@host:5432/db, jdbc:postgresql://... or jdbc:h2:..."),
            new EnvironmentVariable(REDIS_HOST, "localhost", "accepted for the seed's .env files; RiskPulse needs no Redis"),
            new EnvironmentVariable(REDIS_PORT, "6379", "accepted for the seed's .env files; RiskPulse needs no Redis"),
            new EnvironmentVariable(RISK_HIGH_THRESHOLD, "0.8", "starting score at which an assessment is HIGH (used until a configuration is stored)"),
            new EnvironmentVariable(RISK_MEDIUM_THRESHOLD, "0.5", "starting score at which an assessment is MEDIUM (used until a configuration is stored)"),
            new EnvironmentVariable(RISK_LOW_THRESHOLD, "0.3", "starting floor under which scores are 'clear' (used until a configuration is stored)"),
            new EnvironmentVariable(CORS_ORIGINS, "http://localhost:3000,http://localhost:5173", "comma-separated browser origins the API accepts"),
            new EnvironmentVariable(OPENAI_API_KEY, null, "OpenAI key for phrasing explanations; without one they are composed offline"),
            new EnvironmentVariable(RAG_ENABLED, "true", "retrieve policy passages for explanations"),
            new EnvironmentVariable(RISK_CRITICAL_THRESHOLD, "0.95", "starting score at which an assessment is CRITICAL (used until a configuration is stored)"),
            new EnvironmentVariable(ALERT_MIN_LEVEL, "HIGH", "starting lowest level that raises an alert: MEDIUM, HIGH or CRITICAL"),
            new EnvironmentVariable(RETENTION_DAYS, "30", "starting number of days assessments are kept"),
            new EnvironmentVariable(DATABASE_POOL_SIZE, "10", "most database connections the pool keeps open"),
            new EnvironmentVariable(RISKPULSE_DATA_DIR, "~/.riskpulse", "per-user data folder (H2 database, logs)"),
            new EnvironmentVariable(ADMIN_PASSWORD, null, "password of the first admin on an empty database; without it a one-time password is printed"),
            new EnvironmentVariable(ACCESS_TOKEN_EXPIRE_MINUTES, "60", "lifetime of an access token"),
            new EnvironmentVariable(BCRYPT_COST, "12", "bcrypt cost of password hashes (4-31; each step doubles the time)"),
            new EnvironmentVariable(REGISTRATION_MAX_ROLE, "analyst", "highest role self-registration may grant: viewer or analyst (never admin)"),
            new EnvironmentVariable(MAX_FAILED_LOGINS, "5", "consecutive failed logins that lock an account"),
            new EnvironmentVariable(LOCKOUT_MINUTES, "15", "how long a locked account stays locked"),
            new EnvironmentVariable(NODE_ID, "lowest free", "this engine's id (0-1023) in assessment ids, leased in the database: unset, the lowest free one; set, refused while another running engine holds it"),
            new EnvironmentVariable(PIPELINE_QUEUE_CAPACITY, "4096", "events waiting per partition before sources (and REST ingest) are held back"),
            new EnvironmentVariable(STORE_QUEUE_CAPACITY, "16384", "scored events waiting for the database writer"),
            new EnvironmentVariable(STORE_BATCH_SIZE, "1000", "most assessments written in one batch"),
            new EnvironmentVariable(STORE_WRITERS, "1 on H2, 2 on PostgreSQL", "threads (connections) writing assessments in parallel"),
            new EnvironmentVariable(SIMULATOR_ENABLED, "false on a server, true in the console", "feed the built-in simulator into the pipeline"),
            new EnvironmentVariable(SIMULATOR_RATE, "200", "simulator events per second, a day's average (its customers sleep at night; 25 customers per event/s, at least 5,000)"),
            new EnvironmentVariable(KAFKA_BOOTSTRAP_SERVERS, null, "Kafka brokers (host:port,...) to consume events from; unset, no Kafka source runs"),
            new EnvironmentVariable(KAFKA_EVENTS_TOPIC, "riskpulse.events", "the Kafka topic of events (key: entity_id, value: one event as JSON)"),
            new EnvironmentVariable(KAFKA_GROUP_ID, "riskpulse", "the Kafka consumer group; servers in one group split the topic's partitions"),
            new EnvironmentVariable(KAFKA_COMMIT_INTERVAL_MS, "1000", "how often offsets of stored events are committed to Kafka"),
            new EnvironmentVariable(KAFKA_ASSESSMENTS_TOPIC, null, "Kafka topic every assessment is published to (key: entity_id, value: the assessment as GET /api/v1/risk/{risk_id} answers it); unset, none is published"),
            new EnvironmentVariable(OLLAMA_BASE_URL, null, "Ollama server (e.g. http://localhost:11434) phrasing explanations when no OPENAI_API_KEY is set"),
            new EnvironmentVariable(OLLAMA_MODEL, "llama3.2", "Ollama model phrasing explanations"));

    static boolean isSecret(String name) {
        return name.equals(SECRET_KEY) || name.endsWith("_API_KEY") || name.endsWith("PASSWORD");
    }

    /** {@code NAME (default: x) — description}, one line. */
    @Override
    public String toString() {
        return name + (defaultValue == null ? "" : " (default: " + defaultValue + ")") + " — " + description;
    }
}

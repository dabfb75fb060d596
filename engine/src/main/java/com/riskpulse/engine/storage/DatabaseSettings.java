package com.riskpulse.engine.storage;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How to reach the database: a JDBC URL, the credentials kept apart from it (so the URL can be logged),
 * and the connection pool size.
 *
 * <p>{@code DATABASE_URL} may be the seed's {@code postgresql://user:pass@host:5432/db} (also
 * {@code postgres://} and SQLAlchemy's {@code postgresql+driver://}), a {@code jdbc:postgresql://...} URL or
 * a {@code jdbc:h2:...} URL. Without one, the database is an H2 file {@value #FILE_NAME} in the per-user
 * data folder (see {@link #dataDir}). PostgreSQL URLs get {@code reWriteBatchedInserts=true}; H2 URLs get
 * the PostgreSQL compatibility settings the shared migrations are written for.
 *
 * @param jdbcUrl  the URL to connect to, without the password when it came from a {@code postgresql://} URL
 * @param user     the user, or null when the URL itself names it (or none is needed)
 * @param password the password, or null; never shown by {@link #toString()}
 * @param poolSize the most connections the pool keeps open
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {

    /** Environment variable holding the database URL, as in the seed. */
    public static final String DATABASE_URL = "DATABASE_URL";
    /** Environment variable holding the pool size. */
    public static final String DATABASE_POOL_SIZE = "DATABASE_POOL_SIZE";
    /** System property naming the per-user data folder; wins over {@link #DATA_DIR_ENV}. */
    public static final String DATA_DIR_PROPERTY = "riskpulse.data.dir";
    /** Environment variable naming the per-user data folder. */
    public static final String DATA_DIR_ENV = "RISKPULSE_DATA_DIR";
    /** Name of the H2 database inside the data folder (H2 adds {@code .mv.db}). */
    public static final String FILE_NAME = "riskpulse";
    public static final int DEFAULT_POOL_SIZE = 10;

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (poolSize < 1) {
            throw new IllegalArgumentException("database pool size must be at least 1, got " + poolSize);
        }
    }

    /** From the process environment and system properties. */
    public static DatabaseSettings fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperties());
    }

    /**
     * From the given environment (e.g. the process environment merged with a {@code .env} file) and system
     * properties: {@value #DATABASE_URL} when set, else the H2 file in the data folder.
     */
    public static DatabaseSettings fromEnvironment(Map<String, String> env, Properties properties) {
        int poolSize = poolSize(env.get(DATABASE_POOL_SIZE));
        String url = env.get(DATABASE_URL);
        return url == null || url.isBlank() ? h2File(dataDir(env, properties), poolSize) : parse(url, poolSize);
    }

    /** Parses a database URL in any of the accepted forms; fails with a message naming the URL, password hidden. */
    public static DatabaseSettings parse(String databaseUrl, int poolSize) {
        return DatabaseUrls.parse(databaseUrl, poolSize);
    }

    /** The embedded default: H2 file {@value #FILE_NAME} in {@code dataDir} (created on first open). */
    public static DatabaseSettings h2File(Path dataDir, int poolSize) {
        String file = dataDir.resolve(FILE_NAME).toAbsolutePath().toString().replace('\\', '/');
        return new DatabaseSettings(DatabaseUrls.withH2Defaults("jdbc:h2:file:" + file), null, null, poolSize);
    }

    /**
     * The per-user data folder: system property {@value #DATA_DIR_PROPERTY}, else environment variable
     * {@value #DATA_DIR_ENV}, else {@code ~/.riskpulse}. A leading {@code ~} means the user's home.
     */
    public static Path dataDir(Map<String, String> env, Properties properties) {
        String home = properties.getProperty("user.home", System.getProperty("user.home"));
        String configured = properties.getProperty(DATA_DIR_PROPERTY);
        if (configured == null || configured.isBlank()) configured = env.get(DATA_DIR_ENV);
        if (configured == null || configured.isBlank()) return Path.of(home, ".riskpulse");
        configured = configured.strip();
        if (configured.equals("~")) return Path.of(home);
        if (configured.startsWith("~/") || configured.startsWith("~\\")) return Path.of(home, configured.substring(2));
        return Path.of(configured);
    }

    public Dialect dialect() {
        return Dialect.ofJdbcUrl(jdbcUrl);
    }

    /** The URL and user for messages and logs, with any password hidden. */
    public String displayUrl() {
        String shown = DatabaseUrls.redact(jdbcUrl);
        return user == null ? shown : shown + " (user " + user + ")";
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + displayUrl() + ", poolSize=" + poolSize + "]";
    }

    private static int poolSize(String value) {
        if (value == null || value.isBlank()) return DEFAULT_POOL_SIZE;
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(DATABASE_POOL_SIZE + " must be a whole number, got '" + value + "'");
        }
    }
}

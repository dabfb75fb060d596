package com.riskpulse.engine.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseSettingsTest {

    private static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
    private static final String REWRITE = "reWriteBatchedInserts=true";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # DATABASE_URL                                                  | JDBC URL                                                        | user    | password
            # the seed's own example
            postgresql://postgres:postgres@localhost:5432/risk_management   | jdbc:postgresql://localhost:5432/risk_management?REWRITE          | postgres | postgres
            postgres://app:pw@db/risk                                        | jdbc:postgresql://db/risk?REWRITE                                  | app     | pw
            # SQLAlchemy names its driver in the scheme
            postgresql+psycopg2://app:pw@db:6543/risk                        | jdbc:postgresql://db:6543/risk?REWRITE                             | app     | pw
            # percent-encoded specials in the password: @ : / ? % and a space; '+' stays a plus
            postgresql://app:p%40ss%3Aw%2Frd%3F%25%20x+y@db:5432/risk        | jdbc:postgresql://db:5432/risk?REWRITE                             | app     | p@ss:w/rd?% x+y
            # unencoded '@' and '/' in a password still work: the last '@' ends the user info
            postgresql://app:p@ss/w@db/risk                                  | jdbc:postgresql://db/risk?REWRITE                                  | app     | p@ss/w
            postgresql://me%40corp:pw@db/risk                                | jdbc:postgresql://db/risk?REWRITE                                  | me@corp | pw
            postgresql://app@db/risk                                         | jdbc:postgresql://db/risk?REWRITE                                  | app     | -
            postgresql://app:@db/risk                                        | jdbc:postgresql://db/risk?REWRITE                                  | app     | -
            postgresql://db/risk                                             | jdbc:postgresql://db/risk?REWRITE                                  | -       | -
            postgresql://app:pw@db                                           | jdbc:postgresql://db/?REWRITE                                      | app     | pw
            # libpq parameters are renamed where PgJDBC calls them differently
            postgresql://app:pw@db/risk?sslmode=require&application_name=risk%20pulse&connect_timeout=5 | jdbc:postgresql://db/risk?sslmode=require&ApplicationName=risk+pulse&connectTimeout=5&REWRITE | app | pw
            postgresql://db/risk?user=app&password=s%26cret                  | jdbc:postgresql://db/risk?REWRITE                                  | app     | s&cret
            postgresql://app:pw@[::1]:5432/risk                              | jdbc:postgresql://[::1]:5432/risk?REWRITE                          | app     | pw
            postgresql://app:pw@h1:5432,h2:5433/risk                         | jdbc:postgresql://h1:5432,h2:5433/risk?REWRITE                     | app     | pw
            postgresql://app@db/risk%20db                                    | jdbc:postgresql://db/risk+db?REWRITE                               | app     | -
            # JDBC URLs pass through, gaining the batch rewrite unless they chose otherwise
            jdbc:postgresql://127.0.0.1:5432/riskpulse_test?user=postgres    | jdbc:postgresql://127.0.0.1:5432/riskpulse_test?user=postgres&REWRITE | - | -
            jdbc:postgresql://db/risk                                        | jdbc:postgresql://db/risk?REWRITE                                  | -       | -
            jdbc:postgresql://db/risk?reWriteBatchedInserts=false            | jdbc:postgresql://db/risk?reWriteBatchedInserts=false              | -       | -
            # H2 gains the compatibility settings (and a named in-memory database outlives idle moments)
            jdbc:h2:mem:test                                                 | jdbc:h2:mem:testH2_MODE;DB_CLOSE_DELAY=-1                          | -       | -
            jdbc:h2:file:/data/rp;mode=PostgreSQL;AUTO_SERVER=TRUE            | jdbc:h2:file:/data/rp;mode=PostgreSQL;AUTO_SERVER=TRUE;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE | - | -
            """)
    void databaseUrlFormsBecomeJdbcSettings(String databaseUrl, String jdbcUrl, String user, String password) {
        DatabaseSettings settings = DatabaseSettings.parse(databaseUrl, 7);

        assertThat(settings.jdbcUrl()).isEqualTo(jdbcUrl.replace("REWRITE", REWRITE).replace("H2_MODE", H2_MODE));
        assertThat(settings.user()).isEqualTo(user);
        assertThat(settings.password()).isEqualTo(password);
        assertThat(settings.poolSize()).isEqualTo(7);
        if (settings.dialect() == Dialect.POSTGRESQL) {
            assertThat(org.postgresql.Driver.parseURL(settings.jdbcUrl(), null)).as("PgJDBC reads it").isNotNull();
        }
    }

    @Test
    void databaseNamesAndParameterValuesReachTheDriverDecoded() {
        var settings = DatabaseSettings.parse("postgresql://app@db/risk%20db?application_name=risk%20%2B%20pulse", 1);

        var driverView = org.postgresql.Driver.parseURL(settings.jdbcUrl(), null);

        assertThat(driverView.getProperty("PGDBNAME")).isEqualTo("risk db");
        assertThat(driverView.getProperty("ApplicationName")).isEqualTo("risk + pulse");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mysql://app:s3cret@db/risk                 | expected postgresql://user:password@host:5432/database
            postgresql://app:s3cret@db:abc/risk         | port 'abc' is not a number
            postgresql://app:s3cret@db:70000/risk       | port '70000' is not a number
            postgresql://app:s3cret@:5432/risk          | the host is missing
            postgresql://app:s3cret@db/risk?sslmode     | query parameter 'sslmode' is not name=value
            postgresql://app:s3cr%zzet@db/risk          | two hex digits
            postgresql://app:s3cret@[::1/risk           | lacks its closing ']'
            jdbc:postgresql://db:99999/risk?password=s3cret | PostgreSQL's driver cannot read it
            jdbc:h2:mem:                                | name the in-memory database
            """)
    void malformedUrlsAreRejectedNamingTheUrlWithoutItsPassword(String databaseUrl, String reason) {
        assertThatThrownBy(() -> DatabaseSettings.parse(databaseUrl, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason)
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("s3cr%zzet");
    }

    @Test
    void anEmptyUrlIsRejected() {
        assertThatThrownBy(() -> DatabaseSettings.parse("  ", 1)).hasMessageContaining("empty");
    }

    @Test
    void passwordsNeverShowInDisplayOrToString() {
        var fromLibpq = DatabaseSettings.parse("postgresql://app:s3cret@db/risk", 1);
        var fromJdbc = DatabaseSettings.parse("jdbc:postgresql://db/risk?user=app&password=s3cret", 1);

        assertThat(fromLibpq.displayUrl()).isEqualTo("jdbc:postgresql://db/risk?" + REWRITE + " (user app)");
        assertThat(fromJdbc.displayUrl()).isEqualTo("jdbc:postgresql://db/risk?user=app&password=***&" + REWRITE);
        assertThat(fromLibpq.toString()).doesNotContain("s3cret");
        assertThat(fromJdbc.toString()).doesNotContain("s3cret");
        assertThat(DatabaseUrls.redact("postgresql://app:p@ss/w@db/risk")).isEqualTo("postgresql://app:***@db/risk");
    }

    @Test
    void withoutADatabaseUrlTheDatabaseIsAnH2FileInTheDataFolder() {
        var settings = DatabaseSettings.fromEnvironment(Map.of(), properties("riskpulse.data.dir", "/srv/riskpulse"));

        assertThat(settings.dialect()).isEqualTo(Dialect.H2);
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:h2:file:" + abs("/srv/riskpulse/riskpulse") + H2_MODE);
        assertThat(settings.poolSize()).isEqualTo(DatabaseSettings.DEFAULT_POOL_SIZE);
    }

    @Test
    void aBlankDatabaseUrlCountsAsNone() {
        var settings = DatabaseSettings.fromEnvironment(Map.of("DATABASE_URL", " "), properties("riskpulse.data.dir", "/srv/rp"));

        assertThat(settings.dialect()).isEqualTo(Dialect.H2);
    }

    @Test
    void aDatabaseUrlAndPoolSizeFromTheEnvironmentWin() {
        var settings = DatabaseSettings.fromEnvironment(
                Map.of("DATABASE_URL", "postgresql://app:pw@db/risk", "DATABASE_POOL_SIZE", "3"), new Properties());

        assertThat(settings.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(settings.poolSize()).isEqualTo(3);
        assertThatThrownBy(() -> DatabaseSettings.fromEnvironment(Map.of("DATABASE_POOL_SIZE", "many"), new Properties()))
                .hasMessageContaining("DATABASE_POOL_SIZE must be a whole number");
        assertThatThrownBy(() -> DatabaseSettings.parse("jdbc:h2:mem:x", 0)).hasMessageContaining("at least 1");
    }

    @Test
    void theDataFolderComesFromThePropertyThenTheEnvironmentThenTheHome() {
        Properties home = properties("user.home", "/home/ana");
        Properties both = properties("user.home", "/home/ana");
        both.setProperty("riskpulse.data.dir", "/from/property");

        assertThat(DatabaseSettings.dataDir(Map.of(), home)).isEqualTo(Path.of("/home/ana/.riskpulse"));
        assertThat(DatabaseSettings.dataDir(Map.of("RISKPULSE_DATA_DIR", "/from/env"), home)).isEqualTo(Path.of("/from/env"));
        assertThat(DatabaseSettings.dataDir(Map.of("RISKPULSE_DATA_DIR", "/from/env"), both)).isEqualTo(Path.of("/from/property"));
        assertThat(DatabaseSettings.dataDir(Map.of("RISKPULSE_DATA_DIR", "~/rp"), home)).isEqualTo(Path.of("/home/ana/rp"));
    }

    private static Properties properties(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }

    /** As H2 will see it on this platform (a drive letter on Windows). */
    private static String abs(String path) {
        return Path.of(path).toAbsolutePath().toString().replace('\\', '/');
    }
}

package com.riskpulse.engine.storage;

import com.riskpulse.engine.event.Rejection;
import com.riskpulse.engine.stream.DeadLetter;
import com.riskpulse.engine.stream.JdbcDeadLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    @Test
    void theDefaultH2FileIsCreatedMigratedAndKeptInTheDataFolder(@TempDir Path tmp) throws SQLException {
        Path dataDir = tmp.resolve("not/yet/there");
        Properties properties = new Properties();
        properties.setProperty(DatabaseSettings.DATA_DIR_PROPERTY, dataDir.toString());
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of(), properties);

        try (Database db = Database.open(settings)) {
            assertThat(db.dialect()).isEqualTo(Dialect.H2);
            assertThat(rowCount(db, "assessments")).isZero();
            new JdbcDeadLetters(db).store(new DeadLetter("test", new Rejection(null, null, "kept", "x"), Instant.now()));
        }
        assertThat(dataDir.resolve(DatabaseSettings.FILE_NAME + ".mv.db")).isRegularFile();

        try (Database reopened = Database.open(settings)) { // migrations already applied: nothing to do, data kept
            assertThat(rowCount(reopened, "dead_letters")).isEqualTo(1);
        }
    }

    @Test
    void aDataFolderHeldByAnotherProcessIsSaidPlainly(@TempDir Path tmp) throws Exception {
        Properties properties = new Properties();
        properties.setProperty(DatabaseSettings.DATA_DIR_PROPERTY, tmp.toString());
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of(), properties);
        Database.open(settings).close(); // created and migrated
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldDatabase.class.getName(), settings.jdbcUrl())
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream()))) {
            assertThat(out.readLine()).startsWith("ready");
            assertThatThrownBy(() -> Database.open(settings))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("is in use by another RiskPulse process")
                    .hasMessageContaining("RISKPULSE_DATA_DIR");
        } finally {
            other.getOutputStream().close();
            other.waitFor();
        }
    }

    @Test
    void anUnreachableDatabaseFailsNamingItsUrlButNotItsPassword() {
        DatabaseSettings settings = DatabaseSettings.parse("postgresql://app:s3cret@127.0.0.1:1/risk", 1);

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("cannot open database jdbc:postgresql://127.0.0.1:1/risk?reWriteBatchedInserts=true (user app)")
                .hasMessageContaining("refused")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void closingAnInMemoryDatabaseDropsIt() throws SQLException {
        DatabaseSettings settings = DatabaseSettings.parse("jdbc:h2:mem:closing_test", 1);
        try (Database db = Database.open(settings)) {
            new JdbcDeadLetters(db).store(new DeadLetter("test", new Rejection(null, null, "gone", "x"), Instant.now()));
        }

        try (Database again = Database.open(settings)) {
            assertThat(rowCount(again, "dead_letters")).isZero();
        }
    }

    private static long rowCount(Database db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package com.riskpulse.bench;

import com.riskpulse.engine.assessment.JdbcAssessments;
import com.riskpulse.engine.storage.Database;
import com.riskpulse.engine.storage.DatabaseSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The database side of the load runs, the same for each: {@code --db h2} (a fresh H2 file in a temporary folder,
 * deleted when the run's JVM exits: a run writes hundreds of megabytes, and thirty runs left behind once filled
 * 20 GB of {@code java.io.tmpdir}) or a JDBC URL; an empty assessments table; the write strategy by name.
 */
final class LoadRunDatabase {

    private static final int POOL_SIZE = 4;

    private LoadRunDatabase() {
    }

    /** {@code h2} or a database URL. */
    static DatabaseSettings settings(String db) throws IOException {
        if (!db.equals("h2")) return DatabaseSettings.parse(db, POOL_SIZE);
        Path dir = Files.createTempDirectory("riskpulse-bench");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "riskpulse-bench-cleanup"));
        return DatabaseSettings.h2File(dir, POOL_SIZE);
    }

    /** Empties the assessments table and opens the store with {@code strategy} (null: the database's default). */
    static JdbcAssessments emptyStore(Database database, String strategy) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE TABLE assessments"); // not DELETE: dead rows and bloated indexes would slow each later run
        }
        JdbcAssessments.WriteStrategy ws = strategy == null ? JdbcAssessments.WriteStrategy.defaultFor(database.dialect())
                : JdbcAssessments.WriteStrategy.valueOf(strategy.toUpperCase(Locale.ROOT));
        return new JdbcAssessments(database.dataSource(), database.dialect(), ws);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}

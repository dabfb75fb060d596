package com.riskpulse.engine.stream;

import com.riskpulse.engine.event.Rejection;
import com.riskpulse.engine.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static com.riskpulse.engine.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@link JdbcDeadLetters} must do on every database; a small subclass picks the database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DeadLettersContract {

    private TestDatabases.Scratch db;
    private TestAbortedException unavailable;
    private DeadLetters letters;

    protected abstract TestDatabases.Scratch openDatabase();

    @BeforeAll
    void open() {
        try {
            db = openDatabase();
        } catch (TestAbortedException e) {
            unavailable = e; // re-raised per test: Surefire shows a class-level abort as "0 tests", hiding why
            return;
        }
        letters = new JdbcDeadLetters(db.database());
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
    }

    @BeforeEach
    void emptyTable() throws SQLException {
        if (unavailable != null) Assumptions.abort(unavailable.getMessage());
        try (Connection c = db.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM dead_letters");
        }
    }

    @Test
    void storedLettersComeBackNewestFirst() {
        DeadLetter first = letter("simulator", new Rejection("e-1", "amount", "amount must be a number, got a string",
                "{\"event_id\":\"e-1\",\"amount\":\"x\"}"), T0);
        DeadLetter second = letter("replay:day1.ndjson", new Rejection(null, null, "malformed JSON: Unexpected end", "{"),
                T0.plusNanos(1_000));
        DeadLetter third = letter("kafka", new Rejection("e-3", "timestamp", "timestamp is required", "{\"event_id\":\"e-3\"}"),
                T0.minusSeconds(60)); // stored last, though its time is earliest

        letters.store(first);
        letters.store(second);
        letters.store(third);

        assertThat(letters.latest(2)).containsExactly(third, second);
        assertThat(letters.latest(10)).containsExactly(third, second, first);
        assertThat(letters.count()).isEqualTo(3);
    }

    @Test
    void aLongInputIsKeptAsTheRejectionCutIt() {
        String huge = "x".repeat(Rejection.MAX_INPUT_CHARS * 3) + "\t\\\n😀";
        DeadLetter letter = letter("rest", new Rejection(null, null, "body too large", huge), T0);

        letters.store(letter);

        assertThat(letters.latest(1)).containsExactly(letter);
        assertThat(letters.latest(1).getFirst().rejection().input()).hasSize(Rejection.MAX_INPUT_CHARS + 1);
    }

    @Test
    void aLetterWithoutTimeIsStillKept() {
        Instant before = Instant.now().minusSeconds(1);

        letters.store(new DeadLetter("simulator", new Rejection(null, null, "empty input", ""), null));

        assertThat(letters.count()).isEqualTo(1);
        assertThat(letters.latest(1).getFirst().at()).isAfter(before);
        assertThat(letters.latest(1).getFirst().rejection().input()).isEmpty();
    }

    private static DeadLetter letter(String source, Rejection rejection, Instant at) {
        return new DeadLetter(source, rejection, at);
    }
}

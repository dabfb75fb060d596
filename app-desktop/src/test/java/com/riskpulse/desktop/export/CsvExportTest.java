package com.riskpulse.desktop.export;

import com.riskpulse.engine.api.PageView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvExportTest {

    @TempDir
    Path dir;

    /** 250 numbers, newest (highest) first, in pages of 100 keyed by "below this number". */
    private static PageView<Long> numbers(Long cursor) {
        long top = cursor == null ? 250 : cursor - 1;
        List<Long> items = LongStream.iterate(top, n -> n >= Math.max(1, top - 99), n -> n - 1).boxed().toList();
        Long next = items.isEmpty() || items.getLast() == 1 ? null : items.getLast();
        return new PageView<>(items, next);
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAsRfc4180Says() {
        assertThat(CsvExport.quote("plain")).isEqualTo("plain");
        assertThat(CsvExport.quote("acme, inc")).isEqualTo("\"acme, inc\"");
        assertThat(CsvExport.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.quote("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvExport.quote(null)).isEmpty();
    }

    @Test
    void everyPageIsFollowedAndWrittenUnderOneHeader() throws IOException {
        Path file = dir.resolve("n.csv");
        CsvExport.Result result = CsvExport.write(file, List.of("n"), CsvExportTest::numbers, n -> List.of(n.toString()),
                1_000, n -> { }, () -> false);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(result.rows()).isEqualTo(250);
        assertThat(result.capped()).isFalse();
        assertThat(lines).hasSize(251).startsWith("n", "250").endsWith("1");
        assertThat(Files.readString(file)).contains("\r\n");
    }

    @Test
    void theCapStopsTheExportAndSaysSo() throws IOException {
        Path file = dir.resolve("n.csv");
        CsvExport.Result result = CsvExport.write(file, List.of("n"), CsvExportTest::numbers, n -> List.of(n.toString()),
                150, n -> { }, () -> false);
        assertThat(result.rows()).isEqualTo(150);
        assertThat(result.capped()).isTrue();
        assertThat(result.describe()).contains("capped");
        assertThat(Files.readAllLines(file)).hasSize(151);
    }

    @Test
    void aFailureHalfwayLeavesNeitherTheFileNorATemporaryOne() throws IOException {
        Path file = dir.resolve("n.csv");
        AtomicInteger pages = new AtomicInteger();
        CsvExport.Pages<Long> failing = cursor -> {
            if (pages.incrementAndGet() == 2) throw new IllegalStateException("connection lost");
            return numbers(cursor);
        };
        assertThatThrownBy(() -> CsvExport.write(file, List.of("n"), failing, n -> List.of(n.toString()), 1_000, n -> { }, () -> false))
                .hasMessage("connection lost");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aCancelledExportKeepsTheOldFileAndLeavesNoTemporaryOne() throws IOException {
        Path file = dir.resolve("n.csv");
        Files.writeString(file, "old");
        AtomicInteger written = new AtomicInteger();
        assertThatThrownBy(() -> CsvExport.write(file, List.of("n"), CsvExportTest::numbers, n -> List.of(n.toString()), 1_000,
                n -> written.set((int) n), () -> written.get() >= 100))
                .isInstanceOf(CancellationException.class);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
        assertThat(Files.readString(file)).isEqualTo("old");
    }
}

package com.riskpulse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder for a load run's H2 database, deleted when the run's JVM exits: a run writes hundreds of
 * megabytes, and thirty runs left behind once filled 20 GB of {@code java.io.tmpdir}.
 */
final class ScratchFolder {

    private ScratchFolder() {
    }

    static Path create() throws IOException {
        Path dir = Files.createTempDirectory("riskpulse-bench");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "riskpulse-bench-cleanup"));
        return dir;
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

package com.riskpulse.desktop.start;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What the start screen remembers between runs, in {@code console.properties} in the data folder: the last
 * choice (this computer or server), the server URL and the last username. Never a password or token.
 */
public final class ConsolePreferences {

    private static final String MODE = "mode", SERVER_URL = "server.url", USERNAME = "username";

    private final Path file;
    private final Properties values = new Properties();

    public ConsolePreferences(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException e) {
                // unreadable preferences are not worth refusing to start for: start from the defaults
                values.clear();
            }
        }
    }

    public static ConsolePreferences in(Path dataDir) {
        return new ConsolePreferences(dataDir.resolve("console.properties"));
    }

    public boolean serverMode() {
        return "server".equals(values.getProperty(MODE));
    }

    public Optional<String> serverUrl() {
        return Optional.ofNullable(values.getProperty(SERVER_URL));
    }

    public Optional<String> username() {
        return Optional.ofNullable(values.getProperty(USERNAME));
    }

    public void remember(Connection connection) {
        switch (connection) {
            case Connection.ThisComputer c -> values.setProperty(MODE, "embedded");
            case Connection.Server s -> {
                values.setProperty(MODE, "server");
                values.setProperty(SERVER_URL, s.url());
            }
        }
        save();
    }

    public void rememberUsername(String username) {
        values.setProperty(USERNAME, username);
        save();
    }

    /** Written to a temporary file and moved into place: a crash never leaves half a file. */
    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "console", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "RiskPulse console");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the console's preferences to " + file, e);
        }
    }
}

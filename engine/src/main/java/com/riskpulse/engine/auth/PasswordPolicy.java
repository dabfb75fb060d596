package com.riskpulse.engine.auth;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a new password must be: at least {@code minLength} characters (default {@value #DEFAULT_MIN_LENGTH}),
 * not only spaces, not the username, and within bcrypt's {@value PasswordHasher#MAX_PASSWORD_BYTES} bytes.
 */
public record PasswordPolicy(int minLength) {

    public static final int DEFAULT_MIN_LENGTH = 8;

    public PasswordPolicy {
        if (minLength < 1) throw new IllegalArgumentException("minimum password length must be at least 1, got " + minLength);
    }

    public static PasswordPolicy defaults() {
        return new PasswordPolicy(DEFAULT_MIN_LENGTH);
    }

    /** Why {@code password} is not acceptable for {@code username}, or empty when it is. */
    public Optional<String> problem(String username, String password) {
        if (password == null || password.isEmpty()) return Optional.of("password is required");
        if (password.codePointCount(0, password.length()) < minLength) {
            return Optional.of("password must be at least " + minLength + " characters long");
        }
        if (password.isBlank()) return Optional.of("password may not be only spaces");
        if (username != null && password.equalsIgnoreCase(username)) return Optional.of("password may not be the username");
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_PASSWORD_BYTES) {
            return Optional.of("password may be at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes long (bcrypt ignores the rest)");
        }
        return Optional.empty();
    }
}

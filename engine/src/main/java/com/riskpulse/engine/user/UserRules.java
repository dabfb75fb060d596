package com.riskpulse.engine.user;

import java.util.Optional;
import java.util.regex.Pattern;

/** What makes a username and an email acceptable, each a named rule with its message. */
final class UserRules {

    static final int MIN_USERNAME = 3;
    static final int MAX_USERNAME = 64;
    static final int MAX_EMAIL = 254;
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{" + MIN_USERNAME + "," + MAX_USERNAME + "}");
    /** Deliberately loose: one @, no spaces, a dot in the domain. Mail delivery is the real check. */
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private UserRules() {
    }

    static Optional<String> usernameProblem(String username) {
        if (username == null || username.isBlank()) return Optional.of("username is required");
        if (!USERNAME.matcher(username).matches()) {
            return Optional.of("username must be " + MIN_USERNAME + " to " + MAX_USERNAME
                    + " characters: letters, digits, '.', '_' or '-'");
        }
        return Optional.empty();
    }

    static Optional<String> emailProblem(String email) {
        if (email == null || email.isBlank()) return Optional.of("email is required");
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            return Optional.of("email '" + shorten(email) + "' is not a valid address (expected name@example.com)");
        }
        return Optional.empty();
    }

    /** For audit entries and messages: attempted names can be anything, of any length. */
    static String shorten(String s) {
        if (s == null) return "";
        return s.length() <= MAX_USERNAME * 2 ? s : s.substring(0, MAX_USERNAME * 2) + "…";
    }
}

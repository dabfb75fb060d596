package com.riskpulse.engine.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/**
 * Hashes and checks passwords with bcrypt ({@code $2b$}, as the seed's passlib wrote them, so its hashes
 * still verify). The cost is a setting: each step doubles the time, ≈ 0.8 s at the default 12 here.
 */
public final class PasswordHasher {

    public static final int DEFAULT_COST = 12;
    public static final int MIN_COST = BCrypt.MIN_COST;
    public static final int MAX_COST = BCrypt.MAX_COST;
    /** bcrypt reads at most this many bytes of a password; {@link PasswordPolicy} refuses longer ones. */
    public static final int MAX_PASSWORD_BYTES = 71;

    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.with(BCrypt.Version.VERSION_2B);
    /** Checked against when the user does not exist, so that an unknown name takes as long as a wrong password. */
    private final java.util.concurrent.CompletableFuture<String> decoy;

    public PasswordHasher(int cost) {
        this.cost = checkCost(cost);
        // a bcrypt hash takes a few hundred milliseconds at the default cost: made off the start-up path, ready
        // long before the first login of an unknown user needs it
        this.decoy = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().name("bcrypt-decoy").start(() -> {
            try {
                decoy.complete(hash("decoy password, never matches"));
            } catch (RuntimeException e) {
                decoy.completeExceptionally(e);
            }
        });
    }

    static int checkCost(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be from " + MIN_COST + " to " + MAX_COST + ", got " + cost);
        }
        return cost;
    }

    public int cost() {
        return cost;
    }

    /** A new salted hash; fails for a password bcrypt cannot take whole (over {@value #MAX_PASSWORD_BYTES} bytes). */
    public String hash(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("password is longer than bcrypt's " + MAX_PASSWORD_BYTES + " bytes");
        }
        return hasher.hashToString(cost, password.toCharArray());
    }

    /** Whether {@code password} matches {@code hash}; false for a malformed hash or an over-long password. */
    public boolean matches(String password, String hash) {
        if (password == null || hash == null) return false;
        try {
            return BCrypt.verifyer().verify(password.toCharArray(), hash.toCharArray()).verified;
        } catch (IllegalArgumentException e) {
            return false; // bcrypt refuses over-long input rather than answering
        }
    }

    /** Spends the time of one check and answers false: for logins of unknown users. */
    public boolean matchesNothing(String password) {
        matches(password == null ? "" : password, decoy.join());
        return false;
    }

    /** Whether {@code hash} was made with a lower cost than the current setting (and should be replaced). */
    public boolean needsRehash(String hash) {
        try {
            return hash.length() > 7 && Integer.parseInt(hash.substring(4, 6)) < cost;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}

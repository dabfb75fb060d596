package com.riskpulse.engine.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything users, passwords and tokens are configured by. Built by whoever reads the environment and
 * the {@code .env} file; nothing in {@code auth} or {@code user} reads the environment itself.
 *
 * @param secretKey           {@code SECRET_KEY}: the HS256 signing secret, at least 32 bytes; null when not set
 *                            (see {@link SecretKeys} for what happens then)
 * @param debug               {@code DEBUG}: allows a generated secret kept in {@code dataDir}
 * @param dataDir             the per-user data folder, where a generated {@value SecretKeys#FILE_NAME} is kept
 * @param tokenTtl            how long an access token is valid; default {@link #DEFAULT_TOKEN_TTL}
 * @param bcryptCost          bcrypt's cost (log2 of its rounds), 4 to 31; default {@value #DEFAULT_BCRYPT_COST}
 *                            (≈ 0.8 s a hash on a small server; tests use 4)
 * @param registrationMaxRole the highest role self-registration may grant; default {@link Role#ANALYST}, so the
 *                            seed's documented example (registering an {@code "analyst"}) works; never ADMIN
 * @param maxFailedLogins     consecutive failed logins after which an account is locked; default {@value #DEFAULT_MAX_FAILED_LOGINS}
 * @param lockout             how long such a lock lasts; default {@link #DEFAULT_LOCKOUT}
 * @param minPasswordLength   the shortest password accepted; default {@value PasswordPolicy#DEFAULT_MIN_LENGTH}
 */
public record AuthSettings(String secretKey, boolean debug, Path dataDir, Duration tokenTtl, int bcryptCost,
                           Role registrationMaxRole, int maxFailedLogins, Duration lockout, int minPasswordLength) {

    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofMinutes(60);
    public static final int DEFAULT_BCRYPT_COST = PasswordHasher.DEFAULT_COST;
    public static final Role DEFAULT_REGISTRATION_MAX_ROLE = Role.ANALYST;
    public static final int DEFAULT_MAX_FAILED_LOGINS = 5;
    public static final Duration DEFAULT_LOCKOUT = Duration.ofMinutes(15);

    public AuthSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(tokenTtl, "tokenTtl");
        Objects.requireNonNull(registrationMaxRole, "registrationMaxRole");
        Objects.requireNonNull(lockout, "lockout");
        if (tokenTtl.isNegative() || tokenTtl.isZero()) throw new IllegalArgumentException("token lifetime must be positive, got " + tokenTtl);
        PasswordHasher.checkCost(bcryptCost);
        if (registrationMaxRole == Role.ADMIN) {
            throw new IllegalArgumentException("self-registration may not grant admin: set the registration role limit to viewer or analyst");
        }
        if (maxFailedLogins < 1) throw new IllegalArgumentException("max failed logins must be at least 1, got " + maxFailedLogins);
        if (lockout.isNegative()) throw new IllegalArgumentException("lockout duration may not be negative, got " + lockout);
        if (minPasswordLength < 1) throw new IllegalArgumentException("minimum password length must be at least 1, got " + minPasswordLength);
    }

    /** The defaults, with the given secret, debug flag and data folder. */
    public static AuthSettings defaults(String secretKey, boolean debug, Path dataDir) {
        return new AuthSettings(secretKey, debug, dataDir, DEFAULT_TOKEN_TTL, DEFAULT_BCRYPT_COST, DEFAULT_REGISTRATION_MAX_ROLE,
                DEFAULT_MAX_FAILED_LOGINS, DEFAULT_LOCKOUT, PasswordPolicy.DEFAULT_MIN_LENGTH);
    }

    public AuthSettings withBcryptCost(int value) {
        return new AuthSettings(secretKey, debug, dataDir, tokenTtl, value, registrationMaxRole, maxFailedLogins, lockout, minPasswordLength);
    }

    public AuthSettings withRegistrationMaxRole(Role value) {
        return new AuthSettings(secretKey, debug, dataDir, tokenTtl, bcryptCost, value, maxFailedLogins, lockout, minPasswordLength);
    }

    public AuthSettings withLockout(int failures, Duration duration) {
        return new AuthSettings(secretKey, debug, dataDir, tokenTtl, bcryptCost, registrationMaxRole, failures, duration, minPasswordLength);
    }

    public AuthSettings withTokenTtl(Duration value) {
        return new AuthSettings(secretKey, debug, dataDir, value, bcryptCost, registrationMaxRole, maxFailedLogins, lockout, minPasswordLength);
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "AuthSettings[secretKey=" + (secretKey == null ? "unset" : "***") + ", debug=" + debug + ", dataDir=" + dataDir
                + ", tokenTtl=" + tokenTtl + ", bcryptCost=" + bcryptCost + ", registrationMaxRole=" + registrationMaxRole.wireName()
                + ", maxFailedLogins=" + maxFailedLogins + ", lockout=" + lockout + ", minPasswordLength=" + minPasswordLength + "]";
    }
}

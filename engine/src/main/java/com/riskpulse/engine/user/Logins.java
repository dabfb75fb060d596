package com.riskpulse.engine.user;

import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditEvent;
import com.riskpulse.engine.audit.AuditLog;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.AuthSettings;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.PasswordHasher;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.auth.TokenService;
import com.riskpulse.engine.user.LoginOutcome.Failure;
import com.riskpulse.engine.user.LoginOutcome.Reason;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Logins, for {@link UserService}: password check, the failed-login counter and the lock it leads to, the
 * token, and an audit entry for every attempt (never with the password).
 */
final class Logins {

    static final String BAD_CREDENTIALS = "invalid username or password";

    private final Users users;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final AuthSettings settings;
    private final Clock clock;

    Logins(Users users, AuditLog audit, PasswordHasher hasher, TokenService tokens, AuthSettings settings, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.hasher = hasher;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    LoginOutcome login(String username, String password, Origin origin) {
        Instant now = clock.instant();
        Optional<StoredUser> found = username == null ? Optional.empty() : users.byUsername(username);
        if (found.isEmpty()) {
            hasher.matchesNothing(password); // as slow as a wrong password, so names cannot be probed by timing
            failed(origin, "username:" + UserRules.shorten(username), username, "unknown user", Map.of());
            return new Failure(Reason.BAD_CREDENTIALS, BAD_CREDENTIALS, null);
        }
        StoredUser user = found.get();
        if (user.lockedAt(now)) {
            // the password is not even checked: a locked account cannot be guessed at
            failed(origin, user.account().target(), username, "locked", Map.of("locked_until", user.lockedUntil().toString()));
            return locked(user.lockedUntil());
        }
        if (!hasher.matches(password, user.passwordHash())) {
            StoredUser counted = countFailure(user.id(), now).orElse(user);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("failed_logins", counted.failedLogins());
            if (counted.lockedAt(now)) details.put("locked_until", counted.lockedUntil().toString());
            failed(origin, user.account().target(), username, "wrong password", details);
            return counted.lockedAt(now) ? locked(counted.lockedUntil()) : new Failure(Reason.BAD_CREDENTIALS, BAD_CREDENTIALS, null);
        }
        if (!user.enabled()) {
            failed(origin, user.account().target(), username, "disabled", Map.of());
            return new Failure(Reason.DISABLED, "account " + user.username() + " is disabled: ask an admin", null);
        }
        StoredUser current = resetFailures(user, password, now);
        TokenService.IssuedToken token = tokens.issue(current.id(), current.username(), current.role());
        audit.record(new AuditEvent(current.account().actor(origin), AuditAction.LOGIN, current.account().target(),
                Map.of("username", current.username())));
        return new LoginOutcome.Success(token.token(), token.expiresIn(), current.account());
    }

    /**
     * One more consecutive failure; the limit locks the account. A lock that has run out starts the count
     * afresh, so one more mistake after it does not lock again at once.
     */
    private Optional<StoredUser> countFailure(long id, Instant now) {
        return users.change(id, u -> {
            boolean lockExpired = u.lockedUntil() != null && !u.lockedAt(now);
            int failures = (lockExpired ? 0 : u.failedLogins()) + 1;
            Instant lockedUntil = failures >= settings.maxFailedLogins() ? now.plus(settings.lockout()) : (lockExpired ? null : u.lockedUntil());
            return u.withLogins(failures, lockedUntil, now);
        });
    }

    /** A success clears the counter, and replaces a hash made with a lower cost than the current setting. */
    private StoredUser resetFailures(StoredUser user, String password, Instant now) {
        boolean rehash = hasher.needsRehash(user.passwordHash());
        if (user.failedLogins() == 0 && user.lockedUntil() == null && !rehash) return user;
        String hash = rehash ? hasher.hash(password) : null;
        return users.change(user.id(), u -> {
            StoredUser reset = u.withLogins(0, null, now);
            return hash == null ? reset : reset.withPasswordHash(hash, now);
        }).orElse(user);
    }

    private static Failure locked(Instant until) {
        return new Failure(Reason.LOCKED, "too many failed logins: account locked until " + until, until);
    }

    private void failed(Origin origin, String target, String attempted, String reason, Map<String, Object> more) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", UserRules.shorten(attempted));
        details.put("reason", reason);
        details.putAll(more);
        audit.record(new AuditEvent(anonymous(origin), AuditAction.LOGIN_FAILED, target, details));
    }

    /** Whoever tried: not authenticated, so no user id and the least role. */
    static Actor anonymous(Origin origin) {
        return new Actor(0, "anonymous", Role.VIEWER, origin);
    }
}

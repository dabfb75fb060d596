package com.riskpulse.engine.user;

import com.riskpulse.engine.auth.Role;

import java.time.Instant;
import java.util.Objects;

/**
 * A user as stored, for the user service and its repository only: the account plus the password hash, the
 * login counters and the version that guards against lost updates.
 *
 * @param failedLogins consecutive failed logins since the last success
 * @param lockedUntil  logins are refused before this moment; null when not locked
 * @param version      the row version read; an update based on an older one fails with {@link ConcurrentUpdate}
 */
public record StoredUser(UserAccount account, String passwordHash, int failedLogins, Instant lockedUntil,
                         Instant updatedAt, long version) {

    public StoredUser {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public long id() {
        return account.id();
    }

    public String username() {
        return account.username();
    }

    public Role role() {
        return account.role();
    }

    public boolean enabled() {
        return account.enabled();
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public boolean isEnabledAdmin() {
        return enabled() && role() == Role.ADMIN;
    }

    StoredUser with(UserAccount changed, Instant now) {
        return new StoredUser(changed, passwordHash, failedLogins, lockedUntil, now, version);
    }

    StoredUser withRole(Role role, Instant now) {
        UserAccount a = account;
        return with(new UserAccount(a.id(), a.username(), a.email(), role, a.enabled(), a.createdAt()), now);
    }

    StoredUser withEnabled(boolean enabled, Instant now) {
        UserAccount a = account;
        return with(new UserAccount(a.id(), a.username(), a.email(), a.role(), enabled, a.createdAt()), now);
    }

    StoredUser withLogins(int failed, Instant lockedUntil, Instant now) {
        return new StoredUser(account, passwordHash, failed, lockedUntil, now, version);
    }

    StoredUser withPasswordHash(String hash, Instant now) {
        return new StoredUser(account, hash, failedLogins, lockedUntil, now, version);
    }

    /** Never shows the hash. */
    @Override
    public String toString() {
        return "StoredUser[" + account + ", failedLogins=" + failedLogins + ", lockedUntil=" + lockedUntil + ", version=" + version + "]";
    }
}

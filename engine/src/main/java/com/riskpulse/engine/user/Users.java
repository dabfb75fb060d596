package com.riskpulse.engine.user;

import com.riskpulse.engine.auth.AccountDirectory;
import com.riskpulse.engine.auth.AccountStatus;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The user store. Usernames are unique (compared exactly); updates are optimistic: {@link #update} writes
 * only when the stored version is still the one read, so two admins (or two nodes) cannot silently undo
 * each other's change, and concurrent failed logins are all counted.
 */
public interface Users extends AccountDirectory {

    /** Adds a user; throws {@link UsernameTaken} when the name is in use. */
    StoredUser add(NewUser user);

    Optional<StoredUser> byId(long id);

    Optional<StoredUser> byUsername(String username);

    /** Every user, by id. */
    List<StoredUser> all();

    long count();

    long countEnabledAdmins();

    /**
     * Writes {@code changed} (everything but id, username and creation time) if the stored version is still
     * {@code changed.version()}; answers the stored user with its new version, or empty when it no longer
     * exists. Throws {@link ConcurrentUpdate} when it was changed since.
     */
    Optional<StoredUser> update(StoredUser changed);

    /** Removes a user; answers whether there was one. */
    boolean delete(long id);

    /**
     * Reads the user, applies {@code change} and writes it, reading again and re-applying when someone else
     * changed the user in between (up to {@value #ATTEMPTS} times); empty when the user does not exist.
     */
    default Optional<StoredUser> change(long id, UnaryOperator<StoredUser> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<StoredUser> current = byId(id);
            if (current.isEmpty()) return current;
            try {
                return update(change.apply(current.get()));
            } catch (ConcurrentUpdate e) {
                if (attempt >= ATTEMPTS) throw e;
            }
        }
    }

    int ATTEMPTS = 5;

    @Override
    default Optional<AccountStatus> status(long userId) {
        return byId(userId).map(u -> new AccountStatus(u.id(), u.username(), u.role(), u.enabled()));
    }
}

package com.riskpulse.engine.testing;

import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.user.ConcurrentUpdate;
import com.riskpulse.engine.user.NewUser;
import com.riskpulse.engine.user.StoredUser;
import com.riskpulse.engine.user.UserAccount;
import com.riskpulse.engine.user.Users;
import com.riskpulse.engine.user.UsernameTaken;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An in-memory stand-in for the user store in unit tests: same uniqueness and version checks, no database. */
public final class InMemoryUsers implements Users {

    private final Map<Long, StoredUser> byId = new TreeMap<>();
    private long nextId = 1;

    @Override
    public synchronized StoredUser add(NewUser u) {
        if (byUsername(u.username()).isPresent()) throw new UsernameTaken(u.username());
        UserAccount account = new UserAccount(nextId++, u.username(), u.email(), u.role(), u.enabled(), u.createdAt());
        StoredUser stored = new StoredUser(account, u.passwordHash(), 0, null, u.createdAt(), 0);
        byId.put(account.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<StoredUser> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<StoredUser> byUsername(String username) {
        return byId.values().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    @Override
    public synchronized List<StoredUser> all() {
        return List.copyOf(byId.values());
    }

    @Override
    public synchronized long count() {
        return byId.size();
    }

    @Override
    public synchronized long countEnabledAdmins() {
        return byId.values().stream().filter(u -> u.enabled() && u.role() == Role.ADMIN).count();
    }

    @Override
    public synchronized Optional<StoredUser> update(StoredUser changed) {
        StoredUser current = byId.get(changed.id());
        if (current == null) return Optional.empty();
        if (current.version() != changed.version()) throw new ConcurrentUpdate(changed.id());
        UserAccount a = current.account();
        UserAccount c = changed.account();
        StoredUser stored = new StoredUser(new UserAccount(a.id(), a.username(), c.email(), c.role(), c.enabled(), a.createdAt()),
                changed.passwordHash(), changed.failedLogins(), changed.lockedUntil(), changed.updatedAt(), current.version() + 1);
        byId.put(a.id(), stored);
        return Optional.of(stored);
    }

    @Override
    public synchronized boolean delete(long id) {
        return byId.remove(id) != null;
    }
}

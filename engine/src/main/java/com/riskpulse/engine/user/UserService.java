package com.riskpulse.engine.user;

import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditEvent;
import com.riskpulse.engine.audit.AuditLog;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.AuthSettings;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.PasswordHasher;
import com.riskpulse.engine.auth.PasswordPolicy;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.auth.TokenService;
import com.riskpulse.engine.user.UserOutcome.Changed;
import com.riskpulse.engine.user.UserOutcome.Created;
import com.riskpulse.engine.user.UserOutcome.NotFound;
import com.riskpulse.engine.user.UserOutcome.Problem;
import com.riskpulse.engine.user.UserOutcome.Rejected;
import com.riskpulse.engine.user.UserOutcome.Unchanged;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Users: login, self-registration, admin user management and the first admin. Every command that changes
 * something is audited; admin commands check {@link Permission#MANAGE_USERS} first and throw
 * {@link com.riskpulse.engine.auth.Forbidden} otherwise.
 *
 * <p>Self-registration never grants ADMIN, and grants at most {@link AuthSettings#registrationMaxRole()}:
 * by default ANALYST, so the seed's documented example (registering {@code "role": "analyst"}) works. Set it
 * to VIEWER where analysts must be made by an admin. No requested role means VIEWER.
 *
 * <p>No change may leave the system without an enabled admin: demoting or disabling the last one is refused.
 */
public final class UserService {

    /** The account {@link #bootstrapAdmin} creates. */
    public static final String BOOTSTRAP_ADMIN = "admin";
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_PASSWORD_LENGTH = 24; // ≈ 140 bits

    private final Users users;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuthSettings settings;
    private final Clock clock;
    private final TokenService tokens;
    private final Logins logins;
    private final SecureRandom random = new SecureRandom();

    public UserService(Users users, AuditLog audit, PasswordHasher hasher, TokenService tokens, AuthSettings settings, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.hasher = hasher;
        this.policy = new PasswordPolicy(settings.minPasswordLength());
        this.settings = settings;
        this.clock = clock;
        this.tokens = tokens;
        this.logins = new Logins(users, audit, hasher, tokens, settings, clock);
    }

    /**
     * Checks the password and answers a token. After {@link AuthSettings#maxFailedLogins()} consecutive
     * failures the account is locked for {@link AuthSettings#lockout()}, during which the password is not
     * checked at all. Every attempt is audited ({@code LOGIN} / {@code LOGIN_FAILED}).
     */
    public LoginOutcome login(String username, String password, Origin origin) {
        return logins.login(username, password, origin);
    }

    /**
     * A new token for the user of a token that is still valid, so that a session in use does not end every
     * {@link AuthSettings#tokenTtl()} and no client has to keep the password. {@code actor} is what
     * {@link TokenService#verify} made of that token on this very request: it read the account, so a user who
     * is gone or disabled never gets here, and the role is the stored one, which the new token carries.
     *
     * <p>A login lock does not stop a refresh, as it stops no other request: it guards the password against
     * guessing, anyone who knows the username can trip it, and the holder of a valid token has already given the
     * password. Ending a session is what disabling the account is for.
     *
     * <p>Not audited: a refresh grants nothing the audited {@code LOGIN} did not (same user, the role as
     * stored), and one entry per user every token lifetime would bury the decisions the trail is for. The
     * server's access log still names the user of every refresh.
     */
    public TokenService.IssuedToken refresh(Actor actor) {
        if (actor.origin() == Origin.SYSTEM) throw new IllegalArgumentException("the system has no session to refresh");
        return tokens.issue(actor.userId(), actor.username(), actor.role());
    }

    /** Self-registration; see the class comment for the roles it may grant. Audited as {@code REGISTER}. */
    public UserOutcome register(String username, String email, String password, Role requestedRole) {
        Role role = requestedRole == null ? Role.VIEWER : requestedRole;
        if (role == Role.ADMIN) {
            return new Rejected(Problem.ROLE_NOT_ALLOWED, "self-registration cannot grant admin: an admin must grant it");
        }
        if (role.compareTo(settings.registrationMaxRole()) > 0) {
            return new Rejected(Problem.ROLE_NOT_ALLOWED, "self-registration grants at most " + settings.registrationMaxRole().wireName()
                    + ": ask an admin for " + role.wireName());
        }
        return add(username, email, password, role, created -> {
            Actor self = created.actor(Origin.API);
            return new AuditEvent(self, AuditAction.REGISTER, created.target(), Map.of("username", created.username(), "role", role.wireName()));
        });
    }

    /** The actor's own account, as stored now (for "who am I"); empty when it no longer exists. */
    public Optional<UserAccount> account(Actor actor) {
        return users.byId(actor.userId()).map(StoredUser::account);
    }

    /** Every user, by id. */
    public List<UserAccount> list(Actor actor) {
        actor.require(Permission.MANAGE_USERS);
        return users.all().stream().map(StoredUser::account).toList();
    }

    /** An admin creates a user with any role. Audited as {@code USER_CREATED}. */
    public UserOutcome create(Actor actor, String username, String email, String password, Role role) {
        actor.require(Permission.MANAGE_USERS);
        if (role == null) return new Rejected(Problem.ROLE_NOT_ALLOWED, "role is required: one of viewer, analyst, admin");
        return add(username, email, password, role, created -> new AuditEvent(actor, AuditAction.USER_CREATED, created.target(),
                Map.of("username", created.username(), "role", role.wireName(), "enabled", true)));
    }

    public UserOutcome changeRole(Actor actor, long userId, Role role) {
        actor.require(Permission.MANAGE_USERS);
        if (role == null) return new Rejected(Problem.ROLE_NOT_ALLOWED, "role is required: one of viewer, analyst, admin");
        return change(actor, userId, AuditAction.USER_ROLE_CHANGED, u -> u.role() == role, role != Role.ADMIN,
                (u, now) -> u.withRole(role, now), "demote");
    }

    public UserOutcome disable(Actor actor, long userId) {
        actor.require(Permission.MANAGE_USERS);
        return change(actor, userId, AuditAction.USER_DISABLED, u -> !u.enabled(), true, (u, now) -> u.withEnabled(false, now), "disable");
    }

    public UserOutcome enable(Actor actor, long userId) {
        actor.require(Permission.MANAGE_USERS);
        // enabling also lifts a login lock: the admin has vouched for the account
        return change(actor, userId, AuditAction.USER_ENABLED, u -> u.enabled() && u.lockedUntil() == null, false,
                (u, now) -> u.withEnabled(true, now).withLogins(0, null, now), "enable");
    }

    /** Whether any account exists: a fresh installation has none until the first admin is created. */
    public boolean hasAccounts() {
        return users.count() > 0;
    }

    /**
     * Creates the first account, {@value #BOOTSTRAP_ADMIN} with role ADMIN, when there are no users at all;
     * does nothing otherwise. Without a password it generates a strong one-time password and answers it for
     * the caller to show once. A given password must pass the password policy.
     */
    public BootstrapOutcome bootstrapAdmin(Optional<String> password) {
        long existing = users.count();
        if (existing > 0) return new BootstrapOutcome.AlreadyInitialised(existing);
        password.flatMap(p -> policy.problem(BOOTSTRAP_ADMIN, p)).ifPresent(problem -> {
            throw new IllegalArgumentException("the initial admin password is not acceptable: " + problem);
        });
        String secret = password.orElseGet(this::generatePassword);
        StoredUser admin;
        try {
            admin = users.add(new NewUser(BOOTSTRAP_ADMIN, null, hasher.hash(secret), Role.ADMIN, true, clock.instant()));
        } catch (UsernameTaken raced) {
            return new BootstrapOutcome.AlreadyInitialised(users.count()); // another node was first
        }
        audit.record(new AuditEvent(Actor.SYSTEM, AuditAction.USER_CREATED, admin.account().target(),
                Map.of("username", BOOTSTRAP_ADMIN, "role", Role.ADMIN.wireName(), "bootstrap", true)));
        return new BootstrapOutcome.Created(admin.account(), password.isPresent() ? Optional.empty() : Optional.of(secret));
    }

    private UserOutcome add(String username, String email, String password, Role role,
                            Function<UserAccount, AuditEvent> auditEntry) {
        Optional<String> problem = UserRules.usernameProblem(username);
        if (problem.isPresent()) return new Rejected(Problem.INVALID_USERNAME, problem.get());
        problem = UserRules.emailProblem(email);
        if (problem.isPresent()) return new Rejected(Problem.INVALID_EMAIL, problem.get());
        problem = policy.problem(username, password);
        if (problem.isPresent()) return new Rejected(Problem.WEAK_PASSWORD, problem.get());
        if (users.byUsername(username).isPresent()) return taken(username);
        StoredUser stored;
        try {
            stored = users.add(new NewUser(username, email.strip(), hasher.hash(password), role, true, clock.instant()));
        } catch (UsernameTaken e) {
            return taken(username);
        }
        audit.record(auditEntry.apply(stored.account()));
        return new Created(stored.account());
    }

    private static Rejected taken(String username) {
        return new Rejected(Problem.USERNAME_TAKEN, "username '" + username + "' is already taken");
    }

    private interface Edit {
        StoredUser apply(StoredUser user, Instant now);
    }

    /**
     * Applies an admin's edit, unless the user is already so ({@code done}); when the edit can take away
     * admin rights ({@code canRemoveAdmin}), refuses to remove the last enabled admin.
     */
    private UserOutcome change(Actor actor, long userId, AuditAction action, Predicate<StoredUser> done,
                               boolean canRemoveAdmin, Edit edit, String verb) {
        Optional<StoredUser> current = users.byId(userId);
        if (current.isEmpty()) return new NotFound(userId);
        StoredUser before = current.get();
        if (done.test(before)) return new Unchanged(before.account());
        Instant now = clock.instant();
        StoredUser proposed = edit.apply(before, now);
        if (canRemoveAdmin && before.isEnabledAdmin() && !proposed.isEnabledAdmin() && users.countEnabledAdmins() <= 1) {
            String who = before.id() == actor.userId() ? "yourself" : before.username();
            return new Rejected(Problem.LAST_ADMIN, "cannot " + verb + " " + who + ": the last enabled admin must stay");
        }
        Optional<StoredUser> after;
        try {
            after = users.update(proposed);
        } catch (ConcurrentUpdate e) {
            return new Rejected(Problem.CONCURRENT_CHANGE, "user " + userId + " was changed by someone else just now: try again");
        }
        if (after.isEmpty()) return new NotFound(userId);
        audit.record(new AuditEvent(actor, action, before.account().target(),
                Map.of("before", state(before), "after", state(after.get()))));
        return new Changed(before.account(), after.get().account());
    }

    private static Map<String, Object> state(StoredUser u) {
        return Map.of("username", u.username(), "role", u.role().wireName(), "enabled", u.enabled());
    }

    private String generatePassword() {
        StringBuilder sb = new StringBuilder(GENERATED_PASSWORD_LENGTH);
        for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) sb.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        return sb.toString();
    }

}

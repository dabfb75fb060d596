package com.riskpulse.engine.user;

import com.riskpulse.engine.auth.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * The {@code users} row as Hibernate maps it (schema in {@code V3__users.sql}). Only {@link HibernateUsers}
 * sees it; callers get {@link StoredUser} and {@link UserAccount}. Named {@code Hibernate*} so the boundary
 * rule lets it carry JPA annotations.
 */
@Entity
@Table(name = "users")
class HibernateUserEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "username", nullable = false, length = 64, updatable = false)
    String username;

    @Column(name = "email", length = 254)
    String email;

    @Column(name = "password_hash", nullable = false, length = 100)
    String passwordHash;

    /** The enum's name; kept as text so the mapping is plain VARCHAR on both databases. */
    @Column(name = "role", nullable = false, length = 16)
    String role;

    @Column(name = "enabled", nullable = false)
    boolean enabled;

    @Column(name = "failed_logins", nullable = false)
    int failedLogins;

    @Column(name = "locked_until")
    Instant lockedUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected HibernateUserEntity() {
    }

    static HibernateUserEntity of(NewUser user) {
        HibernateUserEntity e = new HibernateUserEntity();
        e.username = user.username();
        e.email = user.email();
        e.passwordHash = user.passwordHash();
        e.role = user.role().name();
        e.enabled = user.enabled();
        e.createdAt = user.createdAt();
        e.updatedAt = user.createdAt();
        return e;
    }

    void apply(StoredUser changed) {
        email = changed.account().email();
        passwordHash = changed.passwordHash();
        role = changed.role().name();
        enabled = changed.enabled();
        failedLogins = changed.failedLogins();
        lockedUntil = changed.lockedUntil();
        updatedAt = changed.updatedAt();
    }

    StoredUser toStored() {
        UserAccount account = new UserAccount(id, username, email, Role.valueOf(role), enabled, createdAt);
        return new StoredUser(account, passwordHash, failedLogins, lockedUntil, updatedAt, version);
    }
}

package com.riskpulse.engine.user;

import com.riskpulse.engine.auth.Role;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

import java.util.List;
import java.util.Optional;

/**
 * {@link Users} on Hibernate. The session factory must know {@link #ENTITIES} (see
 * {@link com.riskpulse.engine.storage.HibernateSessions#open}).
 */
public final class HibernateUsers implements Users {

    /** The entity classes this repository needs registered with the session factory. */
    public static final List<Class<?>> ENTITIES = List.of(HibernateUserEntity.class);

    private final SessionFactory sessions;

    public HibernateUsers(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public StoredUser add(NewUser user) {
        try {
            return sessions.fromTransaction(s -> {
                HibernateUserEntity entity = HibernateUserEntity.of(user);
                s.persist(entity);
                s.flush();
                return entity.toStored();
            });
        } catch (ConstraintViolationException e) {
            // the unique constraint decides, also when another node added the same name a moment ago
            if (byUsername(user.username()).isPresent()) throw new UsernameTaken(user.username());
            throw e;
        }
    }

    @Override
    public Optional<StoredUser> byId(long id) {
        return sessions.fromSession(s -> Optional.ofNullable(s.find(HibernateUserEntity.class, id)).map(HibernateUserEntity::toStored));
    }

    @Override
    public Optional<StoredUser> byUsername(String username) {
        return sessions.fromSession(s -> s.createSelectionQuery(
                        "from HibernateUserEntity where username = :username", HibernateUserEntity.class)
                .setParameter("username", username)
                .uniqueResultOptional()
                .map(HibernateUserEntity::toStored));
    }

    @Override
    public List<StoredUser> all() {
        return sessions.fromSession(s -> s.createSelectionQuery("from HibernateUserEntity order by id", HibernateUserEntity.class)
                .getResultList().stream().map(HibernateUserEntity::toStored).toList());
    }

    @Override
    public long count() {
        return sessions.fromSession(s -> s.createSelectionQuery("select count(*) from HibernateUserEntity", Long.class)
                .getSingleResult());
    }

    @Override
    public long countEnabledAdmins() {
        return sessions.fromSession(s -> s.createSelectionQuery(
                        "select count(*) from HibernateUserEntity where role = :role and enabled = true", Long.class)
                .setParameter("role", Role.ADMIN.name())
                .getSingleResult());
    }

    @Override
    public Optional<StoredUser> update(StoredUser changed) {
        try {
            return sessions.fromTransaction(s -> {
                HibernateUserEntity entity = s.find(HibernateUserEntity.class, changed.id());
                if (entity == null) return Optional.empty();
                if (entity.version != changed.version()) throw new ConcurrentUpdate(changed.id());
                entity.apply(changed);
                s.flush(); // the UPDATE ... WHERE version = ? runs here and moves the version on
                return Optional.of(entity.toStored());
            });
        } catch (OptimisticLockException | StaleStateException e) {
            throw new ConcurrentUpdate(changed.id());
        }
    }

    @Override
    public boolean delete(long id) {
        return sessions.fromTransaction(s -> s.createMutationQuery("delete from HibernateUserEntity where id = :id")
                .setParameter("id", id).executeUpdate() > 0);
    }
}

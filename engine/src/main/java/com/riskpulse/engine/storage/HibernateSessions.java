package com.riskpulse.engine.storage;

import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

import java.util.List;

/**
 * Builds the Hibernate {@link SessionFactory} for the domain tables (users, alerts, audit, configuration)
 * on the engine's own connection pool. Flyway owns the schema: Hibernate only validates that the entities
 * match it, so a mapping that drifts from a migration fails at start-up, not at the first query.
 */
public final class HibernateSessions {

    private HibernateSessions() {
    }

    /** A session factory over {@code database} for the given annotated entity classes. */
    public static SessionFactory open(Database database, List<Class<?>> entities) {
        Configuration configuration = new Configuration();
        entities.forEach(configuration::addAnnotatedClass);
        configuration.getProperties().put(AvailableSettings.DATASOURCE, database.dataSource());
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
        configuration.setProperty(AvailableSettings.SHOW_SQL, "false");
        // timestamps in UTC whatever the JVM's zone, as the JDBC code writes them
        configuration.setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "50");
        return configuration.buildSessionFactory();
    }
}

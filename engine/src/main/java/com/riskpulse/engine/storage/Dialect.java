package com.riskpulse.engine.storage;

import java.util.Locale;

/**
 * The two databases RiskPulse runs on. H2 always runs in PostgreSQL compatibility mode, so the SQL is
 * shared; the few places that still differ (conflict targets, COPY) ask for the dialect.
 */
public enum Dialect {
    /** Embedded H2, the desktop default and the headless server's default. */
    H2("org.h2.Driver"),
    /** PostgreSQL 15+, for the server and scale-out. */
    POSTGRESQL("org.postgresql.Driver");

    private final String driverClassName;

    Dialect(String driverClassName) {
        this.driverClassName = driverClassName;
    }

    public String driverClassName() {
        return driverClassName;
    }

    /** The dialect of a JDBC URL; fails for a database RiskPulse does not support. */
    public static Dialect ofJdbcUrl(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) return H2;
        if (lower.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalArgumentException("unsupported database URL " + DatabaseUrls.redact(jdbcUrl)
                + ": RiskPulse runs on H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://... or postgresql://...)");
    }
}

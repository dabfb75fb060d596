-- The configuration document (issue #3): one row per version, never updated. The current configuration
-- is the highest version. The primary key is what makes concurrent saves safe: two admins saving on the
-- same base version both try to insert version n+1, and exactly one succeeds (JdbcConfigVersions turns
-- the other's unique violation into a conflict). The document is JSON kept as text (unbounded VARCHAR,
-- as in V1: H2 would make TEXT a CLOB): it is read back whole, never queried inside.
CREATE TABLE config_versions (
    version    INTEGER                  NOT NULL,
    document   VARCHAR                  NOT NULL,  -- ConfigJson of the whole document, metadata included
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR                  NOT NULL,  -- username, or "system" for the first version
    comment    VARCHAR,
    CONSTRAINT config_versions_pkey PRIMARY KEY (version),
    CONSTRAINT config_versions_version_check CHECK (version >= 1)
);

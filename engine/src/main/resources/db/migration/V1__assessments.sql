-- Scored events: the high-volume table. Written by JdbcAssessments with plain JDBC (batches, multi-row
-- INSERTs or COPY), not Hibernate. The event is kept in its own columns (not also as JSON): every byte
-- of a row is paid for at the write rate. The same file runs on H2 (PostgreSQL mode) and PostgreSQL, hence
-- unbounded VARCHAR rather than TEXT (H2 makes TEXT a CLOB) and JSON kept as text (it is only read back
-- whole; no query looks inside it).
CREATE TABLE assessments (
    id                 BIGINT                   NOT NULL,  -- from AssessmentIds: time ordered, no sequence
    event_id           VARCHAR                  NOT NULL,
    entity_id          VARCHAR                  NOT NULL,
    event_time         TIMESTAMP WITH TIME ZONE NOT NULL,
    scored_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type         VARCHAR(32)              NOT NULL,
    amount             DOUBLE PRECISION,                   -- null when the event carries none
    currency           VARCHAR,
    country            VARCHAR,
    channel            VARCHAR(32),
    merchant_id        VARCHAR,
    merchant_category  VARCHAR,
    device_id          VARCHAR,
    ip                 VARCHAR,
    status             VARCHAR(16),
    attributes_json    VARCHAR,                            -- {"key": "value"}; null when the event has none
    score              DOUBLE PRECISION         NOT NULL,
    level              VARCHAR(16)              NOT NULL,
    config_version     INTEGER                  NOT NULL,
    model_version      VARCHAR                  NOT NULL,
    late               BOOLEAN                  NOT NULL,
    features_json      VARCHAR                  NOT NULL,  -- {"count_1m": 3.0, ...}, zero values left out
    contributions_json VARCHAR                  NOT NULL,  -- [{"name":..,"value":..,"contribution":..}]
    rules_fired        VARCHAR                  NOT NULL,  -- JSON array of rule names
    CONSTRAINT assessments_pkey PRIMARY KEY (id),
    -- storage is idempotent on the event id: a replayed or re-delivered event is stored once
    CONSTRAINT assessments_event_id_key UNIQUE (event_id)
);

-- history pages are "newest first by id" within an entity or a level
CREATE INDEX assessments_entity_id_idx ON assessments (entity_id, id);
CREATE INDEX assessments_level_id_idx ON assessments (level, id);
-- history filters on event time; statistics and retention work on scoring time
CREATE INDEX assessments_event_time_idx ON assessments (event_time);
CREATE INDEX assessments_scored_at_idx ON assessments (scored_at);

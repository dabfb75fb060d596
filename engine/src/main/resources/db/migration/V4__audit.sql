-- The audit trail (issue #3): append-only, hash-chained. Written by JdbcAuditLog with plain JDBC: rows are
-- only ever inserted, one per transaction, under the chain-head lock below, so Hibernate's unit of work and
-- dirty checking would add nothing but a way to update a row. The code never updates or deletes audit_log.
CREATE TABLE audit_log (
    seq        BIGINT                   NOT NULL,  -- 1, 2, 3, ... without gaps: a gap is tampering
    at         TIMESTAMP WITH TIME ZONE NOT NULL,  -- to the microsecond, as hashed
    actor_id   BIGINT                   NOT NULL,  -- 0 for the system
    actor_name VARCHAR                  NOT NULL,
    actor_role VARCHAR(16)              NOT NULL,  -- Role name: VIEWER, ANALYST, ADMIN
    origin     VARCHAR(16)              NOT NULL,  -- Origin name: CONSOLE, API, SYSTEM
    action     VARCHAR(32)              NOT NULL,  -- AuditAction name
    target     VARCHAR,                            -- e.g. alert:42; null when none
    details    VARCHAR                  NOT NULL,  -- canonical JSON object (sorted keys), {} when none
    prev_hash  VARCHAR(64)              NOT NULL,  -- the previous row's hash; the genesis value for seq 1
    hash       VARCHAR(64)              NOT NULL,  -- SHA-256 (hex) of this row's canonical form
    CONSTRAINT audit_log_pkey PRIMARY KEY (seq)
);

-- the audit screen filters by who, what, which target and when, newest first by seq
CREATE INDEX audit_log_actor_name_idx ON audit_log (actor_name, seq);
CREATE INDEX audit_log_action_idx ON audit_log (action, seq);
CREATE INDEX audit_log_target_idx ON audit_log (target, seq);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- The end of the chain, one row. An append locks it (SELECT ... FOR UPDATE), so appends from every thread
-- and every server sharing the database are serialised by the database itself and the chain stays linear.
-- It also lets verification notice rows cut off the end of the chain.
CREATE TABLE audit_chain_head (
    id   INTEGER     NOT NULL,
    seq  BIGINT      NOT NULL,  -- seq of the last row, 0 while the log is empty
    hash VARCHAR(64) NOT NULL,  -- hash of the last row, the genesis value while the log is empty
    CONSTRAINT audit_chain_head_pkey PRIMARY KEY (id),
    CONSTRAINT audit_chain_head_one_row CHECK (id = 1)
);

-- genesis: AuditHashing.GENESIS
INSERT INTO audit_chain_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

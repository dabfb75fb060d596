-- Which running engine holds which node id (the 10 bits of AssessmentIds): two servers sharing a database with one
-- node id would mint the same assessment ids. A lease is renewed every few seconds and may be taken over once stale.
CREATE TABLE node_leases (
    node_id    INTEGER NOT NULL,
    holder     VARCHAR(300) NOT NULL,              -- host, process id and a random tag of the holding engine
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    renewed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT node_leases_pkey PRIMARY KEY (node_id)
);

-- Issue 21: the audit trail becomes N hash chains per database that verify as one, so that audited writes no
-- longer commit strictly one after another. Each event records its chain and its position in it; seq stays the
-- global primary key (insertion order across chains, from a sequence, gaps allowed).
-- Existing events form chain 0 with chain_seq = seq; their stored hashes stay valid (AuditChain keeps the old
-- canonical form for exactly those rows).
ALTER TABLE audit_event ADD COLUMN chain smallint NOT NULL DEFAULT 0;
ALTER TABLE audit_event ADD COLUMN chain_seq bigint;

-- the backfill is the one change history ever gets, by the schema owner inside this migration
ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change;
UPDATE audit_event SET chain_seq = seq;
ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_change;

ALTER TABLE audit_event ALTER COLUMN chain_seq SET NOT NULL;
-- one event per position; its index also serves the tail look-up (chain = k order by chain_seq desc limit 1)
-- and the verification's walk of one chain
ALTER TABLE audit_event ADD CONSTRAINT audit_event_chain_position UNIQUE (chain, chain_seq);

CREATE SEQUENCE audit_event_seq OWNED BY audit_event.seq;
SELECT setval('audit_event_seq', coalesce(max(seq), 0) + 1, false) FROM audit_event;
GRANT USAGE, SELECT ON SEQUENCE audit_event_seq TO ${appRole};

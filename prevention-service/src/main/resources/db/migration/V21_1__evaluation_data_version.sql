-- Issue 21: the evaluation cache (EvaluationService) keys its entries by this version, read in the evaluation's own
-- transaction before anything else. Every transaction that changes a table the evaluation reads bumps it once, at
-- commit (deferred constraint triggers), so the new version and the new rows become visible together, on every
-- replica: a cached figure is served only while the database holds exactly the data it was computed from (or
-- newer data, read by a transaction that began before the commit). Bumping at commit, as a transaction's last
-- write, also means the single row cannot take part in a deadlock.
CREATE TABLE evaluation_data_version (
    id      smallint PRIMARY KEY CHECK (id = 1),
    version bigint   NOT NULL,
    last_tx xid8
);
INSERT INTO evaluation_data_version (id, version) VALUES (1, 0);
GRANT SELECT, UPDATE ON evaluation_data_version TO ${appRole};

-- once per transaction: the row triggers of a bulk write after the first find their own transaction's id
CREATE FUNCTION evaluation_data_changed() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE evaluation_data_version SET version = version + 1, last_tx = pg_current_xact_id()
     WHERE id = 1 AND last_tx IS DISTINCT FROM pg_current_xact_id();
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['programme', 'edition', 'curriculum_module', 'session', 'attendance', 'enrolment',
                             'participant', 'release_record', 'reoffence'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR DELETE ON %I'
                       ' DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evaluation_data_changed()',
                       t || '_evaluation_version', t);
        -- an update that changes nothing (same values written back) leaves the version, and the cache, alone
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER UPDATE ON %I DEFERRABLE INITIALLY DEFERRED'
                       ' FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)'
                       ' EXECUTE FUNCTION evaluation_data_changed()', t || '_evaluation_version_update', t);
        -- constraint triggers cannot fire on TRUNCATE: an ordinary statement trigger does
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT'
                       ' EXECUTE FUNCTION evaluation_data_changed()', t || '_evaluation_version_truncate', t);
    END LOOP;
END
$$;

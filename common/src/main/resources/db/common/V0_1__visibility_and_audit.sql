-- Shared by every Yaqaza service (shipped in yaqaza-common). ${appRole} is the runtime role; migrations run
-- as the schema owner, so the runtime role only gets the rights granted here.

-- The visibility rule, in one place. A plain SQL function: PostgreSQL inlines it into each query.
CREATE FUNCTION yz_visible(rec_level smallint, rec_compartments text[], rec_agency text, rec_shared text[],
                           caller_level smallint, caller_compartments text, caller_agency text)
    RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT rec_level <= caller_level
       AND rec_compartments <@ string_to_array(caller_compartments, ',')
       AND (rec_agency = caller_agency OR caller_agency = ANY (rec_shared))
$$;

CREATE TABLE audit_event (
    seq            bigint      PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    subject        text        NOT NULL,
    roles          text        NOT NULL,
    agency         text,
    partner        text,
    action         text        NOT NULL,
    object_type    text,
    object_id      text,
    classification smallint,
    request_id     text,
    client_address text,
    detail         text,
    prev_hash      char(64)    NOT NULL,
    hash           char(64)    NOT NULL
);
CREATE INDEX audit_event_subject_idx ON audit_event (subject, seq);
CREATE INDEX audit_event_object_idx ON audit_event (object_type, object_id, seq);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);

-- Append-only: any UPDATE, DELETE or TRUNCATE fails, whoever tries it.
CREATE FUNCTION audit_event_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP;
END
$$;
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

GRANT SELECT, INSERT ON audit_event TO ${appRole};

-- Tables the service creates later are read-write for the runtime role (audit_event above is not).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${appRole};

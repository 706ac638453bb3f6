-- Marking requests (issue 15), shared by every service: a request to change the marking of one protected record.
-- The row is itself protected by the record's marking (the yz_visible columns below), so whoever cannot see the
-- record cannot see that a request exists. created_by / created_at are who asked and when.
CREATE TABLE marking_request (
    id                  uuid        PRIMARY KEY,
    classification      smallint    NOT NULL CHECK (classification BETWEEN 0 AND 4),
    compartments        text[]      NOT NULL DEFAULT '{}',
    owner_agency        text        NOT NULL,
    shared_with         text[]      NOT NULL DEFAULT '{}',
    created_at          timestamptz NOT NULL,
    created_by          text        NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint      NOT NULL,
    object_type         text        NOT NULL,
    object_id           uuid        NOT NULL,
    object_version      bigint      NOT NULL,
    from_classification smallint    NOT NULL CHECK (from_classification BETWEEN 0 AND 4),
    from_compartments   text[]      NOT NULL,
    from_shared_with    text[]      NOT NULL,
    to_classification   smallint    NOT NULL CHECK (to_classification BETWEEN 0 AND 4),
    to_compartments     text[]      NOT NULL,
    to_shared_with      text[]      NOT NULL,
    reason              text        NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 2000),
    status              text        NOT NULL CHECK (status IN
                            ('PENDING','APPROVED','APPLIED','REJECTED','WITHDRAWN','STALE')),
    decided_by          text,
    decided_at          timestamptz,
    decision_note       text        CHECK (char_length(decision_note) <= 2000),
    -- four-eyes, whatever the service code does: nobody approves their own downgrade
    CONSTRAINT marking_request_four_eyes CHECK (status <> 'APPROVED' OR decided_by <> created_by),
    CONSTRAINT marking_request_decided CHECK (status = 'PENDING' OR (decided_by IS NOT NULL AND decided_at IS NOT NULL))
);
-- one pending request per record at a time
CREATE UNIQUE INDEX marking_request_one_pending ON marking_request (object_type, object_id) WHERE status = 'PENDING';
CREATE INDEX marking_request_object_idx ON marking_request (object_type, object_id);
CREATE INDEX marking_request_page_idx ON marking_request (created_at DESC, id DESC);

-- The history of markings is kept: the runtime role reads, files and decides requests, never deletes them (the
-- default privileges of V0_1 would grant DELETE too).
REVOKE ALL ON marking_request FROM ${appRole};
GRANT SELECT, INSERT, UPDATE ON marking_request TO ${appRole};

-- For services: a trigger function that refuses any change of a record's owning agency (attach it BEFORE UPDATE OF
-- owner_agency on each protected table). The owner is fixed at creation; no API changes it.
CREATE FUNCTION yz_owner_agency_fixed() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.owner_agency IS DISTINCT FROM OLD.owner_agency THEN
        RAISE EXCEPTION 'the owning agency of % % never changes', TG_TABLE_NAME, OLD.id;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER marking_request_owner_fixed BEFORE UPDATE OF owner_agency ON marking_request
    FOR EACH ROW EXECUTE FUNCTION yz_owner_agency_fixed();

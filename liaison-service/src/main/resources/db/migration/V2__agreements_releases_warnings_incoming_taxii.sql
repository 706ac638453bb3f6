-- Partners: liaison contacts and the machine clients (gateway client ids) that act for each partner.
ALTER TABLE partner ADD COLUMN contacts jsonb NOT NULL DEFAULT '[]';
ALTER TABLE partner ADD COLUMN client_ids text[] NOT NULL DEFAULT '{}';
CREATE INDEX partner_client_ids_idx ON partner USING gin (client_ids);

-- Sharing agreements; reached only through a partner the caller can see.
CREATE TABLE agreement (
    id           uuid        PRIMARY KEY,
    partner_id   uuid        NOT NULL REFERENCES partner (id),
    reference    text        NOT NULL,
    ceiling      smallint    NOT NULL CHECK (ceiling BETWEEN 0 AND 4),
    categories   text[]      NOT NULL,
    valid_from   date        NOT NULL,
    valid_to     date,
    status       text        NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'SUSPENDED', 'TERMINATED')),
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint      NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX agreement_partner_idx ON agreement (partner_id, status);

-- Third-party rule: an originator's recorded consent to pass its material on to one recipient.
CREATE TABLE consent (
    id                  uuid        PRIMARY KEY,
    originator_partner  text        NOT NULL,
    recipient_partner   text        NOT NULL,
    product_id          uuid,
    reference           text        NOT NULL,
    granted_on          date        NOT NULL,
    recorded_at         timestamptz NOT NULL,
    recorded_by         text        NOT NULL,
    CHECK (originator_partner <> recipient_partner)
);
CREATE INDEX consent_lookup_idx ON consent (originator_partner, recipient_partner, product_id);

-- Releases: a snapshot of the product as released, marked like the product.
CREATE TABLE release (
    id                  uuid        PRIMARY KEY,
    classification      smallint    NOT NULL CHECK (classification BETWEEN 0 AND 4),
    compartments        text[]      NOT NULL DEFAULT '{}',
    owner_agency        text        NOT NULL,
    shared_with         text[]      NOT NULL DEFAULT '{}',
    created_at          timestamptz NOT NULL,
    created_by          text        NOT NULL,
    version             bigint      NOT NULL,
    root_id             uuid        NOT NULL,
    version_no          int         NOT NULL,
    supersedes_id       uuid        REFERENCES release (id),
    correction_reason   text,
    product_id          uuid        NOT NULL,
    product_version     bigint      NOT NULL,
    product_owner       text        NOT NULL,
    title               text        NOT NULL,
    summary             text        NOT NULL,
    tear_line           text,
    category            text        NOT NULL,
    source_report_ids   uuid[]      NOT NULL DEFAULT '{}',
    originator_partners text[]      NOT NULL DEFAULT '{}',
    partner_codes       text[]      NOT NULL,
    tlp                 text        NOT NULL CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
    note                text,
    stix_extras         jsonb       NOT NULL DEFAULT '{}',
    rfi_id              uuid,
    status              text        NOT NULL CHECK (status IN ('DRAFT', 'PENDING_APPROVAL', 'RELEASED',
                                                           'ACKNOWLEDGED', 'FEEDBACK_RECEIVED')),
    submitted_by        text,
    submitted_at        timestamptz,
    approved_by         text,
    approved_at         timestamptz,
    rejection_reason    text,
    released_at         timestamptz,
    updated_at          timestamptz NOT NULL,
    CHECK (approved_by IS NULL OR approved_by <> created_by)
);
CREATE INDEX release_page_idx ON release (created_at DESC, id DESC);
CREATE INDEX release_root_idx ON release (root_id, version_no);
CREATE UNIQUE INDEX release_one_correction_idx ON release (supersedes_id) WHERE supersedes_id IS NOT NULL;

-- What was released never changes, whoever tries: only the state may move on.
CREATE FUNCTION release_immutable_once_released() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF OLD.status IN ('RELEASED', 'ACKNOWLEDGED', 'FEEDBACK_RECEIVED') AND (
           NEW.title IS DISTINCT FROM OLD.title OR NEW.summary IS DISTINCT FROM OLD.summary
        OR NEW.tear_line IS DISTINCT FROM OLD.tear_line OR NEW.tlp IS DISTINCT FROM OLD.tlp
        OR NEW.partner_codes IS DISTINCT FROM OLD.partner_codes OR NEW.product_id IS DISTINCT FROM OLD.product_id
        OR NEW.product_version IS DISTINCT FROM OLD.product_version
        OR NEW.classification IS DISTINCT FROM OLD.classification
        OR NEW.compartments IS DISTINCT FROM OLD.compartments OR NEW.category IS DISTINCT FROM OLD.category
        OR NEW.stix_extras IS DISTINCT FROM OLD.stix_extras OR NEW.released_at IS DISTINCT FROM OLD.released_at
        OR NEW.status IN ('DRAFT', 'PENDING_APPROVAL')) THEN
        RAISE EXCEPTION 'release % was released and is immutable', OLD.id;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER release_immutable BEFORE UPDATE ON release
    FOR EACH ROW EXECUTE FUNCTION release_immutable_once_released();

-- One row per partner a release went to: its own acknowledgement.
CREATE TABLE release_recipient (
    id               uuid        PRIMARY KEY,
    release_id       uuid        NOT NULL REFERENCES release (id),
    partner_code     text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('RELEASED', 'ACKNOWLEDGED', 'FEEDBACK_RECEIVED')),
    released_at      timestamptz NOT NULL,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    UNIQUE (release_id, partner_code)
);
CREATE INDEX release_recipient_partner_idx ON release_recipient (partner_code, released_at DESC, release_id DESC);

CREATE TABLE feedback (
    id            uuid        PRIMARY KEY,
    release_id    uuid        NOT NULL REFERENCES release (id),
    partner_code  text        NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('ATTACK_FOILED', 'ARRESTS', 'INVESTIGATION_OPENED',
                                                         'NO_ACTION', 'NOT_RELEVANT')),
    comment       text,
    received_at   timestamptz NOT NULL,
    received_from text        NOT NULL
);
CREATE INDEX feedback_release_idx ON feedback (release_id);

-- Threat warnings: precedence sets the acknowledgement deadline.
CREATE TABLE warning (
    id               uuid        PRIMARY KEY,
    classification   smallint    NOT NULL CHECK (classification BETWEEN 0 AND 4),
    compartments     text[]      NOT NULL DEFAULT '{}',
    owner_agency     text        NOT NULL,
    shared_with      text[]      NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    version          bigint      NOT NULL,
    partner_code     text        NOT NULL,
    precedence       text        NOT NULL CHECK (precedence IN ('FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE')),
    tlp              text        NOT NULL,
    title            text        NOT NULL,
    body             text        NOT NULL,
    issued_at        timestamptz NOT NULL,
    deadline_at      timestamptz NOT NULL,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    escalated_at     timestamptz
);
CREATE INDEX warning_page_idx ON warning (created_at DESC, id DESC);
CREATE INDEX warning_due_idx ON warning (deadline_at) WHERE acknowledged_at IS NULL AND escalated_at IS NULL;
CREATE INDEX warning_partner_idx ON warning (partner_code, issued_at DESC);

-- Exactly one escalation per warning, enforced here as well as by the job.
CREATE TABLE escalation (
    id            uuid        PRIMARY KEY,
    warning_id    uuid        NOT NULL UNIQUE REFERENCES warning (id),
    partner_code  text        NOT NULL,
    precedence    text        NOT NULL,
    deadline_at   timestamptz NOT NULL,
    escalated_at  timestamptz NOT NULL
);
CREATE INDEX escalation_time_idx ON escalation (escalated_at DESC, id DESC);

-- Intelligence a partner sent us; delivered to the intelligence-service through the outbox.
CREATE TABLE partner_submission (
    id               uuid        PRIMARY KEY,
    classification   smallint    NOT NULL CHECK (classification BETWEEN 0 AND 4),
    compartments     text[]      NOT NULL DEFAULT '{}',
    owner_agency     text        NOT NULL,
    shared_with      text[]      NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    version          bigint      NOT NULL,
    partner_code     text        NOT NULL,
    channel          text        NOT NULL CHECK (channel IN ('REST', 'TAXII')),
    title            text        NOT NULL,
    body             text        NOT NULL,
    language         text        NOT NULL,
    reliability      char(1)     NOT NULL,
    credibility      smallint    NOT NULL,
    collected_at     timestamptz NOT NULL,
    tlp              text        NOT NULL,
    stix             jsonb,
    delivered_at     timestamptz,
    report_id        uuid
);
CREATE INDEX partner_submission_page_idx ON partner_submission (created_at DESC, id DESC);
CREATE INDEX partner_submission_partner_idx ON partner_submission (partner_code, created_at DESC, id DESC);

-- Transactional outbox: written with the change it announces, dispatched until delivered.
CREATE TABLE outbox (
    id               uuid        PRIMARY KEY,
    topic            text        NOT NULL,
    aggregate_id     uuid        NOT NULL,
    idempotency_key  text        NOT NULL UNIQUE,
    payload          jsonb       NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status = 'PENDING';

-- Requests for information from partners.
CREATE TABLE rfi (
    id               uuid        PRIMARY KEY,
    classification   smallint    NOT NULL CHECK (classification BETWEEN 0 AND 4),
    compartments     text[]      NOT NULL DEFAULT '{}',
    owner_agency     text        NOT NULL,
    shared_with      text[]      NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    version          bigint      NOT NULL,
    partner_code     text        NOT NULL,
    subject          text        NOT NULL,
    question         text        NOT NULL,
    language         text        NOT NULL,
    due_date         date        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('RECEIVED', 'ASSIGNED', 'ANSWERED', 'DECLINED')),
    assigned_to      text,
    assigned_at      timestamptz,
    answer_release_id uuid       REFERENCES release (id),
    decline_reason   text,
    closed_at        timestamptz
);
CREATE INDEX rfi_page_idx ON rfi (created_at DESC, id DESC);
CREATE INDEX rfi_due_idx ON rfi (due_date) WHERE status IN ('RECEIVED', 'ASSIGNED');

-- TAXII: every STIX object version in a collection, in the order it was added. seq is the paging cursor;
-- writers take an advisory lock before drawing it, so seq order is commit order and a reader never skips.
CREATE TABLE taxii_object (
    seq            bigserial   PRIMARY KEY,
    collection_id  uuid        NOT NULL,
    partner_code   text        NOT NULL,
    stix_id        text        NOT NULL,
    stix_type      text        NOT NULL,
    spec_version   text        NOT NULL,
    stix_version   text        NOT NULL,
    date_added     timestamptz NOT NULL,
    release_id     uuid,
    object         jsonb       NOT NULL,
    UNIQUE (collection_id, stix_id, stix_version)
);
CREATE INDEX taxii_object_collection_idx ON taxii_object (collection_id, seq);
-- (collection_id, stix_id, stix_version) is indexed by the unique constraint: versions, first/last, by id
-- added_after becomes a sequence bound (date_added increases with seq): one index probe, then the seq index
CREATE INDEX taxii_object_added_idx ON taxii_object (date_added);

CREATE TABLE taxii_status (
    id               uuid        PRIMARY KEY,
    partner_code     text        NOT NULL,
    request_at       timestamptz NOT NULL,
    total_count      int         NOT NULL,
    successes        jsonb       NOT NULL,
    failures         jsonb       NOT NULL,
    submission_id    uuid
);

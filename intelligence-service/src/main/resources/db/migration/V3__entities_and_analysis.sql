-- Entities (persons, organisations, locations, events), mentions, relationships, watch list, alerts,
-- assessments, cases and products. Every record the visibility rule protects carries its marking columns.

CREATE TABLE entity (
    id                    uuid        PRIMARY KEY,
    classification        smallint    NOT NULL CHECK (classification BETWEEN 0 AND 4),
    compartments          text[]      NOT NULL DEFAULT '{}',
    owner_agency          text        NOT NULL,
    shared_with           text[]      NOT NULL DEFAULT '{}',
    created_at            timestamptz NOT NULL,
    created_by            text        NOT NULL,
    updated_at            timestamptz NOT NULL,
    version               bigint      NOT NULL,
    kind                  text        NOT NULL CHECK (kind IN ('PERSON','ORGANISATION','LOCATION','EVENT')),
    display_name          text        NOT NULL,
    description           text,
    birth_date            date,
    nationality           text,
    organisation_kind     text CHECK (organisation_kind IN
                              ('TERRORIST_ORGANISATION','CELL','CRIMINAL_NETWORK','TRAFFICKING_NETWORK')),
    organisation_status   text CHECK (organisation_status IN
                              ('SUSPECTED','ACTIVE','UNDER_SURVEILLANCE','DISMANTLED')),
    status_since          date,
    category              text CHECK (category IN
                              ('TERRORISM','VIOLENT_EXTREMISM','ORGANISED_CRIME','HUMAN_TRAFFICKING')),
    external_affiliations text[]      NOT NULL DEFAULT '{}',
    country               text,
    latitude              double precision,
    longitude             double precision,
    national_territory    boolean,
    event_type            text CHECK (event_type IN ('PLOT','ATTACK','ARREST','INCIDENT')),
    event_status          text CHECK (event_status IN ('PLANNED','FOILED','EXECUTED')),
    event_date            date,
    place_id              uuid REFERENCES entity (id),
    arrests               integer CHECK (arrests >= 0),
    CONSTRAINT entity_organisation_fields CHECK (kind <> 'ORGANISATION'
        OR (organisation_kind IS NOT NULL AND organisation_status IS NOT NULL)),
    CONSTRAINT entity_event_fields CHECK (kind <> 'EVENT'
        OR (event_type IS NOT NULL AND event_status IS NOT NULL AND event_date IS NOT NULL))
);
CREATE INDEX entity_page_idx ON entity (created_at DESC, id DESC);
CREATE INDEX entity_kind_idx ON entity (kind);
CREATE INDEX entity_event_idx ON entity (event_date) WHERE kind = 'EVENT';

-- Every name of a person or organisation, raw as written, with its script and type: what name screening indexes.
CREATE TABLE entity_name (
    entity_id  uuid    NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    name       text    NOT NULL,
    script     text    NOT NULL CHECK (script IN ('ARABIC','LATIN','OTHER')),
    name_type  text    NOT NULL CHECK (name_type IN ('PRIMARY','ALIAS','KUNYA')),
    normalised text    NOT NULL,
    PRIMARY KEY (entity_id, position)
);
CREATE INDEX entity_name_trgm_idx ON entity_name USING gin (normalised gin_trgm_ops);

CREATE TABLE entity_identifier (
    entity_id  uuid    NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    id_type    text    NOT NULL,
    value      text    NOT NULL,
    country    text,
    PRIMARY KEY (entity_id, position)
);
CREATE INDEX entity_identifier_value_idx ON entity_identifier (value);

CREATE TABLE organisation_status_change (
    id              bigserial   PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES entity (id),
    from_status     text,
    to_status       text        NOT NULL,
    effective_date  date        NOT NULL,
    changed_at      timestamptz NOT NULL,
    changed_by      text        NOT NULL,
    case_id         uuid
);
CREATE INDEX organisation_status_change_org_idx ON organisation_status_change (organisation_id, id);
CREATE INDEX organisation_status_change_to_idx ON organisation_status_change (to_status, effective_date);

CREATE TABLE mention (
    report_id  uuid        NOT NULL REFERENCES report (id),
    entity_id  uuid        NOT NULL REFERENCES entity (id),
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL,
    PRIMARY KEY (report_id, entity_id)
);
CREATE INDEX mention_entity_idx ON mention (entity_id, report_id);

CREATE TABLE relationship (
    id                    uuid        PRIMARY KEY,
    classification        smallint    NOT NULL CHECK (classification BETWEEN 0 AND 4),
    compartments          text[]      NOT NULL DEFAULT '{}',
    owner_agency          text        NOT NULL,
    shared_with           text[]      NOT NULL DEFAULT '{}',
    created_at            timestamptz NOT NULL,
    created_by            text        NOT NULL,
    updated_at            timestamptz NOT NULL,
    version               bigint      NOT NULL,
    source_id             uuid        NOT NULL REFERENCES entity (id),
    target_id             uuid        NOT NULL REFERENCES entity (id),
    relationship_type     text        NOT NULL CHECK (relationship_type IN ('MEMBER_OF','LEADS','ASSOCIATE_OF',
                              'COMMUNICATES_WITH','FUNDS','TRAVELLED_TO','AFFILIATED_WITH')),
    confidence            smallint    NOT NULL CHECK (confidence BETWEEN 0 AND 100),
    valid_from            date,
    valid_to              date,
    supporting_report_ids uuid[]      NOT NULL DEFAULT '{}',
    note                  text,
    CONSTRAINT relationship_not_reflexive CHECK (source_id <> target_id),
    CONSTRAINT relationship_valid_period CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX relationship_source_idx ON relationship (source_id, target_id);
CREATE INDEX relationship_target_idx ON relationship (target_id, source_id);
CREATE INDEX relationship_page_idx ON relationship (created_at DESC, id DESC);

CREATE TABLE watch (
    entity_id  uuid        NOT NULL REFERENCES entity (id),
    subject    text        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (entity_id, subject)
);

-- Alerts carry no marking of their own: one is visible exactly when everything it points at is.
CREATE TABLE alert (
    id            uuid        PRIMARY KEY,
    seq           bigserial   UNIQUE,
    alert_type    text        NOT NULL CHECK (alert_type IN ('WATCHED_ENTITY_MENTIONED','THREAT_LEVEL_RAISED')),
    entity_id     uuid        NOT NULL REFERENCES entity (id),
    report_id     uuid        REFERENCES report (id),
    assessment_id uuid,
    message       text        NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX alert_entity_idx ON alert (entity_id);

CREATE TABLE alert_read (
    alert_id uuid        NOT NULL REFERENCES alert (id),
    subject  text        NOT NULL,
    read_at  timestamptz NOT NULL,
    PRIMARY KEY (alert_id, subject)
);

CREATE TABLE assessment (
    id             uuid        PRIMARY KEY,
    classification smallint    NOT NULL CHECK (classification BETWEEN 0 AND 4),
    compartments   text[]      NOT NULL DEFAULT '{}',
    owner_agency   text        NOT NULL,
    shared_with    text[]      NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        bigint      NOT NULL,
    subject_id     uuid        NOT NULL REFERENCES entity (id),
    threat_level   text        NOT NULL CHECK (threat_level IN ('LOW','MODERATE','SUBSTANTIAL','SEVERE','CRITICAL')),
    category       text        NOT NULL CHECK (category IN
                       ('TERRORISM','VIOLENT_EXTREMISM','ORGANISED_CRIME','HUMAN_TRAFFICKING')),
    rationale      text        NOT NULL,
    indicators     text[]      NOT NULL DEFAULT '{}',
    next_review    date        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('PENDING_APPROVAL','APPROVED','REJECTED','SUPERSEDED')),
    decided_by     text,
    decided_at     timestamptz,
    decision_note  text,
    CONSTRAINT assessment_four_eyes CHECK (decided_by IS NULL OR decided_by <> created_by)
);
CREATE INDEX assessment_subject_idx ON assessment (subject_id, created_at DESC);
CREATE INDEX assessment_review_idx ON assessment (next_review) WHERE status = 'APPROVED';

CREATE TABLE intel_case (
    id                    uuid        PRIMARY KEY,
    classification        smallint    NOT NULL CHECK (classification BETWEEN 0 AND 4),
    compartments          text[]      NOT NULL DEFAULT '{}',
    owner_agency          text        NOT NULL,
    shared_with           text[]      NOT NULL DEFAULT '{}',
    created_at            timestamptz NOT NULL,
    created_by            text        NOT NULL,
    updated_at            timestamptz NOT NULL,
    version               bigint      NOT NULL,
    title                 text        NOT NULL,
    summary               text,
    category              text        NOT NULL CHECK (category IN
                              ('TERRORISM','VIOLENT_EXTREMISM','ORGANISED_CRIME','HUMAN_TRAFFICKING')),
    status                text        NOT NULL CHECK (status IN
                              ('OPEN','UNDER_SURVEILLANCE','INTERVENTION','REFERRED_TO_JUSTICE','CLOSED')),
    prosecution_reference text,
    entity_ids            uuid[]      NOT NULL DEFAULT '{}',
    report_ids            uuid[]      NOT NULL DEFAULT '{}',
    CONSTRAINT case_referral_reference CHECK (status NOT IN ('REFERRED_TO_JUSTICE')
        OR prosecution_reference IS NOT NULL)
);
CREATE INDEX intel_case_page_idx ON intel_case (created_at DESC, id DESC);

CREATE TABLE case_transition (
    id          bigserial   PRIMARY KEY,
    case_id     uuid        NOT NULL REFERENCES intel_case (id),
    from_status text,
    to_status   text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    occurred_on date        NOT NULL,
    actor       text        NOT NULL,
    note        text
);
CREATE INDEX case_transition_case_idx ON case_transition (case_id, id);
CREATE INDEX case_transition_to_idx ON case_transition (to_status, occurred_on);

CREATE TABLE intervention (
    id                         uuid        PRIMARY KEY,
    case_id                    uuid        NOT NULL REFERENCES intel_case (id),
    intervention_date          date        NOT NULL,
    place                      text        NOT NULL,
    location_id                uuid        REFERENCES entity (id),
    arrests                    integer     NOT NULL CHECK (arrests >= 0),
    seizures                   text[]      NOT NULL DEFAULT '{}',
    dismantles_organisation_id uuid        REFERENCES entity (id),
    status                     text        NOT NULL CHECK (status IN ('PENDING_APPROVAL','APPROVED','REJECTED')),
    requested_by               text        NOT NULL,
    requested_at               timestamptz NOT NULL,
    decided_by                 text,
    decided_at                 timestamptz,
    event_id                   uuid        REFERENCES entity (id),
    version                    bigint      NOT NULL,
    CONSTRAINT intervention_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE INDEX intervention_case_idx ON intervention (case_id);

CREATE TABLE product (
    id                  uuid        PRIMARY KEY,
    classification      smallint    NOT NULL CHECK (classification BETWEEN 0 AND 4),
    compartments        text[]      NOT NULL DEFAULT '{}',
    owner_agency        text        NOT NULL,
    shared_with         text[]      NOT NULL DEFAULT '{}',
    created_at          timestamptz NOT NULL,
    created_by          text        NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint      NOT NULL,
    title               text        NOT NULL,
    summary             text        NOT NULL,
    tear_line           text,
    category            text        NOT NULL CHECK (category IN
                            ('TERRORISM','VIOLENT_EXTREMISM','ORGANISED_CRIME','HUMAN_TRAFFICKING')),
    source_report_ids   uuid[]      NOT NULL,
    originator_partners text[]      NOT NULL DEFAULT '{}'
);
CREATE INDEX product_page_idx ON product (created_at DESC, id DESC);

-- Programme details: eligibility, assessment cadence, schedule and partner institutions.
ALTER TABLE programme
    ADD COLUMN description                 text,
    ADD COLUMN schedule                    jsonb   NOT NULL DEFAULT '[]',
    ADD COLUMN partner_institutions        jsonb   NOT NULL DEFAULT '[]',
    ADD COLUMN voluntary_application_required boolean NOT NULL DEFAULT false,
    ADD COLUMN minimum_age                 integer CHECK (minimum_age BETWEEN 0 AND 120),
    ADD COLUMN maximum_age                 integer CHECK (maximum_age BETWEEN 0 AND 120),
    ADD COLUMN assessment_cadence_days     integer CHECK (assessment_cadence_days BETWEEN 1 AND 3650);
-- The Moussalaha model rests on a voluntary request by the detainee.
UPDATE programme SET voluntary_application_required = true WHERE kind = 'PRISON_RECONCILIATION';
ALTER TABLE programme ADD CONSTRAINT programme_reconciliation_voluntary
    CHECK (kind <> 'PRISON_RECONCILIATION' OR voluntary_application_required);

CREATE TABLE curriculum_module (
    id                uuid    PRIMARY KEY,
    programme_id      uuid    NOT NULL REFERENCES programme (id),
    position          integer NOT NULL,
    code              text    NOT NULL,
    title             text    NOT NULL,
    required_sessions integer NOT NULL CHECK (required_sessions > 0),
    UNIQUE (programme_id, code)
);

CREATE TABLE edition (
    id           uuid        PRIMARY KEY,
    programme_id uuid        NOT NULL REFERENCES programme (id),
    name         text        NOT NULL,
    starts_on    date        NOT NULL,
    ends_on      date,
    capacity     integer     NOT NULL CHECK (capacity > 0),
    created_at   timestamptz NOT NULL,
    version      bigint      NOT NULL,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX edition_programme_idx ON edition (programme_id, starts_on);

-- Participants: the pseudonymous code is the only handle used elsewhere. Identity fields are AES-GCM
-- ciphertexts (format in IdentityCipher), null once anonymised.
CREATE TABLE participant (
    id                uuid        PRIMARY KEY,
    classification    smallint    NOT NULL CHECK (classification BETWEEN 0 AND 4),
    compartments      text[]      NOT NULL DEFAULT '{}',
    owner_agency      text        NOT NULL,
    shared_with       text[]      NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL,
    created_by        text        NOT NULL,
    version           bigint      NOT NULL,
    code              text        NOT NULL UNIQUE,
    full_name_ar      bytea,
    full_name_latin   bytea,
    national_id       bytea,
    birth_date        bytea,
    anonymised_at     timestamptz
);
CREATE INDEX participant_page_idx ON participant (created_at DESC, id DESC);

-- Which key encrypted what: the check value lets the service refuse a wrong key before reading any data.
CREATE TABLE identity_key_check (
    key_id      text        PRIMARY KEY,
    check_value bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE consent (
    id             uuid        PRIMARY KEY,
    participant_id uuid        NOT NULL REFERENCES participant (id),
    scope          text        NOT NULL CHECK (scope IN ('PARTICIPATION', 'FOLLOW_UP')),
    given_on       date        NOT NULL,
    recorded_by    text        NOT NULL,
    note           text,
    withdrawn_on   date,
    withdrawal_recorded_by text,
    created_at     timestamptz NOT NULL
);
CREATE INDEX consent_participant_idx ON consent (participant_id);

-- Referrals from intelligence carry an encrypted identity until a prevention supervisor decides.
CREATE TABLE referral (
    id               uuid        PRIMARY KEY,
    referring_agency text        NOT NULL,
    referred_by      text        NOT NULL,
    programme_kind   text        NOT NULL,
    region           text,
    purpose          text        NOT NULL,
    summary          text,
    full_name_ar     bytea,
    full_name_latin  bytea,
    national_id      bytea,
    birth_date       bytea,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED')),
    decided_by       text,
    decided_at       timestamptz,
    decision_reason  text,
    participant_id   uuid        REFERENCES participant (id),
    created_at       timestamptz NOT NULL,
    version          bigint      NOT NULL
);

CREATE TABLE enrolment (
    id                uuid        PRIMARY KEY,
    edition_id        uuid        NOT NULL REFERENCES edition (id),
    participant_id    uuid        NOT NULL REFERENCES participant (id),
    state             text        NOT NULL CHECK (state IN ('APPLIED', 'SCREENED', 'WAITLISTED', 'ENROLLED',
                                                            'ACTIVE', 'COMPLETED', 'WITHDRAWN', 'EXCLUDED')),
    voluntary         boolean     NOT NULL,
    referral_id       uuid        REFERENCES referral (id),
    applied_on        date        NOT NULL,
    waitlisted_at     timestamptz,
    enrolled_on       date,
    ended_on          date,
    state_reason      text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           bigint      NOT NULL,
    UNIQUE (edition_id, participant_id)
);
CREATE INDEX enrolment_edition_state_idx ON enrolment (edition_id, state);
CREATE INDEX enrolment_participant_idx ON enrolment (participant_id);
CREATE INDEX enrolment_waitlist_idx ON enrolment (edition_id, waitlisted_at, id) WHERE state = 'WAITLISTED';

CREATE TABLE enrolment_transition (
    id           uuid        PRIMARY KEY,
    enrolment_id uuid        NOT NULL REFERENCES enrolment (id),
    from_state   text        NOT NULL,
    to_state     text        NOT NULL,
    reason       text,
    actor        text        NOT NULL,
    occurred_at  timestamptz NOT NULL
);
CREATE INDEX enrolment_transition_idx ON enrolment_transition (enrolment_id, occurred_at);

CREATE TABLE session (
    id          uuid    PRIMARY KEY,
    edition_id  uuid    NOT NULL REFERENCES edition (id),
    module_id   uuid    NOT NULL REFERENCES curriculum_module (id),
    held_on     date    NOT NULL,
    topic       text,
    facilitator text,
    created_at  timestamptz NOT NULL
);
CREATE INDEX session_edition_idx ON session (edition_id, held_on);

CREATE TABLE attendance (
    session_id   uuid NOT NULL REFERENCES session (id),
    enrolment_id uuid NOT NULL REFERENCES enrolment (id),
    status       text NOT NULL CHECK (status IN ('PRESENT', 'ABSENT', 'EXCUSED')),
    PRIMARY KEY (enrolment_id, session_id)
);
CREATE INDEX attendance_session_idx ON attendance (session_id);

-- Assessment instruments are data: domains -> indicators -> rating scales, versioned by (code, version).
CREATE TABLE instrument (
    id          uuid        PRIMARY KEY,
    code        text        NOT NULL,
    version     integer     NOT NULL,
    title       text        NOT NULL,
    licence     text        NOT NULL,
    definition  jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    UNIQUE (code, version)
);

CREATE TABLE assessment (
    id                uuid        PRIMARY KEY,
    enrolment_id      uuid        NOT NULL REFERENCES enrolment (id),
    instrument_id     uuid        NOT NULL REFERENCES instrument (id),
    assessed_on       date        NOT NULL,
    occasion          text        NOT NULL CHECK (occasion IN ('INITIAL', 'SCHEDULED', 'NEW_INFORMATION', 'FINAL')),
    assessor          text        NOT NULL,
    ratings           jsonb       NOT NULL,
    overall_judgement text        NOT NULL,
    rationale         text        NOT NULL,
    next_due_on       date,
    created_at        timestamptz NOT NULL
);
CREATE INDEX assessment_enrolment_idx ON assessment (enrolment_id, assessed_on DESC, created_at DESC);

-- Certification registry of trained imams and preachers.
CREATE TABLE certificate (
    id                uuid        PRIMARY KEY,
    number            text        NOT NULL UNIQUE,
    participant_id    uuid        NOT NULL REFERENCES participant (id),
    programme_id      uuid        NOT NULL REFERENCES programme (id),
    issued_on         date        NOT NULL,
    expires_on        date        NOT NULL,
    revoked_on        date,
    revocation_reason text,
    created_at        timestamptz NOT NULL,
    version           bigint      NOT NULL,
    CHECK (expires_on > issued_on)
);
CREATE TABLE certificate_renewal (
    id             uuid        PRIMARY KEY,
    certificate_id uuid        NOT NULL REFERENCES certificate (id),
    renewed_on     date        NOT NULL,
    previous_expiry date       NOT NULL,
    new_expiry     date        NOT NULL,
    renewed_by     text        NOT NULL
);

-- Outreach campaigns: aggregate reach only, no personal data.
CREATE TABLE campaign (
    id           uuid        PRIMARY KEY,
    programme_id uuid        NOT NULL REFERENCES programme (id),
    name         text        NOT NULL,
    starts_on    date        NOT NULL,
    ends_on      date,
    regions      text[]      NOT NULL DEFAULT '{}',
    channels     text[]      NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL
);
CREATE TABLE content_item (
    id          uuid PRIMARY KEY,
    campaign_id uuid NOT NULL REFERENCES campaign (id),
    title       text NOT NULL,
    language    text NOT NULL,
    medium      text NOT NULL
);
CREATE TABLE reach_figure (
    id              uuid    PRIMARY KEY,
    campaign_id     uuid    NOT NULL REFERENCES campaign (id),
    content_item_id uuid    REFERENCES content_item (id),
    channel         text    NOT NULL,
    region          text    NOT NULL,
    reported_on     date    NOT NULL,
    reach           bigint  NOT NULL CHECK (reach >= 0),
    engagements     bigint  NOT NULL DEFAULT 0 CHECK (engagements >= 0)
);
CREATE INDEX reach_campaign_idx ON reach_figure (campaign_id, region, reported_on);

-- Follow-up after release from prison.
CREATE TABLE release_record (
    id                 uuid        PRIMARY KEY,
    participant_id     uuid        NOT NULL REFERENCES participant (id),
    enrolment_id       uuid        REFERENCES enrolment (id),
    released_on        date        NOT NULL,
    institution        text,
    follow_up_ended_on date,
    created_at         timestamptz NOT NULL,
    CHECK (follow_up_ended_on IS NULL OR follow_up_ended_on >= released_on)
);
CREATE INDEX release_enrolment_idx ON release_record (enrolment_id);
CREATE INDEX release_participant_idx ON release_record (participant_id);

CREATE TABLE follow_up_contact (
    id          uuid    PRIMARY KEY,
    release_id  uuid    NOT NULL REFERENCES release_record (id),
    month       integer NOT NULL CHECK (month IN (3, 6, 12, 24)),
    due_on      date    NOT NULL,
    done_on     date,
    outcome     text,
    note        text,
    UNIQUE (release_id, month)
);
CREATE INDEX follow_up_contact_due_idx ON follow_up_contact (due_on) WHERE done_on IS NULL;

CREATE TABLE milestone (
    id             uuid    PRIMARY KEY,
    participant_id uuid    NOT NULL REFERENCES participant (id),
    kind           text    NOT NULL CHECK (kind IN ('EMPLOYMENT', 'HOUSING', 'FAMILY', 'EDUCATION')),
    achieved_on    date    NOT NULL,
    note           text,
    created_at     timestamptz NOT NULL
);
CREATE INDEX milestone_participant_idx ON milestone (participant_id);

CREATE TABLE reoffence (
    id             uuid    PRIMARY KEY,
    participant_id uuid    NOT NULL REFERENCES participant (id),
    occurred_on    date    NOT NULL,
    kind           text    NOT NULL CHECK (kind IN ('TERRORISM', 'VIOLENT', 'OTHER')),
    legal_basis    text,
    created_at     timestamptz NOT NULL
);
CREATE INDEX reoffence_participant_idx ON reoffence (participant_id, occurred_on);

-- Handover back to another agency: explicit, approved by a prevention supervisor, read audited.
CREATE TABLE handover (
    id                uuid        PRIMARY KEY,
    participant_id    uuid        NOT NULL REFERENCES participant (id),
    recipient_agency  text        NOT NULL,
    purpose           text        NOT NULL,
    legal_basis       text        NOT NULL,
    summary           text        NOT NULL,
    include_identity  boolean     NOT NULL,
    status            text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED')),
    requested_by      text        NOT NULL,
    decided_by        text,
    decided_at        timestamptz,
    decision_reason   text,
    created_at        timestamptz NOT NULL,
    version           bigint      NOT NULL
);

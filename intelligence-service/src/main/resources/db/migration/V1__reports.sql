CREATE TABLE report (
    id                  uuid        PRIMARY KEY,
    classification      smallint    NOT NULL CHECK (classification BETWEEN 0 AND 4),
    compartments        text[]      NOT NULL DEFAULT '{}',
    owner_agency        text        NOT NULL,
    shared_with         text[]      NOT NULL DEFAULT '{}',
    created_at          timestamptz NOT NULL,
    created_by          text        NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint      NOT NULL,
    source_type         text        NOT NULL CHECK (source_type IN ('HUMINT','OSINT','SIGINT','TECHINT','FININT','PARTNER')),
    reliability         char(1)     NOT NULL CHECK (reliability BETWEEN 'A' AND 'F'),
    credibility         smallint    NOT NULL CHECK (credibility BETWEEN 1 AND 6),
    collected_at        timestamptz NOT NULL,
    collected_place     text,
    language            text        NOT NULL,
    title               text        NOT NULL,
    body                text        NOT NULL,
    legal_authorisation text,
    originator_partner  text,
    CONSTRAINT report_intrusive_needs_authorisation
        CHECK (source_type NOT IN ('SIGINT','TECHINT') OR legal_authorisation IS NOT NULL),
    CONSTRAINT report_partner_keeps_originator
        CHECK (source_type <> 'PARTNER' OR originator_partner IS NOT NULL)
);
CREATE INDEX report_page_idx ON report (created_at DESC, id DESC);
CREATE INDEX report_classification_idx ON report (classification);

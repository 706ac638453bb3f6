CREATE TABLE programme (
    id             uuid        PRIMARY KEY,
    classification smallint    NOT NULL CHECK (classification BETWEEN 0 AND 4),
    compartments   text[]      NOT NULL DEFAULT '{}',
    owner_agency   text        NOT NULL,
    shared_with    text[]      NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        bigint      NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('IMAM_TRAINING', 'PREACHER_TRAINING', 'OUTREACH_CAMPAIGN',
                                                        'PRISON_RECONCILIATION', 'POST_RELEASE_REINTEGRATION',
                                                        'YOUTH_OUTREACH')),
    name           text        NOT NULL,
    institution    text,
    region         text        NOT NULL,
    capacity       integer     NOT NULL CHECK (capacity > 0)
);
CREATE INDEX programme_page_idx ON programme (created_at DESC, id DESC);

CREATE TABLE partner (
    id             uuid        PRIMARY KEY,
    classification smallint    NOT NULL CHECK (classification BETWEEN 0 AND 4),
    compartments   text[]      NOT NULL DEFAULT '{}',
    owner_agency   text        NOT NULL,
    shared_with    text[]      NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        bigint      NOT NULL,
    code           text        NOT NULL UNIQUE,
    country        char(2)     NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    service_name   text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'ENDED'))
);
CREATE INDEX partner_page_idx ON partner (created_at DESC, id DESC);

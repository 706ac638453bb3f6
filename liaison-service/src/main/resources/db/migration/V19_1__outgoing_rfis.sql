-- Issue 19: requests for information our liaison officers send TO a partner (the rfi table holds those partners
-- send us). Marked like every record (yz_visible applies); the partner reads only those addressed to it and
-- answers in text, stored with the request. "Expired" is not stored: a SENT request past its due date.
CREATE TABLE outgoing_rfi (
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
    category         text        NOT NULL
        CHECK (category IN ('TERRORISM', 'VIOLENT_EXTREMISM', 'ORGANISED_CRIME', 'HUMAN_TRAFFICKING')),
    tlp              text        NOT NULL,
    due_date         date        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('SENT', 'ANSWERED', 'WITHDRAWN')),
    answer           text,
    answered_at      timestamptz,
    answered_by      text,
    withdrawn_at     timestamptz,
    withdrawn_by     text,
    withdraw_reason  text,
    CONSTRAINT outgoing_rfi_answered_has_answer
        CHECK (status <> 'ANSWERED' OR (answer IS NOT NULL AND answered_at IS NOT NULL))
);
CREATE INDEX outgoing_rfi_page_idx ON outgoing_rfi (created_at DESC, id DESC);
CREATE INDEX outgoing_rfi_partner_idx ON outgoing_rfi (partner_code, created_at DESC);

-- Directory four-eyes (issue 16): changes that grant a clearance above RESTRICTED, any compartment or the admin
-- role, and credential resets of other accounts, wait here until a second administrator approves or rejects them.
-- payload is the requested change as JSON with any credential already hashed (never a password in clear);
-- old_values / new_values are what the audit trail records.

CREATE TABLE directory_change (
    id               uuid        PRIMARY KEY,
    kind             text        NOT NULL CHECK (kind IN ('user', 'client')),
    name             text        NOT NULL,
    action           text        NOT NULL,
    payload          text        NOT NULL,
    old_values       text,
    new_values       text        NOT NULL,
    reasons          text        NOT NULL,
    target_version   bigint,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by     text        NOT NULL,
    requested_at     timestamptz NOT NULL,
    decided_by       text,
    decided_at       timestamptz,
    version          bigint      NOT NULL DEFAULT 0
);
CREATE INDEX directory_change_page_idx ON directory_change (requested_at DESC, id DESC);
CREATE INDEX directory_change_pending_idx ON directory_change (status, requested_at DESC);

-- The gateway's built-in directory: people (password grant) and machine clients (client_credentials).
-- Hashes are bcrypt; no secret is ever stored or logged in clear. ${appRole} gets its rights from the
-- default privileges set by the common migration.

CREATE TABLE directory_user (
    id                    uuid        PRIMARY KEY,
    username              text        NOT NULL UNIQUE CHECK (username = lower(username)),
    display_name          text        NOT NULL,
    password_hash         text        NOT NULL,
    roles                 text[]      NOT NULL DEFAULT '{}',
    clearance             smallint    NOT NULL CHECK (clearance BETWEEN 0 AND 4),
    compartments          text[]      NOT NULL DEFAULT '{}',
    agency                text        NOT NULL,
    enabled               boolean     NOT NULL DEFAULT true,
    locked_until          timestamptz,
    credential_changed_at timestamptz NOT NULL,
    created_at            timestamptz NOT NULL,
    created_by            text        NOT NULL,
    updated_at            timestamptz NOT NULL,
    updated_by            text        NOT NULL,
    version               bigint      NOT NULL DEFAULT 0
);
CREATE INDEX directory_user_page_idx ON directory_user (created_at DESC, id DESC);

CREATE TABLE machine_client (
    id                    uuid        PRIMARY KEY,
    client_id             text        NOT NULL UNIQUE,
    display_name          text        NOT NULL,
    secret_hash           text        NOT NULL,
    roles                 text[]      NOT NULL DEFAULT '{}',
    clearance             smallint    NOT NULL CHECK (clearance BETWEEN 0 AND 4),
    compartments          text[]      NOT NULL DEFAULT '{}',
    agency                text        NOT NULL,
    partner               text,
    enabled               boolean     NOT NULL DEFAULT true,
    locked_until          timestamptz,
    credential_changed_at timestamptz NOT NULL,
    created_at            timestamptz NOT NULL,
    created_by            text        NOT NULL,
    updated_at            timestamptz NOT NULL,
    updated_by            text        NOT NULL,
    version               bigint      NOT NULL DEFAULT 0,
    -- a partner client always names its partner, and only partner clients do
    CONSTRAINT machine_client_partner_check CHECK ((partner IS NOT NULL) = ('partner' = ANY (roles)))
);
CREATE INDEX machine_client_page_idx ON machine_client (created_at DESC, id DESC);

-- Recent failed sign-ins of a user or client (the lock-out window); rows older than the window are pruned.
CREATE TABLE auth_failure (
    kind         text        NOT NULL CHECK (kind IN ('user', 'client')),
    principal_id uuid        NOT NULL,
    failed_at    timestamptz NOT NULL
);
CREATE INDEX auth_failure_principal_idx ON auth_failure (kind, principal_id, failed_at);

-- No lock-out as a weapon (issue 16): the hard account lock goes, throttling per (account, source address) with
-- exponential back-off and a per-account ceiling that spares addresses the account signed in from before takes
-- its place (service/SignInThrottle). Addresses are never stored in clear: source_hash is SHA-256 of the account's
-- kind, name and the address.

DROP TABLE auth_failure;
ALTER TABLE directory_user DROP COLUMN locked_until;
ALTER TABLE machine_client DROP COLUMN locked_until;

-- One row per checked, failed sign-in (throttled attempts are not checked and leave no row). Keyed by the name as
-- presented, so that guesses at a name that does not exist are throttled exactly like those at one that does.
CREATE TABLE sign_in_failure (
    kind        text        NOT NULL CHECK (kind IN ('user', 'client')),
    name        text        NOT NULL,
    source_hash bytea       NOT NULL,
    failed_at   timestamptz NOT NULL
);
CREATE INDEX sign_in_failure_source_idx ON sign_in_failure (kind, name, source_hash, failed_at);
CREATE INDEX sign_in_failure_account_idx ON sign_in_failure (kind, name, failed_at);
CREATE INDEX sign_in_failure_age_idx ON sign_in_failure (failed_at);

-- Addresses an account signed in from successfully: the account ceiling never refuses them.
CREATE TABLE sign_in_known_source (
    kind            text        NOT NULL CHECK (kind IN ('user', 'client')),
    name            text        NOT NULL,
    source_hash     bytea       NOT NULL,
    last_success_at timestamptz NOT NULL,
    PRIMARY KEY (kind, name, source_hash)
);
CREATE INDEX sign_in_known_source_age_idx ON sign_in_known_source (last_success_at);

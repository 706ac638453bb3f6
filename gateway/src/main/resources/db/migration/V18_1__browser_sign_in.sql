-- Browser sign-in (issue 18 item 1): OAuth 2.1 authorization code with PKCE at the token service.
-- A client may register redirect URIs (exact match, no wildcard) and post-logout redirect URIs; a public client
-- (a browser app) has no secret and no keys and must use PKCE.

ALTER TABLE machine_client ADD COLUMN redirect_uris text[] NOT NULL DEFAULT '{}';
ALTER TABLE machine_client ADD COLUMN post_logout_redirect_uris text[] NOT NULL DEFAULT '{}';
ALTER TABLE machine_client ADD COLUMN public_client boolean NOT NULL DEFAULT false;
ALTER TABLE machine_client DROP CONSTRAINT machine_client_credential_check;
-- a public client holds no credential at all; every other client holds one
ALTER TABLE machine_client ADD CONSTRAINT machine_client_credential_check
    CHECK (public_client = (secret_hash IS NULL AND jwks IS NULL));

-- One-time authorization codes: kept as SHA-256 only, bound to client, redirect URI, PKCE challenge, nonce and user.
-- used_at is set by the one redemption; family_id then names the tokens issued from it (revoked if it is replayed).
CREATE TABLE authorization_code (
    code_hash      bytea       PRIMARY KEY,
    client_id      text        NOT NULL,
    username       text        NOT NULL,
    redirect_uri   text        NOT NULL,
    code_challenge text        NOT NULL,
    nonce          text,
    scope          text        NOT NULL,
    auth_time      timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz,
    family_id      uuid
);
CREATE INDEX authorization_code_expiry_idx ON authorization_code (expires_at);

-- Refresh tokens (opaque, kept as SHA-256 only). A family is one sign-in: every use rotates the token (the old one
-- is marked rotated_at); presenting a rotated token again revokes the whole family (reuse detection).
-- access_jti: the access token issued with it, refused at the gateway when the family is revoked.
CREATE TABLE refresh_token (
    token_hash  bytea       PRIMARY KEY,
    family_id   uuid        NOT NULL,
    client_id   text        NOT NULL,
    username    text        NOT NULL,
    scope       text        NOT NULL,
    auth_time   timestamptz NOT NULL,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    access_jti  text        NOT NULL,
    access_expires_at timestamptz NOT NULL,
    rotated_at  timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_user_idx ON refresh_token (username);
CREATE INDEX refresh_token_expiry_idx ON refresh_token (expires_at);

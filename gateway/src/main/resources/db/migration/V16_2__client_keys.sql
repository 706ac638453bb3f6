-- private_key_jwt (RFC 7523) client authentication (issue 16): a client may register public keys (a JWK Set, kept
-- as JSON text) and may then have no secret at all. Each assertion's jti is kept until the assertion expires, so
-- that a replayed assertion is refused.

ALTER TABLE machine_client ALTER COLUMN secret_hash DROP NOT NULL;
ALTER TABLE machine_client ADD COLUMN jwks text;
ALTER TABLE machine_client ADD CONSTRAINT machine_client_credential_check
    CHECK (secret_hash IS NOT NULL OR jwks IS NOT NULL);

CREATE TABLE client_assertion_jti (
    client_id  text        NOT NULL,
    jti        text        NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (client_id, jti)
);
CREATE INDEX client_assertion_jti_expiry_idx ON client_assertion_jti (expires_at);

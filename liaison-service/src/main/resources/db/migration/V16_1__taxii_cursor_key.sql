-- Issue 16: the TAXII "next" cursor is opaque (AES-GCM over the last position the partner saw), so its steps never
-- count objects released to other partners. The key lives here, made once by this migration from the database's
-- random generator: every replica shares it, it survives restarts, and whoever could read it could read
-- taxii_object itself. The runtime role may only read it.
CREATE TABLE taxii_cursor_key (
    id  smallint PRIMARY KEY CHECK (id = 1),
    key bytea    NOT NULL CHECK (length(key) = 32)
);
INSERT INTO taxii_cursor_key (id, key)
-- three random UUIDs (366 random bits) hashed down to 256
VALUES (1, sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')));
REVOKE ALL ON taxii_cursor_key FROM ${appRole};
GRANT SELECT ON taxii_cursor_key TO ${appRole};

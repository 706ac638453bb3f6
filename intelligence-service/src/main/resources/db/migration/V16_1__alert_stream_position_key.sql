-- Issue 16: alert stream positions are sealed per caller (AES-GCM, the caller's subject as associated data) so that
-- an event id tells nothing of the global alert sequence. The key lives with the alerts it protects: every
-- instance and every restart seals and opens the same positions, and nobody has a key file to lose. Two random
-- UUIDs give 244 random bits from the server's strong random source; the runtime role may only read the key.
CREATE TABLE alert_position_key (
    id     smallint PRIMARY KEY CHECK (id = 1),
    secret bytea    NOT NULL CHECK (length(secret) = 32)
);
INSERT INTO alert_position_key (id, secret)
VALUES (1, decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));
REVOKE INSERT, UPDATE, DELETE ON alert_position_key FROM ${appRole};

-- Name screening (docs/screening.md): index keys of person and organisation names, computed in Java by
-- NameNormaliser (script-neutral skeletons, curated variant groups "=group", pairs "a+b" of two parts of one
-- name) and looked up with exact index probes only, so latency does not grow with the number of names.

-- Vocabulary of single keys with their document frequency (entities carrying the key); the row '#' counts the
-- indexed entities. Rarity weights come from here.
CREATE TABLE screening_token (
    key text    PRIMARY KEY,
    df  integer NOT NULL DEFAULT 0 CHECK (df >= 0)
);

-- Deletion neighbourhood of every vocabulary key (the key itself and each one-letter deletion), for typo
-- expansion: two keys within one edit share a row value. Rows outlive keys whose df fell to 0 (harmless).
CREATE TABLE screening_fuzzy (
    del text NOT NULL,
    key text NOT NULL,
    PRIMARY KEY (del, key)
);

-- Postings: key (single or pair) -> entity.
CREATE TABLE screening_posting (
    key       text NOT NULL,
    entity_id uuid NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    PRIMARY KEY (key, entity_id)
);
CREATE INDEX screening_posting_entity_idx ON screening_posting (entity_id);

INSERT INTO screening_token (key, df) VALUES ('#', 0);

-- A screening hit on an entity the screener may not see alerts the owning agency's supervisors (deconfliction).
ALTER TABLE alert DROP CONSTRAINT alert_alert_type_check;
ALTER TABLE alert ADD CONSTRAINT alert_alert_type_check
    CHECK (alert_type IN ('WATCHED_ENTITY_MENTIONED', 'THREAT_LEVEL_RAISED', 'SCREENING_HIT'));

-- Full-text search over reports: per-language configurations on Arabic-normalised text, GIN indexes,
-- trigrams for partial words in titles. The normaliser has a Java twin (ArabicNormaliser); both must agree.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Arabic orthographic normalisation: harakat and tatweel removed; alef with hamza/madda/wasla -> bare alef;
-- alef maqsura -> yaa; word-final haa -> taa marbuta (the Snowball Arabic stemmer strips a final taa marbuta
-- as a suffix but not a haa, so unifying towards taa marbuta makes both spellings stem alike); the clitic
-- forms wa-/fa-/bi-/ka- + article and li- + article reduced to the bare article, which the stemmer strips.
CREATE FUNCTION yz_ar_normalise(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $fn$
    SELECT regexp_replace(regexp_replace(regexp_replace(
        translate(regexp_replace(t, '[\u064B-\u065F\u0670\u0640]', '', 'g'),
                  E'\u0623\u0625\u0622\u0671\u0649', E'\u0627\u0627\u0627\u0627\u064A'),
        '\u0647(?![\u0621-\u064A])', E'\u0629', 'g'),
        '(^|[^\u0621-\u064A])[\u0648\u0641\u0628\u0643]\u0627\u0644(?=[\u0621-\u064A]{3})', E'\\1\u0627\u0644', 'g'),
        '(^|[^\u0621-\u064A])\u0644\u0644(?=[\u0621-\u064A]{3})', E'\\1\u0627\u0644', 'g')
$fn$;

-- The text search configuration of a report language; unknown languages are indexed word by word.
CREATE FUNCTION yz_search_config(lang text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $fn$
    SELECT CASE lang WHEN 'ar' THEN 'arabic'::regconfig WHEN 'fr' THEN 'french'::regconfig
                     WHEN 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END
$fn$;

-- Title weighs more than body; very long bodies are indexed on their first 100,000 characters (tsvector cap).
CREATE FUNCTION yz_report_document(lang text, title text, body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $fn$
    SELECT setweight(to_tsvector(yz_search_config(lang), yz_ar_normalise(title)), 'A')
        || setweight(to_tsvector(yz_search_config(lang), yz_ar_normalise(left(body, 100000))), 'B')
$fn$;

ALTER TABLE report ADD COLUMN search_doc tsvector
    GENERATED ALWAYS AS (yz_report_document(language, title, body)) STORED;
-- Search reads the tsvector of every matching row: keep it in the row (compressed if need be) and let the
-- body move out of line first, so ranking does not pay a TOAST fetch per match.
ALTER TABLE report ALTER COLUMN search_doc SET STORAGE MAIN;
CREATE INDEX report_search_idx ON report USING gin (search_doc);
-- Normalised title, stored: trigram matches and their recheck never re-run the normaliser.
ALTER TABLE report ADD COLUMN title_norm text GENERATED ALWAYS AS (yz_ar_normalise(title)) STORED;
CREATE INDEX report_title_trgm_idx ON report USING gin (title_norm gin_trgm_ops);
CREATE INDEX report_collected_idx ON report (collected_at);

-- One Idempotency-Key per caller: a retried create answers with the report stored the first time.
CREATE TABLE report_idempotency (
    subject    text        NOT NULL,
    idem_key   text        NOT NULL,
    report_id  uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, idem_key)
);

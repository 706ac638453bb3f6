-- Mention extraction speed (issue 20, docs/intelligence.md "Mention extraction", Speed): workers hold the name keys
-- in memory to drop, before any look-up, the runs of words no entity's key matches. This version moves in the
-- transaction that changes any key (a statement trigger: every writer, every replica), so a worker sees it change
-- exactly when the keys do and reloads them.
CREATE TABLE extraction_key_version (
    id      boolean PRIMARY KEY DEFAULT true CHECK (id),
    version bigint  NOT NULL
);
INSERT INTO extraction_key_version (id, version) VALUES (true, 0);

CREATE FUNCTION yz_extraction_key_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE extraction_key_version SET version = version + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER extraction_name_key_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON extraction_name_key
    FOR EACH STATEMENT EXECUTE FUNCTION yz_extraction_key_changed();

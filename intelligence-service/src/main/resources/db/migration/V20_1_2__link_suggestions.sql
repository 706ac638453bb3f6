-- Suggested relationships (issue 20 item 2, docs/intelligence.md "Suggested relationships"). Suggestions are
-- computed when read, from the mentions the reader may see; only an agency's dismissals are stored.
CREATE TABLE link_suggestion_dismissal (
    entity_a     uuid        NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    entity_b     uuid        NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    agency       text        NOT NULL,
    dismissed_by text        NOT NULL,
    dismissed_at timestamptz NOT NULL,
    PRIMARY KEY (entity_a, entity_b, agency),
    CONSTRAINT link_suggestion_dismissal_ordered CHECK (entity_a < entity_b)
);

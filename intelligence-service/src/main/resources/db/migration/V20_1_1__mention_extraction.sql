-- Mention extraction (issue 20 item 1, docs/intelligence.md "Mention extraction"): known names found in report text.

-- Durable work queue, written in the transaction that stores (or corrects) a report. Workers claim rows with
-- FOR UPDATE SKIP LOCKED and delete them in the transaction that stores the proposals: a crash puts them back.
-- The author's visibility attributes are kept because extraction runs later, without the author's token, and
-- may only propose entities the author may see.
CREATE TABLE extraction_queue (
    report_id           uuid        PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,
    enqueued_at         timestamptz NOT NULL,
    author              text        NOT NULL,
    author_clearance    smallint    NOT NULL,
    author_compartments text        NOT NULL,
    author_agency       text        NOT NULL,
    attempts            integer     NOT NULL DEFAULT 0,
    not_before          timestamptz NOT NULL
);
CREATE INDEX extraction_queue_due_idx ON extraction_queue (not_before);

-- Name keys of persons, organisations and places: the screening normaliser's part keys of one name, sorted and
-- joined, so a spelling of the same parts in any order and script finds the name with one index probe.
CREATE TABLE extraction_name_key (
    key       text    NOT NULL,
    entity_id uuid    NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    name      text    NOT NULL,
    partial   boolean NOT NULL,
    PRIMARY KEY (key, entity_id, name)
);
CREATE INDEX extraction_name_key_entity_idx ON extraction_name_key (entity_id);

-- A proposed mention: a span of the stored title or body naming a known entity, until an analyst decides.
CREATE TABLE mention_proposal (
    id           uuid             PRIMARY KEY,
    report_id    uuid             NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    entity_id    uuid             NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    field        text             NOT NULL CHECK (field IN ('TITLE', 'BODY')),
    span_start   integer          NOT NULL,
    span_end     integer          NOT NULL,
    matched_text text             NOT NULL,
    matched_name text             NOT NULL,
    score        double precision NOT NULL CHECK (score > 0 AND score <= 1),
    explanation  text             NOT NULL,
    status       text             NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'CONFIRMED', 'REJECTED')),
    created_at   timestamptz      NOT NULL,
    decided_at   timestamptz,
    decided_by   text,
    CONSTRAINT mention_proposal_span CHECK (span_start >= 0 AND span_end > span_start),
    UNIQUE (report_id, field, span_start, entity_id)
);
CREATE INDEX mention_proposal_entity_idx ON mention_proposal (entity_id);

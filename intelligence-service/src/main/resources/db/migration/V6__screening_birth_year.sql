-- Birth year of the entity (0 = unknown) in each screening posting, in the key's index order: a query that gives
-- a birth year reads the postings of a common key (thousands of "Mohamed ... Alami" at a million names) for the
-- years around it first, instead of an arbitrary few hundred, so the person it looks for is not capped away.
ALTER TABLE screening_posting ADD COLUMN birth_year smallint NOT NULL DEFAULT 0;
UPDATE screening_posting sp SET birth_year = extract(year FROM e.birth_date)::smallint
    FROM entity e WHERE e.id = sp.entity_id AND e.birth_date IS NOT NULL;
ALTER TABLE screening_posting DROP CONSTRAINT screening_posting_pkey;
ALTER TABLE screening_posting ADD PRIMARY KEY (key, birth_year, entity_id);

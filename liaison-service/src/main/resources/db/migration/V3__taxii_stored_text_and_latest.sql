-- TAXII reads stream the STIX text rendered at release time as it is: no jsonb -> text conversion on every read,
-- and the bytes a partner receives are the bytes the mapper rendered (and the schema tests validated).
ALTER TABLE taxii_object ALTER COLUMN object TYPE text USING object::text;

-- latest: this row is the newest version of its object in its collection. The writer keeps it (under the TAXII
-- sequence lock, so writers take turns), which turns the default match[version]=last page into one range scan
-- of a partial index instead of a max() probe per candidate row.
ALTER TABLE taxii_object ADD COLUMN latest boolean NOT NULL DEFAULT true;
UPDATE taxii_object o SET latest = false
 WHERE EXISTS (SELECT 1 FROM taxii_object n
                WHERE n.collection_id = o.collection_id AND n.stix_id = o.stix_id
                  AND n.stix_version > o.stix_version);
CREATE INDEX taxii_object_latest_idx ON taxii_object (collection_id, seq) WHERE latest;

-- partner_code follows from collection_id (one release collection per partner); without this the planner
-- multiplies the two equalities' selectivities, underestimates a partner's rows and may sort a whole collection
-- instead of walking the index in seq order for LIMIT n.
CREATE STATISTICS taxii_object_collection_partner (dependencies) ON collection_id, partner_code FROM taxii_object;

-- Screening speed (issue 20, docs/screening.md "Retrieval"): every posting row a screening reads is joined to its
-- entity only for yz_visible's four columns. With them in this index the join is an index-only scan, no heap page
-- per row (measured on the 1M-name bench database: the probes of 100 common keys, 15,833 rows, 85-98 ms -> 50-56
-- ms). The visibility rule itself is unchanged and still decided in SQL for every row. A marking too large for an
-- index entry (more than about 2.7 kB of compartments and shared-with codes) is refused with 422 (SQL state 54000).
CREATE INDEX entity_visibility_idx ON entity (id) INCLUDE (classification, compartments, owner_agency, shared_with);

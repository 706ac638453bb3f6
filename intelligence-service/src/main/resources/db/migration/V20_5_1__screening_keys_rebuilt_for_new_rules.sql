-- Issue #20 item 5: the name normaliser reads more transliteration conventions (Spanish, Kabyle, chat digits,
-- the colloquial article, fused compound first names), so names indexed before now lack keys the rules give them.
-- Postings are derived data: dropping them makes ScreeningBackfill re-index every person and organisation at the
-- next start with the current rules (the vocabulary in screening_fuzzy is kept; new keys add their neighbourhood).
DELETE FROM screening_posting;

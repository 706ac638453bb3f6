-- Issue #16: screening no longer weighs name parts by document frequency. A count of the entities carrying a key
-- includes entities a screener may not see, so weights derived from it moved with hidden data (docs/screening.md,
-- "Scoring"). The vocabulary of keys (screening_fuzzy, for typo neighbours) stays; the counts go.
DROP TABLE screening_token;

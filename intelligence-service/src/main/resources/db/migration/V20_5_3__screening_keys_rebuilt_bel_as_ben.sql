-- Issue #20 item 5: a Latin Bel-/Bil- or Arabic بل- family name now also carries the key of Ben + the rest (bel is
-- ben + the assimilated article), so names indexed before lack it. Postings are derived data: dropping them makes
-- ScreeningBackfill re-index every person and organisation at the next start with the current rules (as V20_5_1).
DELETE FROM screening_posting;

-- Issue #20 item 5: a Bel-/Bil-/بل- family name now also carries the key of Ben + the rest (V20_5_3), and mention
-- extraction keys names with the same normaliser, so names keyed before lack it. The keys are derived data (as in
-- V20_5_2): dropping them makes the extraction backfill key every person, organisation and place again at the next
-- start with the current rules.
DELETE FROM extraction_name_key;

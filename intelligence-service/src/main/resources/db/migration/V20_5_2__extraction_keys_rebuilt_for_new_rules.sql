-- Issue #20: mention extraction keys are made by the same name normaliser as screening's (V20_5_1), so names
-- keyed before the new rules lack keys those rules give them. The keys are derived data: dropping them makes the
-- extraction backfill key every person, organisation and place again at the next start with the current rules.
DELETE FROM extraction_name_key;

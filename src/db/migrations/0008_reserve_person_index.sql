-- reserve_person_idx (person_id) repeats the leading column of the unique index on
-- (person_id, org_code), which serves the same look-ups; every reserve written paid for both.
DROP INDEX reserve_person_idx;

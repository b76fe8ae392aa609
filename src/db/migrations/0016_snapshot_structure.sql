-- The structure statistics (the groupings of the dashboard's charts) of a unit as of a snapshot's
-- date: counts per code of each grouping, for the admitted reserves and the sitting secretaries.
-- Empty for snapshots taken before this column existed.
ALTER TABLE statistics_snapshot ADD COLUMN structure jsonb;

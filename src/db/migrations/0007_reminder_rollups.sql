-- Roll-ups that let the reminder list read one row per reserve (and one per mentoring
-- assignment) without aggregating records: the secretary's annual talks per reserve and year, and
-- every attended training session of a reserve as one text, so that the centralised-training
-- window is worked out from a single value. Kept by statement-level triggers like those of 0006.

ALTER TABLE cultivation_reserve_year ADD COLUMN talks integer NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION cultivation_refresh_reserve_years(keys jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO cultivation_reserve_year AS y (reserve_id, year, org_code, village_quarters, township_quarters, training_days, talks)
  SELECT k.reserve_id, k.year, r.org_code,
    coalesce((SELECT bit_or(1 << (a.quarter - 1)) FROM assessment a WHERE a.reserve_id = k.reserve_id AND a.year = k.year AND a.kind = 'quarterly' AND a.assessor = 'village'), 0),
    coalesce((SELECT bit_or(1 << (a.quarter - 1)) FROM assessment a WHERE a.reserve_id = k.reserve_id AND a.year = k.year AND a.kind = 'quarterly' AND a.assessor = 'township'), 0),
    coalesce((SELECT sum(t.days_attended) FROM training_attendance t
      WHERE t.reserve_id = k.reserve_id AND t.attended AND t.end_date >= make_date(k.year, 1, 1) AND t.end_date < make_date(k.year + 1, 1, 1)), 0),
    (SELECT count(*) FROM annual_talk a WHERE a.reserve_id = k.reserve_id AND a.talked_on >= make_date(k.year, 1, 1) AND a.talked_on < make_date(k.year + 1, 1, 1))
  FROM (SELECT DISTINCT (e ->> 'r')::uuid AS reserve_id, (e ->> 'y')::int AS year FROM jsonb_array_elements(keys) e) k
  JOIN reserve r ON r.id = k.reserve_id
  ON CONFLICT (reserve_id, year) DO UPDATE SET village_quarters = excluded.village_quarters, township_quarters = excluded.township_quarters,
    training_days = excluded.training_days, talks = excluded.talks;
$$;

CREATE FUNCTION cultivation_talk_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cultivation_refresh_reserve_years((SELECT coalesce(jsonb_agg(DISTINCT jsonb_build_object('r', reserve_id, 'y', extract(year FROM talked_on)::int)), '[]') FROM changed_rows));
  RETURN NULL;
END $$;

CREATE TRIGGER annual_talk_rollup_insert AFTER INSERT ON annual_talk REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_talk_rollup();
CREATE TRIGGER annual_talk_rollup_update_new AFTER UPDATE ON annual_talk REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_talk_rollup();
CREATE TRIGGER annual_talk_rollup_update_old AFTER UPDATE ON annual_talk REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_talk_rollup();
CREATE TRIGGER annual_talk_rollup_delete AFTER DELETE ON annual_talk REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_talk_rollup();

-- Every attended session of a reserve, oldest first, as 'YYYY-MM-DD|method|days' joined by ','
-- (the end date, the session's method and the days attended): a handful per year.
CREATE TABLE cultivation_reserve_training (
  reserve_id  uuid PRIMARY KEY REFERENCES reserve (id) ON DELETE CASCADE,
  sessions    text NOT NULL
);

CREATE FUNCTION cultivation_refresh_reserve_training(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM cultivation_reserve_training WHERE reserve_id = ANY (ids);
  INSERT INTO cultivation_reserve_training (reserve_id, sessions)
  SELECT a.reserve_id, string_agg(a.end_date::text || '|' || a.method || '|' || a.days_attended::text, ',' ORDER BY a.end_date, a.method)
  FROM training_attendance a WHERE a.reserve_id = ANY (ids) AND a.attended
  GROUP BY a.reserve_id;
$$;

CREATE FUNCTION cultivation_training_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cultivation_refresh_reserve_training((SELECT coalesce(array_agg(DISTINCT reserve_id), '{}') FROM changed_rows));
  RETURN NULL;
END $$;

CREATE TRIGGER training_attendance_sessions_insert AFTER INSERT ON training_attendance REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_training_rollup();
CREATE TRIGGER training_attendance_sessions_update_new AFTER UPDATE ON training_attendance REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_training_rollup();
CREATE TRIGGER training_attendance_sessions_update_old AFTER UPDATE ON training_attendance REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_training_rollup();
CREATE TRIGGER training_attendance_sessions_delete AFTER DELETE ON training_attendance REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_training_rollup();

-- The reminder list no longer looks for long sessions in training_attendance.
DROP INDEX training_attendance_long_idx;

-- What is already recorded.
SELECT cultivation_refresh_reserve_years(coalesce((SELECT jsonb_agg(DISTINCT jsonb_build_object('r', reserve_id, 'y', extract(year FROM talked_on)::int)) FROM annual_talk), '[]'));
SELECT cultivation_refresh_reserve_training(coalesce((SELECT array_agg(DISTINCT reserve_id) FROM training_attendance), '{}'));

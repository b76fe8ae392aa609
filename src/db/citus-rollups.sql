-- The reminder roll-ups on Citus (docs/DISTRIBUTION.md). Citus refuses the statement-level
-- triggers of migrations 0006 and 0007 on distributed tables; these row-level triggers run on the
-- shard that received the row and recompute the roll-up row of its key (a reserve's or an
-- assignment's year, a reserve's sessions) with queries of that one county, so they stay on the
-- same worker. The results are those of the functions of 0014.

CREATE OR REPLACE FUNCTION cultivation_refresh_assignment_year_row(county text, assignment uuid, year_number integer) RETURNS void
LANGUAGE plpgsql SET citus.allow_nested_distributed_execution = on AS $$
DECLARE
  unit text; months integer; quarters integer;
BEGIN
  SELECT m.org_code INTO unit FROM mentoring_assignment m WHERE m.county_code = county AND m.id = assignment;
  IF unit IS NULL THEN RETURN; END IF;
  SELECT coalesce(bit_or(1 << (extract(month FROM c.contacted_on)::int - 1)), 0) INTO months FROM mentor_contact c
    WHERE c.county_code = county AND c.assignment_id = assignment AND c.contacted_on >= make_date(year_number, 1, 1) AND c.contacted_on < make_date(year_number + 1, 1, 1);
  SELECT coalesce(bit_or(1 << (s.quarter - 1)), 0) INTO quarters FROM mentoring_summary s
    WHERE s.county_code = county AND s.assignment_id = assignment AND s.year = year_number;
  INSERT INTO cultivation_assignment_year (county_code, assignment_id, year, org_code, contact_months, summary_quarters)
  VALUES (county, assignment, year_number, unit, months, quarters)
  ON CONFLICT (county_code, assignment_id, year) DO UPDATE SET contact_months = excluded.contact_months, summary_quarters = excluded.summary_quarters;
END $$;

CREATE OR REPLACE FUNCTION cultivation_refresh_reserve_year_row(county text, reserve uuid, year_number integer) RETURNS void
LANGUAGE plpgsql SET citus.allow_nested_distributed_execution = on AS $$
DECLARE
  unit text; village integer; township integer; days real; talk_count integer;
BEGIN
  SELECT r.org_code INTO unit FROM reserve r WHERE r.county_code = county AND r.id = reserve;
  IF unit IS NULL THEN RETURN; END IF;
  SELECT coalesce(bit_or(1 << (a.quarter - 1)) FILTER (WHERE a.assessor = 'village'), 0), coalesce(bit_or(1 << (a.quarter - 1)) FILTER (WHERE a.assessor = 'township'), 0)
    INTO village, township FROM assessment a
    WHERE a.county_code = county AND a.reserve_id = reserve AND a.year = year_number AND a.kind = 'quarterly';
  SELECT coalesce(sum(t.days_attended), 0) INTO days FROM training_attendance t
    WHERE t.county_code = county AND t.reserve_id = reserve AND t.attended AND t.end_date >= make_date(year_number, 1, 1) AND t.end_date < make_date(year_number + 1, 1, 1);
  SELECT count(*) INTO talk_count FROM annual_talk a
    WHERE a.county_code = county AND a.reserve_id = reserve AND a.talked_on >= make_date(year_number, 1, 1) AND a.talked_on < make_date(year_number + 1, 1, 1);
  INSERT INTO cultivation_reserve_year (county_code, reserve_id, year, org_code, village_quarters, township_quarters, training_days, talks)
  VALUES (county, reserve, year_number, unit, village, township, days, talk_count)
  ON CONFLICT (county_code, reserve_id, year) DO UPDATE SET village_quarters = excluded.village_quarters, township_quarters = excluded.township_quarters,
    training_days = excluded.training_days, talks = excluded.talks;
END $$;

CREATE OR REPLACE FUNCTION cultivation_refresh_reserve_training_row(county text, reserve uuid) RETURNS void
LANGUAGE plpgsql SET citus.allow_nested_distributed_execution = on AS $$
DECLARE
  joined text;
BEGIN
  SELECT string_agg(a.end_date::text || '|' || a.method || '|' || a.days_attended::text, ',' ORDER BY a.end_date, a.method) INTO joined
    FROM training_attendance a WHERE a.county_code = county AND a.reserve_id = reserve AND a.attended;
  DELETE FROM cultivation_reserve_training WHERE county_code = county AND reserve_id = reserve;
  IF joined IS NOT NULL THEN
    INSERT INTO cultivation_reserve_training (county_code, reserve_id, sessions) VALUES (county, reserve, joined);
  END IF;
END $$;

-- One trigger function per source table: the old row's key and the new row's key (an update may move a record to another year).
CREATE OR REPLACE FUNCTION cultivation_contact_row_rollup() RETURNS trigger
LANGUAGE plpgsql SET citus.allow_nested_distributed_execution = on AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM cultivation_refresh_assignment_year_row(OLD.county_code, OLD.assignment_id, extract(year FROM OLD.contacted_on)::int); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM cultivation_refresh_assignment_year_row(NEW.county_code, NEW.assignment_id, extract(year FROM NEW.contacted_on)::int); END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION cultivation_summary_row_rollup() RETURNS trigger
LANGUAGE plpgsql SET citus.allow_nested_distributed_execution = on AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM cultivation_refresh_assignment_year_row(OLD.county_code, OLD.assignment_id, OLD.year); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM cultivation_refresh_assignment_year_row(NEW.county_code, NEW.assignment_id, NEW.year); END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION cultivation_assessment_row_rollup() RETURNS trigger
LANGUAGE plpgsql SET citus.allow_nested_distributed_execution = on AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.kind = 'quarterly' THEN PERFORM cultivation_refresh_reserve_year_row(OLD.county_code, OLD.reserve_id, OLD.year); END IF;
  IF TG_OP <> 'DELETE' AND NEW.kind = 'quarterly' THEN PERFORM cultivation_refresh_reserve_year_row(NEW.county_code, NEW.reserve_id, NEW.year); END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION cultivation_attendance_row_rollup() RETURNS trigger
LANGUAGE plpgsql SET citus.allow_nested_distributed_execution = on AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM cultivation_refresh_reserve_year_row(OLD.county_code, OLD.reserve_id, extract(year FROM OLD.end_date)::int);
    PERFORM cultivation_refresh_reserve_training_row(OLD.county_code, OLD.reserve_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM cultivation_refresh_reserve_year_row(NEW.county_code, NEW.reserve_id, extract(year FROM NEW.end_date)::int);
    PERFORM cultivation_refresh_reserve_training_row(NEW.county_code, NEW.reserve_id);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION cultivation_talk_row_rollup() RETURNS trigger
LANGUAGE plpgsql SET citus.allow_nested_distributed_execution = on AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM cultivation_refresh_reserve_year_row(OLD.county_code, OLD.reserve_id, extract(year FROM OLD.talked_on)::int); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM cultivation_refresh_reserve_year_row(NEW.county_code, NEW.reserve_id, extract(year FROM NEW.talked_on)::int); END IF;
  RETURN NULL;
END $$;

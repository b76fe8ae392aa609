-- Cultivation (培养教育, SPEC section 4): training, mentoring, practice, assessment, readiness.
-- Every record about a reserve carries the reserve's village code (org_code) so that scope is a
-- prefix filter on the record itself, without a join.

-- Training rules of a jurisdiction (seed 000: ≥3 days a year; seed 002: one centralised session of
-- ≥5 days within 3 years). The rule set of the nearest unit above a reserve applies; none: defaults.
CREATE TABLE training_rule_set (
  org_code                  text PRIMARY KEY REFERENCES org_unit (code),
  org_prefix                text NOT NULL,
  minimum_days_per_year     real NOT NULL CHECK (minimum_days_per_year >= 0 AND minimum_days_per_year <= 366),
  centralised_minimum_days  real NOT NULL CHECK (centralised_minimum_days > 0 AND centralised_minimum_days <= 366),
  centralised_window_years  integer NOT NULL CHECK (centralised_window_years BETWEEN 1 AND 10),
  centralised_methods       text[] NOT NULL,
  version                   integer NOT NULL DEFAULT 1,
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now()
);

-- A training session (培训班) organised by a unit; visible to that unit's subtree and to its ancestors.
CREATE TABLE training_session (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_code         text NOT NULL REFERENCES org_unit (code),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  method           text NOT NULL CHECK (method IN ('centralised', 'partySchool', 'online', 'fieldVisit', 'meetingAsTraining')),
  organiser        text NOT NULL,
  start_date       date NOT NULL,
  end_date         date NOT NULL,
  days             real NOT NULL CHECK (days > 0 AND days <= 366 AND days * 2 = round(days * 2)),
  content          text,
  place            text,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date)
);
CREATE INDEX training_session_org_idx ON training_session (org_code text_pattern_ops, start_date);

-- Attendance of one reserve at one session (org_code: the reserve's village).
CREATE TABLE training_attendance (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id       uuid NOT NULL REFERENCES training_session (id) ON DELETE CASCADE,
  reserve_id       uuid NOT NULL REFERENCES reserve (id),
  org_code         text NOT NULL,
  attended         boolean NOT NULL,
  days_attended    real NOT NULL CHECK (days_attended >= 0 AND days_attended * 2 = round(days_attended * 2)),
  -- Copied from the session so that the yearly sums need no join.
  method           text NOT NULL,
  end_date         date NOT NULL,
  result           text,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (session_id, reserve_id)
);
CREATE INDEX training_attendance_reserve_idx ON training_attendance (reserve_id, end_date);
CREATE INDEX training_attendance_org_idx ON training_attendance (org_code text_pattern_ops, end_date);

-- A mentor assigned to a reserve (结对帮带): a user with the mentor role, or a named cadre.
CREATE TABLE mentoring_assignment (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reserve_id       uuid NOT NULL REFERENCES reserve (id),
  org_code         text NOT NULL,
  mentor_user_id   uuid REFERENCES app_user (id),
  mentor_name      text NOT NULL CHECK (length(mentor_name) BETWEEN 1 AND 50),
  -- townshipLeader 镇领导班子成员, villageContactCadre 包村干部, firstSecretary 驻村第一书记, villageHead 两委主要负责人, other
  mentor_post      text NOT NULL CHECK (mentor_post IN ('townshipLeader', 'villageContactCadre', 'firstSecretary', 'villageHead', 'other')),
  mentor_title     text,
  started_on       date NOT NULL,
  ended_on         date,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX mentoring_assignment_reserve_idx ON mentoring_assignment (reserve_id);
CREATE INDEX mentoring_assignment_mentor_idx ON mentoring_assignment (mentor_user_id) WHERE mentor_user_id IS NOT NULL;
CREATE INDEX mentoring_assignment_org_idx ON mentoring_assignment (org_code text_pattern_ops);

-- A monthly contact log entry by a mentor (帮带记录).
CREATE TABLE mentor_contact (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assignment_id    uuid NOT NULL REFERENCES mentoring_assignment (id),
  reserve_id       uuid NOT NULL REFERENCES reserve (id),
  org_code         text NOT NULL,
  contacted_on     date NOT NULL,
  form             text NOT NULL CHECK (form IN ('talk', 'visit', 'phone', 'online')),
  thoughts         text,
  work             text,
  problems         text,
  help_given       text,
  recorded_by      text NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mentor_contact_assignment_idx ON mentor_contact (assignment_id, contacted_on);
CREATE INDEX mentor_contact_reserve_idx ON mentor_contact (reserve_id, contacted_on);
CREATE INDEX mentor_contact_org_idx ON mentor_contact (org_code text_pattern_ops, contacted_on);

-- The mentor's quarterly summary with an assessment opinion (the form's 第一季度 … 第四季度 rows).
CREATE TABLE mentoring_summary (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assignment_id    uuid NOT NULL REFERENCES mentoring_assignment (id),
  reserve_id       uuid NOT NULL REFERENCES reserve (id),
  org_code         text NOT NULL,
  year             integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  quarter          integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  period_text      text,
  content          text NOT NULL,
  opinion          text NOT NULL,
  recorded_by      text NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (assignment_id, year, quarter)
);
CREATE INDEX mentoring_summary_reserve_idx ON mentoring_summary (reserve_id, year);
CREATE INDEX mentoring_summary_org_idx ON mentoring_summary (org_code text_pattern_ops, year);

-- The township Party secretary's talk with a reserve (at least once a year, seed 002).
CREATE TABLE annual_talk (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reserve_id       uuid NOT NULL REFERENCES reserve (id),
  org_code         text NOT NULL,
  talked_on        date NOT NULL,
  talker_name      text NOT NULL,
  content          text NOT NULL,
  recorded_by      text NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX annual_talk_reserve_idx ON annual_talk (reserve_id, talked_on);
CREATE INDEX annual_talk_org_idx ON annual_talk (org_code text_pattern_ops, talked_on);

-- Practice (实践锻炼): a post held or a task taken on, with performance and an opinion.
CREATE TABLE practice_record (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reserve_id       uuid NOT NULL REFERENCES reserve (id),
  org_code         text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('post', 'task')),
  -- posts: secretaryAssistant partyGroupLeader villagerGroupLeader gridWorker committeeMember;
  -- tasks: disputeMediation emergency keyProject petition; both: other
  category         text NOT NULL,
  started_on       date NOT NULL,
  ended_on         date,
  content          text NOT NULL,
  performance      text,
  opinion          text,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX practice_record_reserve_idx ON practice_record (reserve_id, started_on);
CREATE INDEX practice_record_org_idx ON practice_record (org_code text_pattern_ops, started_on);

-- Attending a meeting as observer (列席).
CREATE TABLE observer_attendance (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reserve_id       uuid NOT NULL REFERENCES reserve (id),
  org_code         text NOT NULL,
  meeting_type     text NOT NULL CHECK (meeting_type IN ('villageCommittees', 'partyMembers', 'villagerRepresentatives', 'townshipCadres')),
  meeting_date     date NOT NULL,
  topic            text,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX observer_attendance_reserve_idx ON observer_attendance (reserve_id, meeting_date);
CREATE INDEX observer_attendance_org_idx ON observer_attendance (org_code text_pattern_ops, meeting_date);

-- Assessments (考核): quarterly opinions by the village and by the township, the annual result,
-- the pre-election re-evaluation. grade: excellent 优秀 / competent 合格 / basicallyCompetent 基本合格 / incompetent 不合格.
CREATE TABLE assessment (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reserve_id       uuid NOT NULL REFERENCES reserve (id),
  org_code         text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('quarterly', 'annual', 'preElection')),
  assessor         text NOT NULL CHECK (assessor IN ('village', 'township')),
  year             integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  quarter          integer CHECK (quarter BETWEEN 1 AND 4),
  grade            text CHECK (grade IN ('excellent', 'competent', 'basicallyCompetent', 'incompetent')),
  opinion          text NOT NULL,
  assessed_on      date NOT NULL,
  recorded_by      text NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'quarterly') = (quarter IS NOT NULL)),
  CHECK (kind <> 'annual' OR grade IS NOT NULL)
);
CREATE UNIQUE INDEX assessment_period_idx ON assessment (reserve_id, kind, assessor, year, coalesce(quarter, 0)) WHERE kind <> 'preElection';
CREATE INDEX assessment_reserve_idx ON assessment (reserve_id, year);
CREATE INDEX assessment_org_idx ON assessment (org_code text_pattern_ops, year);

-- The Party-joining track of a reserve who is not a Party member: one row per stage reached.
CREATE TABLE party_joining_step (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reserve_id       uuid NOT NULL REFERENCES reserve (id),
  org_code         text NOT NULL,
  stage            text NOT NULL CHECK (stage IN ('activist', 'developmentTarget', 'probationaryMember', 'fullMember')),
  reached_on       date NOT NULL,
  notes            text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (reserve_id, stage)
);
CREATE INDEX party_joining_step_org_idx ON party_joining_step (org_code text_pattern_ops);

-- A township's edit of the computed performance × potential grid (1 low … 3 high) and readiness.
CREATE TABLE talent_grid_rating (
  reserve_id       uuid PRIMARY KEY REFERENCES reserve (id),
  org_code         text NOT NULL,
  performance      integer NOT NULL CHECK (performance BETWEEN 1 AND 3),
  potential        integer NOT NULL CHECK (potential BETWEEN 1 AND 3),
  readiness        text NOT NULL CHECK (readiness IN ('readyNow', 'withinTwoYears', 'longer')),
  reason           text NOT NULL,
  rated_by         text NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX talent_grid_rating_org_idx ON talent_grid_rating (org_code text_pattern_ops);

-- Yearly roll-ups for the reminder list, kept by statement-level triggers (one statement, however
-- many rows, recomputes each touched key once): months with a contact log and quarters with a
-- mentor's summary per assignment and year; quarters with a village / township opinion and
-- training days per reserve and year. The reminder query then reads two small rows per reserve.
CREATE TABLE cultivation_assignment_year (
  assignment_id     uuid NOT NULL REFERENCES mentoring_assignment (id) ON DELETE CASCADE,
  year              integer NOT NULL,
  org_code          text NOT NULL,
  contact_months    integer NOT NULL DEFAULT 0,
  summary_quarters  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (assignment_id, year)
);
CREATE INDEX cultivation_assignment_year_org_idx ON cultivation_assignment_year (year, org_code text_pattern_ops);

CREATE TABLE cultivation_reserve_year (
  reserve_id         uuid NOT NULL REFERENCES reserve (id) ON DELETE CASCADE,
  year               integer NOT NULL,
  org_code           text NOT NULL,
  village_quarters   integer NOT NULL DEFAULT 0,
  township_quarters  integer NOT NULL DEFAULT 0,
  training_days      real NOT NULL DEFAULT 0,
  PRIMARY KEY (reserve_id, year)
);
CREATE INDEX cultivation_reserve_year_org_idx ON cultivation_reserve_year (year, org_code text_pattern_ops);

-- Sessions long enough to count as centralised training under any usual rule set.
CREATE INDEX training_attendance_long_idx ON training_attendance (org_code text_pattern_ops) WHERE attended AND days_attended >= 3;

CREATE FUNCTION cultivation_refresh_assignment_years(keys jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO cultivation_assignment_year AS y (assignment_id, year, org_code, contact_months, summary_quarters)
  SELECT k.assignment_id, k.year, m.org_code,
    coalesce((SELECT bit_or(1 << (extract(month FROM c.contacted_on)::int - 1)) FROM mentor_contact c
      WHERE c.assignment_id = k.assignment_id AND c.contacted_on >= make_date(k.year, 1, 1) AND c.contacted_on < make_date(k.year + 1, 1, 1)), 0),
    coalesce((SELECT bit_or(1 << (s.quarter - 1)) FROM mentoring_summary s WHERE s.assignment_id = k.assignment_id AND s.year = k.year), 0)
  FROM (SELECT DISTINCT (e ->> 'a')::uuid AS assignment_id, (e ->> 'y')::int AS year FROM jsonb_array_elements(keys) e) k
  JOIN mentoring_assignment m ON m.id = k.assignment_id
  ON CONFLICT (assignment_id, year) DO UPDATE SET contact_months = excluded.contact_months, summary_quarters = excluded.summary_quarters;
$$;

CREATE FUNCTION cultivation_refresh_reserve_years(keys jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO cultivation_reserve_year AS y (reserve_id, year, org_code, village_quarters, township_quarters, training_days)
  SELECT k.reserve_id, k.year, r.org_code,
    coalesce((SELECT bit_or(1 << (a.quarter - 1)) FROM assessment a WHERE a.reserve_id = k.reserve_id AND a.year = k.year AND a.kind = 'quarterly' AND a.assessor = 'village'), 0),
    coalesce((SELECT bit_or(1 << (a.quarter - 1)) FROM assessment a WHERE a.reserve_id = k.reserve_id AND a.year = k.year AND a.kind = 'quarterly' AND a.assessor = 'township'), 0),
    coalesce((SELECT sum(t.days_attended) FROM training_attendance t
      WHERE t.reserve_id = k.reserve_id AND t.attended AND t.end_date >= make_date(k.year, 1, 1) AND t.end_date < make_date(k.year + 1, 1, 1)), 0)
  FROM (SELECT DISTINCT (e ->> 'r')::uuid AS reserve_id, (e ->> 'y')::int AS year FROM jsonb_array_elements(keys) e) k
  JOIN reserve r ON r.id = k.reserve_id
  ON CONFLICT (reserve_id, year) DO UPDATE SET village_quarters = excluded.village_quarters, township_quarters = excluded.township_quarters, training_days = excluded.training_days;
$$;

CREATE FUNCTION cultivation_contact_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cultivation_refresh_assignment_years((SELECT coalesce(jsonb_agg(DISTINCT jsonb_build_object('a', assignment_id, 'y', extract(year FROM contacted_on)::int)), '[]') FROM changed_rows));
  RETURN NULL;
END $$;
CREATE FUNCTION cultivation_summary_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cultivation_refresh_assignment_years((SELECT coalesce(jsonb_agg(DISTINCT jsonb_build_object('a', assignment_id, 'y', year)), '[]') FROM changed_rows));
  RETURN NULL;
END $$;
CREATE FUNCTION cultivation_assessment_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cultivation_refresh_reserve_years((SELECT coalesce(jsonb_agg(DISTINCT jsonb_build_object('r', reserve_id, 'y', year)), '[]') FROM changed_rows WHERE kind = 'quarterly'));
  RETURN NULL;
END $$;
CREATE FUNCTION cultivation_attendance_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cultivation_refresh_reserve_years((SELECT coalesce(jsonb_agg(DISTINCT jsonb_build_object('r', reserve_id, 'y', extract(year FROM end_date)::int)), '[]') FROM changed_rows));
  RETURN NULL;
END $$;

CREATE TRIGGER mentor_contact_rollup_insert AFTER INSERT ON mentor_contact REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_contact_rollup();
CREATE TRIGGER mentor_contact_rollup_update_new AFTER UPDATE ON mentor_contact REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_contact_rollup();
CREATE TRIGGER mentor_contact_rollup_update_old AFTER UPDATE ON mentor_contact REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_contact_rollup();
CREATE TRIGGER mentor_contact_rollup_delete AFTER DELETE ON mentor_contact REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_contact_rollup();
CREATE TRIGGER mentoring_summary_rollup_insert AFTER INSERT ON mentoring_summary REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_summary_rollup();
CREATE TRIGGER mentoring_summary_rollup_update_new AFTER UPDATE ON mentoring_summary REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_summary_rollup();
CREATE TRIGGER mentoring_summary_rollup_update_old AFTER UPDATE ON mentoring_summary REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_summary_rollup();
CREATE TRIGGER mentoring_summary_rollup_delete AFTER DELETE ON mentoring_summary REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_summary_rollup();
CREATE TRIGGER assessment_rollup_insert AFTER INSERT ON assessment REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_assessment_rollup();
CREATE TRIGGER assessment_rollup_update_new AFTER UPDATE ON assessment REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_assessment_rollup();
CREATE TRIGGER assessment_rollup_update_old AFTER UPDATE ON assessment REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_assessment_rollup();
CREATE TRIGGER assessment_rollup_delete AFTER DELETE ON assessment REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_assessment_rollup();
CREATE TRIGGER training_attendance_rollup_insert AFTER INSERT ON training_attendance REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_attendance_rollup();
CREATE TRIGGER training_attendance_rollup_update_new AFTER UPDATE ON training_attendance REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_attendance_rollup();
CREATE TRIGGER training_attendance_rollup_update_old AFTER UPDATE ON training_attendance REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_attendance_rollup();
CREATE TRIGGER training_attendance_rollup_delete AFTER DELETE ON training_attendance REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION cultivation_attendance_rollup();

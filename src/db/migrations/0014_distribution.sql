-- The county (the first six digits of a village's code) as the tenant of every table about a
-- county's villages, reserves and procedures (docs/DISTRIBUTION.md): each gets county_code, and
-- every primary, unique and foreign key among them includes it, so that on Citus a county's rows
-- lie together in one shard of each table. On one server the wider keys are exactly as strict as
-- before, since county_code follows from org_code (or from the parent row). The appointment's key
-- to its reserve is dropped: a reserve may be appointed to a village of another county, and a key
-- cannot join two counties (the service reads the reserve before it opens the appointment).
-- One ALTER TABLE per table and step: each costs a catalogue update.

-- 1. The keys among these tables set aside, and the column added.
ALTER TABLE talent_ledger_entry ADD COLUMN county_code text;
ALTER TABLE reserve ADD COLUMN county_code text;
ALTER TABLE reserve_status_change DROP CONSTRAINT reserve_status_change_reserve_id_fkey, ADD COLUMN county_code text;
ALTER TABLE village_reserve_need ADD COLUMN county_code text;
ALTER TABLE public_notice ADD COLUMN county_code text;
ALTER TABLE selection_candidate DROP CONSTRAINT selection_candidate_public_notice_id_fkey, DROP CONSTRAINT selection_candidate_reserve_id_fkey, ADD COLUMN county_code text;
ALTER TABLE selection_step DROP CONSTRAINT selection_step_candidate_id_fkey, ADD COLUMN county_code text;
ALTER TABLE eligibility_exception DROP CONSTRAINT eligibility_exception_candidate_id_fkey, ADD COLUMN county_code text;
ALTER TABLE joint_review DROP CONSTRAINT joint_review_candidate_id_fkey, ADD COLUMN county_code text;
ALTER TABLE notice_objection DROP CONSTRAINT notice_objection_public_notice_id_fkey, DROP CONSTRAINT notice_objection_candidate_id_fkey, ADD COLUMN county_code text;
ALTER TABLE selection_attachment DROP CONSTRAINT selection_attachment_candidate_id_fkey, ADD COLUMN county_code text;
ALTER TABLE training_attendance DROP CONSTRAINT training_attendance_reserve_id_fkey, ADD COLUMN county_code text;
ALTER TABLE mentoring_assignment DROP CONSTRAINT mentoring_assignment_reserve_id_fkey, ADD COLUMN county_code text;
ALTER TABLE mentor_contact DROP CONSTRAINT mentor_contact_assignment_id_fkey, DROP CONSTRAINT mentor_contact_reserve_id_fkey, ADD COLUMN county_code text;
ALTER TABLE mentoring_summary DROP CONSTRAINT mentoring_summary_assignment_id_fkey, DROP CONSTRAINT mentoring_summary_reserve_id_fkey, ADD COLUMN county_code text;
ALTER TABLE annual_talk DROP CONSTRAINT annual_talk_reserve_id_fkey, ADD COLUMN county_code text;
ALTER TABLE practice_record DROP CONSTRAINT practice_record_reserve_id_fkey, ADD COLUMN county_code text;
ALTER TABLE observer_attendance DROP CONSTRAINT observer_attendance_reserve_id_fkey, ADD COLUMN county_code text;
ALTER TABLE assessment DROP CONSTRAINT assessment_reserve_id_fkey, ADD COLUMN county_code text;
ALTER TABLE party_joining_step DROP CONSTRAINT party_joining_step_reserve_id_fkey, ADD COLUMN county_code text;
ALTER TABLE talent_grid_rating DROP CONSTRAINT talent_grid_rating_reserve_id_fkey, ADD COLUMN county_code text;
ALTER TABLE cultivation_assignment_year DROP CONSTRAINT cultivation_assignment_year_assignment_id_fkey, ADD COLUMN county_code text;
ALTER TABLE cultivation_reserve_year DROP CONSTRAINT cultivation_reserve_year_reserve_id_fkey, ADD COLUMN county_code text;
ALTER TABLE cultivation_reserve_training DROP CONSTRAINT cultivation_reserve_training_reserve_id_fkey, ADD COLUMN county_code text;
ALTER TABLE village_profile ADD COLUMN county_code text;
ALTER TABLE committee_member ADD COLUMN county_code text;
ALTER TABLE post_vacancy DROP CONSTRAINT post_vacancy_left_member_id_fkey, ADD COLUMN county_code text;
ALTER TABLE secretary_review DROP CONSTRAINT secretary_review_member_id_fkey, ADD COLUMN county_code text;
ALTER TABLE secretary_discipline DROP CONSTRAINT secretary_discipline_member_id_fkey, ADD COLUMN county_code text;
ALTER TABLE reserve_removal DROP CONSTRAINT reserve_removal_reserve_id_fkey, ADD COLUMN county_code text;
ALTER TABLE coverage_shortfall ADD COLUMN county_code text;
ALTER TABLE appointment DROP CONSTRAINT appointment_vacancy_id_fkey, DROP CONSTRAINT appointment_reserve_id_fkey, DROP CONSTRAINT appointment_member_id_fkey, ADD COLUMN county_code text;
ALTER TABLE appointment_step DROP CONSTRAINT appointment_step_appointment_id_fkey, ADD COLUMN county_code text;
ALTER TABLE appointment_objection DROP CONSTRAINT appointment_objection_appointment_id_fkey, ADD COLUMN county_code text;

-- 2. Parents first: the column filled from the row's unit or its parent, then the keys made again with county_code first.
UPDATE talent_ledger_entry SET county_code = substr(org_code, 1, 6);
ALTER TABLE talent_ledger_entry
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT talent_ledger_entry_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT talent_ledger_entry_pkey,
  ADD CONSTRAINT talent_ledger_entry_pkey PRIMARY KEY (county_code, id),
  DROP CONSTRAINT talent_ledger_entry_person_id_org_code_key,
  ADD CONSTRAINT talent_ledger_entry_person_id_org_code_key UNIQUE (county_code, person_id, org_code);
UPDATE reserve SET county_code = substr(org_code, 1, 6);
ALTER TABLE reserve
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT reserve_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT reserve_pkey,
  ADD CONSTRAINT reserve_pkey PRIMARY KEY (county_code, id),
  DROP CONSTRAINT reserve_person_id_org_code_key,
  ADD CONSTRAINT reserve_person_id_org_code_key UNIQUE (county_code, person_id, org_code);
UPDATE reserve_status_change c SET county_code = p.county_code FROM reserve p WHERE p.id = c.reserve_id;
ALTER TABLE reserve_status_change
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT reserve_status_change_county_code_check CHECK (county_code ~ '^[0-9]{6}$'),
  DROP CONSTRAINT reserve_status_change_pkey,
  ADD CONSTRAINT reserve_status_change_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT reserve_status_change_reserve_id_fkey FOREIGN KEY (county_code, reserve_id) REFERENCES reserve (county_code, id) ON DELETE CASCADE;
UPDATE village_reserve_need SET county_code = substr(org_code, 1, 6);
ALTER TABLE village_reserve_need
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT village_reserve_need_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT village_reserve_need_pkey,
  ADD CONSTRAINT village_reserve_need_pkey PRIMARY KEY (county_code, org_code);
UPDATE public_notice SET county_code = substr(org_code, 1, 6);
ALTER TABLE public_notice
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT public_notice_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT public_notice_pkey,
  ADD CONSTRAINT public_notice_pkey PRIMARY KEY (county_code, id);
UPDATE selection_candidate SET county_code = substr(org_code, 1, 6);
ALTER TABLE selection_candidate
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT selection_candidate_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT selection_candidate_pkey,
  ADD CONSTRAINT selection_candidate_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT selection_candidate_public_notice_id_fkey FOREIGN KEY (county_code, public_notice_id) REFERENCES public_notice (county_code, id),
  ADD CONSTRAINT selection_candidate_reserve_id_fkey FOREIGN KEY (county_code, reserve_id) REFERENCES reserve (county_code, id);
DROP INDEX selection_candidate_active_idx;
CREATE UNIQUE INDEX selection_candidate_active_idx ON selection_candidate (county_code, person_id, org_code) WHERE outcome = 'inProgress';
UPDATE selection_step c SET county_code = p.county_code FROM selection_candidate p WHERE p.id = c.candidate_id;
ALTER TABLE selection_step
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT selection_step_county_code_check CHECK (county_code ~ '^[0-9]{6}$'),
  DROP CONSTRAINT selection_step_pkey,
  ADD CONSTRAINT selection_step_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT selection_step_candidate_id_fkey FOREIGN KEY (county_code, candidate_id) REFERENCES selection_candidate (county_code, id) ON DELETE CASCADE;
UPDATE eligibility_exception c SET county_code = p.county_code FROM selection_candidate p WHERE p.id = c.candidate_id;
ALTER TABLE eligibility_exception
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT eligibility_exception_county_code_check CHECK (county_code ~ '^[0-9]{6}$'),
  DROP CONSTRAINT eligibility_exception_pkey,
  ADD CONSTRAINT eligibility_exception_pkey PRIMARY KEY (county_code, id),
  DROP CONSTRAINT eligibility_exception_candidate_id_rule_key,
  ADD CONSTRAINT eligibility_exception_candidate_id_rule_key UNIQUE (county_code, candidate_id, rule),
  ADD CONSTRAINT eligibility_exception_candidate_id_fkey FOREIGN KEY (county_code, candidate_id) REFERENCES selection_candidate (county_code, id) ON DELETE CASCADE;
UPDATE joint_review c SET county_code = p.county_code FROM selection_candidate p WHERE p.id = c.candidate_id;
ALTER TABLE joint_review
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT joint_review_county_code_check CHECK (county_code ~ '^[0-9]{6}$'),
  DROP CONSTRAINT joint_review_pkey,
  ADD CONSTRAINT joint_review_pkey PRIMARY KEY (county_code, id),
  DROP CONSTRAINT joint_review_candidate_id_department_key,
  ADD CONSTRAINT joint_review_candidate_id_department_key UNIQUE (county_code, candidate_id, department),
  ADD CONSTRAINT joint_review_candidate_id_fkey FOREIGN KEY (county_code, candidate_id) REFERENCES selection_candidate (county_code, id) ON DELETE CASCADE;
UPDATE notice_objection c SET county_code = p.county_code FROM selection_candidate p WHERE p.id = c.candidate_id;
ALTER TABLE notice_objection
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT notice_objection_county_code_check CHECK (county_code ~ '^[0-9]{6}$'),
  DROP CONSTRAINT notice_objection_pkey,
  ADD CONSTRAINT notice_objection_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT notice_objection_public_notice_id_fkey FOREIGN KEY (county_code, public_notice_id) REFERENCES public_notice (county_code, id) ON DELETE CASCADE,
  ADD CONSTRAINT notice_objection_candidate_id_fkey FOREIGN KEY (county_code, candidate_id) REFERENCES selection_candidate (county_code, id) ON DELETE CASCADE;
UPDATE selection_attachment c SET county_code = p.county_code FROM selection_candidate p WHERE p.id = c.candidate_id;
ALTER TABLE selection_attachment
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT selection_attachment_county_code_check CHECK (county_code ~ '^[0-9]{6}$'),
  DROP CONSTRAINT selection_attachment_pkey,
  ADD CONSTRAINT selection_attachment_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT selection_attachment_candidate_id_fkey FOREIGN KEY (county_code, candidate_id) REFERENCES selection_candidate (county_code, id) ON DELETE CASCADE;
UPDATE training_attendance SET county_code = substr(org_code, 1, 6);
ALTER TABLE training_attendance
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT training_attendance_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT training_attendance_pkey,
  ADD CONSTRAINT training_attendance_pkey PRIMARY KEY (county_code, id),
  DROP CONSTRAINT training_attendance_session_id_reserve_id_key,
  ADD CONSTRAINT training_attendance_session_id_reserve_id_key UNIQUE (county_code, session_id, reserve_id),
  ADD CONSTRAINT training_attendance_reserve_id_fkey FOREIGN KEY (county_code, reserve_id) REFERENCES reserve (county_code, id);
UPDATE mentoring_assignment SET county_code = substr(org_code, 1, 6);
ALTER TABLE mentoring_assignment
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT mentoring_assignment_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT mentoring_assignment_pkey,
  ADD CONSTRAINT mentoring_assignment_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT mentoring_assignment_reserve_id_fkey FOREIGN KEY (county_code, reserve_id) REFERENCES reserve (county_code, id);
UPDATE mentor_contact SET county_code = substr(org_code, 1, 6);
ALTER TABLE mentor_contact
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT mentor_contact_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT mentor_contact_pkey,
  ADD CONSTRAINT mentor_contact_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT mentor_contact_assignment_id_fkey FOREIGN KEY (county_code, assignment_id) REFERENCES mentoring_assignment (county_code, id),
  ADD CONSTRAINT mentor_contact_reserve_id_fkey FOREIGN KEY (county_code, reserve_id) REFERENCES reserve (county_code, id);
UPDATE mentoring_summary SET county_code = substr(org_code, 1, 6);
ALTER TABLE mentoring_summary
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT mentoring_summary_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT mentoring_summary_pkey,
  ADD CONSTRAINT mentoring_summary_pkey PRIMARY KEY (county_code, id),
  DROP CONSTRAINT mentoring_summary_assignment_id_year_quarter_key,
  ADD CONSTRAINT mentoring_summary_assignment_id_year_quarter_key UNIQUE (county_code, assignment_id, year, quarter),
  ADD CONSTRAINT mentoring_summary_assignment_id_fkey FOREIGN KEY (county_code, assignment_id) REFERENCES mentoring_assignment (county_code, id),
  ADD CONSTRAINT mentoring_summary_reserve_id_fkey FOREIGN KEY (county_code, reserve_id) REFERENCES reserve (county_code, id);
UPDATE annual_talk SET county_code = substr(org_code, 1, 6);
ALTER TABLE annual_talk
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT annual_talk_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT annual_talk_pkey,
  ADD CONSTRAINT annual_talk_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT annual_talk_reserve_id_fkey FOREIGN KEY (county_code, reserve_id) REFERENCES reserve (county_code, id);
UPDATE practice_record SET county_code = substr(org_code, 1, 6);
ALTER TABLE practice_record
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT practice_record_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT practice_record_pkey,
  ADD CONSTRAINT practice_record_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT practice_record_reserve_id_fkey FOREIGN KEY (county_code, reserve_id) REFERENCES reserve (county_code, id);
UPDATE observer_attendance SET county_code = substr(org_code, 1, 6);
ALTER TABLE observer_attendance
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT observer_attendance_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT observer_attendance_pkey,
  ADD CONSTRAINT observer_attendance_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT observer_attendance_reserve_id_fkey FOREIGN KEY (county_code, reserve_id) REFERENCES reserve (county_code, id);
UPDATE assessment SET county_code = substr(org_code, 1, 6);
ALTER TABLE assessment
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT assessment_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT assessment_pkey,
  ADD CONSTRAINT assessment_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT assessment_reserve_id_fkey FOREIGN KEY (county_code, reserve_id) REFERENCES reserve (county_code, id);
DROP INDEX assessment_period_idx;
CREATE UNIQUE INDEX assessment_period_idx ON assessment (county_code, reserve_id, kind, assessor, year, coalesce(quarter, 0)) WHERE kind <> 'preElection';
UPDATE party_joining_step SET county_code = substr(org_code, 1, 6);
ALTER TABLE party_joining_step
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT party_joining_step_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT party_joining_step_pkey,
  ADD CONSTRAINT party_joining_step_pkey PRIMARY KEY (county_code, id),
  DROP CONSTRAINT party_joining_step_reserve_id_stage_key,
  ADD CONSTRAINT party_joining_step_reserve_id_stage_key UNIQUE (county_code, reserve_id, stage),
  ADD CONSTRAINT party_joining_step_reserve_id_fkey FOREIGN KEY (county_code, reserve_id) REFERENCES reserve (county_code, id);
UPDATE talent_grid_rating SET county_code = substr(org_code, 1, 6);
ALTER TABLE talent_grid_rating
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT talent_grid_rating_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT talent_grid_rating_pkey,
  ADD CONSTRAINT talent_grid_rating_pkey PRIMARY KEY (county_code, reserve_id),
  ADD CONSTRAINT talent_grid_rating_reserve_id_fkey FOREIGN KEY (county_code, reserve_id) REFERENCES reserve (county_code, id);
UPDATE cultivation_assignment_year SET county_code = substr(org_code, 1, 6);
ALTER TABLE cultivation_assignment_year
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT cultivation_assignment_year_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT cultivation_assignment_year_pkey,
  ADD CONSTRAINT cultivation_assignment_year_pkey PRIMARY KEY (county_code, assignment_id, year),
  ADD CONSTRAINT cultivation_assignment_year_assignment_id_fkey FOREIGN KEY (county_code, assignment_id) REFERENCES mentoring_assignment (county_code, id) ON DELETE CASCADE;
UPDATE cultivation_reserve_year SET county_code = substr(org_code, 1, 6);
ALTER TABLE cultivation_reserve_year
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT cultivation_reserve_year_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT cultivation_reserve_year_pkey,
  ADD CONSTRAINT cultivation_reserve_year_pkey PRIMARY KEY (county_code, reserve_id, year),
  ADD CONSTRAINT cultivation_reserve_year_reserve_id_fkey FOREIGN KEY (county_code, reserve_id) REFERENCES reserve (county_code, id) ON DELETE CASCADE;
UPDATE cultivation_reserve_training c SET county_code = p.county_code FROM reserve p WHERE p.id = c.reserve_id;
ALTER TABLE cultivation_reserve_training
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT cultivation_reserve_training_county_code_check CHECK (county_code ~ '^[0-9]{6}$'),
  DROP CONSTRAINT cultivation_reserve_training_pkey,
  ADD CONSTRAINT cultivation_reserve_training_pkey PRIMARY KEY (county_code, reserve_id),
  ADD CONSTRAINT cultivation_reserve_training_reserve_id_fkey FOREIGN KEY (county_code, reserve_id) REFERENCES reserve (county_code, id) ON DELETE CASCADE;
UPDATE village_profile SET county_code = substr(org_code, 1, 6);
ALTER TABLE village_profile
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT village_profile_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT village_profile_pkey,
  ADD CONSTRAINT village_profile_pkey PRIMARY KEY (county_code, org_code);
UPDATE committee_member SET county_code = substr(org_code, 1, 6);
ALTER TABLE committee_member
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT committee_member_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT committee_member_pkey,
  ADD CONSTRAINT committee_member_pkey PRIMARY KEY (county_code, id);
UPDATE post_vacancy SET county_code = substr(org_code, 1, 6);
ALTER TABLE post_vacancy
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT post_vacancy_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT post_vacancy_pkey,
  ADD CONSTRAINT post_vacancy_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT post_vacancy_left_member_id_fkey FOREIGN KEY (county_code, left_member_id) REFERENCES committee_member (county_code, id);
UPDATE secretary_review SET county_code = substr(org_code, 1, 6);
ALTER TABLE secretary_review
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT secretary_review_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT secretary_review_pkey,
  ADD CONSTRAINT secretary_review_pkey PRIMARY KEY (county_code, id),
  DROP CONSTRAINT secretary_review_member_id_period_key,
  ADD CONSTRAINT secretary_review_member_id_period_key UNIQUE (county_code, member_id, period),
  ADD CONSTRAINT secretary_review_member_id_fkey FOREIGN KEY (county_code, member_id) REFERENCES committee_member (county_code, id);
UPDATE secretary_discipline SET county_code = substr(org_code, 1, 6);
ALTER TABLE secretary_discipline
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT secretary_discipline_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT secretary_discipline_pkey,
  ADD CONSTRAINT secretary_discipline_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT secretary_discipline_member_id_fkey FOREIGN KEY (county_code, member_id) REFERENCES committee_member (county_code, id);
UPDATE reserve_removal SET county_code = substr(org_code, 1, 6);
ALTER TABLE reserve_removal
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT reserve_removal_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT reserve_removal_pkey,
  ADD CONSTRAINT reserve_removal_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT reserve_removal_reserve_id_fkey FOREIGN KEY (county_code, reserve_id) REFERENCES reserve (county_code, id);
DROP INDEX reserve_removal_open_idx;
CREATE UNIQUE INDEX reserve_removal_open_idx ON reserve_removal (county_code, reserve_id) WHERE status = 'proposed';
UPDATE coverage_shortfall SET county_code = substr(org_code, 1, 6);
ALTER TABLE coverage_shortfall
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT coverage_shortfall_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT coverage_shortfall_pkey,
  ADD CONSTRAINT coverage_shortfall_pkey PRIMARY KEY (county_code, org_code, rule);
UPDATE appointment SET county_code = substr(org_code, 1, 6);
ALTER TABLE appointment
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT appointment_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT appointment_pkey,
  ADD CONSTRAINT appointment_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT appointment_vacancy_id_fkey FOREIGN KEY (county_code, vacancy_id) REFERENCES post_vacancy (county_code, id),
  ADD CONSTRAINT appointment_member_id_fkey FOREIGN KEY (county_code, member_id) REFERENCES committee_member (county_code, id);
-- One open appointment per reserve within the county that runs it.
DROP INDEX appointment_open_reserve_idx;
CREATE UNIQUE INDEX appointment_open_reserve_idx ON appointment (county_code, reserve_id) WHERE outcome = 'inProgress';
UPDATE appointment_step c SET county_code = p.county_code FROM appointment p WHERE p.id = c.appointment_id;
ALTER TABLE appointment_step
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT appointment_step_county_code_check CHECK (county_code ~ '^[0-9]{6}$'),
  DROP CONSTRAINT appointment_step_pkey,
  ADD CONSTRAINT appointment_step_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT appointment_step_appointment_id_fkey FOREIGN KEY (county_code, appointment_id) REFERENCES appointment (county_code, id);
UPDATE appointment_objection c SET county_code = p.county_code FROM appointment p WHERE p.id = c.appointment_id;
ALTER TABLE appointment_objection
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT appointment_objection_county_code_check CHECK (county_code ~ '^[0-9]{6}$'),
  DROP CONSTRAINT appointment_objection_pkey,
  ADD CONSTRAINT appointment_objection_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT appointment_objection_appointment_id_fkey FOREIGN KEY (county_code, appointment_id) REFERENCES appointment (county_code, id);

-- 3. The reminder roll-ups write county_code and name the wider keys.
CREATE OR REPLACE FUNCTION cultivation_refresh_assignment_years(keys jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO cultivation_assignment_year AS y (county_code, assignment_id, year, org_code, contact_months, summary_quarters)
  SELECT m.county_code, k.assignment_id, k.year, m.org_code,
    coalesce((SELECT bit_or(1 << (extract(month FROM c.contacted_on)::int - 1)) FROM mentor_contact c
      WHERE c.county_code = m.county_code AND c.assignment_id = k.assignment_id AND c.contacted_on >= make_date(k.year, 1, 1) AND c.contacted_on < make_date(k.year + 1, 1, 1)), 0),
    coalesce((SELECT bit_or(1 << (s.quarter - 1)) FROM mentoring_summary s WHERE s.county_code = m.county_code AND s.assignment_id = k.assignment_id AND s.year = k.year), 0)
  FROM (SELECT DISTINCT (e ->> 'a')::uuid AS assignment_id, (e ->> 'y')::int AS year FROM jsonb_array_elements(keys) e) k
  JOIN mentoring_assignment m ON m.id = k.assignment_id
  ON CONFLICT (county_code, assignment_id, year) DO UPDATE SET contact_months = excluded.contact_months, summary_quarters = excluded.summary_quarters;
$$;

CREATE OR REPLACE FUNCTION cultivation_refresh_reserve_years(keys jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO cultivation_reserve_year AS y (county_code, reserve_id, year, org_code, village_quarters, township_quarters, training_days, talks)
  SELECT r.county_code, k.reserve_id, k.year, r.org_code,
    coalesce((SELECT bit_or(1 << (a.quarter - 1)) FROM assessment a WHERE a.county_code = r.county_code AND a.reserve_id = k.reserve_id AND a.year = k.year AND a.kind = 'quarterly' AND a.assessor = 'village'), 0),
    coalesce((SELECT bit_or(1 << (a.quarter - 1)) FROM assessment a WHERE a.county_code = r.county_code AND a.reserve_id = k.reserve_id AND a.year = k.year AND a.kind = 'quarterly' AND a.assessor = 'township'), 0),
    coalesce((SELECT sum(t.days_attended) FROM training_attendance t
      WHERE t.county_code = r.county_code AND t.reserve_id = k.reserve_id AND t.attended AND t.end_date >= make_date(k.year, 1, 1) AND t.end_date < make_date(k.year + 1, 1, 1)), 0),
    (SELECT count(*) FROM annual_talk a WHERE a.county_code = r.county_code AND a.reserve_id = k.reserve_id AND a.talked_on >= make_date(k.year, 1, 1) AND a.talked_on < make_date(k.year + 1, 1, 1))
  FROM (SELECT DISTINCT (e ->> 'r')::uuid AS reserve_id, (e ->> 'y')::int AS year FROM jsonb_array_elements(keys) e) k
  JOIN reserve r ON r.id = k.reserve_id
  ON CONFLICT (county_code, reserve_id, year) DO UPDATE SET village_quarters = excluded.village_quarters, township_quarters = excluded.township_quarters,
    training_days = excluded.training_days, talks = excluded.talks;
$$;

CREATE OR REPLACE FUNCTION cultivation_refresh_reserve_training(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM cultivation_reserve_training WHERE reserve_id = ANY (ids);
  INSERT INTO cultivation_reserve_training (county_code, reserve_id, sessions)
  SELECT a.county_code, a.reserve_id, string_agg(a.end_date::text || '|' || a.method || '|' || a.days_attended::text, ',' ORDER BY a.end_date, a.method)
  FROM training_attendance a WHERE a.reserve_id = ANY (ids) AND a.attended
  GROUP BY a.county_code, a.reserve_id;
$$;

-- 4. Ordering ids from a sequence rather than an identity column (Citus alters no table with an
-- identity column; on Citus each node draws from its own range of the sequence).
ALTER TABLE reserve_status_change ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE reserve_status_change_id_seq OWNED BY reserve_status_change.id;
SELECT setval('reserve_status_change_id_seq', COALESCE((SELECT max(id) FROM reserve_status_change), 0) + 1, false);
ALTER TABLE reserve_status_change ALTER COLUMN id SET DEFAULT nextval('reserve_status_change_id_seq');
ALTER TABLE selection_step ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE selection_step_id_seq OWNED BY selection_step.id;
SELECT setval('selection_step_id_seq', COALESCE((SELECT max(id) FROM selection_step), 0) + 1, false);
ALTER TABLE selection_step ALTER COLUMN id SET DEFAULT nextval('selection_step_id_seq');

-- The unique keys of the county tables begin with county_code too (0014, 0017): a lookup by the
-- old key's columns without the county (a person's reserves in the roster's name order, a
-- candidate's reviews, a reserve's open removal) no longer found an index. 0020 gave the primary
-- keys theirs; these are the unique keys'. Uniqueness stays with the keys that include the county.

CREATE INDEX reserve_person_idx ON reserve (person_id, org_code);
CREATE INDEX talent_ledger_entry_person_idx ON talent_ledger_entry (person_id, org_code);
CREATE INDEX selection_candidate_active_person_idx ON selection_candidate (person_id, org_code) WHERE outcome = 'inProgress';
CREATE INDEX appointment_open_reserve_lookup_idx ON appointment (reserve_id) WHERE outcome = 'inProgress';
CREATE INDEX reserve_removal_open_lookup_idx ON reserve_removal (reserve_id) WHERE status = 'proposed';
CREATE INDEX party_joining_step_reserve_idx ON party_joining_step (reserve_id, stage);
CREATE INDEX training_attendance_session_idx ON training_attendance (session_id, reserve_id);
CREATE INDEX mentoring_summary_assignment_idx ON mentoring_summary (assignment_id, year, quarter);
CREATE INDEX eligibility_exception_candidate_idx ON eligibility_exception (candidate_id, rule);
CREATE INDEX joint_review_candidate_idx ON joint_review (candidate_id, department);
CREATE INDEX secretary_review_member_idx ON secretary_review (member_id, period);
CREATE INDEX election_plan_unit_idx ON election_plan (org_code, term_year);
CREATE INDEX campaign_milestone_campaign_idx ON campaign_milestone (campaign_id, code);

-- A secretary's discipline records, found by the secretary within the county (as review and training are).
CREATE INDEX secretary_discipline_member_idx ON secretary_discipline (county_code, member_id);

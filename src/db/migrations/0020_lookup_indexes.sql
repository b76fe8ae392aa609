-- The keys of the county tables begin with county_code (0014, 0017: the distribution key), so a
-- row looked up by its id alone (a reserve's page, each step of a procedure) or by its old key
-- without the county no longer found an index: PostgreSQL read the whole key index instead. Each
-- old key gets a plain index again; uniqueness stays with the keys that include the county.

CREATE INDEX annual_talk_id_idx ON annual_talk (id);
CREATE INDEX appointment_id_idx ON appointment (id);
CREATE INDEX appointment_objection_id_idx ON appointment_objection (id);
CREATE INDEX appointment_step_id_idx ON appointment_step (id);
CREATE INDEX assessment_id_idx ON assessment (id);
CREATE INDEX campaign_id_idx ON campaign (id);
CREATE INDEX campaign_milestone_id_idx ON campaign_milestone (id);
CREATE INDEX committee_member_id_idx ON committee_member (id);
CREATE INDEX election_candidate_id_idx ON election_candidate (id);
CREATE INDEX election_citizen_reporter_id_idx ON election_citizen_reporter (id);
CREATE INDEX election_objection_id_idx ON election_objection (id);
CREATE INDEX election_plan_id_idx ON election_plan (id);
CREATE INDEX election_risk_point_id_idx ON election_risk_point (id);
CREATE INDEX election_step_id_idx ON election_step (id);
CREATE INDEX election_violation_report_id_idx ON election_violation_report (id);
CREATE INDEX election_vote_id_idx ON election_vote (id);
CREATE INDEX eligibility_exception_id_idx ON eligibility_exception (id);
CREATE INDEX joint_review_id_idx ON joint_review (id);
CREATE INDEX mentor_contact_id_idx ON mentor_contact (id);
CREATE INDEX mentoring_assignment_id_idx ON mentoring_assignment (id);
CREATE INDEX mentoring_summary_id_idx ON mentoring_summary (id);
CREATE INDEX notice_objection_id_idx ON notice_objection (id);
CREATE INDEX observer_attendance_id_idx ON observer_attendance (id);
CREATE INDEX party_joining_step_id_idx ON party_joining_step (id);
CREATE INDEX post_vacancy_id_idx ON post_vacancy (id);
CREATE INDEX practice_record_id_idx ON practice_record (id);
CREATE INDEX public_notice_id_idx ON public_notice (id);
CREATE INDEX reserve_id_idx ON reserve (id);
CREATE INDEX reserve_removal_id_idx ON reserve_removal (id);
CREATE INDEX reserve_status_change_id_idx ON reserve_status_change (id);
CREATE INDEX secretary_discipline_id_idx ON secretary_discipline (id);
CREATE INDEX secretary_review_id_idx ON secretary_review (id);
CREATE INDEX secretary_training_id_idx ON secretary_training (id);
CREATE INDEX selection_attachment_id_idx ON selection_attachment (id);
CREATE INDEX selection_candidate_id_idx ON selection_candidate (id);
CREATE INDEX selection_step_id_idx ON selection_step (id);
CREATE INDEX summary_table_filing_id_idx ON summary_table_filing (id);
CREATE INDEX talent_ledger_entry_id_idx ON talent_ledger_entry (id);
CREATE INDEX training_attendance_id_idx ON training_attendance (id);
CREATE INDEX village_election_id_idx ON village_election (id);
CREATE INDEX village_reserve_need_old_key_idx ON village_reserve_need (org_code);
CREATE INDEX talent_grid_rating_old_key_idx ON talent_grid_rating (reserve_id);
CREATE INDEX cultivation_assignment_year_old_key_idx ON cultivation_assignment_year (assignment_id, year);
CREATE INDEX cultivation_reserve_year_old_key_idx ON cultivation_reserve_year (reserve_id, year);
CREATE INDEX cultivation_reserve_training_old_key_idx ON cultivation_reserve_training (reserve_id);
CREATE INDEX village_profile_old_key_idx ON village_profile (org_code);
CREATE INDEX coverage_shortfall_old_key_idx ON coverage_shortfall (org_code, rule);
CREATE INDEX statistics_snapshot_old_key_idx ON statistics_snapshot (org_code, taken_on);
CREATE INDEX milestone_confirmation_old_key_idx ON milestone_confirmation (milestone_id, org_code);
CREATE INDEX village_coverage_old_key_idx ON village_coverage (org_code);

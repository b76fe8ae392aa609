-- The tables of migrations 0012 (the village 换届), 0013 (statistics snapshots, the filing of the
-- 汇总表, the campaign) and 0015 (the stored coverage of each village) keyed by county like the
-- county tables of 0014 (docs/DISTRIBUTION.md): each gets county_code, first in its primary key,
-- its unique keys and its keys to another of these tables, so that on Citus a county's rows lie in
-- one shard. county_code is the first six digits of the row's unit (a snapshot or a campaign of a
-- city or province takes the first six digits of its code); an election step and a campaign's
-- milestones and confirmations take their parent's. On one server the wider keys are as strict as
-- before. One ALTER TABLE per table and step.

-- 1. The keys among these tables set aside, and the column added.
ALTER TABLE election_plan ADD COLUMN county_code text;
ALTER TABLE village_election DROP CONSTRAINT village_election_plan_id_fkey, ADD COLUMN county_code text;
ALTER TABLE election_candidate DROP CONSTRAINT election_candidate_village_election_id_fkey, ADD COLUMN county_code text;
ALTER TABLE election_vote DROP CONSTRAINT election_vote_village_election_id_fkey, ADD COLUMN county_code text;
ALTER TABLE election_risk_point DROP CONSTRAINT election_risk_point_village_election_id_fkey, ADD COLUMN county_code text;
ALTER TABLE election_citizen_reporter DROP CONSTRAINT election_citizen_reporter_village_election_id_fkey, ADD COLUMN county_code text;
ALTER TABLE election_violation_report DROP CONSTRAINT election_violation_report_village_election_id_fkey, DROP CONSTRAINT election_violation_report_candidate_id_fkey, ADD COLUMN county_code text;
ALTER TABLE election_objection DROP CONSTRAINT election_objection_village_election_id_fkey, ADD COLUMN county_code text;
ALTER TABLE election_step DROP CONSTRAINT election_step_village_election_id_fkey, ADD COLUMN county_code text;
ALTER TABLE statistics_snapshot ADD COLUMN county_code text;
ALTER TABLE summary_table_filing ADD COLUMN county_code text;
ALTER TABLE campaign ADD COLUMN county_code text;
ALTER TABLE campaign_milestone DROP CONSTRAINT campaign_milestone_campaign_id_fkey, ADD COLUMN county_code text;
ALTER TABLE milestone_confirmation DROP CONSTRAINT milestone_confirmation_milestone_id_fkey, ADD COLUMN county_code text;
ALTER TABLE village_coverage ADD COLUMN county_code text;

-- 2. Parents first: the column filled, then the keys made again with county_code first.
UPDATE election_plan SET county_code = substr(org_code, 1, 6);
ALTER TABLE election_plan
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT election_plan_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT election_plan_pkey,
  ADD CONSTRAINT election_plan_pkey PRIMARY KEY (county_code, id),
  DROP CONSTRAINT election_plan_org_code_term_year_key,
  ADD CONSTRAINT election_plan_org_code_term_year_key UNIQUE (county_code, org_code, term_year);
UPDATE village_election SET county_code = substr(org_code, 1, 6);
ALTER TABLE village_election
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT village_election_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT village_election_pkey,
  ADD CONSTRAINT village_election_pkey PRIMARY KEY (county_code, id),
  DROP CONSTRAINT village_election_org_code_term_year_key,
  ADD CONSTRAINT village_election_org_code_term_year_key UNIQUE (county_code, org_code, term_year),
  ADD CONSTRAINT village_election_plan_id_fkey FOREIGN KEY (county_code, plan_id) REFERENCES election_plan (county_code, id);
UPDATE election_candidate SET county_code = substr(org_code, 1, 6);
ALTER TABLE election_candidate
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT election_candidate_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT election_candidate_pkey,
  ADD CONSTRAINT election_candidate_pkey PRIMARY KEY (county_code, id),
  DROP CONSTRAINT election_candidate_village_election_id_committee_person_id_key,
  ADD CONSTRAINT election_candidate_village_election_id_committee_person_id_key UNIQUE (county_code, village_election_id, committee, person_id),
  ADD CONSTRAINT election_candidate_village_election_id_fkey FOREIGN KEY (county_code, village_election_id) REFERENCES village_election (county_code, id);
UPDATE election_vote SET county_code = substr(org_code, 1, 6);
ALTER TABLE election_vote
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT election_vote_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT election_vote_pkey,
  ADD CONSTRAINT election_vote_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT election_vote_village_election_id_fkey FOREIGN KEY (county_code, village_election_id) REFERENCES village_election (county_code, id);
UPDATE election_risk_point SET county_code = substr(org_code, 1, 6);
ALTER TABLE election_risk_point
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT election_risk_point_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT election_risk_point_pkey,
  ADD CONSTRAINT election_risk_point_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT election_risk_point_village_election_id_fkey FOREIGN KEY (county_code, village_election_id) REFERENCES village_election (county_code, id);
UPDATE election_citizen_reporter SET county_code = substr(org_code, 1, 6);
ALTER TABLE election_citizen_reporter
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT election_citizen_reporter_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT election_citizen_reporter_pkey,
  ADD CONSTRAINT election_citizen_reporter_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT election_citizen_reporter_village_election_id_fkey FOREIGN KEY (county_code, village_election_id) REFERENCES village_election (county_code, id);
UPDATE election_violation_report SET county_code = substr(org_code, 1, 6);
ALTER TABLE election_violation_report
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT election_violation_report_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT election_violation_report_pkey,
  ADD CONSTRAINT election_violation_report_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT election_violation_report_village_election_id_fkey FOREIGN KEY (county_code, village_election_id) REFERENCES village_election (county_code, id),
  ADD CONSTRAINT election_violation_report_candidate_id_fkey FOREIGN KEY (county_code, candidate_id) REFERENCES election_candidate (county_code, id);
UPDATE election_objection SET county_code = substr(org_code, 1, 6);
ALTER TABLE election_objection
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT election_objection_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT election_objection_pkey,
  ADD CONSTRAINT election_objection_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT election_objection_village_election_id_fkey FOREIGN KEY (county_code, village_election_id) REFERENCES village_election (county_code, id);
UPDATE election_step c SET county_code = p.county_code FROM village_election p WHERE p.id = c.village_election_id;
ALTER TABLE election_step
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT election_step_county_code_check CHECK (county_code ~ '^[0-9]{6}$'),
  DROP CONSTRAINT election_step_pkey,
  ADD CONSTRAINT election_step_pkey PRIMARY KEY (county_code, id),
  ADD CONSTRAINT election_step_village_election_id_fkey FOREIGN KEY (county_code, village_election_id) REFERENCES village_election (county_code, id);

UPDATE statistics_snapshot SET county_code = substr(org_code, 1, 6);
ALTER TABLE statistics_snapshot
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT statistics_snapshot_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT statistics_snapshot_pkey,
  ADD CONSTRAINT statistics_snapshot_pkey PRIMARY KEY (county_code, org_code, taken_on);
UPDATE summary_table_filing SET county_code = substr(org_code, 1, 6);
ALTER TABLE summary_table_filing
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT summary_table_filing_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT summary_table_filing_pkey,
  ADD CONSTRAINT summary_table_filing_pkey PRIMARY KEY (county_code, id),
  DROP CONSTRAINT summary_table_filing_org_code_year_key,
  ADD CONSTRAINT summary_table_filing_org_code_year_key UNIQUE (county_code, org_code, year);
UPDATE campaign SET county_code = substr(org_code, 1, 6);
ALTER TABLE campaign
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT campaign_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT campaign_pkey,
  ADD CONSTRAINT campaign_pkey PRIMARY KEY (county_code, id);
UPDATE campaign_milestone c SET county_code = p.county_code FROM campaign p WHERE p.id = c.campaign_id;
ALTER TABLE campaign_milestone
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT campaign_milestone_county_code_check CHECK (county_code ~ '^[0-9]{6}$'),
  DROP CONSTRAINT campaign_milestone_pkey,
  ADD CONSTRAINT campaign_milestone_pkey PRIMARY KEY (county_code, id),
  DROP CONSTRAINT campaign_milestone_campaign_id_code_key,
  ADD CONSTRAINT campaign_milestone_campaign_id_code_key UNIQUE (county_code, campaign_id, code),
  ADD CONSTRAINT campaign_milestone_campaign_id_fkey FOREIGN KEY (county_code, campaign_id) REFERENCES campaign (county_code, id) ON DELETE CASCADE;
UPDATE milestone_confirmation c SET county_code = p.county_code FROM campaign_milestone p WHERE p.id = c.milestone_id;
ALTER TABLE milestone_confirmation
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT milestone_confirmation_county_code_check CHECK (county_code ~ '^[0-9]{6}$'),
  DROP CONSTRAINT milestone_confirmation_pkey,
  ADD CONSTRAINT milestone_confirmation_pkey PRIMARY KEY (county_code, milestone_id, org_code),
  ADD CONSTRAINT milestone_confirmation_milestone_id_fkey FOREIGN KEY (county_code, milestone_id) REFERENCES campaign_milestone (county_code, id) ON DELETE CASCADE;

UPDATE village_coverage SET county_code = substr(org_code, 1, 6);
ALTER TABLE village_coverage
  ALTER COLUMN county_code SET NOT NULL,
  ADD CONSTRAINT village_coverage_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  DROP CONSTRAINT village_coverage_pkey,
  ADD CONSTRAINT village_coverage_pkey PRIMARY KEY (county_code, org_code);

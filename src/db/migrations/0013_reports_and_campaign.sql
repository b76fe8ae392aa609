-- Where a unit stands (SPEC section 6): statistics snapshots, the filing of the 汇总表, the
-- three-year campaign (行动方案) with its milestones and their confirmations by hand, and the
-- person file's birthplace (出生地) for the 纪实表 and the appointment form (.lrmx).

-- A unit's statistics as of a date (统计快照): taken monthly on the first and on demand.
CREATE TABLE statistics_snapshot (
  org_code  text NOT NULL REFERENCES org_unit (code),
  taken_on  date NOT NULL,
  figures   jsonb NOT NULL,
  taken_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_code, taken_on)
);
CREATE INDEX statistics_snapshot_subtree_idx ON statistics_snapshot (org_code text_pattern_ops, taken_on);

-- A township's (or the county's) 汇总表 filed with the higher organisation department, with the
-- totals as filed. Filing again the same year replaces the totals and moves the version on.
CREATE TABLE summary_table_filing (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_code    text NOT NULL REFERENCES org_unit (code),
  year        integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  filed_on    date NOT NULL,
  actor_name  text NOT NULL,
  totals      jsonb NOT NULL,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_code, year)
);
CREATE INDEX summary_table_filing_subtree_idx ON summary_table_filing (org_code text_pattern_ops, year);

-- A county's or township's three-year campaign, with the county's figures the secretaries'
-- education and age should reach.
CREATE TABLE campaign (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_code                  text NOT NULL REFERENCES org_unit (code),
  name                      text NOT NULL,
  start_year                integer NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
  started_on                date NOT NULL,
  mature_reserves_deadline  date NOT NULL,
  secretary_college_share   numeric(5, 1) CHECK (secretary_college_share BETWEEN 0 AND 100),
  secretary_average_age     numeric(4, 1) CHECK (secretary_average_age BETWEEN 18 AND 80),
  version                   integer NOT NULL DEFAULT 1,
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaign_subtree_idx ON campaign (org_code text_pattern_ops);

CREATE TABLE campaign_milestone (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id  uuid NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  code         text NOT NULL,
  label        text NOT NULL,
  applies_to   text NOT NULL CHECK (applies_to IN ('village', 'township')),
  rule         text NOT NULL CHECK (rule IN ('surveyWithMeeting', 'twoShortlisted', 'everyReserveMentored', 'summaryTableFiled', 'manual')),
  deadline     date NOT NULL,
  version      integer NOT NULL DEFAULT 1,
  UNIQUE (campaign_id, code)
);

-- A unit's milestone confirmed by hand, with its evidence.
CREATE TABLE milestone_confirmation (
  milestone_id  uuid NOT NULL REFERENCES campaign_milestone (id) ON DELETE CASCADE,
  org_code      text NOT NULL REFERENCES org_unit (code),
  confirmed_on  date NOT NULL,
  evidence      text NOT NULL,
  actor_name    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (milestone_id, org_code)
);

ALTER TABLE person ADD COLUMN birthplace text;

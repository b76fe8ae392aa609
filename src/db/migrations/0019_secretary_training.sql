-- Training of the sitting village Party secretaries (书记队伍, seed 003: 集中培训、党校培训、
-- 外出考察观摩、网络培训、以会代训), one row per course attended, kept beside their reviews and
-- discipline. A county's table (docs/DISTRIBUTION.md): county_code first in every key; its
-- foreign keys come after the table, so that a placed Citus cluster places it first.
CREATE TABLE secretary_training (
  county_code  text NOT NULL,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  member_id    uuid NOT NULL,
  org_code     text NOT NULL,
  started_on   date NOT NULL,
  days         real NOT NULL CHECK (days > 0 AND days <= 366 AND days * 2 = round(days * 2)),
  method       text NOT NULL CHECK (method IN ('centralised', 'partySchool', 'online', 'fieldVisit', 'meetingAsTraining')),
  course       text NOT NULL,
  organiser    text NOT NULL,
  recorded_by  text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT secretary_training_county_code_check CHECK (county_code = substr(org_code, 1, 6)),
  PRIMARY KEY (county_code, id)
);
ALTER TABLE secretary_training ADD CONSTRAINT secretary_training_org_code_fkey FOREIGN KEY (org_code) REFERENCES org_unit (code);
ALTER TABLE secretary_training ADD CONSTRAINT secretary_training_member_id_fkey FOREIGN KEY (county_code, member_id) REFERENCES committee_member (county_code, id);
CREATE INDEX secretary_training_member_idx ON secretary_training (county_code, member_id);

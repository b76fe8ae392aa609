-- The village 换届: a township's plan, each village's election of its Party organisation committee
-- and its villagers committee, their candidates and votes, discipline (risk points, citizen
-- reporters, violation reports) and the result (notice, objections, approval, filing).

-- A township's 换届 plan (实施方案): dates, the leading group, the standard seats.
CREATE TABLE election_plan (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_code                text NOT NULL REFERENCES org_unit (code),
  term_year               integer NOT NULL CHECK (term_year BETWEEN 1990 AND 2100),
  starts_on               date NOT NULL,
  ends_on                 date NOT NULL,
  leading_group           text NOT NULL,
  standard_party_seats    integer NOT NULL CHECK (standard_party_seats BETWEEN 3 AND 15),
  standard_villagers_seats integer NOT NULL CHECK (standard_villagers_seats BETWEEN 3 AND 7),
  created_by              text NOT NULL,
  version                 integer NOT NULL DEFAULT 1,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on),
  UNIQUE (org_code, term_year)
);

-- One village's 换届 within the plan. stage is where the village stands (see election-procedure.ts).
CREATE TABLE village_election (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id              uuid NOT NULL REFERENCES election_plan (id),
  org_code             text NOT NULL REFERENCES org_unit (code),
  term_year            integer NOT NULL,
  stage                text NOT NULL DEFAULT 'preparing'
                         CHECK (stage IN ('preparing', 'partyNomination', 'partyVote', 'villagersElection', 'resultNotice', 'filing', 'filed')),
  guidance_officer     text,
  responsibilities     jsonb NOT NULL DEFAULT '[]',
  secretary_mode       text NOT NULL DEFAULT 'committee' CHECK (secretary_mode IN ('committee', 'direct')),
  party_seats          integer CHECK (party_seats BETWEEN 1 AND 15),
  villagers_seats      integer CHECK (villagers_seats BETWEEN 3 AND 7),
  seats_basis          text,
  seats_approval       jsonb,
  candidates_approved_on date,
  voter_register       jsonb,
  election_committee   jsonb NOT NULL DEFAULT '[]',
  posts                jsonb NOT NULL DEFAULT '[]',
  notice               jsonb,
  approved_on          date,
  filed_on             date,
  composition          jsonb,
  handover             jsonb,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_code, term_year)
);
CREATE INDEX village_election_org_idx ON village_election (org_code text_pattern_ops);
CREATE INDEX village_election_plan_idx ON village_election (plan_id);

-- A candidate of one of the two committees, from recommendation to the result.
CREATE TABLE election_candidate (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  village_election_id     uuid NOT NULL REFERENCES village_election (id),
  org_code                text NOT NULL REFERENCES org_unit (code),
  committee               text NOT NULL CHECK (committee IN ('party', 'villagers')),
  person_id               uuid NOT NULL REFERENCES person (id),
  is_secretary_candidate  boolean NOT NULL DEFAULT false,
  is_continuing           boolean NOT NULL DEFAULT false,
  recommendations         jsonb NOT NULL,
  proposed_on             date NOT NULL,
  status                  text NOT NULL DEFAULT 'proposed'
                            CHECK (status IN ('proposed', 'qualified', 'notQualified', 'formal', 'disqualified', 'elected', 'notElected')),
  qualification           jsonb,
  sign_offs               jsonb NOT NULL DEFAULT '[]',
  talked_on               date,
  pledged_on              date,
  elected_post            text,
  version                 integer NOT NULL DEFAULT 1,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  UNIQUE (village_election_id, committee, person_id)
);
CREATE INDEX election_candidate_election_idx ON election_candidate (village_election_id);

-- A vote (the 党员大会, or the villagers' election day): the counts as entered and the tally.
CREATE TABLE election_vote (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  village_election_id  uuid NOT NULL REFERENCES village_election (id),
  org_code             text NOT NULL REFERENCES org_unit (code),
  committee            text NOT NULL CHECK (committee IN ('party', 'villagers')),
  kind                 text NOT NULL CHECK (kind IN ('regular', 'further', 'runoff')),
  held_on              date NOT NULL,
  seats                integer NOT NULL CHECK (seats >= 1),
  counts               jsonb NOT NULL,
  tallies              jsonb NOT NULL,
  result               jsonb NOT NULL,
  recorded_by          text NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX election_vote_election_idx ON election_vote (village_election_id);

-- 风险点清单: what may disturb a village's election, the measures and who owns them.
CREATE TABLE election_risk_point (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  village_election_id  uuid NOT NULL REFERENCES village_election (id),
  org_code             text NOT NULL REFERENCES org_unit (code),
  kind                 text NOT NULL CHECK (kind IN ('clan', 'dispute', 'historical', 'other')),
  description          text NOT NULL,
  measures             text NOT NULL,
  owner                text NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX election_risk_point_election_idx ON election_risk_point (village_election_id);

-- 民情直报员: at least one per villager group.
CREATE TABLE election_citizen_reporter (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  village_election_id  uuid NOT NULL REFERENCES village_election (id),
  org_code             text NOT NULL REFERENCES org_unit (code),
  group_code           text NOT NULL REFERENCES org_unit (code),
  name                 text NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX election_citizen_reporter_election_idx ON election_citizen_reporter (village_election_id);

-- A report of a breach of election discipline (拉票贿选, 干扰破坏选举 …) and its verification.
CREATE TABLE election_violation_report (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  village_election_id  uuid NOT NULL REFERENCES village_election (id),
  org_code             text NOT NULL REFERENCES org_unit (code),
  candidate_id         uuid REFERENCES election_candidate (id),
  kind                 text NOT NULL CHECK (kind IN ('voteBuying', 'disruption', 'falsification', 'other')),
  received_on          date NOT NULL,
  content              text NOT NULL,
  verification         text,
  is_substantiated     boolean,
  handled_on           date,
  handled_by           text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((handled_on IS NULL) = (is_substantiated IS NULL))
);
CREATE INDEX election_violation_report_election_idx ON election_violation_report (village_election_id);

-- Objections to the voter register (within 5 days, decided within 3) and to the result notice.
CREATE TABLE election_objection (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  village_election_id  uuid NOT NULL REFERENCES village_election (id),
  org_code             text NOT NULL REFERENCES org_unit (code),
  kind                 text NOT NULL CHECK (kind IN ('register', 'result')),
  received_on          date NOT NULL,
  content              text NOT NULL,
  handling             text,
  is_upheld            boolean,
  handled_on           date,
  handled_by           text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((handled_on IS NULL) = (handling IS NULL))
);
CREATE INDEX election_objection_election_idx ON election_objection (village_election_id);

-- Every step of a village's 换届 with who and when (the page's history).
CREATE TABLE election_step (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  village_election_id  uuid NOT NULL REFERENCES village_election (id),
  action               text NOT NULL,
  occurred_on          date NOT NULL,
  actor_name           text NOT NULL,
  details              jsonb NOT NULL DEFAULT '{}',
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX election_step_election_idx ON election_step (village_election_id);

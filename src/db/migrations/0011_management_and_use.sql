-- Management and use (管、用): the village profile (村情), the 两委 roster with its vacancies,
-- removal from the pool, coverage shortfalls, appointment of reserves to posts, and the
-- secretaries' reviews and discipline.

-- The village profile: one row per village or community, created on first save.
CREATE TABLE village_profile (
  org_code                   text PRIMARY KEY REFERENCES org_unit (code),
  village_type               text,
  households                 integer CHECK (households >= 0),
  population                 integer CHECK (population >= 0),
  collective_income          numeric(14, 2) CHECK (collective_income >= 0),
  income_year                integer CHECK (income_year BETWEEN 1990 AND 2100),
  condition                  text,
  has_prominent_problems     boolean NOT NULL DEFAULT false,
  secretary_needs_adjustment boolean NOT NULL DEFAULT false,
  need_override              text CHECK (need_override IN ('mature', 'youngPotential')),
  need_override_reason       text,
  version                    integer NOT NULL DEFAULT 1,
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  CHECK ((need_override IS NULL) = (need_override_reason IS NULL))
);

-- The need the selection board kept until now becomes the profile's override, with its condition.
INSERT INTO village_profile (org_code, condition, need_override, need_override_reason)
SELECT n.org_code,
       CASE WHEN n.condition IN ('weakAndLax', 'ordinary', 'developingWell') THEN n.condition END,
       n.need, '由原选拔看板的设置迁入'
  FROM village_reserve_need n;

-- A member of a village's Party organisation committee, villagers committee or village affairs
-- supervision committee (两委 and 村务监督委员会) for one term.
CREATE TABLE committee_member (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_code      text NOT NULL REFERENCES org_unit (code),
  person_id     uuid NOT NULL REFERENCES person (id),
  committee     text NOT NULL CHECK (committee IN ('party', 'villagers', 'supervision')),
  post          text NOT NULL CHECK (post IN ('secretary', 'deputySecretary', 'director', 'deputyDirector', 'chair', 'member')),
  term_year     integer NOT NULL CHECK (term_year BETWEEN 1990 AND 2100),
  started_on    date NOT NULL,
  ended_on      date,
  leave_reason  text CHECK (leave_reason IN ('termEnded', 'resigned', 'adjusted', 'recalled', 'deceased', 'transferred')),
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((ended_on IS NULL) = (leave_reason IS NULL)),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX committee_member_org_idx ON committee_member (org_code text_pattern_ops) WHERE ended_on IS NULL;
CREATE INDEX committee_member_person_idx ON committee_member (person_id);

-- A post without its holder (届中出缺), or planned before an election; closed by an appointment.
CREATE TABLE post_vacancy (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_code         text NOT NULL REFERENCES org_unit (code),
  committee        text NOT NULL CHECK (committee IN ('party', 'villagers', 'supervision')),
  post             text NOT NULL CHECK (post IN ('secretary', 'deputySecretary', 'director', 'deputyDirector', 'chair', 'member')),
  opened_on        date NOT NULL,
  cause            text NOT NULL,
  left_member_id   uuid REFERENCES committee_member (id),
  closed_on        date,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX post_vacancy_open_idx ON post_vacancy (org_code text_pattern_ops) WHERE closed_on IS NULL;

-- The secretaries' semiannual report-and-review (述职评议 / 双述双评) and discipline records.
CREATE TABLE secretary_review (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id       uuid NOT NULL REFERENCES committee_member (id),
  org_code        text NOT NULL REFERENCES org_unit (code),
  period          text NOT NULL CHECK (period ~ '^[0-9]{4}-H[12]$'),
  reviewed_on     date NOT NULL,
  reviewers       text NOT NULL,
  good_count      integer NOT NULL CHECK (good_count >= 0),
  fairly_good_count integer NOT NULL CHECK (fairly_good_count >= 0),
  average_count   integer NOT NULL CHECK (average_count >= 0),
  poor_count      integer NOT NULL CHECK (poor_count >= 0),
  result          text NOT NULL CHECK (result IN ('good', 'fairlyGood', 'average', 'poor')),
  finding         text CHECK (finding IN ('incompetent', 'unqualified', 'notDiligent')),
  recorded_by     text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (member_id, period)
);

CREATE TABLE secretary_discipline (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id    uuid NOT NULL REFERENCES committee_member (id),
  org_code     text NOT NULL REFERENCES org_unit (code),
  decided_on   date NOT NULL,
  kind         text NOT NULL,
  description  text NOT NULL,
  recorded_by  text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- Removal of a reserve from the pool (取消资格): proposed by the village, decided by the township,
-- filed with the county.
CREATE TABLE reserve_removal (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reserve_id     uuid NOT NULL REFERENCES reserve (id),
  org_code       text NOT NULL REFERENCES org_unit (code),
  reason_code    text NOT NULL,
  reason_text    text NOT NULL,
  status         text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'refused', 'filed')),
  proposed_on    date NOT NULL,
  proposed_by    text NOT NULL,
  decided_on     date,
  decided_by     text,
  decision_note  text,
  filed_on       date,
  filed_by       text,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reserve_removal_org_idx ON reserve_removal (org_code text_pattern_ops);
CREATE UNIQUE INDEX reserve_removal_open_idx ON reserve_removal (reserve_id) WHERE status = 'proposed';

-- A village short of a coverage rule since a date (补充): present while the rule is not met.
CREATE TABLE coverage_shortfall (
  org_code     text NOT NULL REFERENCES org_unit (code),
  rule         text NOT NULL CHECK (rule IN ('minimumReserves', 'youngReserve', 'neededKind')),
  short_since  date NOT NULL,
  PRIMARY KEY (org_code, rule)
);

-- The appointment of a reserve to a post (择优使用), from the village's recommendation to the day it
-- takes effect. stage is the step that comes next.
CREATE TABLE appointment (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  vacancy_id          uuid REFERENCES post_vacancy (id),
  org_code            text NOT NULL REFERENCES org_unit (code),
  committee           text NOT NULL CHECK (committee IN ('party', 'villagers', 'supervision')),
  post                text NOT NULL CHECK (post IN ('secretary', 'deputySecretary', 'director', 'deputyDirector', 'chair', 'member')),
  reserve_id          uuid NOT NULL REFERENCES reserve (id),
  person_id           uuid NOT NULL REFERENCES person (id),
  home_org_code       text NOT NULL REFERENCES org_unit (code),
  stage               text NOT NULL CHECK (stage IN ('approval', 'filing', 'publicNotice', 'decision', 'effective')),
  outcome             text NOT NULL DEFAULT 'inProgress' CHECK (outcome IN ('inProgress', 'effective', 'refused', 'withdrawn')),
  term_year           integer NOT NULL CHECK (term_year BETWEEN 1990 AND 2100),
  notices             jsonb NOT NULL DEFAULT '[]',
  by_election         jsonb,
  effective_on        date,
  member_id           uuid REFERENCES committee_member (id),
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointment_org_idx ON appointment (org_code text_pattern_ops);
CREATE INDEX appointment_home_idx ON appointment (home_org_code text_pattern_ops);
CREATE UNIQUE INDEX appointment_open_reserve_idx ON appointment (reserve_id) WHERE outcome = 'inProgress';

CREATE TABLE appointment_step (
  id              bigserial PRIMARY KEY,
  appointment_id  uuid NOT NULL REFERENCES appointment (id),
  action          text NOT NULL,
  occurred_on     date NOT NULL,
  actor_name      text NOT NULL,
  details         jsonb NOT NULL DEFAULT '{}',
  recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointment_step_idx ON appointment_step (appointment_id, id);

CREATE TABLE appointment_objection (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  appointment_id     uuid NOT NULL REFERENCES appointment (id),
  received_on        date NOT NULL,
  content            text NOT NULL,
  handling           text,
  is_substantiated   boolean,
  handled_on         date,
  handled_by         text,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointment_objection_idx ON appointment_objection (appointment_id);

-- The reasons for removal of seeds 001 and 002, and the neutral exits.
UPDATE dictionary_item SET label = '现实表现不好' WHERE dictionary = 'removalReason' AND code = 'poorPerformance' AND label = '现实表现较差';
UPDATE dictionary_item SET label = '群众公认度不高' WHERE dictionary = 'removalReason' AND code = 'lowRecognition' AND label = '群众认可度低';
UPDATE dictionary_item SET label = '长期外出' WHERE dictionary = 'removalReason' AND code = 'movedAway' AND label = '迁出或长期在外';
INSERT INTO dictionary_item (dictionary, code, label, sort_order) VALUES
  ('removalReason', 'poorSkill', '业务不精', 8),
  ('removalReason', 'poorResults', '成效不彰', 9),
  ('removalReason', 'ownRequest', '本人申请', 10),
  ('removalReason', 'overAge', '年龄超限', 11),
  ('removalReason', 'used', '已使用', 12),
  ('removalReason', 'deceased', '去世', 13)
ON CONFLICT (dictionary, code) DO NOTHING;
UPDATE dictionary_item SET sort_order = 99 WHERE dictionary = 'removalReason' AND code = 'other' AND sort_order = 7;

-- Selection (选): eligibility policies, the official calendar, and the 三推两选两公示 procedure
-- from nomination to filing, each step recorded with date, actor and evidence.

-- A jurisdiction's eligibility policy (资格条件), versioned: every save is a new row. A unit
-- without its own policy inherits the nearest ancestor's, and the built-in default above all.
CREATE TABLE eligibility_policy (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_code        text NOT NULL REFERENCES org_unit (code),
  version_number  integer NOT NULL CHECK (version_number >= 1),
  rules           jsonb NOT NULL,
  note            text NOT NULL,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_code, version_number)
);

-- An official year's schedule entered by the org department when the calendar package lacks it.
CREATE TABLE official_calendar_year (
  year               integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  holidays           jsonb NOT NULL,
  make_up_workdays   jsonb NOT NULL,
  note               text,
  entered_by         text NOT NULL,
  version            integer NOT NULL DEFAULT 1,
  updated_at         timestamptz NOT NULL DEFAULT now()
);

-- What kind of reserve a village needs (因村选人): a mature candidate ready to serve, or young potential.
CREATE TABLE village_reserve_need (
  org_code    text PRIMARY KEY REFERENCES org_unit (code),
  need        text NOT NULL CHECK (need IN ('mature', 'youngPotential')),
  condition   text,
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- A public notice (公示) of one township's candidates.
CREATE TABLE public_notice (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_code             text NOT NULL REFERENCES org_unit (code),
  starts_on            date NOT NULL,
  working_days         integer NOT NULL CHECK (working_days BETWEEN 1 AND 30),
  posting_day_counts   boolean NOT NULL,
  ends_on              date NOT NULL,
  objection_contact    text NOT NULL,
  notice_text          text NOT NULL,
  created_by           text NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX public_notice_org_idx ON public_notice (org_code text_pattern_ops);

-- A person going through the procedure for a village. stage is the step that comes next.
CREATE TABLE selection_candidate (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id           uuid NOT NULL REFERENCES person (id),
  org_code            text NOT NULL REFERENCES org_unit (code),
  stage               text NOT NULL CHECK (stage IN ('qualificationReview', 'democraticEvaluation', 'interview', 'shortlist',
                        'jointReview', 'publicNotice', 'filing', 'filed')),
  outcome             text NOT NULL DEFAULT 'inProgress' CHECK (outcome IN ('inProgress', 'rejected', 'withdrawn', 'filed')),
  channel             text NOT NULL CHECK (channel IN ('organization', 'masses', 'self')),
  profile             text NOT NULL CHECK (profile IN ('mature', 'youngPotential')),
  target_post         text NOT NULL,
  source_category     text NOT NULL,
  exclusions_found    jsonb NOT NULL DEFAULT '[]',
  evaluation          jsonb,
  public_notice_id    uuid REFERENCES public_notice (id),
  reserve_id          uuid REFERENCES reserve (id),
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX selection_candidate_org_idx ON selection_candidate (org_code text_pattern_ops, stage);
-- One procedure at a time for a person in a village.
CREATE UNIQUE INDEX selection_candidate_active_idx ON selection_candidate (person_id, org_code) WHERE outcome = 'inProgress';

-- Every step of a candidate's procedure, with the date it happened, who recorded it and the evidence.
CREATE TABLE selection_step (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  candidate_id   uuid NOT NULL REFERENCES selection_candidate (id) ON DELETE CASCADE,
  action         text NOT NULL,
  from_stage     text,
  to_stage       text,
  occurred_on    date NOT NULL,
  actor_name     text NOT NULL,
  details        jsonb NOT NULL DEFAULT '{}',
  recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX selection_step_candidate_idx ON selection_step (candidate_id, id);

-- A failed rule waived (破格): requested with a reason, approved or refused by the township.
CREATE TABLE eligibility_exception (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_id   uuid NOT NULL REFERENCES selection_candidate (id) ON DELETE CASCADE,
  rule           text NOT NULL,
  reason         text NOT NULL,
  status         text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'refused')),
  requested_by   text NOT NULL,
  decided_by     text,
  decision_note  text,
  decided_at     timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (candidate_id, rule)
);

-- A candidate sent to one department for joint review (联审). A concern blocks until resolved.
CREATE TABLE joint_review (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_id    uuid NOT NULL REFERENCES selection_candidate (id) ON DELETE CASCADE,
  department      text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'passed', 'concern', 'resolved')),
  comment         text,
  answered_by     text,
  answered_at     timestamptz,
  resolution      text,
  resolved_by     text,
  resolved_at     timestamptz,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (candidate_id, department)
);
CREATE INDEX joint_review_department_idx ON joint_review (department, status);

-- An objection received during a public notice, and how it was handled.
CREATE TABLE notice_objection (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  public_notice_id  uuid NOT NULL REFERENCES public_notice (id) ON DELETE CASCADE,
  candidate_id      uuid NOT NULL REFERENCES selection_candidate (id) ON DELETE CASCADE,
  received_on       date NOT NULL,
  content           text NOT NULL,
  handling          text,
  is_substantiated  boolean,
  handled_by        text,
  handled_at        timestamptz,
  recorded_by       text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notice_objection_candidate_idx ON notice_objection (candidate_id);

-- Evidence attached to a candidate's steps: scanned minutes, tally sheets, the posted notice.
CREATE TABLE selection_attachment (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_id   uuid NOT NULL REFERENCES selection_candidate (id) ON DELETE CASCADE,
  step_action    text,
  file_name      text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type   text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png',
                   'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
  size_bytes     integer NOT NULL,
  data           bytea NOT NULL,
  uploaded_by    text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX selection_attachment_candidate_idx ON selection_attachment (candidate_id, created_at);

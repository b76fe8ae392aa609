-- People (一人一档), talent ledgers (一村一册) and the reserve pool (一镇一库).
-- ID numbers and phones are stored only encrypted (AES-256-GCM), with a keyed hash for
-- uniqueness and lookup and the masked form for lists.

CREATE TABLE person (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  gender              text NOT NULL,
  ethnicity           text,
  birth_date          date NOT NULL,
  id_number_cipher    text NOT NULL,
  id_number_hash      text NOT NULL UNIQUE,
  id_number_masked    text NOT NULL,
  phone_cipher        text,
  phone_masked        text,
  native_place        text,
  political_status    text NOT NULL,
  party_join_date     date,
  education           text NOT NULL,
  school              text,
  major               text,
  health              text,
  occupation          text,
  specialties         text,
  work_start_date     date,
  present_position    text,
  is_living_away      boolean NOT NULL DEFAULT false,
  education_history   jsonb NOT NULL DEFAULT '[]',
  work_history        jsonb NOT NULL DEFAULT '[]',
  family_members      jsonb NOT NULL DEFAULT '[]',
  has_photo           boolean NOT NULL DEFAULT false,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_name_idx ON person (name text_pattern_ops);

CREATE TABLE person_photo (
  person_id     uuid PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
  content_type  text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
  data          bytea NOT NULL
);

-- A person surveyed in a village (一村一册). The same person in two villages is one person row.
CREATE TABLE talent_ledger_entry (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id        uuid NOT NULL REFERENCES person (id),
  org_code         text NOT NULL REFERENCES org_unit (code),
  source_category  text NOT NULL,
  is_away          boolean NOT NULL DEFAULT false,
  notes            text,
  surveyed_on      date NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, org_code)
);
CREATE INDEX talent_ledger_org_idx ON talent_ledger_entry (org_code text_pattern_ops);

-- A reserve (后备力量) of a village; status is driven by the selection procedure.
CREATE TABLE reserve (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id         uuid NOT NULL REFERENCES person (id),
  org_code          text NOT NULL REFERENCES org_unit (code),
  status            text NOT NULL CHECK (status IN ('candidate', 'admitted', 'removed', 'appointed')),
  target_post       text NOT NULL,
  readiness         text NOT NULL,
  source_category   text NOT NULL,
  mentor_name       text,
  mentor_post       text,
  notes             text,
  admitted_on       date,
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, org_code)
);
CREATE INDEX reserve_org_idx ON reserve (org_code text_pattern_ops, status);
CREATE INDEX reserve_person_idx ON reserve (person_id);

CREATE TABLE reserve_status_change (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reserve_id   uuid NOT NULL REFERENCES reserve (id) ON DELETE CASCADE,
  from_status  text,
  to_status    text NOT NULL,
  reason       text NOT NULL,
  actor_name   text NOT NULL,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reserve_status_change_reserve_idx ON reserve_status_change (reserve_id, id);

-- Organisation tree, users and roles, sessions, login throttling, audit log, dictionaries.

CREATE TABLE org_unit (
  code          text PRIMARY KEY CHECK (code ~ '^[0-9]{12}([0-9]{3})?$'),
  parent_code   text REFERENCES org_unit (code),
  level         text NOT NULL CHECK (level IN ('nation', 'province', 'city', 'county', 'township', 'village', 'community', 'villagerGroup')),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  full_name     text NOT NULL,
  sort_order    integer NOT NULL DEFAULT 0,
  child_count   integer NOT NULL DEFAULT 0,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
-- The root of the tree: an administrator bound here sees every unit.
INSERT INTO org_unit (code, parent_code, level, name, full_name) VALUES ('000000000000', NULL, 'nation', '全国', '全国');

CREATE INDEX org_unit_parent_idx ON org_unit (parent_code, sort_order, code);
CREATE INDEX org_unit_code_prefix_idx ON org_unit (code text_pattern_ops);
CREATE INDEX org_unit_name_idx ON org_unit (name text_pattern_ops);

CREATE TABLE app_user (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username              text NOT NULL UNIQUE CHECK (username ~ '^[a-zA-Z0-9_.-]{2,32}$'),
  display_name          text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
  org_code              text NOT NULL REFERENCES org_unit (code),
  password_hash         text NOT NULL,
  must_change_password  boolean NOT NULL DEFAULT true,
  is_disabled           boolean NOT NULL DEFAULT false,
  password_changed_at   timestamptz,
  last_login_at         timestamptz,
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX app_user_org_idx ON app_user (org_code text_pattern_ops);

CREATE TABLE user_role (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role        text NOT NULL CHECK (role IN ('administrator', 'orgDepartment', 'townshipCommittee', 'villageClerk', 'mentor', 'jointReviewDepartment', 'auditor')),
  org_code    text NOT NULL REFERENCES org_unit (code),
  department  text,
  UNIQUE (user_id, role, org_code)
);
CREATE INDEX user_role_user_idx ON user_role (user_id);

CREATE TABLE user_session (
  token_hash    text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  ip            text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- Failed logins are counted per username typed, whether or not such a user exists,
-- so that a locked account and an unknown name answer alike.
CREATE TABLE login_throttle (
  username      text PRIMARY KEY,
  failed_count  integer NOT NULL DEFAULT 0,
  locked_until  timestamptz,
  updated_at    timestamptz NOT NULL
);

CREATE TABLE login_event (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username  text NOT NULL,
  user_id   uuid,
  ip        text NOT NULL,
  outcome   text NOT NULL,
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_event_at_idx ON login_event (at DESC);

-- Hash-chained: hash = sha256(prev_hash + canonical JSON of the event). Ids are dense, so a
-- deleted event shows as a gap.
CREATE TABLE audit_event (
  id           bigint PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor_id     uuid,
  actor_name   text NOT NULL,
  ip           text NOT NULL,
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    text NOT NULL,
  org_code     text,
  summary      text NOT NULL,
  before       jsonb,
  after        jsonb,
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);
CREATE INDEX audit_event_org_idx ON audit_event (org_code text_pattern_ops, id DESC);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id);
CREATE INDEX audit_event_at_idx ON audit_event (at DESC);

CREATE TABLE dictionary_item (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dictionary  text NOT NULL,
  code        text NOT NULL CHECK (code ~ '^[a-zA-Z0-9_]{1,40}$'),
  label       text NOT NULL CHECK (length(label) BETWEEN 1 AND 50),
  sort_order  integer NOT NULL,
  is_enabled  boolean NOT NULL DEFAULT true,
  version     integer NOT NULL DEFAULT 1,
  UNIQUE (dictionary, code)
);

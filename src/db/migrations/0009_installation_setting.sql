-- Facts about the installation itself, one row each: the fingerprint of the master key that
-- encrypts ID numbers and phones (so that a start with another key is refused).
CREATE TABLE installation_setting (
  name        text PRIMARY KEY,
  value       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

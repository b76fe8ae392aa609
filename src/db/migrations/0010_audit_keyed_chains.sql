-- Keyed audit chains, one per county (its 6-digit code) and one named 'system' for the units
-- above counties. Each chain numbers its events densely (chain_seq) and links them with an
-- HMAC whose key is derived from the master key and never stored here. Events written before
-- this migration keep chain NULL: they stay one unkeyed SHA-256 chain by id, and every keyed
-- chain's first link is bound to that chain's head. Ids now come from a sequence (writers of
-- different chains no longer wait for each other, so ids may have gaps).
ALTER TABLE audit_event ADD COLUMN chain text;
ALTER TABLE audit_event ADD COLUMN chain_seq bigint;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_chain_seq_check CHECK ((chain IS NULL) = (chain_seq IS NULL));
CREATE SEQUENCE audit_event_id_seq OWNED BY audit_event.id;
SELECT setval('audit_event_id_seq', COALESCE((SELECT max(id) FROM audit_event), 0) + 1, false);
ALTER TABLE audit_event ALTER COLUMN id SET DEFAULT nextval('audit_event_id_seq');
CREATE UNIQUE INDEX audit_event_chain_seq_idx ON audit_event (chain, chain_seq) WHERE chain IS NOT NULL;

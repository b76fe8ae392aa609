-- The coverage of every village as last evaluated (补充): kept up to date by every change of the
-- village's reserves, need, reserves' people and policy, and read for units above a county, whose
-- figures would otherwise be counted over every reserve of a province at each view. A row holds
-- until valid_through (the day before a counted reserve ages out of the young or secretary age);
-- a row evaluated on another day than today's within that span still holds.
CREATE TABLE village_coverage (
  org_code            text PRIMARY KEY REFERENCES org_unit (code),
  township_code       text NOT NULL REFERENCES org_unit (code),
  reserves            integer NOT NULL,
  young               integer NOT NULL,
  mature              integer NOT NULL,
  potential           integer NOT NULL,
  successors          integer NOT NULL,
  need                text CHECK (need IN ('mature', 'youngPotential')),
  need_explanation    text NOT NULL,
  young_maximum_age   integer NOT NULL,
  short_rules         text[] NOT NULL,
  evaluated_on        date NOT NULL,
  valid_through       date,
  evaluated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX village_coverage_code_prefix_idx ON village_coverage (org_code text_pattern_ops);

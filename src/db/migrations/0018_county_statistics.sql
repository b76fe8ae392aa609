-- The counts of every county as last counted (县级统计): the dashboards of a city, a province and
-- the nation add up their counties' rows instead of counting every reserve of the subtree at each
-- view. The server counts again every county whose row is older than its refresh interval; a row
-- counted on an earlier day is counted again when it is read (ages and this year's and this
-- month's figures change with the date).
CREATE TABLE county_statistics (
  county_code  text PRIMARY KEY REFERENCES org_unit (code),
  counted_on   date NOT NULL,
  counted_at   timestamptz NOT NULL DEFAULT now(),
  -- UNIT_TOTALS of src/domain/statistics.ts: the additive counts behind the figures.
  totals       jsonb NOT NULL,
  -- Counts per code of each grouping of the charts, for the admitted reserves and the sitting secretaries.
  structure    jsonb NOT NULL
);
CREATE INDEX county_statistics_code_prefix_idx ON county_statistics (county_code text_pattern_ops);

-- The counties (or any level) of a subtree without reading the whole subtree's units.
CREATE INDEX org_unit_level_code_idx ON org_unit (level, code text_pattern_ops);

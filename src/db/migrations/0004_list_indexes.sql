-- Sorting people by name (the text_pattern_ops index serves LIKE, not ORDER BY).
CREATE INDEX person_name_sort_idx ON person (name, id);

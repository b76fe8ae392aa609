-- Cultivation records keep who entered them: the display name (recorded_by, rated_by), the user's
-- id, and whether the one who entered it is not the one whose record it is (代录): not the
-- assignment's mentor for contact logs and summaries, not a user of the assessing village or
-- township for opinions, not the talker for the secretary's talks. Practice and observer records
-- gain the same columns. Rows written before stored the username: it becomes the display name;
-- practice and observer rows take the author of the audit event that created them.
-- Written to be safe to run again over the same rows.
ALTER TABLE mentor_contact ADD COLUMN IF NOT EXISTS recorded_by_user_id uuid REFERENCES app_user (id), ADD COLUMN IF NOT EXISTS is_proxy boolean NOT NULL DEFAULT false;
ALTER TABLE mentoring_summary ADD COLUMN IF NOT EXISTS recorded_by_user_id uuid REFERENCES app_user (id), ADD COLUMN IF NOT EXISTS is_proxy boolean NOT NULL DEFAULT false;
ALTER TABLE annual_talk ADD COLUMN IF NOT EXISTS recorded_by_user_id uuid REFERENCES app_user (id), ADD COLUMN IF NOT EXISTS is_proxy boolean NOT NULL DEFAULT false;
ALTER TABLE assessment ADD COLUMN IF NOT EXISTS recorded_by_user_id uuid REFERENCES app_user (id), ADD COLUMN IF NOT EXISTS is_proxy boolean NOT NULL DEFAULT false;
ALTER TABLE practice_record ADD COLUMN IF NOT EXISTS recorded_by text, ADD COLUMN IF NOT EXISTS recorded_by_user_id uuid REFERENCES app_user (id);
ALTER TABLE observer_attendance ADD COLUMN IF NOT EXISTS recorded_by text, ADD COLUMN IF NOT EXISTS recorded_by_user_id uuid REFERENCES app_user (id);
ALTER TABLE talent_grid_rating ADD COLUMN IF NOT EXISTS rated_by_user_id uuid REFERENCES app_user (id);

UPDATE mentor_contact c SET recorded_by = u.display_name, recorded_by_user_id = u.id, is_proxy = m.mentor_user_id IS DISTINCT FROM u.id
FROM app_user u, mentoring_assignment m WHERE u.username = c.recorded_by AND m.id = c.assignment_id;

UPDATE mentoring_summary s SET recorded_by = u.display_name, recorded_by_user_id = u.id, is_proxy = m.mentor_user_id IS DISTINCT FROM u.id
FROM app_user u, mentoring_assignment m WHERE u.username = s.recorded_by AND m.id = s.assignment_id;

UPDATE annual_talk t SET recorded_by = u.display_name, recorded_by_user_id = u.id, is_proxy = u.display_name <> t.talker_name
FROM app_user u WHERE u.username = t.recorded_by;

-- The assessing unit: the reserve's village for the village's opinion, its township (the first
-- nine digits of the village code) for the township's.
UPDATE assessment a SET recorded_by = u.display_name, recorded_by_user_id = u.id,
  is_proxy = NOT EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id
    AND r.org_code = CASE WHEN a.assessor = 'village' THEN a.org_code ELSE substr(a.org_code, 1, 9) || '000' END)
FROM app_user u WHERE u.username = a.recorded_by;

UPDATE talent_grid_rating g SET rated_by = u.display_name, rated_by_user_id = u.id FROM app_user u WHERE u.username = g.rated_by;

UPDATE practice_record p SET recorded_by = coalesce(u.display_name, e.actor_name), recorded_by_user_id = u.id
FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
WHERE p.recorded_by IS NULL AND e.entity_type = 'practiceRecord' AND e.action = 'practice.create' AND e.entity_id = p.id::text;

UPDATE observer_attendance o SET recorded_by = coalesce(u.display_name, e.actor_name), recorded_by_user_id = u.id
FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
WHERE o.recorded_by IS NULL AND e.entity_type = 'observerAttendance' AND e.action = 'practice.observer' AND e.entity_id = o.id::text;

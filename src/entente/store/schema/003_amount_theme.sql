-- 003: an amount keeps the theme it belongs to (the nearest theme cue in its sentence).
ALTER TABLE amounts ADD COLUMN theme VARCHAR;

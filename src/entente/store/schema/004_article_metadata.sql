-- 004: what the source says about an article: outlet, author, publication time
-- (timezone-aware) and the language identified at ingest.
ALTER TABLE articles ADD COLUMN outlet VARCHAR;
ALTER TABLE articles ADD COLUMN author VARCHAR;
ALTER TABLE articles ADD COLUMN published_at TIMESTAMPTZ;
ALTER TABLE articles ADD COLUMN language VARCHAR;

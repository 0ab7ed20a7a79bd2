-- 005: stories (near-duplicate reports grouped) and incremental runs.
-- An article belongs to one story; its MinHash signature is kept so that the
-- near-duplicate library can be rebuilt when the store is opened again.
CREATE TABLE stories (
    story_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    signature BIGINT[] NOT NULL
);

-- The lexicon an article was last coded with: re-reading it with the same lexicon skips it.
ALTER TABLE articles ADD COLUMN lexicon_digest VARCHAR;

-- Every place an article was seen: the same text from two outlets is one article (its id
-- is the hash of its date and text) seen twice, and both outlets count as its sources.
CREATE TABLE sightings (
    article_id VARCHAR NOT NULL,
    outlet VARCHAR NOT NULL,
    origin VARCHAR NOT NULL,
    url VARCHAR
);

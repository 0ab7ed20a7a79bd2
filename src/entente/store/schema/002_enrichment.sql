-- 002: enrichment. Quotations keep their speaker's canonical name, the countries they are
-- about and their tone; sentences and articles their tone; events the place they happened
-- in, its themes and the tone of its sentence; and new tables hold places, time
-- references, themes and amounts.
ALTER TABLE quotes ADD COLUMN speaker_name VARCHAR;
ALTER TABLE quotes ADD COLUMN targets VARCHAR[];
ALTER TABLE quotes ADD COLUMN tone DOUBLE;
ALTER TABLE sentences ADD COLUMN tone DOUBLE;
ALTER TABLE articles ADD COLUMN tone DOUBLE;
ALTER TABLE events ADD COLUMN place_id VARCHAR;
ALTER TABLE events ADD COLUMN themes VARCHAR[];
ALTER TABLE events ADD COLUMN tone DOUBLE;

CREATE TABLE places (
    place_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    country VARCHAR NOT NULL,
    admin1 VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE,
    dateline BOOLEAN NOT NULL,
    rule VARCHAR NOT NULL
);

CREATE TABLE time_refs (
    article_id VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    date DATE NOT NULL,
    precision VARCHAR NOT NULL,
    rule VARCHAR NOT NULL
);

-- a theme of one sentence; the article's themes are in article_themes
CREATE TABLE themes (
    article_id VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    theme VARCHAR NOT NULL,
    score DOUBLE NOT NULL,
    rule VARCHAR NOT NULL
);

CREATE TABLE article_themes (
    article_id VARCHAR NOT NULL,
    theme VARCHAR NOT NULL,
    weight DOUBLE NOT NULL
);

CREATE TABLE amounts (
    amount_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    value DOUBLE NOT NULL,
    unit VARCHAR NOT NULL,
    event_id VARCHAR,
    rule VARCHAR NOT NULL
);

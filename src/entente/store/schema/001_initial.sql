-- 001: tables that mirror the records. Rows of an article are replaced as a whole
-- (keyed by article_id), so no table carries a time of writing except runs.
CREATE TABLE articles (
    article_id VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    origin VARCHAR,
    title VARCHAR,
    url VARCHAR,
    date DATE,
    dateline_place VARCHAR,
    dateline_country VARCHAR,
    text VARCHAR NOT NULL,
    n_sentences INTEGER,
    n_mentions INTEGER,
    n_quotes INTEGER,
    n_events INTEGER
);

CREATE TABLE sentences (
    article_id VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    paragraph INTEGER NOT NULL
);

CREATE TABLE mentions (
    mention_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    codes VARCHAR[],
    entity_ids VARCHAR[],
    rule VARCHAR NOT NULL
);

CREATE TABLE quotes (
    quote_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    speaker_text VARCHAR,
    speaker_code VARCHAR,
    speaker_entity VARCHAR,
    speaker_start INTEGER,
    speaker_end INTEGER,
    rule VARCHAR NOT NULL
);

CREATE TABLE events (
    event_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    date DATE,
    source_code VARCHAR NOT NULL,
    source_country VARCHAR,
    source_sector VARCHAR,
    source_entity VARCHAR,
    source_name VARCHAR,
    source_start INTEGER,
    source_end INTEGER,
    target_code VARCHAR NOT NULL,
    target_country VARCHAR,
    target_sector VARCHAR,
    target_entity VARCHAR,
    target_name VARCHAR,
    target_start INTEGER,
    target_end INTEGER,
    cameo VARCHAR NOT NULL,
    cameo_root VARCHAR NOT NULL,
    plover VARCHAR,
    goldstein DOUBLE NOT NULL,
    quad_class INTEGER NOT NULL,
    factuality VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    rule VARCHAR NOT NULL,
    quote_id VARCHAR
);

CREATE TABLE input_errors (
    source VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    run_id VARCHAR NOT NULL
);

CREATE TABLE runs (
    run_id VARCHAR NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    version VARCHAR NOT NULL,
    lexicon_digest VARCHAR NOT NULL,
    settings VARCHAR NOT NULL,
    n_inputs INTEGER,
    n_articles INTEGER,
    n_events INTEGER,
    n_failed INTEGER
);

// Schema migrations, applied in order inside one transaction each; PRAGMA user_version
// records how far a store has come. Never edit a released migration: add the next one.

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "articles, annotations, actors, events, quotes, full-text search",
    sql: `
      CREATE TABLE articles (
        id               INTEGER PRIMARY KEY,
        hash             TEXT NOT NULL UNIQUE,     -- sha256 of the text, whitespace-normalised: the article's identity
        external_id      TEXT,                     -- the id the input gave (JSONL id, feed guid, file name)
        date             TEXT,                     -- publication date YYYY-MM-DD
        title            TEXT,
        source           TEXT,                     -- agency or outlet: AP, Reuters, VOA
        url              TEXT,
        origin           TEXT,                     -- where it was read from
        dateline_place   TEXT,
        text             TEXT NOT NULL,
        pipeline_version TEXT NOT NULL,
        sentence_count   INTEGER NOT NULL,
        token_count      INTEGER NOT NULL,
        ingested_at      TEXT NOT NULL,
        extracted_at     TEXT NOT NULL
      );
      CREATE INDEX articles_date ON articles(date);
      CREATE INDEX articles_source ON articles(source);

      -- Stand-off annotations: one row per span of a layer (sentences, dateline, credit, entities, timexes, ...).
      CREATE TABLE annotations (
        id         INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        layer      TEXT NOT NULL,
        start      INTEGER NOT NULL,
        "end"      INTEGER NOT NULL,
        data       TEXT                           -- JSON: the annotation's fields and its provenance
      );
      CREATE INDEX annotations_article_layer ON annotations(article_id, layer, start);

      -- Dense layers stored whole: tokens as two Int32 arrays.
      CREATE TABLE layer_blobs (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        layer      TEXT NOT NULL,
        data       BLOB NOT NULL,
        PRIMARY KEY (article_id, layer)
      );

      -- One row per real-world actor across articles: the same name and country are the same actor.
      CREATE TABLE actors (
        id      INTEGER PRIMARY KEY,
        name    TEXT NOT NULL,
        country TEXT NOT NULL DEFAULT '',         -- ISO 3166-1 alpha-3 or CAMEO group code; '' when unknown
        type    TEXT,                             -- PERSON, ORG, GPE, NORP, ...
        role    TEXT,                             -- latest office stated: "Secretary of Homeland Security"
        sector  TEXT,                             -- CAMEO agent code: GOV, MIL, COP, ...
        code    TEXT,                             -- CAMEO actor code: USAGOV
        aliases TEXT NOT NULL DEFAULT '[]',       -- JSON array of every name it was called
        UNIQUE (name, country)
      );
      CREATE INDEX actors_name ON actors(name COLLATE NOCASE);

      -- Which actors each article mentions, and how often.
      CREATE TABLE article_actors (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        actor_id   INTEGER NOT NULL REFERENCES actors(id),
        mentions   INTEGER NOT NULL,
        role       TEXT,
        PRIMARY KEY (article_id, actor_id)
      );
      CREATE INDEX article_actors_actor ON article_actors(actor_id);

      -- One row per event (source, target, code, day, status), however many articles report it.
      CREATE TABLE events (
        id              INTEGER PRIMARY KEY,
        source_actor_id INTEGER NOT NULL DEFAULT 0,  -- 0: no actor (never NULL, so UNIQUE holds)
        target_actor_id INTEGER NOT NULL DEFAULT 0,
        source_code     TEXT,                         -- CAMEO actor codes: USAGOV, COLGOV
        target_code     TEXT,
        cameo           TEXT NOT NULL,
        goldstein       REAL,
        plover          TEXT,
        plover_mode     TEXT,
        date            TEXT NOT NULL DEFAULT '',     -- TIMEX3 value; '' when undated
        status          TEXT NOT NULL,
        location        TEXT,                         -- country code
        place           TEXT,                         -- city or place name
        lat             REAL,
        lon             REAL,
        UNIQUE (source_actor_id, target_actor_id, cameo, date, status)
      );
      CREATE INDEX events_date ON events(date);
      CREATE INDEX events_source ON events(source_actor_id);
      CREATE INDEX events_target ON events(target_actor_id);
      CREATE INDEX events_cameo ON events(cameo);

      -- Every article and span that reports an event (GDELT's mentions, without duplicates).
      CREATE TABLE event_mentions (
        event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start      INTEGER NOT NULL,
        "end"      INTEGER NOT NULL,
        trigger_start INTEGER,
        trigger_end   INTEGER,
        rule       TEXT,
        PRIMARY KEY (event_id, article_id, start)
      );
      CREATE INDEX event_mentions_article ON event_mentions(article_id);

      CREATE TABLE quotes (
        id               INTEGER PRIMARY KEY,
        article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start            INTEGER NOT NULL,
        "end"            INTEGER NOT NULL,
        speaker_actor_id INTEGER REFERENCES actors(id),
        speaker_name     TEXT,
        speaker_start    INTEGER,
        speaker_end      INTEGER,
        rule             TEXT
      );
      CREATE INDEX quotes_article ON quotes(article_id);
      CREATE INDEX quotes_speaker ON quotes(speaker_actor_id);

      CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
    `,
  },
];

// Articles in the store: identity by content hash, one transaction per article, and
// re-extraction when the pipeline version changed since the article was stored.
import { createHash } from "node:crypto";
import type { Annotation, Doc, Layers, TokenLayer } from "../model/document.js";
import { statement, type Db } from "./database.js";
import { actorsOfArticle, removeOrphanActors, removeOrphanEvents, writeActors, writeEvents, writeQuotes } from "./facts.js";

export type SaveOutcome = "stored" | "updated" | "duplicate";

/** The article's identity: the same words are the same article, however they were spaced or wrapped. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text.normalize("NFC").replace(/\s+/g, " ").trim()).digest("hex");
}

export interface StoredVersion {
  readonly id: number;
  readonly pipelineVersion: string;
}

export function findByHash(db: Db, hash: string): StoredVersion | null {
  const row = statement(db, "SELECT id, pipeline_version AS pipelineVersion FROM articles WHERE hash = ?").get(hash) as StoredVersion | undefined;
  return row ?? null;
}

function isTokenLayer(value: unknown): value is TokenLayer {
  return typeof value === "object" && value !== null && (value as TokenLayer).starts instanceof Int32Array;
}

function isAnnotation(value: unknown): value is Annotation {
  return typeof value === "object" && value !== null && typeof (value as Annotation).start === "number" && typeof (value as Annotation).end === "number";
}

/** Layer name -> the name its rows get in the annotations table ("sentences" -> "sentence"). */
export function rowLayerName(layer: string): string {
  // "timexes" -> "timex", not "timexe".
  if (layer.endsWith("xes")) return layer.slice(0, -2);
  return layer.endsWith("ies") ? `${layer.slice(0, -3)}y` : layer.endsWith("s") && layer !== "body" ? layer.slice(0, -1) : layer;
}

export interface SaveResult {
  readonly outcome: SaveOutcome;
  readonly articleId: number;
}

/**
 * Store a document extracted by `pipelineVersion`. Everything for one article is written in one
 * transaction: a crash leaves either the whole article or none of it.
 */
export function saveDoc(db: Db, doc: Doc, hash: string, pipelineVersion: string): SaveResult {
  const write = db.transaction((): SaveResult => {
    const existing = findByHash(db, hash);
    if (existing && existing.pipelineVersion === pipelineVersion) return { outcome: "duplicate", articleId: existing.id };
    const now = new Date().toISOString();
    const fields = {
      hash,
      external_id: doc.meta.id,
      date: doc.meta.date,
      title: doc.meta.title,
      source: doc.meta.source,
      url: doc.meta.url,
      origin: doc.meta.origin,
      dateline_place: doc.layers.dateline?.place ?? null,
      text: doc.text,
      pipeline_version: pipelineVersion,
      sentence_count: doc.layers.sentences?.length ?? 0,
      token_count: doc.layers.tokens?.count ?? 0,
      now,
    };
    let articleId: number;
    let formerActors: number[] = [];
    if (existing) {
      articleId = existing.id;
      formerActors = actorsOfArticle(db, articleId);
      statement(db, 
        `UPDATE articles SET external_id=@external_id, date=COALESCE(@date, date), title=COALESCE(@title, title), source=COALESCE(@source, source),
           url=COALESCE(@url, url), origin=@origin, dateline_place=@dateline_place, text=@text, pipeline_version=@pipeline_version,
           sentence_count=@sentence_count, token_count=@token_count, extracted_at=@now WHERE id=@id`,
      ).run({ ...fields, id: articleId });
      statement(db, "DELETE FROM annotations WHERE article_id = ?").run(articleId);
      statement(db, "DELETE FROM layer_blobs WHERE article_id = ?").run(articleId);
      statement(db, "DELETE FROM event_mentions WHERE article_id = ?").run(articleId);
      statement(db, "DELETE FROM quotes WHERE article_id = ?").run(articleId);
      statement(db, "DELETE FROM article_actors WHERE article_id = ?").run(articleId);
      removeOrphanEvents(db);
    } else {
      articleId = Number(
        statement(db, 
            `INSERT INTO articles (hash, external_id, date, title, source, url, origin, dateline_place, text, pipeline_version, sentence_count, token_count, ingested_at, extracted_at)
             VALUES (@hash, @external_id, @date, @title, @source, @url, @origin, @dateline_place, @text, @pipeline_version, @sentence_count, @token_count, @now, @now)`,
          )
          .run(fields).lastInsertRowid,
      );
    }
    const actorIds = writeActors(db, articleId, doc);
    writeLayers(db, articleId, doc.layers, actorIds);
    writeEvents(db, articleId, doc, actorIds);
    writeQuotes(db, articleId, doc, actorIds);
    if (formerActors.length) removeOrphanActors(db, formerActors);
    return { outcome: existing ? "updated" : "stored", articleId };
  });
  // IMMEDIATE: take the write lock before reading, so two writers never both decide "not stored yet".
  return write.immediate();
}

function writeLayers(db: Db, articleId: number, layers: Layers, actorIds: ReadonlyMap<number, number>): void {
  const insert = statement(db, 'INSERT INTO annotations (article_id, layer, start, "end", data) VALUES (?, ?, ?, ?, ?)');
  for (const [name, value] of Object.entries(layers)) {
    if (value === null || value === undefined) continue;
    // Tokens are not stored (only their count): they take more room than the text, and the
    // tokenizer gives them back exactly from the text and the stored body span.
    if (isTokenLayer(value)) continue;
    const rows: readonly unknown[] = Array.isArray(value) ? value : [value];
    const layer = rowLayerName(name);
    for (const row of rows) {
      if (!isAnnotation(row)) continue;
      const { start, end, ...data } = row as Annotation & Record<string, unknown>;
      // Mentions point at the article's actors by index; store the global actor id too.
      if (typeof data["actor"] === "number") data["actorId"] = actorIds.get(data["actor"]) ?? null;
      insert.run(articleId, layer, start, end, JSON.stringify(data));
    }
  }
}

export interface ArticleRow {
  readonly id: number;
  readonly hash: string;
  readonly externalId: string | null;
  readonly date: string | null;
  readonly title: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly origin: string | null;
  readonly datelinePlace: string | null;
  readonly sentenceCount: number;
  readonly tokenCount: number;
  readonly pipelineVersion: string;
  readonly ingestedAt: string;
}

const ARTICLE_COLUMNS = `a.id, a.hash, a.external_id AS externalId, a.date, a.title, a.source, a.url, a.origin, a.dateline_place AS datelinePlace,
  a.sentence_count AS sentenceCount, a.token_count AS tokenCount, a.pipeline_version AS pipelineVersion, a.ingested_at AS ingestedAt`;

export interface ArticleFilter {
  /** Full-text search (FTS5 query syntax). */
  readonly q?: string | undefined;
  readonly source?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

export interface ArticleListRow extends ArticleRow {
  /** With a search: a snippet of the text around the match, matches in [brackets]. */
  readonly snippet?: string;
}

/** The FROM and WHERE of an article filter, shared by the list and its count. */
function articleFilterSql(filter: ArticleFilter): { from: string; where: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  let from = "articles a";
  if (filter.q) {
    from = "articles_fts f JOIN articles a ON a.id = f.rowid";
    where.push("articles_fts MATCH @q");
    params["q"] = toFtsQuery(filter.q);
  }
  if (filter.source) {
    where.push("a.source = @source");
    params["source"] = filter.source;
  }
  if (filter.from) {
    where.push("a.date >= @from");
    params["from"] = filter.from;
  }
  if (filter.to) {
    where.push("a.date <= @to");
    params["to"] = filter.to;
  }
  return { from, where: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
}

export function listArticles(db: Db, filter: ArticleFilter = {}): ArticleListRow[] {
  const { from, where, params } = articleFilterSql(filter);
  const snippet = filter.q ? ", snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet" : "";
  const order = filter.q ? "ORDER BY rank" : "ORDER BY a.date DESC, a.id DESC";
  const sql = `SELECT ${ARTICLE_COLUMNS}${snippet} FROM ${from} ${where} ${order} LIMIT @limit OFFSET @offset`;
  return statement(db, sql).all({ ...params, limit: filter.limit ?? 50, offset: filter.offset ?? 0 }) as ArticleListRow[];
}

/** How many articles match the filter, paging aside. */
export function countArticles(db: Db, filter: ArticleFilter = {}): number {
  const { from, where, params } = articleFilterSql(filter);
  return (statement(db, `SELECT count(*) AS n FROM ${from} ${where}`).get(params) as { n: number }).n;
}

/**
 * Users type words, not FTS5 syntax: quote each word so "U.S." or "Noem's" never raise a
 * syntax error. A query already using FTS5 operators (quotes, AND/OR/NOT, NEAR, *) passes as is.
 */
export function toFtsQuery(q: string): string {
  if (/["*]|\b(AND|OR|NOT|NEAR)\b/.test(q)) return q;
  return q
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `"${word.replace(/"/g, '""')}"`)
    .join(" ");
}

export interface StoredAnnotation {
  readonly layer: string;
  readonly start: number;
  readonly end: number;
  readonly [field: string]: unknown;
}

export interface ArticleWithLayers extends ArticleRow {
  readonly text: string;
  readonly annotations: readonly StoredAnnotation[];
}

export function getArticle(db: Db, id: number): ArticleWithLayers | null {
  const row = statement(db, `SELECT ${ARTICLE_COLUMNS}, a.text FROM articles a WHERE a.id = ?`).get(id) as (ArticleRow & { text: string }) | undefined;
  if (!row) return null;
  const annotations = (statement(db, 'SELECT layer, start, "end" AS "end", data FROM annotations WHERE article_id = ? ORDER BY start, layer').all(id) as { layer: string; start: number; end: number; data: string | null }[]).map(
    ({ layer, start, end, data }) => ({ layer, start, end, ...(data ? (JSON.parse(data) as Record<string, unknown>) : {}) }),
  );
  return { ...row, annotations };
}

export interface StoreCounts {
  readonly articles: number;
  readonly annotations: number;
  readonly actors: number;
  readonly events: number;
  readonly quotes: number;
}

export function storeCounts(db: Db): StoreCounts {
  const count = (table: string) => (statement(db, `SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { articles: count("articles"), annotations: count("annotations"), actors: count("actors"), events: count("events"), quotes: count("quotes") };
}

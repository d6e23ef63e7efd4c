// Articles for the API: a page of the list or a search, and one article with every layer the
// store holds for it, its events (linked to the event rows) and its quotes.
import type { Db } from "../store/database.js";
import { countArticles, getArticle, listArticles, type ArticleFilter } from "../store/articles.js";
import type { AnnotationRow, ArticleActor, ArticleDetail, ArticleEvent, ArticleListItem, ProvenanceInfo } from "./types.js";
import { listQuoteRows } from "./actorQueries.js";
import { BadRequest } from "./errors.js";

/** FTS5 rejects some queries a user can type ("Noem AND", an odd quote); that is a bad request, not a crash. */
function ftsGuard<T>(q: string | undefined, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const message = (error as Error).message;
    if (q && /fts5|syntax error|unterminated|no such column/i.test(message)) {
      throw new BadRequest(`q: "${q}" is not a search the index understands (${message}); use plain words, or balanced "quotes"`, "E_BAD_SEARCH");
    }
    throw error;
  }
}

export function listArticlePage(db: Db, filter: ArticleFilter & { limit: number; offset: number }): { items: ArticleListItem[]; total: number } {
  return ftsGuard(filter.q, () => {
    const items = listArticles(db, filter).map(
      ({ id, date, title, source, url, datelinePlace, sentenceCount, snippet }): ArticleListItem => ({ id, date, title, source, url, datelinePlace, sentenceCount, ...(snippet === undefined ? {} : { snippet }) }),
    );
    const total = countArticles(db, filter);
    return { items, total };
  });
}

export function getArticleDetail(db: Db, id: number): ArticleDetail | null {
  const article = getArticle(db, id);
  if (!article) return null;
  const annotations = article.annotations as readonly AnnotationRow[];
  const layers: Record<string, number> = {};
  for (const row of annotations) layers[row.layer] = (layers[row.layer] ?? 0) + 1;
  const eventRows = db
    .prepare(
      `SELECT m.event_id AS eventId, m.article_id AS articleId, a.title, a.date AS published, a.source AS outlet, m.start, m."end" AS "end",
              m.trigger_start AS triggerStart, m.trigger_end AS triggerEnd, m.rule,
              substr(a.text, m.start + 1, m."end" - m.start) AS evidence,
              CASE WHEN m.trigger_start IS NULL THEN NULL ELSE substr(a.text, m.trigger_start + 1, m.trigger_end - m.trigger_start) END AS trigger,
              e.cameo, e.plover, e.goldstein, e.status, NULLIF(e.date, '') AS date,
              s.name AS source, s.id AS sourceId, t.name AS target, t.id AS targetId
         FROM event_mentions m JOIN articles a ON a.id = m.article_id JOIN events e ON e.id = m.event_id
         LEFT JOIN actors s ON s.id = e.source_actor_id LEFT JOIN actors t ON t.id = e.target_actor_id
        WHERE m.article_id = ? ORDER BY m.start, m."end"`,
    )
    .all(id) as Omit<ArticleEvent, "provenance" | "sentence">[];
  const sentences = annotations.filter((row) => row.layer === "sentence");
  const eventAnnotations = annotations.filter((row) => row.layer === "event");
  const events = eventRows.map((event): ArticleEvent => {
    // The event layer row carries the full provenance (stage, rule, model); the mention keeps only its rule.
    const stored = eventAnnotations.find((row) => row.start === event.start && row.end === event.end && row["cameo"] === event.cameo);
    const sentence = sentences.find((s) => s.start <= event.start && s.end > event.start);
    return {
      ...event,
      provenance: (stored?.provenance as ProvenanceInfo | undefined) ?? null,
      sentence: sentence ? { start: sentence.start, end: sentence.end, text: article.text.slice(sentence.start, sentence.end) } : null,
    };
  });
  const actors = db
    .prepare(
      `SELECT ac.id, ac.name, ac.type, NULLIF(ac.country, '') AS country, aa.mentions, aa.role FROM article_actors aa JOIN actors ac ON ac.id = aa.actor_id
        WHERE aa.article_id = ? ORDER BY aa.mentions DESC, ac.name`,
    )
    .all(id) as ArticleActor[];
  return {
    id: article.id,
    date: article.date,
    title: article.title,
    source: article.source,
    url: article.url,
    origin: article.origin,
    datelinePlace: article.datelinePlace,
    pipelineVersion: article.pipelineVersion,
    text: article.text,
    tokenCount: article.tokenCount,
    annotations,
    layers,
    events,
    quotes: listQuoteRows(db, { article: id }, 1000, 0).items,
    actors,
  };
}

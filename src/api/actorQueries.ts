// Actors and quotes for the API: search, one actor with its aliases, roles, timeline and quotes.
import type { Db } from "../store/database.js";
import type { ActorArticle, ActorDetail, ActorRole, ActorRow, QuoteRow, TimelineEvent } from "./types.js";
import { listEventRows } from "./eventQueries.js";

export interface ActorFilter {
  readonly q?: string | undefined;
  readonly country?: string | undefined;
  readonly type?: string | undefined;
}

const ACTOR_COLUMNS = `a.id, a.name, a.type, NULLIF(a.country, '') AS country, a.role, a.sector, a.code, a.aliases,
  (SELECT count(*) FROM events e WHERE e.source_actor_id = a.id OR e.target_actor_id = a.id) AS events,
  (SELECT count(*) FROM article_actors aa WHERE aa.actor_id = a.id) AS articles,
  (SELECT count(*) FROM quotes q WHERE q.speaker_actor_id = a.id) AS quotes`;

type RawActor = Omit<ActorRow, "aliases"> & { aliases: string };
const parseActor = (row: RawActor): ActorRow => ({ ...row, aliases: JSON.parse(row.aliases) as string[] });

function actorWhere(filter: ActorFilter): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.q) {
    where.push("(instr(lower(a.name), lower(@q)) > 0 OR EXISTS (SELECT 1 FROM json_each(a.aliases) WHERE instr(lower(json_each.value), lower(@q)) > 0))");
    params["q"] = filter.q;
  }
  if (filter.country) {
    where.push("a.country = @country");
    params["country"] = filter.country;
  }
  if (filter.type) {
    where.push("a.type = @type");
    params["type"] = filter.type;
  }
  return { sql: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
}

export function searchActors(db: Db, filter: ActorFilter, limit: number, offset: number): { items: ActorRow[]; total: number } {
  const { sql, params } = actorWhere(filter);
  // Exact name first ("Noem" should not rank "Noem's aide" above Kristi Noem), then by activity.
  const rows = db
    .prepare(`SELECT ${ACTOR_COLUMNS} FROM actors a ${sql} ORDER BY (a.name = @exact COLLATE NOCASE) DESC, events DESC, articles DESC, a.name LIMIT @limit OFFSET @offset`)
    .all({ ...params, exact: filter.q ?? "", limit, offset }) as RawActor[];
  const total = (db.prepare(`SELECT count(*) AS n FROM actors a ${sql}`).get(params) as { n: number }).n;
  return { items: rows.map(parseActor), total };
}

/** The longest timeline one actor page draws. */
export const ACTOR_TIMELINE_MAX = 500;

export function getActor(db: Db, id: number): ActorDetail | null {
  const row = db.prepare(`SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.id = ?`).get(id) as RawActor | undefined;
  if (!row) return null;
  const actor = parseActor(row);
  const roles = db
    .prepare("SELECT role, count(*) AS articles FROM article_actors WHERE actor_id = ? AND role IS NOT NULL AND role <> '' GROUP BY role ORDER BY articles DESC, role")
    .all(id) as ActorRole[];
  const articleList = db
    .prepare(
      `SELECT ar.id, ar.title, ar.date, aa.mentions, aa.role FROM article_actors aa JOIN articles ar ON ar.id = aa.article_id
        WHERE aa.actor_id = ? ORDER BY ar.date DESC, ar.id DESC LIMIT 100`,
    )
    .all(id) as ActorArticle[];
  // Oldest first: a timeline reads left to right.
  const timeline = listEventRows(db, { actorId: id }, ACTOR_TIMELINE_MAX, 0, "date")
    .reverse()
    .map((event): TimelineEvent => ({ ...event, as: event.sourceId === id ? "source" : "target" }));
  return { ...actor, roles, articleList, timeline, quoteList: listQuoteRows(db, { actorId: id }, 100, 0).items };
}

export interface QuoteFilter {
  readonly speaker?: string | undefined;
  readonly actorId?: number | undefined;
  readonly article?: number | undefined;
  readonly q?: string | undefined;
}

export function listQuoteRows(db: Db, filter: QuoteFilter, limit: number, offset: number): { items: QuoteRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.speaker) {
    // By the name written near the quote, or by any alias of the actor it was resolved to.
    where.push(`(instr(lower(q.speaker_name), lower(@speaker)) > 0
      OR EXISTS (SELECT 1 FROM actors sa, json_each(sa.aliases) WHERE sa.id = q.speaker_actor_id AND instr(lower(json_each.value), lower(@speaker)) > 0))`);
    params["speaker"] = filter.speaker;
  }
  if (filter.actorId) {
    where.push("q.speaker_actor_id = @actorId");
    params["actorId"] = filter.actorId;
  }
  if (filter.article) {
    where.push("q.article_id = @article");
    params["article"] = filter.article;
  }
  if (filter.q) {
    where.push('instr(lower(substr(a.text, q.start + 1, q."end" - q.start)), lower(@q)) > 0');
    params["q"] = filter.q;
  }
  const sql = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const items = db
    .prepare(
      `SELECT q.id, q.article_id AS articleId, a.date, a.title, COALESCE(sa.name, q.speaker_name) AS speaker, q.speaker_actor_id AS speakerActorId,
              substr(a.text, q.start + 1, q."end" - q.start) AS quote, q.start, q."end" AS "end", q.rule
         FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors sa ON sa.id = q.speaker_actor_id
         ${sql} ORDER BY a.date DESC, q.article_id DESC, q.start LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit, offset }) as QuoteRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM quotes q JOIN articles a ON a.id = q.article_id ${sql}`).get(params) as { n: number }).n;
  return { items, total };
}

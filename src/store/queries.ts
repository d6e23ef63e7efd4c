// Read-side queries over events, actors and quotes, shared by the CLI and the HTTP API.
// The extraction layers that fill these tables come in later issues; the queries are real
// today and return what the store holds.
import type { Db } from "./database.js";

export interface EventFilter {
  readonly actor?: string | undefined;
  readonly country?: string | undefined;
  readonly code?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly status?: string | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

export function listEvents(db: Db, filter: EventFilter = {}): Record<string, unknown>[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filter.limit ?? 50, offset: filter.offset ?? 0 };
  if (filter.actor) {
    where.push("(s.name = @actor COLLATE NOCASE OR t.name = @actor COLLATE NOCASE OR s.aliases LIKE @actorLike OR t.aliases LIKE @actorLike)");
    params["actor"] = filter.actor;
    params["actorLike"] = `%${JSON.stringify(filter.actor)}%`;
  }
  if (filter.country) {
    where.push("(s.country = @country OR t.country = @country)");
    params["country"] = filter.country.toUpperCase();
  }
  if (filter.code) {
    where.push("e.cameo LIKE @code");
    params["code"] = `${filter.code}%`;
  }
  if (filter.from) {
    where.push("e.date >= @from");
    params["from"] = filter.from;
  }
  if (filter.to) {
    where.push("e.date <= @to");
    params["to"] = filter.to;
  }
  if (filter.status) {
    where.push("e.status = @status");
    params["status"] = filter.status;
  }
  return db
    .prepare(
      `SELECT e.id, NULLIF(e.date, '') AS date, e.cameo, e.goldstein, e.plover, e.plover_mode AS ploverMode, e.status,
              NULLIF(s.name, '') AS source, e.source_code AS sourceCode, NULLIF(t.name, '') AS target, e.target_code AS targetCode,
              e.location, e.place, e.lat, e.lon,
              (SELECT count(*) FROM event_mentions m WHERE m.event_id = e.id) AS mentions,
              (SELECT m.article_id FROM event_mentions m WHERE m.event_id = e.id ORDER BY m.article_id LIMIT 1) AS articleId,
              (SELECT substr(a.text, m.start + 1, m."end" - m.start) FROM event_mentions m JOIN articles a ON a.id = m.article_id
                WHERE m.event_id = e.id ORDER BY m.article_id LIMIT 1) AS evidence
         FROM events e LEFT JOIN actors s ON s.id = e.source_actor_id LEFT JOIN actors t ON t.id = e.target_actor_id
         ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
         ORDER BY e.date DESC, e.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all(params) as Record<string, unknown>[];
}

export function listActors(db: Db, filter: { readonly q?: string | undefined; readonly country?: string | undefined; readonly limit?: number | undefined; readonly offset?: number | undefined } = {}): Record<string, unknown>[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filter.limit ?? 50, offset: filter.offset ?? 0 };
  if (filter.q) {
    where.push("(a.name LIKE @q OR a.aliases LIKE @q)");
    params["q"] = `%${filter.q}%`;
  }
  if (filter.country) {
    where.push("a.country = @country");
    params["country"] = filter.country.toUpperCase();
  }
  return db
    .prepare(
      `SELECT a.id, a.name, a.type, a.country, a.role, a.sector, a.code, a.aliases,
              (SELECT count(*) FROM events e WHERE e.source_actor_id = a.id OR e.target_actor_id = a.id) AS events
         FROM actors a ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY events DESC, a.name LIMIT @limit OFFSET @offset`,
    )
    .all(params) as Record<string, unknown>[];
}

export function listQuotes(db: Db, filter: { readonly speaker?: string | undefined; readonly limit?: number | undefined; readonly offset?: number | undefined } = {}): Record<string, unknown>[] {
  const params: Record<string, unknown> = { limit: filter.limit ?? 50, offset: filter.offset ?? 0 };
  let where = "";
  if (filter.speaker) {
    where = "WHERE q.speaker_name LIKE @speaker";
    params["speaker"] = `%${filter.speaker}%`;
  }
  return db
    .prepare(
      `SELECT q.id, q.article_id AS articleId, a.date, q.speaker_name AS speaker, substr(a.text, q.start + 1, q."end" - q.start) AS quote, q.start, q."end"
         FROM quotes q JOIN articles a ON a.id = q.article_id ${where} ORDER BY a.date DESC, q.id LIMIT @limit OFFSET @offset`,
    )
    .all(params) as Record<string, unknown>[];
}

// Read-side queries over events for the API and the UI: one filter (actor, country, dyad, place,
// CAMEO code or root, PLOVER type, dates, status, text, article) shared by the list, the
// timeline, the map and the network, so the numbers on a chart and the rows behind it agree.
import type { Db } from "../store/database.js";
import type { EventFilterInput, Interval } from "./params.js";
import { coarserThan, periodOf, timexDay } from "./periods.js";
import type { EventDetail, EventMention, EventRow, PeriodBucket, SentenceSpan, Timeline } from "./types.js";

/** SQL functions the queries use; registering twice is harmless. */
export function registerSqlFunctions(db: Db): void {
  db.function("timex_day", { deterministic: true }, (value: unknown) => (typeof value === "string" ? (timexDay(value)?.day ?? null) : null));
}

export interface SqlWhere {
  readonly sql: string;
  readonly params: Record<string, unknown>;
}

/** The WHERE clause for a filter, over `events e` joined to `actors s` (source) and `actors t` (target). */
export function eventWhere(filter: EventFilterInput): SqlWhere {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.actor) {
    // Names and aliases both count: "Noem" finds Kristi Noem. Aliases are a JSON array of strings.
    where.push(`(s.name = @actor COLLATE NOCASE OR t.name = @actor COLLATE NOCASE
      OR EXISTS (SELECT 1 FROM json_each(s.aliases) WHERE json_each.value = @actor COLLATE NOCASE)
      OR EXISTS (SELECT 1 FROM json_each(t.aliases) WHERE json_each.value = @actor COLLATE NOCASE))`);
    params["actor"] = filter.actor;
  }
  if (filter.actorId) {
    where.push("(e.source_actor_id = @actorId OR e.target_actor_id = @actorId)");
    params["actorId"] = filter.actorId;
  }
  if (filter.country) {
    where.push("(s.country = @country OR t.country = @country)");
    params["country"] = filter.country;
  }
  if (filter.dyad) {
    const [a, b] = filter.dyad.split("-");
    where.push("((s.country = @dyadA AND t.country = @dyadB) OR (s.country = @dyadB AND t.country = @dyadA))");
    params["dyadA"] = a;
    params["dyadB"] = b;
  }
  if (filter.location) {
    where.push("e.location = @location");
    params["location"] = filter.location;
  }
  if (filter.place) {
    where.push("e.place = @place COLLATE NOCASE");
    params["place"] = filter.place;
  }
  if (filter.code) {
    where.push("e.cameo LIKE @code");
    params["code"] = `${filter.code}%`;
  }
  if (filter.root) {
    where.push("substr(e.cameo, 1, 2) = @root");
    params["root"] = filter.root;
  }
  if (filter.plover) {
    where.push("upper(e.plover) = @plover");
    params["plover"] = filter.plover;
  }
  if (filter.status) {
    where.push("e.status = @status");
    params["status"] = filter.status;
  }
  if (filter.from) {
    where.push("timex_day(e.date) >= @from");
    params["from"] = filter.from;
  }
  if (filter.to) {
    where.push("timex_day(e.date) <= @to");
    params["to"] = filter.to;
  }
  if (filter.q) {
    where.push(`(instr(lower(s.name), lower(@q)) > 0 OR instr(lower(t.name), lower(@q)) > 0
      OR EXISTS (SELECT 1 FROM event_mentions qm JOIN articles qa ON qa.id = qm.article_id
                  WHERE qm.event_id = e.id AND instr(lower(substr(qa.text, qm.start + 1, qm."end" - qm.start)), lower(@q)) > 0))`);
    params["q"] = filter.q;
  }
  if (filter.article) {
    where.push("EXISTS (SELECT 1 FROM event_mentions am WHERE am.event_id = e.id AND am.article_id = @article)");
    params["article"] = filter.article;
  }
  return { sql: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
}

const FROM = "FROM events e LEFT JOIN actors s ON s.id = e.source_actor_id LEFT JOIN actors t ON t.id = e.target_actor_id";

// The first report of each event (lowest article id, then earliest span) stands for it in lists.
const EVENT_COLUMNS = `e.id, NULLIF(e.date, '') AS date, timex_day(e.date) AS day, e.cameo, e.goldstein, e.plover, e.plover_mode AS ploverMode, e.status,
  s.id AS sourceId, s.name AS source, NULLIF(s.country, '') AS sourceCountry, e.source_code AS sourceCode,
  t.id AS targetId, t.name AS target, NULLIF(t.country, '') AS targetCountry, e.target_code AS targetCode,
  e.location, e.place, e.lat, e.lon,
  (SELECT count(*) FROM event_mentions m WHERE m.event_id = e.id) AS mentions,
  fm.article_id AS articleId, fm.start AS evidenceStart, fm."end" AS evidenceEnd, fm.rule,
  (SELECT substr(a.text, fm.start + 1, fm."end" - fm.start) FROM articles a WHERE a.id = fm.article_id) AS evidence`;
const FIRST_MENTION = `LEFT JOIN event_mentions fm ON fm.rowid = (SELECT m.rowid FROM event_mentions m WHERE m.event_id = e.id ORDER BY m.article_id, m.start LIMIT 1)`;

export type EventSort = "reported" | "date";

const BY_DATE = "(timex_day(e.date) IS NULL), timex_day(e.date) DESC, e.id DESC";
/**
 * "date": newest first by the day the event happened, undated last. "reported": newest report
 * first, then by date. "Latest events" means reported: sorted by date alone, a stray "2050"
 * ("the company pledged to be carbon-neutral by 2050") would head the list for ever.
 */
const ORDER: Readonly<Record<EventSort, string>> = {
  date: `ORDER BY ${BY_DATE}`,
  reported: `ORDER BY (SELECT max(ra.date) FROM event_mentions rm JOIN articles ra ON ra.id = rm.article_id WHERE rm.event_id = e.id) DESC, ${BY_DATE}`,
};

export function listEventRows(db: Db, filter: EventFilterInput, limit: number, offset: number, sort: EventSort = "reported"): EventRow[] {
  const { sql, params } = eventWhere(filter);
  return db.prepare(`SELECT ${EVENT_COLUMNS} ${FROM} ${FIRST_MENTION} ${sql} ${ORDER[sort]} LIMIT @limit OFFSET @offset`).all({ ...params, limit, offset }) as EventRow[];
}

export function countEvents(db: Db, filter: EventFilterInput): number {
  const { sql, params } = eventWhere(filter);
  return (db.prepare(`SELECT count(*) AS n ${FROM} ${sql}`).get(params) as { n: number }).n;
}

/** The sentence holding a span's start, from the article's sentence layer (null before that layer exists). */
function sentenceAt(db: Db, articleId: number, offset: number): SentenceSpan | null {
  const row = db
    .prepare(
      `SELECT n.start, n."end" AS "end", substr(a.text, n.start + 1, n."end" - n.start) AS text FROM annotations n JOIN articles a ON a.id = n.article_id
        WHERE n.article_id = ? AND n.layer = 'sentence' AND n.start <= ? AND n."end" > ? ORDER BY n.start DESC LIMIT 1`,
    )
    .get(articleId, offset, offset) as SentenceSpan | undefined;
  return row ?? null;
}

export function getEvent(db: Db, id: number): EventDetail | null {
  const row = db.prepare(`SELECT ${EVENT_COLUMNS} ${FROM} ${FIRST_MENTION} WHERE e.id = ?`).get(id) as EventRow | undefined;
  if (!row) return null;
  const mentions = (
    db
      .prepare(
        `SELECT m.article_id AS articleId, a.title, a.date AS published, a.source AS outlet, m.start, m."end" AS "end", m.trigger_start AS triggerStart, m.trigger_end AS triggerEnd, m.rule,
                substr(a.text, m.start + 1, m."end" - m.start) AS evidence,
                CASE WHEN m.trigger_start IS NULL THEN NULL ELSE substr(a.text, m.trigger_start + 1, m.trigger_end - m.trigger_start) END AS trigger,
                (SELECT n.data FROM annotations n WHERE n.article_id = m.article_id AND n.layer = 'event' AND n.start = m.start AND n."end" = m."end"
                    AND json_extract(n.data, '$.cameo') = e.cameo LIMIT 1) AS annotation
           FROM event_mentions m JOIN articles a ON a.id = m.article_id JOIN events e ON e.id = m.event_id
          WHERE m.event_id = ? ORDER BY a.date DESC, m.article_id, m.start LIMIT 200`,
      )
      .all(id) as (Omit<EventMention, "sentence" | "provenance"> & { annotation: string | null })[]
  ).map(({ annotation, ...mention }): EventMention => {
    const data = annotation ? (JSON.parse(annotation) as { provenance?: EventMention["provenance"] }) : null;
    return { ...mention, provenance: data?.provenance ?? null, sentence: sentenceAt(db, mention.articleId, mention.start) };
  });
  return { ...row, reports: mentions };
}

interface DatedRow {
  readonly date: string;
  readonly goldstein: number | null;
  readonly direction?: number;
}

/** Buckets of dated rows: count, mean Goldstein, and how many are dated more coarsely than the bucket. */
export function bucketize(rows: readonly DatedRow[], interval: Interval): { buckets: PeriodBucket[]; undated: number } {
  const buckets = new Map<string, { start: string; end: string; count: number; coarse: number; sum: number; scored: number; forward: number; backward: number }>();
  let undated = 0;
  for (const row of rows) {
    const when = timexDay(row.date);
    if (!when) {
      undated++;
      continue;
    }
    const { period, start, end } = periodOf(when.day, interval);
    const bucket = buckets.get(period) ?? { start, end, count: 0, coarse: 0, sum: 0, scored: 0, forward: 0, backward: 0 };
    bucket.count++;
    if (coarserThan(when.precision, interval)) bucket.coarse++;
    if (row.goldstein !== null) {
      bucket.sum += row.goldstein;
      bucket.scored++;
    }
    if (row.direction === 1) bucket.forward++;
    if (row.direction === -1) bucket.backward++;
    buckets.set(period, bucket);
  }
  const sorted = [...buckets.entries()].sort(([, x], [, y]) => (x.start < y.start ? -1 : 1));
  return {
    undated,
    buckets: sorted.map(([period, b]) => ({
      period,
      start: b.start,
      end: b.end,
      count: b.count,
      coarse: b.coarse,
      goldsteinMean: b.scored ? Math.round((b.sum / b.scored) * 100) / 100 : null,
      aToB: b.forward,
      bToA: b.backward,
    })),
  };
}

/** Event counts over time for a filter. Bounded: a timeline reads at most this many events. */
export const TIMELINE_MAX_EVENTS = 200_000;

export function eventTimeline(db: Db, filter: EventFilterInput, interval: Interval): Timeline {
  const { sql, params } = eventWhere(filter);
  const rows = db.prepare(`SELECT e.date, e.goldstein ${FROM} ${sql} LIMIT ${TIMELINE_MAX_EVENTS}`).all(params) as DatedRow[];
  const { buckets, undated } = bucketize(rows, interval);
  return { interval, total: rows.length, undated, buckets };
}

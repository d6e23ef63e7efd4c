// Aggregates over events: a dyad's relations over time, events per country, the actor
// network, and the values the filters can take. All of them take the events filter, so a
// click on any mark can list exactly the events behind it.
import type { Db } from "../store/database.js";
import type { EventFilterInput, Interval } from "./params.js";
import type { CountryCount, Facet, Facets, Network, NetworkLink, NetworkNode, PlaceCount, Relations } from "./types.js";
import { bucketize, eventWhere, TIMELINE_MAX_EVENTS } from "./eventQueries.js";
import { countryByCode } from "./countries.js";

const FROM = "FROM events e LEFT JOIN actors s ON s.id = e.source_actor_id LEFT JOIN actors t ON t.id = e.target_actor_id";

export function relations(db: Db, a: string, b: string, interval: Interval, range: { from?: string | undefined; to?: string | undefined }): Relations {
  const { sql, params } = eventWhere({ dyad: `${a}-${b}`, from: range.from, to: range.to });
  // direction: 1 when a acts on b, -1 when b acts on a (a country's own actors on both sides count once, as 1).
  const rows = db
    .prepare(`SELECT e.date, e.goldstein, CASE WHEN s.country = @dyadA THEN 1 ELSE -1 END AS direction ${FROM} ${sql} LIMIT ${TIMELINE_MAX_EVENTS}`)
    .all(params) as { date: string; goldstein: number | null; direction: number }[];
  const { buckets, undated } = bucketize(rows, interval);
  const scored = rows.filter((row) => row.goldstein !== null);
  const mean = scored.length ? Math.round((scored.reduce((sum, row) => sum + (row.goldstein as number), 0) / scored.length) * 100) / 100 : null;
  return { a, b, aName: countryByCode(a)?.name ?? null, bName: countryByCode(b)?.name ?? null, interval, total: rows.length, undated, goldsteinMean: mean, buckets };
}

/** Events per country: where they happened (located) and whose actors took part (involved). */
export function eventsByCountry(db: Db, filter: EventFilterInput): CountryCount[] {
  const { sql, params } = eventWhere(filter);
  const rows = db
    .prepare(
      `WITH picked AS (SELECT e.id, e.location, NULLIF(s.country, '') AS sc, NULLIF(t.country, '') AS tc ${FROM} ${sql})
       SELECT country, sum(located) AS located, sum(involved) AS involved FROM (
         SELECT location AS country, 1 AS located, 0 AS involved FROM picked WHERE location IS NOT NULL AND location <> ''
         UNION ALL SELECT sc, 0, 1 FROM picked WHERE sc IS NOT NULL
         UNION ALL SELECT tc, 0, 1 FROM picked WHERE tc IS NOT NULL AND (sc IS NULL OR tc <> sc)
       ) GROUP BY country ORDER BY involved DESC, located DESC, country`,
    )
    .all(params) as { country: string; located: number; involved: number }[];
  return rows.map((row) => {
    const country = countryByCode(row.country);
    return { ...row, name: country?.name ?? null, numeric: country?.numeric ?? null };
  });
}

/** Events per named place with coordinates (a city the text names), the busiest first: the map's points. */
export function eventsByPlace(db: Db, filter: EventFilterInput, limit: number): PlaceCount[] {
  const { sql, params } = eventWhere(filter);
  const located = `${sql ? `${sql} AND` : "WHERE"} e.lat IS NOT NULL AND e.lon IS NOT NULL AND e.place IS NOT NULL`;
  return db
    .prepare(
      `SELECT e.place AS place, NULLIF(e.location, '') AS country, e.lat AS lat, e.lon AS lon, count(*) AS events ${FROM} ${located}
       GROUP BY e.place, e.location, e.lat, e.lon ORDER BY events DESC, place LIMIT @limit`,
    )
    .all({ ...params, limit }) as PlaceCount[];
}

/** The most active actors and the events between them; links are undirected pairs. */
export function network(db: Db, filter: EventFilterInput, maxNodes: number): Network {
  const { sql, params } = eventWhere(filter);
  const pairs = db
    .prepare(
      `SELECT e.source_actor_id AS source, e.target_actor_id AS target, count(*) AS count, avg(e.goldstein) AS goldsteinMean ${FROM}
        ${sql ? `${sql} AND` : "WHERE"} e.source_actor_id <> 0 AND e.target_actor_id <> 0 AND e.source_actor_id <> e.target_actor_id
        GROUP BY e.source_actor_id, e.target_actor_id`,
    )
    .all(params) as NetworkLink[];
  const merged = new Map<string, { source: number; target: number; count: number; sum: number; scored: number }>();
  const degree = new Map<number, number>();
  for (const pair of pairs) {
    const [x, y] = pair.source < pair.target ? [pair.source, pair.target] : [pair.target, pair.source];
    const key = `${x}-${y}`;
    const link = merged.get(key) ?? { source: x, target: y, count: 0, sum: 0, scored: 0 };
    link.count += pair.count;
    if (pair.goldsteinMean !== null) {
      link.sum += pair.goldsteinMean * pair.count;
      link.scored += pair.count;
    }
    merged.set(key, link);
    degree.set(x, (degree.get(x) ?? 0) + pair.count);
    degree.set(y, (degree.get(y) ?? 0) + pair.count);
  }
  const keep = new Set([...degree.entries()].sort((p, q) => q[1] - p[1] || p[0] - q[0]).slice(0, maxNodes).map(([id]) => id));
  const ids = [...keep];
  const nodes: NetworkNode[] = ids.length
    ? (db
        .prepare(`SELECT id, name, NULLIF(country, '') AS country, type FROM actors WHERE id IN (${ids.map(() => "?").join(",")})`)
        .all(...ids) as Omit<NetworkNode, "events">[]).map((node) => ({ ...node, events: degree.get(node.id) ?? 0 }))
    : [];
  nodes.sort((p, q) => q.events - p.events || p.id - q.id);
  const links = [...merged.values()]
    .filter((link) => keep.has(link.source) && keep.has(link.target))
    .map(({ source, target, count, sum, scored }) => ({ source, target, count, goldsteinMean: scored ? Math.round((sum / scored) * 100) / 100 : null }));
  return { nodes, links };
}

export function facets(db: Db): Facets {
  const facet = (sql: string) => db.prepare(sql).all() as Facet[];
  return {
    plover: facet("SELECT plover AS value, count(*) AS count FROM events WHERE plover IS NOT NULL AND plover <> '' GROUP BY plover ORDER BY count DESC, value"),
    status: facet("SELECT status AS value, count(*) AS count FROM events GROUP BY status ORDER BY count DESC, value"),
    roots: facet("SELECT substr(cameo, 1, 2) AS value, count(*) AS count FROM events GROUP BY value ORDER BY value"),
    countries: facet(
      `SELECT country AS value, count(*) AS count FROM (
         SELECT s.country FROM events e JOIN actors s ON s.id = e.source_actor_id WHERE s.country <> ''
         UNION ALL SELECT t.country FROM events e JOIN actors t ON t.id = e.target_actor_id WHERE t.country <> '')
       GROUP BY country ORDER BY count DESC, value`,
    ),
  };
}

// Facts across articles: actors (one per name and country), events (one per source, target,
// code, day and status, with every article and span that reports it) and quotes.
// Called inside saveDoc's transaction, after the article's old facts were removed.
import type { Doc, EventActor } from "../model/document.js";
import { statement, type Db } from "./database.js";

/**
 * The stored actor an article's actor is: the one of the same name and country. A person the article could not give
 * a country to ("Donald Trump" alone) is first the one person of that name stored with a country, if there is exactly
 * one; and a person stored without a country takes the country an article now gives it. So one person is one actor
 * across articles, and re-extraction merges a person an older version stored twice.
 */
function storedActor(db: Db, name: string, country: string, person: boolean): { id: number; aliases: string } | undefined {
  type Row = { id: number; aliases: string };
  const exact = () => statement(db, "SELECT id, aliases FROM actors WHERE name = ? AND country = ?").get(name, country) as Row | undefined;
  if (!person) return exact();
  if (country === "") {
    const known = statement(db, "SELECT id, aliases FROM actors WHERE name = ? AND country <> '' AND type = 'PERSON' LIMIT 2").all(name) as Row[];
    return known.length === 1 ? known[0] : exact();
  }
  const found = exact();
  if (found) return found;
  const countryless = statement(db, "SELECT id, aliases FROM actors WHERE name = ? AND country = '' AND type = 'PERSON'").get(name) as Row | undefined;
  if (countryless) statement(db, "UPDATE actors SET country = ? WHERE id = ?").run(country, countryless.id);
  return countryless;
}

/** Upsert the article's actors; returns global actor ids by the document's actor index. */
export function writeActors(db: Db, articleId: number, doc: Doc): Map<number, number> {
  const ids = new Map<number, number>();
  const actors = doc.layers.actors ?? [];
  if (actors.length === 0) return ids;
  const insert = statement(db, "INSERT INTO actors (name, country, type, role, sector, code, aliases) VALUES (@name, @country, @type, @role, @sector, @code, @aliases)");
  const update = statement(db, "UPDATE actors SET aliases = @aliases, role = COALESCE(@role, role), sector = COALESCE(@sector, sector), code = COALESCE(@code, code), type = COALESCE(type, @type) WHERE id = @id");
  const link = statement(db, "INSERT OR REPLACE INTO article_actors (article_id, actor_id, mentions, role) VALUES (?, ?, ?, ?)");
  for (const actor of actors) {
    const country = actor.country ?? "";
    const row = storedActor(db, actor.name, country, actor.type === "PERSON");
    const fields = { name: actor.name, country, type: actor.type, role: actor.role, sector: actor.sector, code: actor.code };
    let id: number;
    if (row) {
      const aliases = new Set<string>(JSON.parse(row.aliases) as string[]);
      for (const alias of actor.aliases) aliases.add(alias);
      update.run({ ...fields, aliases: JSON.stringify([...aliases].sort()), id: row.id });
      id = row.id;
    } else {
      id = Number(insert.run({ ...fields, aliases: JSON.stringify([...new Set(actor.aliases)].sort()) }).lastInsertRowid);
    }
    ids.set(actor.index, id);
    link.run(articleId, id, actor.mentions.length, actor.role);
  }
  return ids;
}

/** An event's actor as a global actor id; an actor named only by country ("Colombia") becomes a country actor. */
function eventActorId(db: Db, ref: EventActor | null, actorIds: ReadonlyMap<number, number>): number {
  if (!ref) return 0;
  if (ref.actor !== null) {
    const id = actorIds.get(ref.actor);
    if (id !== undefined) return id;
  }
  const country = ref.country ?? "";
  const row = storedActor(db, ref.name, country, ref.person);
  if (row) return row.id;
  return Number(
    statement(db, "INSERT INTO actors (name, country, type, sector, code, aliases) VALUES (?, ?, ?, ?, ?, ?)").run(ref.name, country, ref.person ? "PERSON" : null, ref.sector, ref.code, JSON.stringify([ref.name])).lastInsertRowid,
  );
}

export function writeEvents(db: Db, articleId: number, doc: Doc, actorIds: ReadonlyMap<number, number>): void {
  const events = doc.layers.events ?? [];
  if (events.length === 0) return;
  const upsert = statement(db, 
    `INSERT INTO events (source_actor_id, target_actor_id, source_code, target_code, cameo, goldstein, plover, plover_mode, date, status, location, place, lat, lon)
     VALUES (@source, @target, @sourceCode, @targetCode, @cameo, @goldstein, @plover, @ploverMode, @date, @status, @location, @place, @lat, @lon)
     ON CONFLICT (source_actor_id, target_actor_id, cameo, date, status) DO UPDATE SET
       location = COALESCE(events.location, excluded.location), place = COALESCE(events.place, excluded.place),
       lat = COALESCE(events.lat, excluded.lat), lon = COALESCE(events.lon, excluded.lon)
     RETURNING id`,
  );
  const mention = statement(db, 'INSERT OR IGNORE INTO event_mentions (event_id, article_id, start, "end", trigger_start, trigger_end, rule) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const event of events) {
    const { id } = upsert.get({
      source: eventActorId(db, event.source, actorIds),
      target: eventActorId(db, event.target, actorIds),
      sourceCode: event.source?.code ?? null,
      targetCode: event.target?.code ?? null,
      cameo: event.cameo,
      goldstein: event.goldstein,
      plover: event.plover,
      ploverMode: event.ploverMode,
      date: event.date ?? "",
      status: event.status,
      location: event.location?.country ?? null,
      place: event.location?.name ?? null,
      lat: event.location?.lat ?? null,
      lon: event.location?.lon ?? null,
    }) as { id: number };
    mention.run(id, articleId, event.start, event.end, event.trigger.start, event.trigger.end, event.provenance.rule ?? event.provenance.model ?? event.provenance.stage);
  }
}

export function writeQuotes(db: Db, articleId: number, doc: Doc, actorIds: ReadonlyMap<number, number>): void {
  const quotes = doc.layers.quotes ?? [];
  const insert = statement(db, 'INSERT INTO quotes (article_id, start, "end", speaker_actor_id, speaker_name, speaker_start, speaker_end, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const quote of quotes) {
    const speaker = quote.speaker;
    const actorId = speaker?.actor != null ? (actorIds.get(speaker.actor) ?? null) : null;
    insert.run(articleId, quote.start, quote.end, actorId, speaker?.name ?? null, speaker?.start ?? null, speaker?.end ?? null, quote.provenance.rule ?? quote.provenance.stage);
  }
}

/** Events whose last report was removed (an article re-extracted differently) are no longer events. */
export function removeOrphanEvents(db: Db): void {
  statement(db, "DELETE FROM events WHERE NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = events.id)").run();
}

/** The actors an article's stored facts name: those that may be left without evidence when it is re-extracted. */
export function actorsOfArticle(db: Db, articleId: number): number[] {
  const rows = statement(db, 
    `SELECT actor_id AS id FROM article_actors WHERE article_id = @a
     UNION SELECT speaker_actor_id FROM quotes WHERE article_id = @a AND speaker_actor_id IS NOT NULL
     UNION SELECT e.source_actor_id FROM events e JOIN event_mentions m ON m.event_id = e.id WHERE m.article_id = @a
     UNION SELECT e.target_actor_id FROM events e JOIN event_mentions m ON m.event_id = e.id WHERE m.article_id = @a`,
  ).all({ a: articleId }) as { id: number }[];
  return rows.map((r) => r.id).filter((id) => id > 0);
}

/** No article, event or quote names the actor `actors.id`. */
const UNREFERENCED = `NOT EXISTS (SELECT 1 FROM article_actors WHERE actor_id = actors.id)
  AND NOT EXISTS (SELECT 1 FROM events WHERE source_actor_id = actors.id OR target_actor_id = actors.id)
  AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_actor_id = actors.id)`;

/**
 * Actors no article, event or quote names any more (an article re-extracted by a newer pipeline named them
 * otherwise): an actor with no evidence behind it is no actor. Only the given candidates are checked, so a
 * re-extraction costs the article's own actors, not the whole table.
 */
export function removeOrphanActors(db: Db, candidates: readonly number[]): void {
  const remove = statement(db, `DELETE FROM actors WHERE id = @id AND ${UNREFERENCED}`);
  for (const id of new Set(candidates)) remove.run({ id });
}

/** Every actor no article, event or quote names: leftovers of re-extractions by older versions, swept after an ingest. */
export function removeAllOrphanActors(db: Db): number {
  return statement(db, `DELETE FROM actors WHERE ${UNREFERENCED}`).run().changes;
}


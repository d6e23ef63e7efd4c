// Hand-built documents for the events stage's tests and its evaluation on gold layers: the text's own
// frame, sentences and tokens, with entities and timexes taken from a gold file (FORMAT.md), and actors
// from a small fixture (what the actor stage is meant to deliver), so the stage can be measured before
// and apart from the stages that make those layers.
import type { Doc, DocActor, EntityMention, EntityType, Timex, TimexType } from "../model/document.js";
import { createDoc, withLayers } from "../model/document.js";
import { frame } from "../text/frame.js";
import { sentences } from "../text/sentences.js";
import { tokens } from "../text/tokenize.js";
import { DEFAULT_CONFIG } from "../pipeline/stages.js";

type Json = Record<string, unknown>;

/** An actor as the actor stage should resolve it: everyone named with this surname is this person. */
export interface ActorFixture {
  readonly name: string;
  readonly country: string | null;
  readonly sector: string | null;
}

export function textDoc(text: string, date: string | null = null, id = "test"): Doc {
  let doc = createDoc(text, { id, date });
  for (const stage of [frame, sentences, tokens]) doc = stage.run(doc, DEFAULT_CONFIG);
  return doc;
}

/** A document with the gold file's entities and timexes as its layers (and actors from the fixture, if given). */
export function goldLayersDoc(gold: Json, actors: readonly ActorFixture[] = []): Doc {
  const doc = textDoc(String(gold["text"] ?? ""), (gold["date"] as string | null) ?? null, String(gold["id"] ?? "gold"));
  const surname = (name: string) => name.split(/\s+/).pop() ?? name;
  const docActors: DocActor[] = [];
  const actorIndex = new Map<string, number>();
  actors.forEach((a, i) => actorIndex.set(surname(a.name), i));
  const entities: EntityMention[] = ((gold["entities"] as Json[] | undefined) ?? []).map((e, k) => {
    const type = e["type"] as EntityType;
    const text = String(e["text"]);
    const fixture = type === "PERSON" ? actorIndex.get(surname(text)) : undefined;
    return {
      start: e["start"] as number,
      end: e["end"] as number,
      text,
      type,
      country: (e["country"] as string | undefined) ?? null,
      actor: fixture ?? null,
      provenance: { stage: "gold", rule: `entity-${k}` },
    };
  });
  actors.forEach((a, i) => {
    docActors.push({
      index: i,
      name: a.name,
      type: "PERSON",
      country: a.country,
      role: null,
      sector: a.sector,
      code: a.country ? `${a.country}${a.sector ?? ""}` : null,
      mentions: entities.flatMap((e, k) => (e.actor === i ? [k] : [])),
      aliases: [],
      provenance: { stage: "gold" },
    });
  });
  const timexes: Timex[] = ((gold["timexes"] as Json[] | undefined) ?? []).map((t) => ({
    start: t["start"] as number,
    end: t["end"] as number,
    text: String(t["text"]),
    type: ((t["timex_type"] ?? t["type"] ?? "DATE") as TimexType),
    value: String(t["value"]),
    anchor: null,
    direction: null,
    provenance: { stage: "gold" },
  }));
  return withLayers(doc, { entities, timexes, ...(actors.length ? { actors: docActors } : {}) });
}

/** Hand-built layers for a test sentence: names with their type and country, times with their values. */
export interface HandLayers {
  readonly date?: string;
  /** [words, type, country]: every occurrence of the words is one mention. */
  readonly entities?: readonly (readonly [string, EntityType, string?])[];
  /** [words, TIMEX3 value]. */
  readonly timexes?: readonly (readonly [string, string])[];
  /** People as the actor stage should resolve them; their mentions are the PERSON entities ending in their surname. */
  readonly actors?: readonly ActorFixture[];
}

function occurrences(text: string, words: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + words.length)) {
    const before = text[at - 1] ?? " ";
    const after = text[at + words.length] ?? " ";
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
    out.push({ start: at, end: at + words.length });
  }
  return out;
}

/** A test document: the text's own sentences and tokens, and the names and times given. */
export function eventDoc(text: string, layers: HandLayers = {}): Doc {
  const entities = (layers.entities ?? []).flatMap(([words, type, country]) =>
    occurrences(text, words).map((span) => ({ ...span, text: words, type, country: country ?? null })),
  );
  entities.sort((a, b) => a.start - b.start);
  const timexes = (layers.timexes ?? []).flatMap(([words, value]) => occurrences(text, words).map((span) => ({ ...span, text: words, value, timex_type: "DATE" })));
  return goldLayersDoc({ id: "test", date: layers.date ?? null, text, entities, timexes }, layers.actors ?? []);
}

/** The seed story's people as the actor stage should resolve them (name, country, CAMEO sector). */
export const SEED_ACTORS: readonly ActorFixture[] = [
  { name: "Kristi Noem", country: "USA", sector: "GOV" },
  { name: "Laura Sarabia", country: "COL", sector: "GOV" },
  { name: "Gustavo Petro", country: "COL", sector: "GOV" },
  { name: "Donald Trump", country: "USA", sector: "GOV" },
  { name: "Nayib Bukele", country: "SLV", sector: "GOV" },
  { name: "Claudia Sheinbaum", country: "MEX", sector: "GOV" },
];

// Test support: the seed story (samples/seed) as a hand-built document holding every layer
// the API and the UI show: entities, actors, dates, quotes and events, as the seed's gold
// annotations give them (../shared/examples/seed.gold.json; offsets copied from it and checked
// against the text here). Tests build their store from it through saveDoc, so they do not
// depend on the extraction stages, which other issues are writing. Never used by the product.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../model/dataFiles.js";
import { readPlainText } from "../../ingest/plainText.js";
import { buildPipeline, type Pipeline } from "../../pipeline/pipeline.js";
import { frame } from "../../text/frame.js";
import { sentences } from "../../text/sentences.js";
import { tokens } from "../../text/tokenize.js";
import { findCity } from "../../entities/cities.js";
import { contentHash, saveDoc } from "../../store/articles.js";
import { ingestArticle, rawToDoc } from "../../store/ingestArticles.js";
import type { RawArticle } from "../../ingest/types.js";
import type { Db } from "../../store/database.js";
import {
  withLayers,
  type Doc,
  type DocActor,
  type EntityMention,
  type EntityType,
  type EventActor,
  type EventStatus,
  type NewsEvent,
  type Provenance,
  type Quote,
  type Timex,
  type TimexType,
} from "../../model/document.js";

export const SEED_PATH = join(packageRoot, "samples", "seed", "000_e054da4499c08992.txt");
const provenance = (layer: string): Provenance => ({ stage: "test-fixture", rule: `seed-gold-${layer}` });

interface ActorSpec {
  readonly name: string;
  readonly type: EntityType;
  readonly country: string;
  readonly role: string | null;
  readonly sector: string | null;
  readonly aliases: readonly string[];
}

const ACTORS: readonly ActorSpec[] = [
  { name: "Kristi Noem", type: "PERSON", country: "USA", role: "Secretary of Homeland Security", sector: "GOV", aliases: ["Kristi Noem", "Noem"] },
  { name: "Laura Sarabia", type: "PERSON", country: "COL", role: "Foreign Minister", sector: "GOV", aliases: ["Laura Sarabia", "Sarabia"] },
  { name: "Gustavo Petro", type: "PERSON", country: "COL", role: "President", sector: "GOV", aliases: ["Gustavo Petro", "Petro"] },
  { name: "Donald Trump", type: "PERSON", country: "USA", role: "President", sector: "GOV", aliases: ["Donald Trump", "Trump"] },
  { name: "Nayib Bukele", type: "PERSON", country: "SLV", role: "President", sector: "GOV", aliases: ["Nayib Bukele"] },
  { name: "Claudia Sheinbaum", type: "PERSON", country: "MEX", role: "President", sector: "GOV", aliases: ["Claudia Sheinbaum", "Sheinbaum"] },
  { name: "United States", type: "GPE", country: "USA", role: null, sector: null, aliases: ["United States", "U.S."] },
  { name: "Colombia", type: "GPE", country: "COL", role: null, sector: null, aliases: ["Colombia"] },
  { name: "El Salvador", type: "GPE", country: "SLV", role: null, sector: null, aliases: ["El Salvador"] },
  { name: "Mexico", type: "GPE", country: "MEX", role: null, sector: null, aliases: ["Mexico"] },
];

function actorIndex(name: string | null): number | null {
  if (!name) return null;
  const index = ACTORS.findIndex((actor) => actor.aliases.includes(name));
  return index < 0 ? null : index;
}

interface EntitySpec {
  readonly at: number;
  readonly text: string;
  readonly type: EntityType;
  readonly country: string | null;
}

const ENTITIES: readonly EntitySpec[] = [
  { at: 0, text: "U.S.", type: "GPE", country: "USA" },
  { at: 5, text: "Homeland Security", type: "ORG", country: "USA" },
  { at: 33, text: "Kristi Noem", type: "PERSON", country: "USA" },
  { at: 53, text: "Colombia", type: "GPE", country: "COL" },
  { at: 101, text: "Latin American", type: "NORP", country: null },
  { at: 225, text: "Trump", type: "PERSON", country: "USA" },
  { at: 254, text: "Colombian", type: "NORP", country: "COL" },
  { at: 286, text: "United States", type: "GPE", country: "USA" },
  { at: 435, text: "United States", type: "GPE", country: "USA" },
  { at: 449, text: "Noem", type: "PERSON", country: "USA" },
  { at: 485, text: "Colombian", type: "NORP", country: "COL" },
  { at: 512, text: "Laura Sarabia", type: "PERSON", country: "COL" },
  { at: 682, text: "Colombian", type: "NORP", country: "COL" },
  { at: 806, text: "Noem", type: "PERSON", country: "USA" },
  { at: 816, text: "Sarabia", type: "PERSON", country: "COL" },
  { at: 1056, text: "Noem", type: "PERSON", country: "USA" },
  { at: 1081, text: "Colombia", type: "GPE", country: "COL" },
  { at: 1110, text: "Gustavo Petro", type: "PERSON", country: "COL" },
  { at: 1194, text: "Colombians", type: "NORP", country: "COL" },
  { at: 1219, text: "Colombia", type: "GPE", country: "COL" },
  { at: 1308, text: "Petro", type: "PERSON", country: "COL" },
  { at: 1318, text: "U.S.", type: "GPE", country: "USA" },
  { at: 1333, text: "Donald Trump", type: "PERSON", country: "USA" },
  { at: 1442, text: "American", type: "NORP", country: "USA" },
  { at: 1472, text: "Latin America", type: "LOC", country: null },
  { at: 1516, text: "Noem", type: "PERSON", country: "USA" },
  { at: 1542, text: "El Salvador", type: "GPE", country: "SLV" },
  { at: 1584, text: "Nayib Bukele", type: "PERSON", country: "SLV" },
  { at: 1653, text: "United States", type: "GPE", country: "USA" },
  { at: 1697, text: "Noem", type: "PERSON", country: "USA" },
  { at: 1796, text: "Venezuelans", type: "NORP", country: "VEN" },
  { at: 1824, text: "U.S.", type: "GPE", country: "USA" },
  { at: 1903, text: "Venezuelan", type: "NORP", country: "VEN" },
  { at: 1919, text: "Tren de Aragua", type: "ORG", country: "VEN" },
  { at: 1976, text: "Trump", type: "PERSON", country: "USA" },
  { at: 2058, text: "Noem", type: "PERSON", country: "USA" },
  { at: 2079, text: "Mexico", type: "GPE", country: "MEX" },
  { at: 2110, text: "Claudia Sheinbaum", type: "PERSON", country: "MEX" },
  { at: 2190, text: "Trump", type: "PERSON", country: "USA" },
  { at: 2221, text: "Trump", type: "PERSON", country: "USA" },
  { at: 2264, text: "Sheinbaum", type: "PERSON", country: "MEX" },
  { at: 2275, text: "Trump", type: "PERSON", country: "USA" },
];

interface TimexSpec {
  readonly at: number;
  readonly text: string;
  readonly type: TimexType;
  readonly value: string;
  readonly direction: "past" | "future" | null;
}

const TIMEXES: readonly TimexSpec[] = [
  { at: 65, text: "Thursday", type: "DATE", value: "2025-03-27", direction: null },
  { at: 372, text: "January", type: "DATE", value: "2025-01", direction: null },
  { at: 463, text: "Thursday morning", type: "TIME", value: "2025-03-27TMO", direction: null },
  { at: 1038, text: "Later in the day", type: "DATE", value: "2025-03-27", direction: null },
  { at: 1523, text: "Wednesday", type: "DATE", value: "2025-03-26", direction: null },
  { at: 2050, text: "Friday", type: "DATE", value: "2025-03-28", direction: "future" },
  { at: 2330, text: "Wednesday", type: "DATE", value: "2025-03-26", direction: null },
];

interface QuoteSpec {
  readonly at: number;
  readonly end: number;
  readonly speaker: string;
  readonly speakerAt: number;
  readonly speakerText: string;
}

const QUOTES: readonly QuoteSpec[] = [
  { at: 548, end: 588, speaker: "Kristi Noem", speakerAt: 449, speakerText: "Noem" },
  { at: 633, end: 804, speaker: "Kristi Noem", speakerAt: 806, speakerText: "Noem" },
  { at: 870, end: 930, speaker: "Laura Sarabia", speakerAt: 816, speakerText: "Sarabia" },
];

interface SideSpec {
  readonly name: string;
  readonly country: string;
  readonly sector?: string;
}

interface EventSpec {
  readonly at: number;
  readonly end: number;
  readonly trigger: string;
  readonly cameo: string;
  readonly plover: string;
  readonly source: SideSpec | null;
  readonly target: SideSpec | null;
  readonly date: string | null;
  readonly location: string | null;
  readonly status: EventStatus;
}

/** Goldstein scores of the CAMEO codes the seed uses (Goldstein 1992, as in the CAMEO codebook). */
const GOLDSTEIN: Readonly<Record<string, number>> = { "030": 4.0, "040": 1.0, "042": 1.9, "046": 7.0, "057": 8.0, "112": -2.0, "115": -2.0, "131": -4.4, "163": -8.0, "174": -5.0 };

const NOEM: SideSpec = { name: "Kristi Noem", country: "USA", sector: "GOV" };
const EVENTS: readonly EventSpec[] = [
  { at: 0, end: 73, trigger: "visited", cameo: "042", plover: "CONSULT", source: NOEM, target: { name: "Colombia", country: "COL" }, date: "2025-03-27", location: "COL", status: "asserted" },
  { at: 395, end: 448, trigger: "deported", cameo: "174", plover: "COERCE", source: { name: "United States", country: "USA" }, target: { name: "immigrants", country: "COL" }, date: "2025-01", location: null, status: "asserted" },
  { at: 449, end: 525, trigger: "sat down", cameo: "040", plover: "CONSULT", source: NOEM, target: { name: "Laura Sarabia", country: "COL", sector: "GOV" }, date: "2025-03-27", location: "COL", status: "asserted" },
  { at: 633, end: 700, trigger: "committed", cameo: "030", plover: "AGREE", source: NOEM, target: { name: "Colombia", country: "COL" }, date: "2025-03-27", location: "COL", status: "asserted" },
  { at: 931, end: 1038, trigger: "signed", cameo: "057", plover: "SUPPORT", source: NOEM, target: { name: "Laura Sarabia", country: "COL", sector: "GOV" }, date: "2025-03-27", location: "COL", status: "asserted" },
  { at: 1038, end: 1124, trigger: "met", cameo: "040", plover: "CONSULT", source: NOEM, target: { name: "Gustavo Petro", country: "COL", sector: "GOV" }, date: "2025-03-27", location: "COL", status: "asserted" },
  { at: 1038, end: 1124, trigger: "met", cameo: "040", plover: "CONSULT", source: NOEM, target: { name: "police", country: "COL", sector: "COP" }, date: "2025-03-27", location: "COL", status: "asserted" },
  { at: 1516, end: 1553, trigger: "visit", cameo: "042", plover: "CONSULT", source: NOEM, target: { name: "El Salvador", country: "SLV" }, date: "2025-03-26", location: "SLV", status: "asserted" },
  { at: 1555, end: 1596, trigger: "met", cameo: "040", plover: "CONSULT", source: NOEM, target: { name: "Nayib Bukele", country: "SLV", sector: "GOV" }, date: "2025-03-26", location: "SLV", status: "asserted" },
  { at: 1784, end: 1839, trigger: "deported", cameo: "174", plover: "COERCE", source: { name: "U.S. government", country: "USA", sector: "GOV" }, target: { name: "Venezuelans", country: "VEN" }, date: null, location: null, status: "asserted" },
  { at: 1855, end: 1933, trigger: "allegations", cameo: "112", plover: "ACCUSE", source: { name: "Trump administration", country: "USA", sector: "GOV" }, target: { name: "Venezuelans", country: "VEN" }, date: null, location: null, status: "asserted" },
  { at: 1998, end: 2047, trigger: "challenged", cameo: "115", plover: "ACCUSE", source: null, target: { name: "U.S. government", country: "USA", sector: "GOV" }, date: null, location: null, status: "asserted" },
  { at: 2058, end: 2085, trigger: "visit", cameo: "042", plover: "CONSULT", source: NOEM, target: { name: "Mexico", country: "MEX" }, date: "2025-03-28", location: "MEX", status: "planned" },
  { at: 2090, end: 2127, trigger: "meet", cameo: "040", plover: "CONSULT", source: NOEM, target: { name: "Claudia Sheinbaum", country: "MEX", sector: "GOV" }, date: "2025-03-28", location: "MEX", status: "planned" },
  { at: 2131, end: 2210, trigger: "negotiate", cameo: "046", plover: "CONSULT", source: { name: "Claudia Sheinbaum", country: "MEX", sector: "GOV" }, target: { name: "Trump administration", country: "USA", sector: "GOV" }, date: null, location: null, status: "asserted" },
  { at: 2221, end: 2243, trigger: "threats", cameo: "131", plover: "THREATEN", source: { name: "Donald Trump", country: "USA", sector: "GOV" }, target: { name: "Mexico", country: "MEX" }, date: null, location: null, status: "asserted" },
  { at: 2275, end: 2340, trigger: "announced", cameo: "163", plover: "COERCE", source: { name: "Donald Trump", country: "USA", sector: "GOV" }, target: null, date: "2025-03-26", location: null, status: "asserted" },
];

function expectText(text: string, start: number, expected: string): void {
  const found = text.slice(start, start + expected.length);
  if (found !== expected) throw new Error(`seed fixture out of step with samples/seed: expected "${expected}" at ${start}, found "${found}"`);
}

function side(spec: SideSpec | null): EventActor | null {
  if (!spec) return null;
  const actor = actorIndex(spec.name);
  const sector = spec.sector ?? null;
  return { name: spec.name, country: spec.country, sector, code: `${spec.country}${sector ?? ""}`, person: actor !== null && ACTORS[actor]?.type === "PERSON", actor };
}

/**
 * The foundation stages only (frame, sentences, tokens): what the API and UI tests run on other
 * articles, so they test the API and not the extraction stages other issues are changing.
 */
export function foundationPipeline(): Pipeline {
  return buildPipeline([frame, sentences, tokens], { version: "fixture" });
}

/** Store an article with its sentences only: its fact layers are plainly empty. */
export function saveSentencesOnly(db: Db, article: Omit<RawArticle, "url" | "origin">): number {
  return ingestArticle(db, foundationPipeline(), { ...article, url: null, origin: "test" }).articleId;
}

/** The seed article through the foundation stages (frame, sentences, tokens) plus the hand-built fact layers. */
export function seedDoc(): Doc {
  const raw = readPlainText(readFileSync(SEED_PATH, "utf8"), SEED_PATH, "000_e054da4499c08992");
  const base = foundationPipeline().run(rawToDoc({ ...raw, title: "Noem visits Colombia, El Salvador and Mexico" }, contentHash(raw.text)));
  const text = base.text;
  const entities: EntityMention[] = ENTITIES.map((e) => {
    expectText(text, e.at, e.text);
    return { start: e.at, end: e.at + e.text.length, type: e.type, text: e.text, actor: actorIndex(e.text), country: e.country, provenance: provenance("entities") };
  });
  const actors: DocActor[] = ACTORS.map((a, index) => ({
    index,
    name: a.name,
    type: a.type,
    country: a.country,
    role: a.role,
    sector: a.sector,
    code: a.sector ? `${a.country}${a.sector}` : a.country,
    mentions: entities.flatMap((e, i) => (e.actor === index ? [i] : [])),
    aliases: a.aliases,
    provenance: provenance("actors"),
  }));
  const timexes: Timex[] = TIMEXES.map((t) => {
    expectText(text, t.at, t.text);
    return { start: t.at, end: t.at + t.text.length, text: t.text, type: t.type, value: t.value, anchor: null, direction: t.direction, provenance: provenance("timexes") };
  });
  const quotes: Quote[] = QUOTES.map((q) => {
    expectText(text, q.speakerAt, q.speakerText);
    return {
      start: q.at,
      end: q.end,
      text: text.slice(q.at, q.end),
      speaker: { name: q.speaker, start: q.speakerAt, end: q.speakerAt + q.speakerText.length, actor: actorIndex(q.speaker) },
      provenance: provenance("quotes"),
    };
  });
  const events: NewsEvent[] = EVENTS.map((e) => {
    const triggerAt = text.indexOf(e.trigger, e.at);
    if (triggerAt < 0 || triggerAt >= e.end) throw new Error(`seed fixture: no trigger "${e.trigger}" in ${e.at}-${e.end}`);
    return {
      start: e.at,
      end: e.end,
      cameo: e.cameo,
      goldstein: GOLDSTEIN[e.cameo] ?? null,
      plover: e.plover,
      ploverMode: null,
      source: side(e.source),
      target: side(e.target),
      date: e.date,
      location: e.location ? { name: null, country: e.location, lat: null, lon: null } : null,
      status: e.status,
      trigger: { start: triggerAt, end: triggerAt + e.trigger.length },
      provenance: provenance("events"),
    };
  });
  return withLayers(base, { entities, actors, timexes, quotes, events });
}

/** Store the seed fixture; returns its article id. */
export function saveSeed(db: Db): number {
  const doc = seedDoc();
  return saveDoc(db, doc, contentHash(doc.text), "fixture").articleId;
}

/** The seed's evidence for Noem's visit to Colombia: what the click-through tests look for. */
export const SEED_VISIT_EVIDENCE = "U.S. Homeland Security Secretary Kristi Noem visited Colombia on Thursday";

/** A second story whose event happened in a named city: what the map's points and the place filter are tested on. */
export const CITY_STORY_TEXT = "Secretary of State Marco Rubio met Mexican President Claudia Sheinbaum in Mexico City on Friday to discuss tariffs.";

/** The city story through the foundation stages plus one hand-built meeting, placed in Mexico City (GeoNames coordinates). */
export function cityStoryDoc(): Doc {
  const raw = { id: "rubio-mexico-city", text: CITY_STORY_TEXT, date: "2025-03-14", title: "Rubio meets Sheinbaum in Mexico City", source: "VOA", url: null, origin: "test" };
  const base = foundationPipeline().run(rawToDoc(raw, contentHash(raw.text)));
  const city = findCity("Mexico City", "MEX");
  if (!city) throw new Error("city fixture: Mexico City is not in the city table");
  const trigger = CITY_STORY_TEXT.indexOf("met");
  const meeting: NewsEvent = {
    start: 0,
    end: CITY_STORY_TEXT.length - 1,
    cameo: "040",
    goldstein: GOLDSTEIN["040"] ?? null,
    plover: "CONSULT",
    ploverMode: null,
    source: { name: "Marco Rubio", country: "USA", sector: "GOV", code: "USAGOV", person: true, actor: null },
    target: { name: "Claudia Sheinbaum", country: "MEX", sector: "GOV", code: "MEXGOV", person: true, actor: null },
    date: "2025-03-14",
    location: { name: "Mexico City", country: "MEX", lat: city.lat, lon: city.lon },
    status: "asserted",
    trigger: { start: trigger, end: trigger + 3 },
    provenance: { stage: "test-fixture", rule: "city-fixture-events" },
  };
  return withLayers(base, { events: [meeting] });
}

/** Store the city story; returns its article id. */
export function saveCityStory(db: Db): number {
  const doc = cityStoryDoc();
  return saveDoc(db, doc, contentHash(doc.text), "fixture").articleId;
}

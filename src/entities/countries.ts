// Countries: every GPE, NORP and LOC mention that names or implies a country gets its ISO 3166-1 alpha-3 code
// ("U.S.", "American", "United States" -> USA; "Salvadoran" -> SLV); bodies beyond one country get the CAMEO
// code FORMAT.md asks for ("United Nations" -> UNO, "NATO" -> NAT, "EU" -> EUR, "African Union" -> IGO).
//
// Where the names come from, in order of precedence (the first source that knows a name decides):
// 1. data/entities/places.tsv and organizations.tsv: newsgraph's own readings ("U.S.", "Britain", "Latin American" -> none);
// 2. world-countries (ODbL): common and official names, alternative spellings, English demonyms and their plurals;
//    a name two countries share (the demonym "Congolese") implies neither, unless one is independent and the
//    other a territory ("American": USA, not U.S. Minor Outlying Islands);
// 3. data/entities/phoenix-*.tsv, compiled from PETRARCH/Phoenix (MIT) by scripts/build-entity-data.mjs: cities and
//    regions ("Bogota" -> COL), intergovernmental bodies, and a country's offices ("State Department" -> USAGOV).
import { createRequire } from "node:module";
import type { Doc, EntityMention } from "../model/document.js";
import { withLayers } from "../model/document.js";
import { readTable } from "../model/dataFiles.js";
import type { Stage } from "../pipeline/pipeline.js";
import { memoize } from "../text/memo.js";

/** What a place name says: its country and whether it names the country itself or a place in it. */
export interface PlaceReading {
  /** ISO alpha-3, a CAMEO group code (EUR), or null for a name that implies no single country ("Latin American"). */
  readonly country: string | null;
  /** country: the name is the country itself ("Colombia", "Colombian"); place: a city or region in it; region: a group of countries. */
  readonly kind: "country" | "place" | "region";
  readonly source: "places.tsv" | "world-countries" | "phoenix-places.tsv";
}

/** What an organisation's name says: a body beyond one country ("NATO") or a country's office ("State Department"). */
export interface OrgReading {
  /** ISO alpha-3 or the CAMEO group code of a body beyond one country: UNO, NAT, EUR, IGO. */
  readonly country: string | null;
  /** CAMEO agent code: IGO for bodies beyond one country, GOV/MIL/COP... for a country's offices. */
  readonly sector: string | null;
  /** The full CAMEO actor code: "IGOWSTNAT", "USAGOV". */
  readonly code: string;
  /** A stable display name when the data gives one ("NATO" for "North Atlantic Treaty Organization"), else null. */
  readonly name: string | null;
  readonly source: "organizations.tsv" | "phoenix-bodies.tsv" | "phoenix-orgs.tsv" | "phoenix-nonstate.tsv" | "country-prefix";
}

/**
 * The key a name is looked up by: no accents, lower case, straight apostrophes, single spaces, no leading "the",
 * no possessive: "the United States'" -> "united states", "Bogotá" -> "bogota".
 */
export const nameKey = memoize(computeNameKey);

/** nameKey without keeping the result (for building tables of many names once). */
export function computeNameKey(text: string): string {
  // Plain ASCII (most names) has no accents or typographic marks to undo.
  const plain = /^[\x00-\x7f]*$/.test(text)
    ? text.replace(/`/g, "'")
    : text
        .normalize("NFD")
        .replace(/\p{M}+/gu, "")
        .replace(/[\u2018\u2019\u02bc`]/g, "'")
        .replace(/[\u2010-\u2013]/g, "-");
  return plain
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the /, "")
    .replace(/'s?$/, "");
}

/**
 * FORMAT.md's country for a CAMEO code of a body beyond one country: the three-letter groups decide.
 * "IGOUNOREFHCR" -> UNO, "IGOWSTNAT" -> NAT, "IGOEUREEC" -> EUR, "IGOAFRAFU" -> IGO.
 */
const GROUPS: readonly string[] = ["UNO", "NAT", "EUR"];

export function groupCountry(code: string): string {
  const parts: readonly string[] = code.match(/.{3}/g) ?? [];
  for (const group of GROUPS) if (parts.includes(group)) return group;
  return "IGO";
}

interface WorldCountry {
  readonly cca3: string;
  readonly independent: boolean;
  readonly name: { readonly common: string; readonly official: string };
  readonly altSpellings: readonly string[];
  readonly demonyms?: { readonly eng?: { readonly f: string; readonly m: string } };
}

export interface CountryIndex {
  readonly place: (text: string) => PlaceReading | undefined;
  readonly org: (text: string) => OrgReading | undefined;
  /** The display name of a country code: "USA" -> "United States"; a group code -> its body's name or itself. */
  readonly countryName: (code: string) => string;
}

/** "Colombian" -> "Colombians"; "Swiss", "British", "Chinese" have no -s plural. */
function pluralDemonym(demonym: string): string | null {
  return /(s|sh|ch|ese|x|z)$/i.test(demonym) ? null : `${demonym}s`;
}

function buildIndex(): CountryIndex {
  const places = new Map<string, PlaceReading>();
  const names = new Map<string, string>();
  // 1. newsgraph's readings.
  for (const row of readTable("entities/places.tsv")) {
    const country = row["country"] === "-" ? null : (row["country"] ?? null);
    const kind = row["kind"] === "place" ? "place" : row["kind"] === "region" ? "region" : "country";
    places.set(nameKey(row["name"] ?? ""), { country, kind, source: "places.tsv" });
  }
  // 2. world-countries: independent states first, so that a territory sharing a name or demonym never wins.
  const require = createRequire(import.meta.url);
  const world = (require("world-countries") as readonly WorldCountry[]).slice().sort((a, b) => Number(b.independent) - Number(a.independent));
  const fromWorld = new Map<string, { code: string; independent: boolean }>();
  const shared = new Set<string>();
  for (const c of world) {
    names.set(c.cca3, c.name.common);
    const demonyms = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => Boolean(d));
    const variants = [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length > 2), ...demonyms, ...demonyms.map(pluralDemonym)];
    for (const variant of new Set(variants)) {
      if (!variant) continue;
      const key = nameKey(variant);
      const seen = fromWorld.get(key);
      if (!seen) fromWorld.set(key, { code: c.cca3, independent: c.independent });
      else if (seen.code !== c.cca3 && seen.independent === c.independent) shared.add(key);
    }
  }
  for (const [key, { code }] of fromWorld) {
    if (places.has(key)) continue;
    places.set(key, { country: shared.has(key) ? null : code, kind: "country", source: "world-countries" });
  }
  // 3. Phoenix's cities and regions.
  for (const row of readTable("entities/phoenix-places.tsv")) {
    const key = nameKey(row["name"] ?? "");
    if (!places.has(key)) places.set(key, { country: row["country"] || null, kind: "place", source: "phoenix-places.tsv" });
  }

  const orgs = new Map<string, OrgReading>();
  const groupNames = new Map<string, string>();
  for (const row of readTable("entities/organizations.tsv")) {
    const code = row["code"] ?? "";
    const name = row["name"] ?? "";
    const reading: OrgReading = code.startsWith("IGO")
      ? { country: groupCountry(code), sector: "IGO", code, name, source: "organizations.tsv" }
      : { country: code.slice(0, 3), sector: code.slice(3, 6) || null, code, name, source: "organizations.tsv" };
    if (reading.country && GROUPS.includes(reading.country) && !groupNames.has(reading.country)) groupNames.set(reading.country, name);
    for (const alias of [name, ...(row["aliases"] ?? "").split("|")]) if (alias.trim()) orgs.set(nameKey(alias), reading);
  }
  for (const row of readTable("entities/phoenix-bodies.tsv")) {
    const key = nameKey(row["name"] ?? "");
    const code = row["code"] ?? "";
    if (!orgs.has(key)) orgs.set(key, { country: groupCountry(code), sector: "IGO", code, name: null, source: "phoenix-bodies.tsv" });
  }
  // a country's offices and forces, then its non-state armed groups ("Hamas" PSEREB, "Taliban" AFGREB)
  for (const file of ["phoenix-orgs.tsv", "phoenix-nonstate.tsv"] as const) {
    for (const row of readTable(`entities/${file}`)) {
      const key = nameKey(row["name"] ?? "");
      const code = row["code"] ?? "";
      if (!orgs.has(key)) orgs.set(key, { country: code.slice(0, 3), sector: code.slice(3, 6) || null, code, name: null, source: file });
    }
  }

  const place = (text: string): PlaceReading | undefined => {
    const key = nameKey(text);
    const direct = places.get(key);
    if (direct) return direct;
    // "Salvadorans", "Gazans": a plural the tables do not list.
    if (key.endsWith("s")) {
      const singular = places.get(key.slice(0, -1));
      if (singular && singular.kind !== "place") return singular;
    }
    return undefined;
  };
  const org = (text: string): OrgReading | undefined => {
    const key = nameKey(text);
    const direct = orgs.get(key);
    if (direct) return direct;
    // "Colombian National Police", "U.S. Army", "Mexico's Senate": a country's name leading the organisation's.
    const words = key.split(" ");
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const head = place(words.slice(0, n).join(" "));
      if (head?.country && head.kind === "country") return { country: head.country, sector: null, code: head.country, name: null, source: "country-prefix" };
    }
    return undefined;
  };
  return Object.freeze({ place, org, countryName: (code: string) => names.get(code) ?? groupNames.get(code) ?? code });
}

let index: CountryIndex | undefined;

/** The country tables, built once per process on first use (about 20 ms: world-countries is 1.4 MB of JSON). */
export function countryIndex(): CountryIndex {
  index ??= buildIndex();
  return index;
}

/** The country a mention's own words name, or undefined when its type is not read or the name is unknown. */
export function mentionCountry(mention: Pick<EntityMention, "type" | "text">, countries: CountryIndex = countryIndex()): string | null | undefined {
  switch (mention.type) {
    case "GPE":
    case "NORP":
    case "LOC": {
      const reading = countries.place(mention.text);
      if (reading) return reading.country;
      // An ORG-like GPE ("U.N.") or a body typed LOC.
      return countries.org(mention.text)?.country ?? undefined;
    }
    case "ORG":
      return countries.org(mention.text)?.country ?? undefined;
    default:
      return undefined;
  }
}

/** Fills `country` on GPE, NORP, LOC and ORG mentions; a country the NER (or gold) already gave is kept. */
export function resolveCountries(doc: Doc): Doc {
  const entities = doc.layers.entities;
  if (!entities) return doc;
  const countries = countryIndex();
  const resolved = entities.map((mention): EntityMention => {
    if (mention.country !== null) return mention;
    const country = mentionCountry(mention, countries);
    return country ? { ...mention, country } : mention;
  });
  // "U.S. Homeland Security": an organisation right after a country's name (or "Colombia's") belongs to it.
  const out = resolved.map((mention, i): EntityMention => {
    if (mention.type !== "ORG" || mention.country !== null || i === 0) return mention;
    const before = resolved[i - 1] as EntityMention;
    if ((before.type !== "GPE" && before.type !== "NORP") || !before.country) return mention;
    const gap = doc.text.slice(before.end, mention.start);
    return /^(['\u2019]s?)?\s{1,2}$/.test(gap) ? { ...mention, country: before.country } : mention;
  });
  return withLayers(doc, { entities: out });
}

/**
 * Refines the entities layer in place of a layer of its own: it needs the entity stage before it, and the roles and
 * actors stages read the countries it fills (they look a name up themselves when it has none, so the order is
 * a matter of provenance, not correctness).
 */
export const countries: Stage = {
  name: "countries",
  requires: ["entities"],
  provides: ["entities"],
  run: (doc) => resolveCountries(doc),
};

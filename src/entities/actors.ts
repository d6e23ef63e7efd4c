// One identity per actor within an article: "Kristi Noem", "Noem" and "she" become one DocActor named by the
// fullest name, with the role, sector and country the article gives; every entity mention points to its actor.
//
// - People: a surname alone ("Noem", "Petro") joins the full name it ends; with two candidates ("Donald Trump",
//   "Melania Trump") the nearest one before it, else after it. The actor takes the roles of all its mentions:
//   an affiliation the text states ("U.S.", "Colombia's") wins over one read from the sentence around it.
// - Countries: "Colombia", "Colombian", "Colombians" are one actor named as world-countries names the country
//   ("Colombia"; "U.S." -> "United States"), so the store meets them across articles.
// - Organisations: one actor per organisation, named by the data where it gives a name ("UN" -> "United Nations").
// - Groups: a group noun with a country ("police" in Colombia, "U.S. government", "Trump administration") is an
//   actor of its own; its words go in the `corefs` layer, since they are no entity mention.
// - Pronouns: "he", "she" and their forms resolve only where one person fits: the only person of the matching gender
//   before the pronoun in its sentence, or in the sentence before (or, for a pronoun opening its sentence, that
//   sentence's subject). "it" and "they" are left alone. Resolved pronouns go in `corefs`.
import type { CorefMention, Doc, DocActor, EntityMention, EntityType, RoleMention, Sentence } from "../model/document.js";
import { tokenRange, withLayers } from "../model/document.js";
import { readTable } from "../model/dataFiles.js";
import type { Stage } from "../pipeline/pipeline.js";
import { countryIndex, mentionCountry, type CountryIndex } from "./countries.js";
import { roleLexicon, type Gender } from "./roles.js";
import { tokenStrings } from "../text/tokenize.js";
import { memoize } from "../text/memo.js";
import { WordTable } from "../text/vocabulary.js";

interface GenderWords {
  readonly pronouns: ReadonlyMap<string, Gender>;
  readonly honorifics: ReadonlyMap<string, Gender>;
  readonly given: ReadonlyMap<string, Gender>;
}

let genderWords: GenderWords | undefined;

function gender(): GenderWords {
  if (genderWords) return genderWords;
  const pronouns = new Map<string, Gender>();
  const honorifics = new Map<string, Gender>();
  const given = new Map<string, Gender>();
  for (const row of readTable("entities/gender.tsv")) {
    const g = row["gender"] === "F" ? "F" : "M";
    const word = (row["word"] ?? "").toLowerCase();
    if (row["kind"] === "pronoun") pronouns.set(word, g);
    else if (row["kind"] === "honorific") honorifics.set(word, g);
    else given.set(word, g);
  }
  genderWords = Object.freeze({ pronouns, honorifics, given });
  return genderWords;
}

/** The gender a pronoun names, by the vocabulary id of a lower-case word; null for any other word. */
const pronounById = new WordTable<Gender | null>((word) => gender().pronouns.get(word) ?? null);

/**
 * A name as the store keys it: single spaces, straight apostrophes, no possessive: "Kristi  Noem’s" -> "Kristi Noem".
 * Each mention's name is normalised several times over, so each name once.
 */
export const normalizeName = memoize(normalizeNameUncached);

function normalizeNameUncached(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .replace(/'s?$/, "")
    .trim();
}

const words = (name: string): string[] => name.split(" ").filter((w) => /\p{L}/u.test(w));
/** A surname as it is matched: "al-Assad" and "Assad" are one ("Bashar al-Assad" ... "Assad said"). */
const surname = (word: string | undefined): string | undefined => word?.replace(/^(al|el|ad|as|an|ash|at|az)-/i, "").toLowerCase();

/** An actor being built: its mentions, and what they say about it. */
interface Draft {
  readonly key: string;
  type: EntityType;
  name: string;
  country: string | null;
  /** Whether `country` was stated ("U.S. Secretary") rather than read from the sentence around the mention. */
  countryStated: boolean;
  role: string | null;
  sector: string | null;
  code: string | null;
  gender: Gender | null;
  readonly mentions: number[];
  readonly aliases: Set<string>;
  readonly corefs: { start: number; end: number; rule: string }[];
  rule: string;
  first: number;
}

class ActorBuilder {
  readonly drafts = new Map<string, Draft>();
  readonly ofEntity: (Draft | null)[];
  readonly countries: CountryIndex = countryIndex();

  constructor(readonly doc: Doc, readonly entities: readonly EntityMention[]) {
    this.ofEntity = entities.map(() => null);
  }

  draft(key: string, init: () => Pick<Draft, "type" | "name" | "country" | "sector" | "code" | "rule">, first: number): Draft {
    let d = this.drafts.get(key);
    if (!d) {
      d = { key, role: null, countryStated: false, gender: null, mentions: [], aliases: new Set(), corefs: [], first, ...init() };
      d.countryStated = d.country !== null;
      this.drafts.set(key, d);
    }
    d.first = Math.min(d.first, first);
    return d;
  }

  attach(e: number, d: Draft): void {
    const mention = this.entities[e] as EntityMention;
    d.mentions.push(e);
    d.aliases.add(normalizeName(mention.text));
    this.ofEntity[e] = d;
  }

  /** People: one cluster per full name; a single name joins the full name it ends (or starts) nearest to it. */
  people(): void {
    const people = this.entities.map((m, i) => ({ m, i })).filter(({ m }) => m.type === "PERSON");
    const clusters: { key: string; words: string[]; at: number[] }[] = [];
    const sameFull = (a: string[], b: string[]): boolean => surname(a.at(-1)) === surname(b.at(-1)) && (a[0] === b[0] || a.every((w) => b.includes(w)) || b.every((w) => a.includes(w)));
    const clusterOf = new Map<number, number>();
    for (const { m, i } of people) {
      const w = words(normalizeName(m.text));
      if (w.length < 2) continue;
      let c = clusters.findIndex((k) => sameFull(k.words, w));
      if (c < 0) c = clusters.push({ key: `person:${w.join(" ")}`, words: w, at: [] }) - 1;
      const cluster = clusters[c] as { words: string[]; at: number[] };
      if (w.length > cluster.words.length) cluster.words = w; // "Donald J. Trump" is fuller than "Donald Trump"
      cluster.at.push(m.start);
      clusterOf.set(i, c);
    }
    for (const { m, i } of people) {
      if (clusterOf.has(i)) continue;
      const w = words(normalizeName(m.text));
      const last = w.at(-1);
      let candidates = clusters.map((k, c) => ({ k, c })).filter(({ k }) => last !== undefined && surname(k.words.at(-1)) === surname(last));
      // A given name alone ("Kristi") only when one person bears it.
      if (!candidates.length && w.length === 1) {
        const byFirst = clusters.map((k, c) => ({ k, c })).filter(({ k }) => k.words[0] === last);
        if (byFirst.length === 1) candidates = byFirst;
      }
      if (!candidates.length) {
        const c = clusters.push({ key: `person:${w.join(" ")}`, words: w, at: [m.start] }) - 1;
        clusterOf.set(i, c);
        continue;
      }
      const distance = (at: readonly number[]): number => {
        const before = at.filter((a) => a < m.start);
        return before.length ? m.start - Math.max(...before) : 1e9 + Math.min(...at.map((a) => a - m.start));
      };
      candidates.sort((a, b) => distance(a.k.at) - distance(b.k.at));
      clusterOf.set(i, (candidates[0] as { c: number }).c);
    }
    const given = gender().given;
    for (const { m, i } of people) {
      const cluster = clusters[clusterOf.get(i) as number] as { key: string; words: string[] };
      const d = this.draft(cluster.key, () => ({ type: "PERSON", name: "", country: null, sector: null, code: null, rule: "person" }), m.start);
      this.attach(i, d);
    }
    for (const d of this.drafts.values()) {
      if (d.type !== "PERSON") continue;
      // The fullest name: the most words, then the longest, then the first written.
      const names = d.mentions.map((e) => normalizeName((this.entities[e] as EntityMention).text));
      d.name = names.reduce((best, n) => (words(n).length > words(best).length || (words(n).length === words(best).length && n.length > best.length) ? n : best), names[0] as string);
      d.rule = names.length > 1 && new Set(names).size > 1 ? "person/surname-match" : "person";
      d.gender = given.get((words(d.name)[0] ?? "").toLowerCase()) ?? null;
    }
  }

  /** Countries, places, organisations and everything else that is not a person. */
  others(): void {
    this.entities.forEach((m, i) => {
      if (m.type === "PERSON") return;
      const country = m.country ?? mentionCountry(m, this.countries) ?? null;
      const place = m.type === "GPE" || m.type === "NORP" || m.type === "LOC" ? this.countries.place(m.text) : undefined;
      if (place?.kind === "country" && country && /^[A-Z]{3}$/.test(country) && this.countries.countryName(country) !== country) {
        const d = this.draft(`country:${country}`, () => ({ type: "GPE", name: this.countries.countryName(country), country, sector: null, code: country, rule: "country" }), m.start);
        this.attach(i, d);
        return;
      }
      const org = m.type === "ORG" || !place ? this.countries.org(m.text) : undefined;
      if (org?.name) {
        const d = this.draft(`org:${org.code}:${org.name}`, () => ({ type: m.type, name: org.name as string, country: org.country, sector: org.sector, code: org.code, rule: `organization/${org.source}` }), m.start);
        this.attach(i, d);
        return;
      }
      const name = normalizeName(m.text);
      const family = m.type === "GPE" || m.type === "LOC" ? "place" : m.type;
      const d = this.draft(`${family}:${name.toLowerCase()}`, () => ({
        type: m.type,
        name,
        country,
        sector: org?.sector ?? null,
        code: org?.code ?? (country && /^[A-Z]{3}$/.test(country) ? country : null),
        rule: org ? `organization/${org.source}` : place ? `place/${place.source}` : "name",
      }), m.start);
      this.attach(i, d);
    });
  }

  /** Roles: a person takes the office and affiliation its mentions state; groups become actors of their own. */
  roles(roles: readonly RoleMention[]): void {
    const titles = roleLexicon().titles;
    const stated = (r: RoleMention): boolean => !/\/country-(in-sentence|of-scene)$/.test(r.provenance.rule ?? "");
    const countryOf = (r: RoleMention): string | null => r.country ?? (r.affiliation !== null ? (this.ofEntity[r.affiliation]?.country ?? null) : null);
    const held = roles.filter((r) => r.holder !== null);
    // Stated affiliations first, so that a stated one is never replaced by one read from a sentence; two passes, so
    // that "Trump's Homeland Security Secretary" finds Trump's country once Trump has his.
    for (let pass = 0; pass < 2; pass++) {
      for (const r of [...held.filter(stated), ...held.filter((x) => !stated(x))]) {
        const d = this.ofEntity[r.holder as number];
        if (!d) continue;
        if (r.role && !d.role) {
          d.role = r.role;
          d.sector = r.sector;
        } else if (!d.sector && r.sector) d.sector = r.sector;
        const country = countryOf(r);
        if (country && (!d.country || (stated(r) && !d.countryStated))) {
          d.country = country;
          d.countryStated = stated(r);
        }
        // "U.N. Secretary-General António Guterres" speaks for the body: its code is his.
        const body = r.affiliation !== null ? this.ofEntity[r.affiliation] : null;
        if (body?.code?.startsWith("IGO") && d.country === body.country) d.code ??= body.code;
        // "Queen Camilla", "spokeswoman Karoline Leavitt"
        for (const word of r.text.toLowerCase().split(/\s+/)) {
          const g = titles.get(word)?.gender;
          if (g && !d.gender) d.gender = g;
        }
      }
    }
    for (const r of roles) {
      if (r.holder !== null) continue;
      const country = countryOf(r);
      if (!country || !r.sector) continue;
      const noun = normalizeName(r.text).toLowerCase();
      const affiliation = r.affiliation !== null ? (this.entities[r.affiliation] as EntityMention) : null;
      // "Trump administration" keeps the person's name; "U.S. government" and "Colombian police" are the country's.
      const name = affiliation?.type === "PERSON" ? `${normalizeName(affiliation.text)} ${noun}` : noun;
      const d = this.draft(`group:${name}:${country}`, () => ({ type: "ORG", name, country, sector: r.sector, code: `${country}${r.sector}`, rule: r.provenance.rule ?? "group-noun" }), r.start);
      d.aliases.add(name);
      d.corefs.push({ start: r.start, end: r.end, rule: r.provenance.rule ?? "group-noun" });
    }
  }

  /** Gender from an honorific before any of a person's mentions: "Mr. Petro", "Ms. Noem". */
  honorifics(): void {
    const honorifics = gender().honorifics;
    for (const d of this.drafts.values()) {
      if (d.type !== "PERSON" || d.gender) continue;
      for (const e of d.mentions) {
        const before = /(\S+)\s+$/.exec(this.doc.text.slice(Math.max(0, (this.entities[e] as EntityMention).start - 8), (this.entities[e] as EntityMention).start));
        const g = before ? honorifics.get((before[1] as string).toLowerCase()) : undefined;
        if (g) {
          d.gender = g;
          break;
        }
      }
    }
  }

  /** "she" -> Kristi Noem, where one person fits. */
  pronouns(): void {
    const { tokens, sentences } = this.doc.layers;
    if (!tokens || !sentences) return;
    const pronouns = gender().pronouns;
    const sentenceOf = (offset: number): number => {
      let lo = 0;
      let hi = sentences.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((sentences[mid] as Sentence).end <= offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    // Person mentions in text order, with their sentence; resolved pronouns join them as they are resolved.
    const seen: { start: number; sentence: number; draft: Draft }[] = [];
    this.entities.forEach((m, i) => {
      const d = this.ofEntity[i];
      if (m.type === "PERSON" && d) seen.push({ start: m.start, sentence: sentenceOf(m.start), draft: d });
    });
    const quoted = quotedSpans(this.doc.text);
    const quoteOf = (offset: number): { start: number; end: number } | undefined => quoted.find((q) => q.start <= offset && offset < q.end);
    const inEntity = new Set<number>();
    for (const m of this.entities) {
      const r = tokenRange(tokens, m);
      for (let t = r.first; t < r.last; t++) inEntity.add(t);
    }
    const { lower, lowerIds } = tokenStrings(this.doc.text, tokens);
    for (let t = 0; t < tokens.count; t++) {
      const g = pronounById.get(lowerIds[t] as number);
      if (!g || inEntity.has(t)) continue;
      const start = tokens.starts[t] as number;
      const end = tokens.ends[t] as number;
      const s = sentenceOf(start);
      // Inside a quotation "he" is someone the speaker talks about: only a person named in the same quotation fits
      // ("Today the fugitive leader of ISIS was killed. He was relentlessly hunted," Trump wrote: not Trump).
      const quote = quoteOf(start);
      const fits = (x: { start: number; draft: Draft }): boolean => (x.draft.gender === null || x.draft.gender === g) && (!quote || (quote.start <= x.start && x.start < quote.end));
      let chosen: Draft | null = null;
      let rule = "";
      const same = distinct(seen.filter((x) => x.sentence === s && x.start < start && fits(x)));
      if (same.length === 1) {
        chosen = same[0] as Draft;
        rule = "pronoun/only-person-in-sentence";
      } else if (same.length === 0) {
        for (let back = 1; back <= 2 && !chosen; back++) {
          const there = seen.filter((x) => x.sentence === s - back && fits(x));
          const options = distinct(there);
          if (options.length === 1) {
            chosen = options[0] as Draft;
            rule = "pronoun/only-person-in-previous-sentence";
          } else if (options.length > 1) {
            // "Noem met Petro. She said ...": a pronoun opening its sentence continues the last sentence's subject.
            const opens = start - (sentences[s] as Sentence).start <= 1 && /^(he|she|his|her)$/i.test(lower[t] as string);
            const subject = there[0] as { start: number; draft: Draft };
            const sentenceStart = (sentences[s - back] as Sentence).start;
            if (opens && isSubject(this.doc.text.slice(sentenceStart, subject.start))) {
              chosen = subject.draft;
              rule = "pronoun/previous-subject";
            }
            break;
          }
        }
      }
      if (!chosen) continue;
      chosen.gender ??= g;
      chosen.corefs.push({ start, end, rule });
      seen.push({ start, sentence: s, draft: chosen });
      seen.sort((a, b) => a.start - b.start);
    }
  }

  build(): { actors: DocActor[]; entities: EntityMention[]; corefs: CorefMention[] } {
    const drafts = [...this.drafts.values()].filter((d) => d.mentions.length > 0 || d.corefs.length > 0).sort((a, b) => a.first - b.first);
    const index = new Map<Draft, number>(drafts.map((d, i) => [d, i]));
    const actors = drafts.map((d, i): DocActor => {
      const code = d.type === "PERSON" || d.rule.startsWith("group") ? actorCode(d) : (d.code ?? actorCode(d));
      return {
        index: i,
        name: d.name,
        type: d.type,
        country: d.country,
        role: d.role,
        sector: d.sector,
        code,
        mentions: d.mentions.slice().sort((a, b) => a - b),
        aliases: [...new Set([d.name, ...d.aliases])].sort(),
        provenance: { stage: "actors", rule: d.rule },
      };
    });
    const entities = this.entities.map((m, i): EntityMention => {
      const d = this.ofEntity[i];
      if (!d) return m;
      return { ...m, actor: index.get(d) ?? null, country: m.country ?? d.country };
    });
    const corefs: CorefMention[] = [];
    for (const d of drafts) {
      for (const c of d.corefs) corefs.push({ start: c.start, end: c.end, text: this.doc.text.slice(c.start, c.end), actor: index.get(d) as number, provenance: { stage: "actors", rule: c.rule } });
    }
    corefs.sort((a, b) => a.start - b.start);
    return { actors, entities, corefs };
  }
}

/** Country codes FORMAT.md uses for bodies beyond one country. */
const GROUP_COUNTRIES: ReadonlySet<string> = new Set(["UNO", "NAT", "EUR", "IGO"]);

/**
 * A person's or group's CAMEO actor code: country and sector ("USAGOV"); the body's own code for someone who speaks
 * for a body beyond one country ("IGOUNO"); the country alone when no sector is known ("COL").
 */
function actorCode(d: Draft): string | null {
  if (!d.country) return null;
  if (GROUP_COUNTRIES.has(d.country)) return d.code ?? (d.country === "IGO" ? "IGO" : `IGO${d.country}`);
  return d.sector ? `${d.country}${d.sector}` : d.country;
}

/** The spans between quotation marks: “curly” pairs, and straight double quotes taken in turns. */
function quotedSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c) open = i;
    else if (c === 0x201d && open >= 0) {
      spans.push({ start: open, end: i });
      open = -1;
    } else if (c === 0x22) {
      if (open >= 0 && text.charCodeAt(open) === 0x22) {
        spans.push({ start: open, end: i });
        open = -1;
      } else open = i;
    }
  }
  return spans;
}

/** The distinct actors of a list of mentions, in the order first seen. */
function distinct(list: readonly { draft: Draft }[]): Draft[] {
  return [...new Set(list.map((x) => x.draft))];
}

/** The text before a mention leaves it the sentence's subject: no verb-like or prepositional word before it. */
function isSubject(before: string): boolean {
  return !/\b(with|to|by|for|from|of|and|met|meet|said|told|called|against|about|on)\b/i.test(before);
}

/** Actors, entity links and coreferences of a document with entities (and, when present, roles, tokens and sentences). */
export function resolveActors(doc: Doc): Doc {
  const entities = doc.layers.entities;
  if (!entities) return doc;
  const builder = new ActorBuilder(doc, entities);
  builder.people();
  builder.others();
  builder.roles(doc.layers.roles ?? []);
  builder.honorifics();
  builder.pronouns();
  const { actors, entities: linked, corefs } = builder.build();
  return withLayers(doc, { actors, entities: linked, corefs });
}

/**
 * After roles: a person's actor takes the office and country its mentions state. Rewrites `entities` with each
 * mention's actor and country.
 */
export const actors: Stage = {
  name: "actors",
  requires: ["entities", "roles", "tokens", "sentences"],
  provides: ["actors", "corefs", "entities"],
  run: (doc) => resolveActors(doc),
};

// Roles and affiliations: the titles, offices and group nouns around the entities, as a `roles` layer.
//
//   "U.S. Homeland Security Secretary Kristi Noem"  -> Secretary of Homeland Security, GOV, USA (title-before-name)
//   "Colombia's leftist President Gustavo Petro"    -> President, GOV, COL ("leftist" is a description, skipped)
//   "Nayib Bukele, El Salvador's president,"        -> President, GOV, SLV (apposition-after)
//   "El Salvador, where she met with President Nayib Bukele" -> President, GOV, SLV (the country from the sentence)
//   "Noem met with police"                          -> a group: police, COP, the country the story is in
//
// Propose, then refine: each person mention proposes what the words around it say (a title before it, an
// apposition after or before it, a nationality); titles that name no country then take one from their sentence,
// and group nouns from their sentence or the story's scene. The actors stage merges the proposals per actor,
// explicit affiliations over contextual ones.
//
// Knowledge is in data/entities/: titles.tsv (titles -> role, sector), title-modifiers.tsv ("Deputy", "former",
// "leftist"), agents.tsv (group nouns), dept-stops.tsv, and phoenix-agents.tsv (CAMEO sectors of department words).
import type { Doc, EntityMention, RoleMention, Sentence, TokenLayer } from "../model/document.js";
import { tokenRange, withLayers } from "../model/document.js";
import { readList, readTable } from "../model/dataFiles.js";
import type { Stage } from "../pipeline/pipeline.js";
import { tokenize, tokenStrings, tokenTexts } from "../text/tokenize.js";
import { PhraseMap } from "../text/phraseMap.js";
import { countryIndex, mentionCountry, type CountryIndex } from "./countries.js";

export type Gender = "M" | "F";

export interface TitleEntry {
  readonly role: string;
  readonly sector: string | null;
  /** "of": "Homeland Security Secretary" -> "Secretary of Homeland Security"; "keep": "Finance Minister"; null: no department. */
  readonly dept: "of" | "keep" | null;
  readonly gender: Gender | null;
}

export interface GroupEntry {
  readonly sector: string;
  /** May stand without a determiner or affiliation ("police said"). */
  readonly bare: boolean;
  /** May take the story's country when the text gives none. */
  readonly scene: boolean;
}

export type ModifierEffect = "keep" | "former" | "skip";

export interface RoleLexicon {
  /** Keyed by the title's tokens, lower case, joined by one space: "lt. gen.", "secretary of state". */
  readonly titles: PhraseMap<TitleEntry>;
  readonly modifiers: ReadonlyMap<string, ModifierEffect>;
  readonly groups: PhraseMap<GroupEntry>;
  readonly deptStops: ReadonlySet<string>;
  /** Words that may follow a group noun heading its phrase ("police said"); any other lower-case word makes it a modifier. */
  readonly followers: ReadonlySet<string>;
  /** CAMEO agent codes of Phoenix's agent phrases: "defense minister" -> "GOVMIL". */
  readonly agents: ReadonlyMap<string, string>;
}

/** A phrase as the key its tokens make: "Lt. Gen." -> "lt. gen.", "Secretary-General" -> "secretary-general". */
function phraseKey(phrase: string): string {
  return tokenTexts(phrase, tokenize(phrase)).join(" ").toLowerCase();
}

let lexicon: RoleLexicon | undefined;

export function roleLexicon(): RoleLexicon {
  if (lexicon) return lexicon;
  const titles = new PhraseMap<TitleEntry>();
  for (const row of readTable("entities/titles.tsv")) {
    const key = phraseKey(row["title"] ?? "");
    const dept = row["dept"] === "of" || row["dept"] === "keep" ? row["dept"] : null;
    const gender = row["gender"] === "M" || row["gender"] === "F" ? row["gender"] : null;
    titles.set(key, { role: row["role"] ?? "", sector: row["sector"] || null, dept, gender });
  }
  const modifiers = new Map<string, ModifierEffect>();
  for (const row of readTable("entities/title-modifiers.tsv")) {
    const effect = row["effect"];
    if (effect === "keep" || effect === "former" || effect === "skip") modifiers.set((row["word"] ?? "").toLowerCase(), effect);
  }
  const groups = new PhraseMap<GroupEntry>();
  for (const row of readTable("entities/agents.tsv")) {
    const key = phraseKey(row["noun"] ?? "");
    groups.set(key, { sector: row["sector"] ?? "", bare: row["bare"] !== "no", scene: row["scene"] !== "no" });
  }
  const agents = new Map<string, string>();
  for (const row of readTable("entities/phoenix-agents.tsv")) agents.set(row["phrase"] ?? "", row["code"] ?? "");
  const deptStops = new Set(readList("entities/dept-stops.tsv").slice(1).map((w) => w.toLowerCase()));
  const followers = new Set(readList("entities/group-followers.txt").map((w) => w.toLowerCase()));
  lexicon = Object.freeze({ titles, modifiers, groups, deptStops, followers, agents });
  return lexicon;
}

// ---------------------------------------------------------------------------------------------------------------
// A token view of the document: token texts, the entity and sentence each token is in.

const DETERMINERS: ReadonlySet<string> = new Set(["the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our"]);
const ARTICLES: ReadonlySet<string> = new Set(["the", "a", "an"]);
const POSSESSIVES: ReadonlySet<string> = new Set(["his", "her", "their", "its", "our"]);
/** Words between a place and a person that make the person someone met there: "El Salvador, where she met with President Nayib Bukele". */
const MEETING = /\b(where|met|meet|meets|meeting|talks|hosted|hosts|host|welcomed|received|greeted)\b/i;
/** What may follow an apposition's title: "Nayib Bukele, El Salvador's president, said". */
const APPOSITION_END: ReadonlySet<string> = new Set([",", ".", ";", ":", ")", "—", "–", "--", "who", "and", "said", "says", "told"]);
/** Words before a place that make it where the story is: "visited Colombia", "in Bogotá", "to El Salvador". */
const SCENE_CUES: ReadonlySet<string> = new Set(["in", "to", "at", "into", "inside", "across", "visit", "visits", "visited", "visiting", "toured", "tour", "arrived"]);

class TokenView {
  readonly count: number;
  readonly lower: readonly string[];
  readonly raw: readonly string[];
  /** The entity index covering each token, or -1. */
  readonly entity: Int32Array;
  /** The sentence index of each token, or -1 outside every sentence. */
  readonly sentence: Int32Array;
  private readonly runFirst: Int32Array;
  private readonly runLast: Int32Array;
  /** Each entity's [first, last) token range. */
  readonly ranges: { readonly first: number; readonly last: number }[];

  constructor(
    readonly doc: Doc,
    readonly tokens: TokenLayer,
    readonly entities: readonly EntityMention[],
    readonly sentences: readonly Sentence[],
  ) {
    this.count = tokens.count;
    const strings = tokenStrings(doc.text, tokens);
    this.raw = strings.words;
    this.lower = strings.lower;
    this.entity = new Int32Array(this.count).fill(-1);
    this.ranges = entities.map((e, i) => {
      const range = tokenRange(tokens, e);
      for (let t = range.first; t < range.last; t++) this.entity[t] = i;
      return range;
    });
    this.sentence = new Int32Array(this.count).fill(-1);
    let s = 0;
    for (let t = 0; t < this.count; t++) {
      const start = tokens.starts[t] as number;
      while (s < sentences.length && (sentences[s] as Sentence).end <= start) s++;
      if (s < sentences.length && (sentences[s] as Sentence).start <= start) this.sentence[t] = s;
    }
    this.runFirst = new Int32Array(this.count);
    this.runLast = new Int32Array(this.count);
    for (let t = 0; t < this.count; t++) this.runFirst[t] = t > 0 && this.sentence[t - 1] === this.sentence[t] ? (this.runFirst[t - 1] as number) : t;
    for (let t = this.count - 1; t >= 0; t--) this.runLast[t] = t + 1 < this.count && this.sentence[t + 1] === this.sentence[t] ? (this.runLast[t + 1] as number) : t + 1;
  }
  start(t: number): number {
    return this.tokens.starts[t] as number;
  }
  end(t: number): number {
    return this.tokens.ends[t] as number;
  }
  /** The first token of the sentence token t is in (tokens outside every sentence form runs of their own). */
  sentenceStart(t: number): number {
    return this.runFirst[t] as number;
  }
  /** One past the last token of the sentence token t is in. */
  sentenceEnd(t: number): number {
    return this.runLast[t] as number;
  }
  isCapitalized(t: number): boolean {
    const c = this.raw[t]?.charCodeAt(0) ?? 0;
    return (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde);
  }
  isWord(t: number): boolean {
    return /^\p{L}[\p{L}\p{M}.'’-]*$/u.test(this.raw[t] ?? "");
  }
  /** The entity whose last token is t, or -1. */
  entityEndingAt(t: number): number {
    const e = t >= 0 ? (this.entity[t] as number) : -1;
    return e >= 0 && (this.ranges[e] as { last: number }).last === t + 1 ? e : -1;
  }
  entityStartingAt(t: number): number {
    const e = t < this.count ? (this.entity[t] as number) : -1;
    return e >= 0 && (this.ranges[e] as { first: number }).first === t ? e : -1;
  }
  key(first: number, last: number): string {
    return this.lower.slice(first, last).join(" ");
  }
  /** Whether any token of [first, last) is inside an entity mention. */
  hasEntityIn(first: number, last: number): boolean {
    for (let t = first; t < last; t++) if ((this.entity[t] as number) >= 0) return true;
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Proposals.

interface TitleMatch {
  readonly first: number;
  readonly last: number; // exclusive
  readonly entry: TitleEntry;
  /** "then-President", "ex-President": a modifier glued to the title by a hyphen. */
  readonly glued: ModifierEffect | null;
}

interface Proposal {
  readonly first: number; // token range of the words that state the role (modifiers, department, title)
  readonly last: number;
  readonly role: string | null;
  readonly sector: string | null;
  readonly country: string | null;
  readonly holder: number | null;
  readonly affiliation: number | null;
  readonly rule: string;
}

class RoleReader {
  readonly lex = roleLexicon();
  readonly countries: CountryIndex = countryIndex();

  constructor(readonly view: TokenView) {}

  entityCountry(e: number): string | null {
    const mention = this.view.entities[e] as EntityMention;
    return mention.country ?? mentionCountry(mention, this.countries) ?? null;
  }

  /** The longest title whose last token is `last - 1`, inside one sentence and outside every entity. */
  titleEndingAt(last: number, floor: number): TitleMatch | null {
    const v = this.view;
    for (let n = Math.min(this.lex.titles.longestEndingWith(v.lower[last - 1] as string), last - floor); n >= 1; n--) {
      const first = last - n;
      if (v.hasEntityIn(first, last)) continue;
      const entry = this.lex.titles.at(v.lower, first, n);
      if (entry) return { first, last, entry, glued: null };
    }
    return last - 1 >= floor && (v.entity[last - 1] as number) < 0 ? this.gluedTitle(last - 1) : null;
  }

  titleStartingAt(first: number, ceiling: number): TitleMatch | null {
    const v = this.view;
    for (let n = Math.min(this.lex.titles.longestStartingWith(v.lower[first] as string), ceiling - first); n >= 1; n--) {
      const last = first + n;
      if (v.hasEntityIn(first, last)) continue;
      const entry = this.lex.titles.at(v.lower, first, n);
      if (entry) return { first, last, entry, glued: null };
    }
    return first < ceiling && (v.entity[first] as number) < 0 ? this.gluedTitle(first) : null;
  }

  gluedTitle(t: number): TitleMatch | null {
    const word = this.view.lower[t] ?? "";
    const dash = word.indexOf("-");
    if (dash <= 0) return null;
    const effect = this.lex.modifiers.get(word.slice(0, dash));
    const entry = this.lex.titles.get(word.slice(dash + 1));
    return effect && entry ? { first: t, last: t + 1, entry, glued: effect } : null;
  }

  /** Department words ending before `last`: an ORG mention ("Homeland Security") or up to four capitalised words. */
  deptEndingAt(last: number, floor: number): { first: number; org: number } | null {
    const v = this.view;
    const e = v.entityEndingAt(last - 1);
    if (e >= 0) {
      const mention = v.entities[e] as EntityMention;
      return mention.type === "ORG" ? { first: (v.ranges[e] as { first: number }).first, org: e } : null;
    }
    let first = last;
    while (first > floor && last - first < 4 && (v.entity[first - 1] as number) < 0 && v.isCapitalized(first - 1) && v.isWord(first - 1)) {
      const w = v.lower[first - 1] as string;
      if (this.lex.deptStops.has(w) || this.lex.modifiers.has(w) || this.lex.titles.has(w)) break;
      first--;
    }
    // A capitalised word opening the sentence may be the sentence's first word, not a department: keep it only in a run.
    if (first < last && first === v.sentenceStart(first) && last - first === 1) return null;
    return first < last ? { first, org: -1 } : null;
  }

  /** The sector a title takes: its own, else Phoenix's for the whole phrase or its department words, else a group noun's. */
  sector(entry: TitleEntry, deptKey: string | null, titleKey: string): string | null {
    if (entry.sector) return entry.sector;
    // A bare title with no sector of its own says none: Phoenix's "spokesman" is MED, a government's is not.
    const candidates = deptKey ? [`${deptKey} ${titleKey}`, deptKey] : [];
    for (const phrase of candidates) {
      const code = this.lex.agents.get(phrase);
      if (code) return code.slice(0, 3);
      const group = this.lex.groups.get(phrase);
      if (group) return group.sector;
    }
    return null;
  }

  /** An affiliation ending at token t: "U.S.", "Colombian", "Colombia's", "the EU's", or a person's possessive. */
  affiliationEndingAt(t: number, personModifies = false): { entity: number; first: number; country: string | null } | null {
    const v = this.view;
    let at = t;
    if (v.lower[at] === "'s" || v.lower[at] === "'") at--;
    const e = v.entityEndingAt(at);
    if (e < 0) return null;
    const mention = v.entities[e] as EntityMention;
    const first = (v.ranges[e] as { first: number }).first;
    if (mention.type === "GPE" || mention.type === "NORP" || mention.type === "ORG" || mention.type === "LOC") {
      const country = this.entityCountry(e);
      return country ? { entity: e, first, country } : null;
    }
    // "Trump's Homeland Security Secretary": the person's country, once the actors stage knows it.
    // "Trump administration": a person's name modifying a group noun.
    if (mention.type === "PERSON" && (at !== t || personModifies)) return { entity: e, first, country: null };
    return null;
  }

  /**
   * Reads leftwards from `last` (exclusive): [affiliation] [modifiers] [department] title [of Department].
   * Returns null when no title ends there.
   */
  readTitleBefore(last: number, floor: number): Omit<Proposal, "holder" | "rule"> | null {
    const v = this.view;
    let title = this.titleEndingAt(last, floor);
    let dept: { first: number; org: number } | null = null;
    let deptAfter = false;
    if (!title) {
      // "Secretary of Homeland Security Kristi Noem"
      const of = this.deptEndingAt(last, floor);
      if (of && v.lower[of.first - 1] === "of") {
        const t = this.titleEndingAt(of.first - 1, floor);
        if (t?.entry.dept === "of") {
          title = t;
          dept = of;
          deptAfter = true;
        }
      }
    }
    if (!title) return null;
    let k = title.first;
    if (!dept && title.entry.dept) {
      dept = this.deptEndingAt(k, floor);
      if (dept) k = dept.first;
    }
    const kept: string[] = [];
    let former = title.glued === "former";
    if (title.glued === "keep") kept.unshift(capitalize((v.lower[title.first] as string).split("-")[0] as string));
    while (k > floor) {
      const w = v.lower[k - 1] as string;
      const effect = this.lex.modifiers.get(w) ?? this.gluedModifier(w);
      const e = v.entityEndingAt(k - 1);
      // "Republican Sen. Lindsey Graham": a party (a NORP naming no country) describes the person, not the office.
      if (!effect && e >= 0 && (v.entities[e] as EntityMention).type === "NORP" && !this.entityCountry(e)) {
        k = (v.ranges[e] as { first: number }).first;
        continue;
      }
      if (!effect || v.entity[k - 1] !== -1) break;
      if (effect === "keep") kept.unshift(capitalize(v.raw[k - 1] as string));
      if (effect === "former") former = true;
      k--;
    }
    const affiliation = k > floor ? this.affiliationEndingAt(k - 1) : null;
    // "Former Brazilian President Jair Bolsonaro": "former" may stand before the affiliation too.
    for (let m = affiliation ? affiliation.first : k; m > floor; m--) {
      const effect = this.lex.modifiers.get(v.lower[m - 1] as string);
      if (!effect || effect === "keep") break;
      if (effect === "former") former = true;
    }
    let deptText: string | null = null;
    if (dept) {
      const deptLast = dept.org >= 0 ? (v.ranges[dept.org] as { last: number }).last : deptAfter ? last : title.first;
      deptText = v.doc.text.slice(v.start(dept.first), v.end(deptLast - 1));
    }
    const proposal = this.compose(title, dept, deptText, kept, former, affiliation, k, deptAfter ? last : title.last);
    const before = affiliation || dept ? -1 : v.entityEndingAt(k - 1);
    return before >= 0 && k > floor && (v.entities[before] as EntityMention).type === "ORG" ? this.ofUnknownOrg(proposal, before) : proposal;
  }

  /**
   * "Daniel Cheng, president of Wan Guo Jin Liang Company", "Microsoft President Brad Smith": an office in an
   * organisation no table knows says nothing of the sector (a company's president is no GOV), unless Phoenix's agent
   * phrases know the organisation's kind ("Foreign Ministry" -> GOV).
   */
  ofUnknownOrg(proposal: Omit<Proposal, "holder" | "rule">, org: number): Omit<Proposal, "holder" | "rule"> {
    const name = (this.view.entities[org] as EntityMention).text;
    const reading = this.countries.org(name);
    if (reading) return { ...proposal, country: proposal.country ?? reading.country, sector: reading.sector ?? proposal.sector };
    const words = name.toLowerCase().split(/\s+/);
    // Phoenix knows kinds by their head words: "foreign ministry", "ministry", "police".
    for (let n = Math.min(3, words.length); n >= 1; n--) {
      const code = this.lex.agents.get(words.slice(-n).join(" "));
      if (code) return { ...proposal, sector: code.slice(0, 3) };
    }
    return { ...proposal, sector: null };
  }

  gluedModifier(word: string): ModifierEffect | undefined {
    const dash = word.indexOf("-");
    return dash > 0 && dash === word.length - 1 ? this.lex.modifiers.get(word.slice(0, dash)) : undefined;
  }

  compose(
    title: TitleMatch,
    dept: { first: number; org: number } | null,
    deptText: string | null,
    kept: readonly string[],
    former: boolean,
    affiliation: { entity: number; country: string | null } | null,
    first: number,
    last: number,
  ): Omit<Proposal, "holder" | "rule"> {
    const v = this.view;
    const entry = title.entry;
    const name = deptText ? normalizeDept(deptText) : null;
    let role = entry.role;
    if (name && entry.dept === "of") role = `${entry.role} of ${name}`;
    else if (name && entry.dept === "keep") role = `${name} ${entry.role}`;
    if (kept.length) role = `${kept.join(" ")} ${role}`;
    const titleKey = title.glued ? (v.lower[title.first] as string).slice((v.lower[title.first] as string).indexOf("-") + 1) : v.key(title.first, title.last);
    let sector = this.sector(entry, name ? name.toLowerCase() : null, titleKey);
    let country = affiliation?.country ?? null;
    // "FBI Director Kash Patel", "U.N. Secretary-General": the department's own reading gives the country and sector.
    // "Kremlin spokesperson Dmitry Peskov", "U.N. Secretary-General": an organisation's reading of the department or
    // the affiliation gives the sector a title lacks (RUSGOV -> GOV), and IGO to anyone speaking for a body.
    const readings = [
      dept ? this.countries.org(dept.org >= 0 ? (v.entities[dept.org] as EntityMention).text : (deptText ?? "")) : undefined,
      affiliation ? this.countries.org((v.entities[affiliation.entity] as EntityMention).text) : undefined,
    ];
    for (const reading of readings) {
      if (!reading) continue;
      country ??= reading.country;
      if (reading.sector === "IGO" || !entry.sector) sector = reading.sector ?? sector;
    }
    if (former) {
      role = `former ${role}`;
      sector = "ELI"; // Phoenix: FORMER_PRESIDENT, FORMER_PRIME_MINISTER -> ELI
    }
    return { first, last, role, sector, country, affiliation: affiliation?.entity ?? null };
  }

  /** "Nayib Bukele, El Salvador's president," / "Gustavo Petro, the president of Colombia," */
  readApposition(after: number, ceiling: number): Omit<Proposal, "holder" | "rule"> | null {
    const v = this.view;
    let k = after;
    if (v.lower[k] !== ",") return null;
    k++;
    if (ARTICLES.has(v.lower[k] as string)) k++;
    let affiliation: { entity: number; country: string | null } | null = null;
    const e = v.entityStartingAt(k);
    if (e >= 0) {
      const range = v.ranges[e] as { last: number };
      const possessive = v.lower[range.last] === "'s" || v.lower[range.last] === "'";
      const found = this.affiliationEndingAt(possessive ? range.last : range.last - 1);
      if (!found) return null;
      affiliation = found;
      k = range.last + (possessive ? 1 : 0);
    }
    const kept: string[] = [];
    let former = false;
    for (;;) {
      const effect = this.lex.modifiers.get(v.lower[k] as string);
      if (!effect || this.titleStartingAt(k, ceiling)) break;
      if (effect === "keep") kept.push(capitalize(v.raw[k] as string));
      if (effect === "former") former = true;
      k++;
    }
    // The title, perhaps after department words: "Colombia's foreign minister", "the Mexican economy minister".
    for (let d = k; d < Math.min(k + 4, ceiling); d++) {
      if (d > k && (!v.isWord(d - 1) || (v.entity[d - 1] as number) >= 0)) break;
      const title = this.titleStartingAt(d, ceiling);
      if (!title || (d > k && !title.entry.dept)) continue;
      let end = title.last;
      let unknownOrg = -1;
      let dept: { first: number; org: number } | null = d > k ? { first: k, org: -1 } : null;
      let deptText = d > k ? v.doc.text.slice(v.start(k), v.end(d - 1)) : null;
      // "... the president of Colombia," / "... the secretary of homeland security,"
      if (v.lower[end] === "of") {
        const of = v.entityStartingAt(end + 1);
        if (of >= 0) {
          const mention = v.entities[of] as EntityMention;
          const range = v.ranges[of] as { last: number };
          if (mention.type === "ORG" && title.entry.dept === "of" && !dept) {
            dept = { first: end + 1, org: of };
            deptText = mention.text;
          } else if (!affiliation) {
            affiliation = this.affiliationEndingAt(range.last - 1);
            if (!affiliation && mention.type === "ORG") unknownOrg = of;
          }
          end = range.last;
        }
      }
      if (end < ceiling && !APPOSITION_END.has(v.lower[end] as string)) return null;
      const proposal = this.compose(title, dept, deptText, kept, former, affiliation, k, end);
      return unknownOrg >= 0 ? this.ofUnknownOrg(proposal, unknownOrg) : proposal;
    }
    return null;
  }

  /** What the words around one person mention say. */
  readPerson(e: number): Proposal[] {
    const v = this.view;
    const range = v.ranges[e] as { first: number; last: number };
    if (range.first >= range.last) return [];
    const floor = v.sentenceStart(range.first);
    const ceiling = v.sentenceEnd(range.last - 1);
    const out: Proposal[] = [];
    const before = this.readTitleBefore(range.first, floor);
    if (before) out.push({ ...before, holder: e, rule: "title-before-name" });
    const after = this.readApposition(range.last, ceiling);
    if (after) out.push({ ...after, holder: e, rule: "apposition-after" });
    if (!before && range.first - 1 > floor && v.lower[range.first - 1] === ",") {
      const preceding = this.readTitleBefore(range.first - 1, floor);
      if (preceding) out.push({ ...preceding, holder: e, rule: "apposition-before" });
    }
    if (!before) {
      // "Salvadoran Nayib Bukele", "Mexico's Claudia Sheinbaum": a nationality with no title.
      const nationality = range.first > floor ? this.affiliationEndingAt(range.first - 1) : null;
      if (nationality?.country) {
        const first = (v.ranges[nationality.entity] as { first: number }).first;
        out.push({ first, last: range.first, role: null, sector: null, country: nationality.country, holder: e, affiliation: nationality.entity, rule: "nationality-before-name" });
      }
    }
    // "Gustavo Petro of Colombia"
    if (v.lower[range.last] === "of") {
      const place = v.entityStartingAt(range.last + 1);
      const country = place >= 0 && (v.entities[place] as EntityMention).type === "GPE" ? this.entityCountry(place) : null;
      if (country) out.push({ first: range.last, last: (v.ranges[place] as { last: number }).last, role: null, sector: null, country, holder: e, affiliation: place, rule: "country-after-name" });
    }
    return out;
  }

  /** Group nouns standing for an actor: "police", "the Colombian government", "Trump administration". */
  readGroups(): Proposal[] {
    const v = this.view;
    const out: Proposal[] = [];
    for (let t = 0; t < v.count; t++) {
      if ((v.entity[t] as number) >= 0 || (v.sentence[t] as number) < 0) continue;
      let match: { last: number; entry: GroupEntry } | null = null;
      const ceiling = v.sentenceEnd(t);
      for (let n = Math.min(this.lex.groups.longestStartingWith(v.lower[t] as string), ceiling - t); n >= 1 && !match; n--) {
        if (v.hasEntityIn(t, t + n)) continue;
        const entry = this.lex.groups.at(v.lower, t, n);
        if (entry) match = { last: t + n, entry };
      }
      if (!match) continue;
      const next = match.last;
      // "Police Chief Ana Ruiz", "army chief", "gang Tren de Aragua", "government officials": a title, a name or a
      // head noun follows, so this noun only modifies it.
      const nextIsGroup = next < ceiling && (this.lex.groups.at(v.lower, next, 1) ?? this.lex.groups.at(v.lower, next, 2)) !== undefined;
      if (next < ceiling && (this.titleStartingAt(next, ceiling) || (v.entity[next] as number) >= 0 || (v.isCapitalized(next) && v.isWord(next)) || nextIsGroup)) {
        t = next - 1;
        continue;
      }
      // "army base", "military plane", "police station": a compound, not the group.
      const follower = v.lower[next] ?? "";
      if (next < ceiling && /^\p{Ll}+$/u.test(follower) && !this.lex.followers.has(follower) && !follower.endsWith("ed")) {
        t = next - 1;
        continue;
      }
      const floor = v.sentenceStart(t);
      let k = t;
      while (k > floor && this.lex.modifiers.get(v.lower[k - 1] as string) === "skip" && (v.entity[k - 1] as number) < 0) k--;
      const affiliation = k > floor ? this.affiliationEndingAt(k - 1, /*personModifies=*/ true) : null;
      // "his troops", "their opposition": someone's group, and the text has not said whose country that is.
      if (!affiliation && k > floor && POSSESSIVES.has(v.lower[k - 1] as string)) {
        t = next - 1;
        continue;
      }
      const determined = affiliation !== null || (k > floor && DETERMINERS.has(v.lower[k - 1] as string));
      if (!match.entry.bare && !determined) {
        t = next - 1;
        continue;
      }
      let country = affiliation?.country ?? null;
      let rule = affiliation ? "group-noun/affiliation" : determined ? "group-noun/determiner" : "group-noun/bare";
      // "police in Mexico", "the army of Sudan"
      if (!country && (v.lower[next] === "in" || v.lower[next] === "of")) {
        const place = v.entityStartingAt(next + 1);
        if (place >= 0 && (v.entities[place] as EntityMention).type === "GPE") {
          country = this.entityCountry(place);
          if (country) rule = "group-noun/country-after";
        }
      }
      out.push({ first: t, last: next, role: null, sector: match.entry.sector, country, holder: null, affiliation: affiliation?.entity ?? null, rule });
      t = next - 1;
    }
    return out;
  }

  /**
   * A description before an organisation's name: "the Venezuelan gang Tren de Aragua" -> CRM, VEN; "the newspaper
   * El Tiempo" -> MED. The noun comes from agents.tsv, else from Phoenix's agent phrases (lower-case words only).
   */
  readOrgDescriptors(): Proposal[] {
    const v = this.view;
    const out: Proposal[] = [];
    v.entities.forEach((mention, e) => {
      if (mention.type !== "ORG") return;
      const first = (v.ranges[e] as { first: number }).first;
      const floor = first > 0 ? v.sentenceStart(first - 1) : 0;
      let found: { first: number; sector: string } | null = null;
      for (let n = Math.min(3, first - floor); n >= 1 && !found; n--) {
        const from = first - n;
        if (v.entity.subarray(from, first).some((x) => x >= 0) || v.raw.slice(from, first).some((w) => !/^\p{Ll}/u.test(w))) continue;
        const key = v.key(from, first);
        const sector = this.lex.groups.get(key)?.sector ?? this.lex.agents.get(key)?.slice(0, 3);
        if (sector) found = { first: from, sector };
      }
      if (!found) return;
      let k = found.first;
      while (k > floor && this.lex.modifiers.get(v.lower[k - 1] as string) === "skip" && (v.entity[k - 1] as number) < 0) k--;
      const affiliation = k > floor ? this.affiliationEndingAt(k - 1) : null;
      out.push({ first: found.first, last: first, role: null, sector: found.sector, country: affiliation?.country ?? null, holder: e, affiliation: affiliation?.entity ?? null, rule: "descriptor-before-org" });
    });
    return out;
  }

  /** A place the text puts someone in: "visited Colombia", "in Bogotá", "El Salvador, where". */
  isScene(e: number): boolean {
    const v = this.view;
    const mention = v.entities[e] as EntityMention;
    if (mention.type !== "GPE" && mention.type !== "LOC") return false;
    const range = v.ranges[e] as { first: number; last: number };
    let before = range.first - 1;
    if (ARTICLES.has(v.lower[before] ?? "")) before--; // "in the United States"
    return SCENE_CUES.has(v.lower[before] ?? "") || (v.lower[range.last] === "," && v.lower[range.last + 1] === "where");
  }

  /** The country named by the place where the story is, at each sentence: "visited Colombia", "in Bogotá". */
  scenes(): (string | null)[] {
    const v = this.view;
    const out: (string | null)[] = [];
    const dateline = v.doc.layers.dateline?.place;
    let current: string | null = dateline ? (this.countries.place(dateline)?.country ?? null) : null;
    let t = 0;
    for (let s = 0; s < v.sentences.length; s++) {
      for (; t < v.count && (v.sentence[t] as number) <= s; t++) {
        const e = v.entityStartingAt(t);
        if (e < 0) continue;
        const country = this.isScene(e) ? this.entityCountry(e) : null;
        if (country) current = country;
      }
      out.push(current);
    }
    return out;
  }
}

function capitalize(word: string): string {
  return word ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** "homeland security" -> "Homeland Security"; "Homeland  Security" -> "Homeland Security". */
function normalizeDept(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .split(" ")
    .map((w) => (/^[a-z]/.test(w) && !SMALL_WORDS.has(w) ? capitalize(w) : w))
    .join(" ");
}
const SMALL_WORDS: ReadonlySet<string> = new Set(["of", "and", "the", "for", "on"]);

/**
 * Titles that name no country take one from their sentence, when the text supports a single reading: a place
 * before the person in the same sentence that is not already another title's affiliation ("El Salvador, where she
 * met with President Nayib Bukele"). Group nouns that name none take their sentence's or the story's scene.
 */
function refine(reader: RoleReader, proposals: Proposal[]): Proposal[] {
  const v = reader.view;
  const consumed = new Set(proposals.map((p) => p.affiliation).filter((a): a is number => a !== null));
  const scenes = reader.scenes();
  const out: Proposal[] = [];
  for (const p of proposals) {
    // An organisation's description states its country or none: its sentence's places are not its own.
    if (p.country !== null || p.affiliation !== null || (p.holder !== null && (v.entities[p.holder] as EntityMention).type !== "PERSON")) {
      out.push(p);
      continue;
    }
    const floor = v.sentenceStart(p.first);
    const ceiling = p.holder !== null ? (v.ranges[p.holder] as { first: number }).first : p.first;
    // Only a place the sentence puts someone in counts: "VOA ... Putin and Russia, ... Representative Glenn Ivey"
    // names Russia but puts nobody there.
    const countries = new Set<string>();
    for (let t = floor; t < ceiling; t++) {
      const e = v.entityStartingAt(t);
      if (e < 0 || consumed.has(e) || !reader.isScene(e)) continue;
      // A person takes the place's country only as someone met there: "Representative Andy Barr told VOA" after a
      // quote naming Ukraine is no Ukrainian.
      if (p.holder !== null && !MEETING.test(v.doc.text.slice((v.entities[e] as EntityMention).end, v.start(p.first)))) continue;
      const country = reader.entityCountry(e);
      if (country) countries.add(country);
    }
    if (countries.size === 1) {
      out.push({ ...p, country: [...countries][0] as string, rule: `${p.rule}/country-in-sentence` });
      continue;
    }
    if (p.holder === null) {
      const group = reader.lex.groups.get(v.key(p.first, p.last));
      const scene = scenes[v.sentence[p.first] as number] ?? null;
      // A group with no country of its own and none from the story names no one in particular.
      if (group?.scene && scene && countries.size === 0) out.push({ ...p, country: scene, rule: `${p.rule}/country-of-scene` });
      continue;
    }
    out.push(p);
  }
  return out;
}

/** The roles layer of a document with entities, tokens and sentences. */
export function readRoles(doc: Doc): RoleMention[] {
  const { tokens, entities, sentences } = doc.layers;
  if (!tokens || !entities || !sentences) return [];
  const view = new TokenView(doc, tokens, entities, sentences);
  const reader = new RoleReader(view);
  const proposals: Proposal[] = [];
  entities.forEach((mention, e) => {
    if (mention.type === "PERSON") proposals.push(...reader.readPerson(e));
  });
  proposals.push(...reader.readGroups(), ...reader.readOrgDescriptors());
  return refine(reader, proposals)
    .sort((a, b) => a.first - b.first)
    .map((p): RoleMention => {
      const start = view.start(p.first);
      const end = view.end(p.last - 1);
      return { start, end, text: doc.text.slice(start, end), role: p.role, sector: p.sector, country: p.country, holder: p.holder, affiliation: p.affiliation, provenance: { stage: "roles", rule: p.rule } };
    });
}

export const roles: Stage = {
  name: "roles",
  requires: ["entities", "tokens", "sentences"],
  provides: ["roles"],
  run: (doc) => withLayers(doc, { roles: readRoles(doc) }),
};

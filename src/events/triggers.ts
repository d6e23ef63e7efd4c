// Event triggers in a parsed sentence: verbs found in the CAMEO verb dictionary (only where the
// tagger reads them as verbs: "the visit" is not the verb "visit") and event nouns
// ("Noem's Wednesday *visit* to El Salvador", "held *talks*"). A cheap pre-check on the raw
// tokens decides which sentences are worth parsing at all.
import type { ParsedSentence } from "../syntax/shallowParse.js";
import type { EventNoun } from "./eventLexicon.js";
import { eventLexicon } from "./eventLexicon.js";
import type { VerbEntry } from "./verbDictionary.js";
import { keyById, verbDictionary } from "./verbDictionary.js";
import { WordTable } from "../text/vocabulary.js";
import { allVerbForms } from "../syntax/morphology.js";

export interface VerbTrigger {
  readonly kind: "verb";
  /** The verb's token. */
  readonly token: number;
  /** One past the trigger's last token ("sat *down*"). */
  readonly end: number;
  readonly group: number;
  /** The dictionary entries of the longest phrase that matched, newsgraph's first. */
  readonly entries: readonly VerbEntry[];
}

export interface NounTrigger {
  readonly kind: "noun";
  /** The noun's first and one-past-last token ("phone call"). */
  readonly token: number;
  readonly end: number;
  readonly chunk: number;
  readonly noun: EventNoun;
}

export type Trigger = VerbTrigger | NounTrigger;

/** A code newsgraph emits: not CAMEO 01 (statements) or 02 (appeals), which PLOVER dropped. */
const codable = (code: string | null | undefined): boolean => Boolean(code) && !/^0[12]/.test(code as string);

const DETERMINERS = new Set(["the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "any", "no", "some", "each", "every", "such"]);

interface Prefilter {
  /** Verb forms with a codable code of their own ("visited", "deported"). */
  readonly forms: ReadonlySet<string>;
  /** Forms of the support verbs ("held", "imposed", "launched"). */
  readonly supportForms: ReadonlySet<string>;
  /** Verb forms that code only through their block's patterns ("said" ... "sanctions"), with the words those need. */
  readonly patternForms: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every word some entry of patternForms needs. */
  readonly patternWords: ReadonlySet<string>;
  /** All of the above as bits per word (IS_FORM...), so that each token costs one lookup. */
  readonly flags: ReadonlyMap<string, number>;
}

const IS_FORM = 1;
const IS_NOUN = 2;
const IS_SUPPORT = 4;
const IS_PATTERN_FORM = 8;
const IS_DETERMINER = 16;

let prefilter: Prefilter | undefined;

function buildPrefilter(): Prefilter {
  const dictionary = verbDictionary();
  const anchorsByBlock = new Map<string, Set<string>>();
  for (const [block, patterns] of dictionary.patterns) {
    const set = new Set<string>();
    for (const p of patterns) {
      const code = p.code?.forward ?? p.code?.reverse;
      if (!codable(code) || !p.anchors.length) continue;
      // The pattern's rarest-looking word stands for it: its longest anchor alternative set's words.
      for (const alternatives of p.anchors) for (const a of alternatives) if (a.length > 3) set.add(a);
    }
    anchorsByBlock.set(block, set);
  }
  const forms = new Set<string>();
  const patternForms = new Map<string, Set<string>>();
  for (const [form, entries] of dictionary.byForm) {
    if (entries.some((e) => e.words.length === 1 && codable(e.code?.forward ?? e.code?.reverse))) {
      forms.add(form);
      continue;
    }
    // Phrasal verbs ("took over") need their other words; pattern-only verbs need a pattern word.
    const words = new Set<string>();
    for (const e of entries) {
      if (e.words.length > 1 && codable(e.code?.forward ?? e.code?.reverse)) words.add(e.words[1] as string);
      for (const a of anchorsByBlock.get(e.block) ?? []) words.add(a);
    }
    if (words.size) patternForms.set(form, words);
  }
  const supportForms = new Set<string>();
  for (const verb of eventLexicon().supportVerbs) for (const form of allVerbForms(verb.split(" ")[0] as string)) supportForms.add(form);
  const patternWords = new Set<string>();
  for (const words of patternForms.values()) for (const w of words) patternWords.add(w);
  const flags = new Map<string, number>();
  const mark = (word: string, bit: number) => flags.set(word, (flags.get(word) ?? 0) | bit);
  for (const w of forms) mark(w, IS_FORM);
  for (const w of eventLexicon().nouns.keys()) mark(w, IS_NOUN);
  for (const w of supportForms) mark(w, IS_SUPPORT);
  for (const w of patternForms.keys()) mark(w, IS_PATTERN_FORM);
  for (const w of DETERMINERS) mark(w, IS_DETERMINER);
  return { forms, patternForms, supportForms, patternWords, flags };
}

/**
 * Whether the sentence could hold an event: a verb form with a code, a verb whose patterns could code it and one of
 * whose pattern words is present, or an event noun that could stand alone (the sentence has a time expression) or as
 * a support verb's object. Most sentences with only "said" or an undated "the attack" are not worth parsing.
 * Reads tokens [from, to) of a document's lower-case token strings and their vocabulary ids (tokenize.ts tokenStrings).
 */
export function mayHoldTrigger(lowerWords: readonly string[], lowerIds: Int32Array, from: number, to: number, dated: boolean): boolean {
  prefilter ??= buildPrefilter();
  let anchors: string[] | null = null;
  let noun = false;
  let support = false;
  let previous = 0;
  for (let i = from; i < to; i++) {
    const f = flagsById.get(lowerIds[i] as number);
    // "the attack", "a deal", "their forces": after a determiner a verb form is a noun, and counts as one.
    const afterDeterminer = (previous & IS_DETERMINER) !== 0;
    previous = f;
    if (f === 0) continue;
    if (f & IS_FORM && !afterDeterminer) return true;
    if (f & IS_NOUN || (afterDeterminer && f & IS_FORM)) noun = true;
    if (f & IS_SUPPORT) support = true;
    if (noun && (dated || support)) return true;
    if (!(f & IS_PATTERN_FORM)) continue;
    const needs = prefilter.patternForms.get(lowerWords[i] as string) as ReadonlySet<string>;
    anchors ??= patternWordsIn(lowerWords, lowerIds, from, to);
    for (const k of anchors) if (needs.has(k)) return true;
  }
  return false;
}

/** The prefilter's flags by vocabulary id. */
const flagsById = new WordTable<number>((word) => {
  prefilter ??= buildPrefilter();
  return prefilter.flags.get(word) ?? 0;
});

/** The sentence's words (or their singulars) that some pattern names: usually none or a few. */
function patternWordsIn(lowerWords: readonly string[], lowerIds: Int32Array, from: number, to: number): string[] {
  const all = (prefilter as Prefilter).patternWords;
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const x = lowerWords[i] as string;
    if (x.length <= 3) continue;
    if (all.has(x)) out.push(x);
    const k = keyById.get(lowerIds[i] as number);
    if (k !== x && all.has(k)) out.push(k);
  }
  return out;
}

export function findTriggers(s: ParsedSentence): Trigger[] {
  const verbs = verbDictionary().byForm;
  const lexicon = eventLexicon();
  const out: Trigger[] = [];
  s.groups.forEach((group, g) => {
    const m = group.main;
    const candidates = verbs.get(s.lower[m] as string);
    if (!candidates) return;
    let bestLength = 0;
    let best: VerbEntry[] = [];
    for (const e of candidates) {
      let ok = true;
      for (let k = 1; k < e.words.length && ok; k++) if (s.lower[m + k] !== e.words[k]) ok = false;
      if (!ok) continue;
      if (e.words.length > bestLength) {
        bestLength = e.words.length;
        best = [e];
      } else if (e.words.length === bestLength) best.push(e);
    }
    if (!best.length) return;
    best.sort((a, b) => (a.origin === b.origin ? 0 : a.origin === "newsgraph" ? -1 : 1));
    out.push({ kind: "verb", token: m, end: m + bestLength, group: g, entries: best });
  });
  s.chunks.forEach((chunk, c) => {
    // "a mediation *effort*", "peace *efforts*": a light head leaves the meaning to the noun before it.
    const head = lexicon.lightNouns.has(s.lower[chunk.head] as string) && chunk.head > chunk.start ? chunk.head - 1 : chunk.head;
    // The chunk's head, or a two-word noun ending at the head ("phone call", "hunger strike").
    // Only the lengths of the event nouns that end with the head word (none for most heads).
    for (let len = Math.min(lexicon.nouns.longestEndingWith(s.lower[head] as string), head - chunk.start + 1); len >= 1; len--) {
      const from = head - len + 1;
      const found = lexicon.nouns.at(s.lower, from, len);
      if (!found) continue;
      // A common noun: "March" the month, "Attack" in a name, are no events.
      if (!/^NNS?$/.test(s.tags[head] as string)) break;
      if (found.entry.use === "plural" && !found.plural && head === chunk.head) break;
      out.push({ kind: "noun", token: from, end: head + 1, chunk: c, noun: found.entry });
      break;
    }
  });
  return out.sort((a, b) => a.token - b.token);
}

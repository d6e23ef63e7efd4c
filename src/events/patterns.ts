// Matching PETRARCH verb patterns against a clause. Words after "*" must occur, in order, in the
// verb phrase; words before it in the subject; "(TO PROPOSAL)" is a preposition followed by its
// words; "{PEACE DEAL}" consecutive words; "$"/"+" mark where the source and target are. A word
// matches its plural or singular ("treaty" matches "treaties"). The most specific match wins.
import type { ParsedSentence } from "../syntax/shallowParse.js";
import type { PatternElement, VerbEntry, VerbPattern } from "./verbDictionary.js";
import { keyById, verbDictionary, wordKey } from "./verbDictionary.js";
import { WordTable } from "../text/vocabulary.js";

export interface PatternMatch {
  readonly pattern: VerbPattern;
  /** Token after which the pattern said the target stands ("* (WITH +)"), or null. */
  readonly targetAt: number | null;
  readonly sourceAt: number | null;
  /** One past the last token the pattern matched (for the evidence span). */
  readonly lastToken: number;
}

interface State {
  pos: number;
  targetAt: number | null;
  sourceAt: number | null;
  last: number;
}

/** The sentence's tokens as pattern keys (plural and singular alike), computed once per sentence. */
interface SentenceKeys {
  readonly keys: readonly string[];
  readonly present: ReadonlySet<string>;
  /** Per token: LOWER_INDEXED when some pattern is indexed under its lower-case form, KEY_INDEXED under its key. */
  readonly indexed: Uint8Array;
}
const sentenceKeys = new WeakMap<ParsedSentence, SentenceKeys>();

const LOWER_INDEXED = 1;
const KEY_INDEXED = 2;

/** By vocabulary id of a lower-case word: whether any block indexes patterns under it or under its key. */
const indexedById = new WordTable<number>((lower) => {
  const words = indexedWords();
  return (words.has(lower) ? LOWER_INDEXED : 0) | (words.has(wordKey(lower)) ? KEY_INDEXED : 0);
});

let allIndexed: Set<string> | undefined;

function indexedWords(): ReadonlySet<string> {
  if (!allIndexed) {
    allIndexed = new Set();
    for (const index of verbDictionary().patternIndex.values()) for (const word of index.keys()) if (word) allIndexed.add(word);
  }
  return allIndexed;
}

function keysOf(s: ParsedSentence): SentenceKeys {
  let found = sentenceKeys.get(s);
  if (!found) {
    const n = s.lowerIds.length;
    const keys = new Array<string>(n);
    const indexed = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      keys[i] = keyById.get(s.lowerIds[i] as number);
      indexed[i] = indexedById.get(s.lowerIds[i] as number);
    }
    const present = new Set(keys);
    for (const w of s.lower) present.add(w);
    found = { keys, present, indexed };
    sentenceKeys.set(s, found);
  }
  return found;
}

function matchWordsAt(s: ParsedSentence, keys: readonly string[], alternatives: readonly (readonly string[])[], at: number, end: number): number {
  for (const alt of alternatives) {
    if (at + alt.length > end) continue;
    let ok = true;
    for (let k = 0; k < alt.length && ok; k++) if (keys[at + k] !== alt[k] && s.lower[at + k] !== alt[k]) ok = false;
    if (ok) return alt.length;
  }
  return 0;
}

/** Matches elements in order within [state.pos, end), gaps allowed unless `tight`; returns false on failure. */
function matchSequence(s: ParsedSentence, keys: readonly string[], elements: readonly PatternElement[], state: State, end: number, tight: boolean): boolean {
  for (const e of elements) {
    if (e.kind === "source") state.sourceAt = state.pos;
    else if (e.kind === "target") state.targetAt = state.pos;
    else if (e.kind === "any") continue;
    else if (e.kind === "words") {
      let found = false;
      for (let i = state.pos; i < end; i++) {
        const len = matchWordsAt(s, keys, e.alternatives, i, end);
        if (len) {
          state.pos = i + len;
          state.last = state.pos;
          found = true;
          break;
        }
        if (tight) break;
      }
      if (!found) return false;
    } else if (e.kind === "pp") {
      let found = false;
      for (let i = state.pos; i < end && !found; i++) {
        // A preposition, not the "to" of an infinitive: "praised Haiti's efforts *to* improve" has no PP "to".
        if (!(e.preps.includes(s.lower[i] as string) || e.preps.includes(keys[i] as string)) || (s.groupAt[i] as number) >= 0) {
          if (tight) break;
          continue;
        }
        // The preposition's object runs to the next preposition or verb, at most eight words.
        let ppEnd = i + 1;
        while (ppEnd < end && ppEnd - i <= 8 && s.groupAt[ppEnd] === -1 && !(s.tags[ppEnd] === "IN" && ppEnd > i + 1)) ppEnd++;
        const inner: State = { pos: i + 1, targetAt: state.targetAt, sourceAt: state.sourceAt, last: i + 1 };
        if (matchSequence(s, keys, e.rest, inner, ppEnd, false)) {
          state.pos = inner.last;
          state.last = inner.last;
          state.targetAt = inner.targetAt;
          state.sourceAt = inner.sourceAt;
          found = true;
        }
      }
      if (!found) return false;
    } else if (e.kind === "phrase") {
      let found = false;
      for (let i = state.pos; i < end && !found; i++) {
        const inner: State = { pos: i, targetAt: state.targetAt, sourceAt: state.sourceAt, last: i };
        if (matchSequence(s, keys, e.items, inner, end, true)) {
          Object.assign(state, { pos: inner.pos, last: inner.last, targetAt: inner.targetAt, sourceAt: inner.sourceAt });
          found = true;
        }
        if (tight) break;
      }
      if (!found) return false;
    }
  }
  return true;
}

/**
 * The best pattern of the trigger's blocks that matches: `subject` is the span before the verb that the
 * subject covers, `phrase` the verb phrase after the trigger.
 */
export function matchPatterns(s: ParsedSentence, entries: readonly VerbEntry[], subject: { start: number; end: number }, phrase: { start: number; end: number }): PatternMatch | null {
  const dictionary = verbDictionary();
  const { keys, present, indexed } = keysOf(s);
  let best: PatternMatch | null = null;
  const blocks = new Set(entries.map((e) => e.block));
  for (const block of blocks) {
    const index = dictionary.patternIndex.get(block);
    if (!index) continue;
    // Only the patterns whose indexed word the sentence has (each pattern is indexed under one word element).
    const candidates = new Set<VerbPattern>(index.get("") ?? []);
    const collect = (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const flags = indexed[i] as number;
        if (flags === 0) continue;
        if (flags & KEY_INDEXED) for (const p of index.get(keys[i] as string) ?? []) candidates.add(p);
        if (flags & LOWER_INDEXED && keys[i] !== s.lower[i]) for (const p of index.get(s.lower[i] as string) ?? []) candidates.add(p);
      }
    };
    collect(subject.start, subject.end);
    collect(phrase.start, phrase.end);
    for (const p of candidates) {
      if (p.weight === 0) continue;
      if (best && (p.weight < best.pattern.weight || (p.weight === best.pattern.weight && !(p.origin === "newsgraph" && best.pattern.origin !== "newsgraph")))) continue;
      if (!p.anchors.every((alternatives) => alternatives.some((a) => present.has(a)))) continue;
      const before: State = { pos: subject.start, targetAt: null, sourceAt: null, last: subject.start };
      if (p.before.length && !matchSequence(s, keys, p.before, before, subject.end, false)) continue;
      const after: State = { pos: phrase.start, targetAt: null, sourceAt: null, last: phrase.start };
      // A pattern that is a lone preposition ("* on", "* (for)") is a phrasal verb: the preposition follows the verb.
      if (!matchSequence(s, keys, p.after, after, p.lone ? Math.min(phrase.end, phrase.start + 2) : phrase.end, false)) continue;
      best = { pattern: p, targetAt: after.targetAt ?? before.targetAt, sourceAt: after.sourceAt ?? before.sourceAt, lastToken: after.last };
    }
  }
  return best;
}

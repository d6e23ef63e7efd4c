// A person's surname stays a person through the story: a refiner over the tagger's spans (token
// ranges with a CoNLL class) before they are typed. News repeats names, and the tagger, reading
// one sentence at a time, sometimes calls a repeat something else: "Claudia Sheinbaum" PER in the
// first paragraph, "Despite efforts by Sheinbaum" MISC in the last. Rule "surname-of-person": a
// one-word name that is the last word of a longer PER name in the story ("Sheinbaum"), or that
// word without an Arabic article ("Assad" after "Bashar al-Assad"), is a PER, also where the
// tagger left it out.
//
// A wider rule, "a name written the same way takes the class most of its mentions have", was
// tried and dropped: sports stories use a city as a team and as a place in one story ("Newcastle
// beat Chelsea" ORG, "in Newcastle" LOC), and it cost 0.3 F1 on CoNLL-2003 dev; this rule gains 0.3.
//
// Words are compared by their lower-case hashes, and only capitalised tokens count, so "us"
// never becomes "US" and a headline in capitals still matches the body.
import type { TokenSpan } from "./bilou.js";
import { ALL_CAPS, INIT_CAP, type TokenColumns, type TokenSequence } from "./features.js";
import { CASE_LOWER, HashTable, hashPair } from "./textHash.js";

export type ConsistencyRule = "surname-of-person";

export interface RefinedSpan extends TokenSpan {
  /** The rule that changed or added the span; absent when it is the tagger's. */
  readonly rule?: ConsistencyRule;
}

function capitalised(cols: TokenColumns, t: number): boolean {
  return ((cols.flags[t] as number) & (INIT_CAP | ALL_CAPS)) !== 0;
}

/** "al-Assad" -> the offset of "Assad": a lower-case article of one to three letters and a hyphen. */
function afterArticle(text: string, start: number, end: number): number {
  for (let i = start + 1; i <= start + 3 && i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2d) return i + 1 < end && text.charCodeAt(i + 1) >= 0x41 && text.charCodeAt(i + 1) <= 0x5a ? i + 1 : -1;
    if (c < 0x61 || c > 0x7a) return -1;
  }
  return -1;
}

/**
 * Refine the spans of one document. `personClass` is the index of the person class (PER).
 * Returns spans sorted by position, without overlaps.
 */
export function makeConsistent(spans: readonly TokenSpan[], seq: TokenSequence, cols: TokenColumns, personClass: number): RefinedSpan[] {
  const count = seq.count;
  // Surnames: the last word of every PER name of two words or more, and that word without its article.
  const surnames = new HashTable(2 * spans.length + 1);
  const pair = new Int32Array(2);
  for (const s of spans) {
    const t = s.last - 1;
    if (s.cls !== personClass || s.last - s.first < 2) continue;
    if (capitalised(cols, t)) surnames.set(cols.lowerA[t] as number, cols.lowerB[t] as number, 1);
    const bare = afterArticle(seq.text, seq.starts[t] as number, seq.ends[t] as number);
    if (bare >= 0) {
      hashPair(seq.text, bare, seq.ends[t] as number, CASE_LOWER, pair);
      surnames.set(pair[0] as number, pair[1] as number, 1);
    }
  }
  const isSurname = (t: number): boolean => capitalised(cols, t) && surnames.get(cols.lowerA[t] as number, cols.lowerB[t] as number) >= 0;

  const out: RefinedSpan[] = [];
  const covered = new Uint8Array(count);
  for (const s of spans) {
    for (let t = s.first; t < s.last; t++) covered[t] = 1;
    out.push(s.last - s.first === 1 && s.cls !== personClass && isSurname(s.first) ? { ...s, cls: personClass, rule: "surname-of-person" } : s);
  }
  // A capitalised word the tagger left out that is the surname of a person named in the story.
  for (let t = 0; t < count; t++) {
    if (covered[t] || !isSurname(t)) continue;
    // Not inside a longer capitalised run the tagger chose to leave out ("Noem Street" is no person).
    if ((t > 0 && !covered[t - 1] && capitalised(cols, t - 1)) || (t + 1 < count && !covered[t + 1] && capitalised(cols, t + 1))) continue;
    out.push({ first: t, last: t + 1, cls: personClass, rule: "surname-of-person" });
  }
  return out.sort((x, y) => x.first - y.first);
}

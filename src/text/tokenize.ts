// Tokens with exact offsets, stored column-wise (TokenLayer). One linear scan over
// char codes; no regex and no object per token.
//
// Conventions (close to Penn Treebank / OntoNotes, which the entity models train on):
// - words keep inner hyphens and apostrophes-in-names: "hand-in-hand", "O'Brien";
// - clitics split off: "We're" -> "We" "'re", "Colombia's" -> "Colombia" "'s", "don't" -> "do" "n't";
// - numbers keep inner "." and ",": "25.5", "1,000";
// - a period stays on a listed abbreviation ("Mr.", "Calif.") and on initials and acronyms ("E.", "U.S.");
//   otherwise it is its own token, also when glued to the next word: "deportation.Her" -> "deportation" "." "Her".
import type { Doc, Span, TokenLayer } from "../model/document.js";
import { withLayers } from "../model/document.js";
import type { Stage } from "../pipeline/pipeline.js";
import { abbreviationSet } from "./abbreviations.js";
import { WordTable, vocabulary } from "./vocabulary.js";

const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;
const PERIOD = 0x2e;
const HYPHEN = 0x2d;

export function isLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  // Latin-1 letters, then anything alphabetic by Unicode.
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  return LETTER.test(String.fromCharCode(code));
}
const LETTER = /[\p{L}\p{M}]/u;

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x2028 || code === 0x2029 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000 || code === 0xfeff;
}

function isApostrophe(code: number): boolean {
  return code === APOSTROPHE || code === RIGHT_SINGLE_QUOTE;
}

function isUpper(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}

/** Clitics split off the word before them, lower case, apostrophe written as ASCII. */
const CLITICS = ["'s", "'re", "'ve", "'ll", "'d", "'m"];

class TokenBuffer {
  starts: Int32Array;
  ends: Int32Array;
  count = 0;
  constructor(expected: number) {
    // English news runs about one token per five characters; start there and grow if needed.
    this.starts = new Int32Array(Math.max(64, expected));
    this.ends = new Int32Array(Math.max(64, expected));
  }
  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const grow = (old: Int32Array): Int32Array => {
        const next = new Int32Array(old.length * 2);
        next.set(old);
        return next;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }
}

export function tokenize(text: string, span: Span = { start: 0, end: text.length }): TokenLayer {
  const out = new TokenBuffer(Math.ceil((span.end - span.start) / 4));
  const abbreviations = abbreviationSet();
  const end = span.end;
  let i = span.start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (isDigit(c)) {
      let j = i + 1;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (isDigit(d) || isLetter(d)) j++;
        else if ((d === PERIOD || d === 0x2c || d === 0x3a || d === 0x2f) && j + 1 < end && isDigit(text.charCodeAt(j + 1))) j += 2;
        else break;
      }
      out.push(i, j);
      i = j;
      continue;
    }
    if (isLetter(c)) {
      let j = i + 1;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (isLetter(d) || isDigit(d)) j++;
        else if (d === HYPHEN && j + 1 < end && (isLetter(text.charCodeAt(j + 1)) || isDigit(text.charCodeAt(j + 1)))) j += 2;
        // "O'Brien", "Côte d'Ivoire": an apostrophe followed by a capital, or after a single letter, stays inside.
        else if (isApostrophe(d) && j + 1 < end && isLetter(text.charCodeAt(j + 1)) && (j - i === 1 || isUpper(text.charCodeAt(j + 1)))) j += 2;
        else break;
      }
      // Acronyms and initials: "U.S.", "E.", "J.R.R.", "a.m."
      if (j < end && text.charCodeAt(j) === PERIOD) {
        if (j - i === 1) {
          let k = j + 1;
          while (k + 1 < end && isLetter(text.charCodeAt(k)) && text.charCodeAt(k + 1) === PERIOD && (k + 2 >= end || !isLetter(text.charCodeAt(k + 2)))) k += 2;
          out.push(i, k);
          i = k;
          continue;
        }
        if (abbreviations.has(text.slice(i, j).toLowerCase())) {
          out.push(i, j + 1);
          i = j + 1;
          continue;
        }
      }
      // "don't" -> "do" "n't"
      if (j - i > 2 && j + 1 < end && isApostrophe(text.charCodeAt(j)) && (text.charCodeAt(j - 1) | 0x20) === 0x6e && (text.charCodeAt(j + 1) | 0x20) === 0x74 && (j + 2 >= end || !isLetter(text.charCodeAt(j + 2)))) {
        out.push(i, j - 1);
        out.push(j - 1, j + 2);
        i = j + 2;
        continue;
      }
      out.push(i, j);
      i = j;
      continue;
    }
    if (isApostrophe(c) && i + 1 < end && isLetter(text.charCodeAt(i + 1)) && out.count > 0 && out.ends[out.count - 1] === i) {
      const clitic = matchClitic(text, i, end);
      if (clitic > 0) {
        out.push(i, i + clitic);
        i += clitic;
        continue;
      }
    }
    // Runs of the same punctuation stay together: "...", "--", "!!".
    let j = i + 1;
    while (j < end && text.charCodeAt(j) === c && !isLetter(c)) j++;
    // A surrogate pair is one character.
    if (c >= 0xd800 && c <= 0xdbff && j === i + 1 && j < end) j++;
    out.push(i, j);
    i = j;
  }
  return { count: out.count, starts: out.starts.subarray(0, out.count), ends: out.ends.subarray(0, out.count), provenance: { stage: "tokens", rule: "scanner" } };
}

function matchClitic(text: string, at: number, end: number): number {
  for (const clitic of CLITICS) {
    const len = clitic.length;
    if (at + len > end) continue;
    let same = true;
    for (let k = 1; k < len; k++) {
      if ((text.charCodeAt(at + k) | 0x20) !== clitic.charCodeAt(k)) {
        same = false;
        break;
      }
    }
    if (same && (at + len >= end || !isLetter(text.charCodeAt(at + len)))) return len;
  }
  return 0;
}

export interface TokenStrings {
  /** Each token's text, as written. */
  readonly words: readonly string[];
  /** Lower case, the typographic apostrophe as ASCII ("Noem’s" -> "noem's"). */
  readonly lower: readonly string[];
  /** Vocabulary ids (vocabulary.ts) of `words` and of `lower`. */
  readonly ids: Int32Array;
  readonly lowerIds: Int32Array;
  /** The vocabulary generation the ids belong to. */
  readonly generation: number;
}

const stringsOf = new WeakMap<TokenLayer, TokenStrings>();

/** The id of a word's lower-case form (the typographic apostrophe as ASCII). */
const lowerIdOf = new WordTable<number>((word) => {
  let low = word.toLowerCase();
  if (low.includes("\u2019")) low = low.replace(/\u2019/g, "'");
  return vocabulary.id(low);
});

/**
 * The tokens' texts and vocabulary ids, made once per token layer and shared by every stage that reads words: one
 * string per distinct word (not one per token and stage), one vocabulary lookup per token, and from then on what a
 * stage knows of a word is an array read by id (vocabulary.ts).
 */
export function tokenStrings(text: string, tokens: TokenLayer): TokenStrings {
  let found = stringsOf.get(tokens);
  if (!found || found.generation !== vocabulary.generation) {
    const n = tokens.count;
    const words = new Array<string>(n);
    const lower = new Array<string>(n);
    const ids = new Int32Array(n);
    const lowerIds = new Int32Array(n);
    // Ids are taken in one pass; should the vocabulary start over midway (it is bounded), take them all again.
    for (let attempt = 0; attempt < 2; attempt++) {
      const generation = vocabulary.generation;
      for (let t = 0; t < n; t++) {
        const id = vocabulary.idOfRange(text, tokens.starts[t] as number, tokens.ends[t] as number);
        ids[t] = id;
        lowerIds[t] = lowerIdOf.get(id);
      }
      if (generation === vocabulary.generation) break;
    }
    for (let t = 0; t < n; t++) {
      words[t] = vocabulary.text(ids[t] as number);
      lower[t] = vocabulary.text(lowerIds[t] as number);
    }
    found = { words, lower, ids, lowerIds, generation: vocabulary.generation };
    stringsOf.set(tokens, found);
  }
  return found;
}

/** The token texts, for tests and debugging; not for hot paths. */
export function tokenTexts(text: string, tokens: TokenLayer): string[] {
  const texts: string[] = [];
  for (let t = 0; t < tokens.count; t++) texts.push(text.slice(tokens.starts[t], tokens.ends[t]));
  return texts;
}

export const tokens: Stage = {
  name: "tokens",
  requires: ["body"],
  provides: ["tokens"],
  run(doc: Doc): Doc {
    return withLayers(doc, { tokens: tokenize(doc.text, doc.layers.body ?? { start: 0, end: doc.text.length }) });
  },
};

// Gazetteers: names of a kind ("country", "demonym", "title"), matched against a document's
// tokens as whole token sequences. Entries are tokenized with the document tokenizer and keyed
// by the rolling hash of their lower-cased token hashes, so matching a document is a handful of
// table probes per token and never builds a string.
//
// A gazetteer hit is evidence for the tagger (a feature, weighed by training), never a verdict:
// "Jordan" is a country and a first name, "May" a month and a prime minister.
import { isDigit, isLetter, tokenize } from "../text/tokenize.js";
import { CASE_LOWER, HashTable, SEED_A, SEED_B, hashPair, hashRange, mix } from "./textHash.js";

/** Up to 30 categories (bits of one int). The order is part of a trained model's features: append, never reorder. */
export const GAZETTEER_CATEGORIES = [
  "country",
  "capital",
  "demonym",
  "place-gpe",
  "place-loc",
  "norp",
  "org",
  "title",
  "corpus-person",
  "corpus-org",
  "corpus-gpe",
  "corpus-loc",
  "corpus-norp",
  "corpus-misc",
  "first-name",
  "fac",
  "event",
  "org-word",
] as const;
export type GazetteerCategory = (typeof GAZETTEER_CATEGORIES)[number];

export function categoryBit(category: GazetteerCategory): number {
  return 1 << GAZETTEER_CATEGORIES.indexOf(category);
}

export function isGazetteerCategory(name: string): name is GazetteerCategory {
  return (GAZETTEER_CATEGORIES as readonly string[]).includes(name);
}

/** The longest entry, in tokens, a document is matched against. */
export const MAX_ENTRY_TOKENS = 6;

export interface GazetteerEntry {
  readonly name: string;
  readonly category: GazetteerCategory;
}

/** Letters and digits in words separated by single spaces. */
function isSimpleName(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  let previousSpace = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (previousSpace) return false;
      previousSpace = true;
    } else if (isLetter(c) || isDigit(c)) previousSpace = false;
    else return false;
  }
  return !previousSpace;
}

/** Start values of the two rolling sequence hashes. */
const SEQ_A = 0x1b873593;
const SEQ_B = 0x3c6ef372;

/** Per-token hit masks: bit k set when the token is the Unit, Begin, Inside or Last token of a match of category k. */
export interface GazetteerHits {
  readonly unit: Int32Array;
  readonly begin: Int32Array;
  readonly inside: Int32Array;
  readonly last: Int32Array;
}

export class Gazetteer {
  private readonly table: HashTable;
  private added = 0;
  /** Scratch for hashing: one word's hashes, one name's sequence hashes. */
  private readonly word = new Int32Array(2);
  private readonly pair = new Int32Array(2);

  /** `capacity`: how many entries will be added (a name under several categories counts once per category). */
  constructor(capacity: number) {
    this.table = new HashTable(capacity + 16);
  }

  static of(entries: readonly GazetteerEntry[]): Gazetteer {
    const gazetteer = new Gazetteer(entries.length);
    for (const entry of entries) gazetteer.add(entry.name, entry.category);
    return gazetteer;
  }

  /** Entries added (names longer than MAX_ENTRY_TOKENS tokens are skipped). */
  get size(): number {
    return this.added;
  }

  add(name: string, category: GazetteerCategory): void {
    this.addRange(name, 0, name.length, categoryBit(category));
  }

  /**
   * Add text[start, end) under the category bits. A name of letters and digits between single
   * spaces is hashed where it stands (the tokenizer would split it at the spaces and only
   * there); anything else ("U.S.", "Côte d'Ivoire", "al-Qaida") goes through the tokenizer.
   */
  addRange(text: string, start: number, end: number, bits: number): void {
    if (this.sequenceHash(text, start, end)) {
      this.table.or(this.pair[0] as number, this.pair[1] as number, bits);
      this.added++;
    }
  }

  /** Add an entry by its sequence hashes (from `hashes`), as stored in a compiled lexicon. */
  addHashed(a: number, b: number, bits: number): void {
    this.table.or(a, b, bits);
    this.added++;
  }

  /** The two sequence hashes of a name, as stored by addHashed; null when the name is no entry (too long, empty). */
  hashes(name: string): readonly [number, number] | null {
    return this.sequenceHash(name, 0, name.length) ? [this.pair[0] as number, this.pair[1] as number] : null;
  }

  /** The sequence hashes of text[start, end) into this.pair; false when it cannot be an entry. */
  private sequenceHash(text: string, start: number, end: number): boolean {
    let a = SEQ_A;
    let b = SEQ_B;
    let count = 0;
    if (isSimpleName(text, start, end)) {
      let word = start;
      for (let i = start; i <= end; i++) {
        if (i < end && text.charCodeAt(i) !== 0x20) continue;
        hashPair(text, word, i, CASE_LOWER, this.word);
        a = mix(a, this.word[0] as number);
        b = mix(b, this.word[1] as number);
        count++;
        word = i + 1;
      }
    } else {
      const name = text.slice(start, end);
      const tokens = tokenize(name);
      count = tokens.count;
      for (let t = 0; t < tokens.count; t++) {
        hashPair(name, tokens.starts[t] as number, tokens.ends[t] as number, CASE_LOWER, this.word);
        a = mix(a, this.word[0] as number);
        b = mix(b, this.word[1] as number);
      }
    }
    if (count === 0 || count > MAX_ENTRY_TOKENS) return false;
    this.pair[0] = a;
    this.pair[1] = b;
    return true;
  }

  /**
   * Categories of the token sequence [first, last) given the lower-case hashes of a document's tokens
   * (0 when it is no entry).
   */
  lookup(lowerA: Int32Array, lowerB: Int32Array, first: number, last: number): number {
    let a = SEQ_A;
    let b = SEQ_B;
    for (let t = first; t < last; t++) {
      a = mix(a, lowerA[t] as number);
      b = mix(b, lowerB[t] as number);
    }
    const bits = this.table.get(a, b);
    return bits === -1 ? 0 : bits;
  }

  /** Categories of a string, tokenized as a document would be. */
  lookupText(text: string): number {
    const tokens = tokenize(text);
    const la = new Int32Array(tokens.count);
    const lb = new Int32Array(tokens.count);
    for (let t = 0; t < tokens.count; t++) {
      la[t] = hashRange(text, tokens.starts[t] as number, tokens.ends[t] as number, CASE_LOWER, SEED_A);
      lb[t] = hashRange(text, tokens.starts[t] as number, tokens.ends[t] as number, CASE_LOWER, SEED_B);
    }
    return this.lookup(la, lb, 0, tokens.count);
  }

  /**
   * Every match of every length inside [from, to), written into `hits` (which the caller zeroes).
   * Matches do not cross `breaks` (token indices that start a sentence).
   */
  match(lowerA: Int32Array, lowerB: Int32Array, from: number, to: number, hits: GazetteerHits): void {
    for (let i = from; i < to; i++) {
      let a = SEQ_A;
      let b = SEQ_B;
      const limit = Math.min(to, i + MAX_ENTRY_TOKENS);
      for (let j = i; j < limit; j++) {
        a = mix(a, lowerA[j] as number);
        b = mix(b, lowerB[j] as number);
        const bits = this.table.get(a, b);
        if (bits <= 0) continue;
        if (j === i) hits.unit[i] = (hits.unit[i] as number) | bits;
        else {
          hits.begin[i] = (hits.begin[i] as number) | bits;
          hits.last[j] = (hits.last[j] as number) | bits;
          for (let k = i + 1; k < j; k++) hits.inside[k] = (hits.inside[k] as number) | bits;
        }
      }
    }
  }
}

// Integer hashes of token text, read straight from the document with charCodeAt: no slice and no
// string per token in the tagger's hot loop. Every table the tagger consults (word clusters,
// gazetteers, the weights themselves) is keyed by these hashes, so a dictionary string and a
// token of the same text meet without either being turned into the other.
//
// Before hashing, characters are normalised the way the training data writes them: digits
// become "0" ("1996-08-30" and "2025-03-28" share a form), curly quotes and apostrophes become
// ASCII (CoNLL writes "'s", news writes "’s"), en and em dashes become "-".

/** How letters are cased before hashing. */
export const CASE_EXACT = 0;
export const CASE_LOWER = 1;
/** First character as written, the rest lower case: "LEICESTERSHIRE" -> "Leicestershire". */
export const CASE_TITLE = 2;
export type CaseMode = typeof CASE_EXACT | typeof CASE_LOWER | typeof CASE_TITLE;

/** Two independent seeds: a table keyed by both hashes has no practical collisions. */
export const SEED_A = 0x2545f491;
export const SEED_B = 0x6c8e9cf5;

export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Combine two hashes (order matters). */
export function mix(a: number, b: number): number {
  return fmix32((Math.imul(a, 0x9e3779b1) ^ b) + 0x7f4a7c15);
}

export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}

/** Digits, quotes and dashes normalised; letters left as written. */
export function normalizeChar(c: number): number {
  if (c >= 0x30 && c <= 0x39) return 0x30;
  if (c < 0x80) return c;
  if (c === 0x2019 || c === 0x2018 || c === 0x2032 || c === 0x60) return 0x27;
  if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb) return 0x22;
  if (c === 0x2013 || c === 0x2014 || c === 0x2212) return 0x2d;
  return c;
}

/** Lower case of one (already normalised) UTF-16 unit, without allocating for Latin, Greek and Cyrillic. */
export function lowerChar(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  if (c < 0x100) return c;
  if (c >= 0x100 && c <= 0x17f) return c % 2 === 0 && c !== 0x130 ? c + 1 : c; // Latin Extended-A pairs: Ā ā
  if (c >= 0x391 && c <= 0x3a9) return c + 32;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  if (c >= 0x400 && c <= 0x40f) return c + 80;
  return c;
}

/** Hash text[start, end) after normalising and casing it. */
export function hashRange(text: string, start: number, end: number, mode: CaseMode, seed: number): number {
  let h = seed ^ Math.imul(end - start, 0x9e3779b1);
  for (let i = start; i < end; i++) {
    let c = normalizeChar(text.charCodeAt(i));
    if (mode === CASE_LOWER || (mode === CASE_TITLE && i > start)) c = lowerChar(c);
    h = Math.imul(h ^ c, 0x01000193);
  }
  return fmix32(h);
}

/**
 * Both hashes (seeds A and B) of text[start, end) in one pass, written to out[0] and out[1]:
 * what every table keyed by a pair of hashes needs.
 */
export function hashPair(text: string, start: number, end: number, mode: CaseMode, out: Int32Array): void {
  const length = Math.imul(end - start, 0x9e3779b1);
  let a = SEED_A ^ length;
  let b = SEED_B ^ length;
  for (let i = start; i < end; i++) {
    let c = normalizeChar(text.charCodeAt(i));
    if (mode === CASE_LOWER || (mode === CASE_TITLE && i > start)) c = lowerChar(c);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  out[0] = fmix32(a);
  out[1] = fmix32(b);
}

export function hashString(text: string, mode: CaseMode, seed: number): number {
  return hashRange(text, 0, text.length, mode, seed);
}

/** The normalised form a hash of CASE_EXACT stands for, as a string: for files written at training time. */
export function normalizeString(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(normalizeChar(text.charCodeAt(i)));
  return out;
}

/**
 * An open-addressing table from a pair of 32-bit hashes to a non-negative int.
 * The first hash picks the slot, the second confirms it: two independent 32-bit hashes make
 * a false hit between two different strings vanishingly rare.
 */
export class HashTable {
  private readonly keysA: Int32Array;
  private readonly keysB: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  private filled = 0;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keysA = new Int32Array(capacity);
    this.keysB = new Int32Array(capacity);
    this.values = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.filled;
  }

  /** The table's arrays, to store it (see fromArrays). */
  toArrays(): { readonly keysA: Int32Array; readonly keysB: Int32Array; readonly values: Int32Array } {
    return { keysA: this.keysA, keysB: this.keysB, values: this.values };
  }

  /** A table from stored arrays: no hashing and no probing at load time. */
  static fromArrays(keysA: Int32Array, keysB: Int32Array, values: Int32Array): HashTable {
    const table = Object.create(HashTable.prototype) as HashTable;
    let filled = 0;
    for (let i = 0; i < values.length; i++) if ((values[i] as number) >= 0) filled++;
    Object.assign(table, { keysA, keysB, values, mask: values.length - 1, filled });
    return table;
  }

  private slot(a: number, b: number): number {
    let i = a & this.mask;
    while (this.values[i] !== -1 && (this.keysA[i] !== a || this.keysB[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  /** The value stored under (a, b), or -1. */
  get(a: number, b: number): number {
    return this.values[this.slot(a, b)] as number;
  }

  set(a: number, b: number, value: number): void {
    if (value < 0) throw new RangeError("HashTable values are non-negative");
    const i = this.slot(a, b);
    if (this.values[i] === -1) {
      if ((this.filled + 1) * 2 > this.values.length) throw new RangeError("HashTable is full; size it for the entries it will hold");
      this.filled++;
      this.keysA[i] = a;
      this.keysB[i] = b;
    }
    this.values[i] = value;
  }

  /** OR bits into the value under (a, b), starting from 0. */
  or(a: number, b: number, bits: number): void {
    const old = this.get(a, b);
    this.set(a, b, (old === -1 ? 0 : old) | bits);
  }
}

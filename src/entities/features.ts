// Features of the entity tagger: for each token, the rows of the weight table it reads.
//
// Everything is an integer. A document's tokens are first described once, column-wise (word
// hashes, shape, casing flags, word classes, gazetteer hits, document-level casing evidence);
// then, sentence by sentence, each token's features are hashed from template id + value into a
// row index of a fixed-size weight table (the "hashing trick"). No string is built per token.
//
// The templates follow Ratinov & Roth (2009): the word and its neighbours, shape, affixes,
// casing in context, word classes induced from unlabelled text, gazetteer hits, and non-local
// evidence from the rest of the document (how the same word is written elsewhere, and what the
// tagger called it earlier). Template ids are part of a trained model: append, never renumber.
import type { ClusterTable } from "./clusterTable.js";
import type { Gazetteer, GazetteerHits } from "./gazetteer.js";
import { HashTable, SEED_A, SEED_B, fmix32, lowerChar, mix, normalizeChar } from "./textHash.js";

/** A document's tokens as the tagger sees them, with sentence starts. */
export interface TokenSequence {
  readonly text: string;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 1 where a token opens a sentence (the tagger decodes sentence by sentence). */
  readonly sentenceStarts: Uint8Array;
}

export interface NerResources {
  readonly clusters: ClusterTable;
  readonly gazetteer: Gazetteer;
}

// Token flags.
export const INIT_CAP = 1;
export const ALL_CAPS = 2;
export const HAS_LOWER = 4;
export const HAS_DIGIT = 8;
export const HAS_HYPHEN = 16;
export const HAS_PERIOD = 32;
export const NO_LETTER_OR_DIGIT = 64;
export const SENT_START = 128;
/** Right after an opening quotation mark or bracket: capitalised like a sentence start. */
export const AFTER_OPENER = 256;
/** In a line written in capitals, where casing says nothing: "LEICESTERSHIRE TAKE OVER AT TOP". */
export const CAPS_LINE = 512;

// Casing classes.
const CAP_LOWER = 0;
const CAP_INIT = 1;
const CAP_ALL = 2;
const CAP_MIXED = 3;
const CAP_DIGIT = 4;
const CAP_OTHER = 5;

// Document-level evidence about a word's lower-case form, gathered from positions where casing is informative.
const SEEN_LOWER = 1;
const SEEN_CAPITALISED = 2;

/** Per-token description of a document, computed once. */
export interface TokenColumns {
  readonly exactA: Int32Array;
  readonly exactB: Int32Array;
  readonly lowerA: Int32Array;
  readonly lowerB: Int32Array;
  readonly titleA: Int32Array;
  readonly titleB: Int32Array;
  readonly shape: Int32Array;
  readonly flags: Int32Array;
  readonly capClass: Uint8Array;
  readonly length: Uint8Array;
  /** Word class per level, levels consecutive per token. */
  readonly classes: Int32Array;
  readonly classLevels: number;
  readonly gazetteer: GazetteerHits;
  readonly docFlags: Uint8Array;
}

function isUpperCode(c: number): boolean {
  return lowerChar(c) !== c;
}

function isLowerCode(c: number): boolean {
  if (c >= 0x61 && c <= 0x7a) return true;
  if (c < 0x80) return false;
  if (c >= 0xdf && c <= 0xff && c !== 0xf7) return true;
  return c >= 0x100 && !isUpperCode(c) && /\p{Ll}/u.test(String.fromCharCode(c));
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isOpener(c: number): boolean {
  return c === 0x22 || c === 0x201c || c === 0x2018 || c === 0x28 || c === 0x5b || c === 0x27;
}

export function describeTokens(seq: TokenSequence, resources: NerResources): TokenColumns {
  const n = seq.count;
  const { text, starts, ends } = seq;
  const levels = resources.clusters.levels;
  const cols: TokenColumns = {
    exactA: new Int32Array(n),
    exactB: new Int32Array(n),
    lowerA: new Int32Array(n),
    lowerB: new Int32Array(n),
    titleA: new Int32Array(n),
    titleB: new Int32Array(n),
    shape: new Int32Array(n),
    flags: new Int32Array(n),
    capClass: new Uint8Array(n),
    length: new Uint8Array(n),
    classes: new Int32Array(n * levels),
    classLevels: levels,
    gazetteer: { unit: new Int32Array(n), begin: new Int32Array(n), inside: new Int32Array(n), last: new Int32Array(n) },
    docFlags: new Uint8Array(n),
  };

  for (let t = 0; t < n; t++) {
    const s = starts[t] as number;
    const e = ends[t] as number;
    cols.length[t] = Math.min(e - s, 255);

    // One pass over the token's characters: its hashes as written, in lower case and in title case
    // (each with both seeds), its shape (character classes with runs collapsed: "Noem" Xx,
    // "U.S." X.X., "1996-08-30" d-d-d) and its casing flags.
    const length = Math.imul(e - s, 0x9e3779b1);
    let exactA = SEED_A ^ length;
    let exactB = SEED_B ^ length;
    let lowerA = exactA;
    let lowerB = exactB;
    let titleA = exactA;
    let titleB = exactB;
    let shape = 0x3f1d;
    let lastClass = -1;
    let upper = 0;
    let lower = 0;
    let letters = 0;
    let flags = 0;
    for (let i = s; i < e; i++) {
      const c = normalizeChar(text.charCodeAt(i));
      const lc = lowerChar(c);
      exactA = Math.imul(exactA ^ c, 0x01000193);
      exactB = Math.imul(exactB ^ c, 0x01000193);
      lowerA = Math.imul(lowerA ^ lc, 0x01000193);
      lowerB = Math.imul(lowerB ^ lc, 0x01000193);
      const tc = i === s ? c : lc;
      titleA = Math.imul(titleA ^ tc, 0x01000193);
      titleB = Math.imul(titleB ^ tc, 0x01000193);
      let cls: number;
      if (isDigitCode(c)) {
        cls = 0x64; // d
        flags |= HAS_DIGIT;
      } else if (lc !== c) {
        cls = 0x58; // X
        upper++;
        letters++;
      } else if (isLowerCode(c) || (c > 0x7f && /\p{L}/u.test(String.fromCharCode(c)))) {
        cls = 0x78; // x
        lower++;
        letters++;
      } else {
        cls = c;
        if (c === 0x2d) flags |= HAS_HYPHEN;
        else if (c === 0x2e) flags |= HAS_PERIOD;
      }
      if (cls !== lastClass) {
        shape = Math.imul(shape ^ cls, 0x01000193);
        lastClass = cls;
      }
    }
    cols.exactA[t] = fmix32(exactA);
    cols.exactB[t] = fmix32(exactB);
    cols.lowerA[t] = fmix32(lowerA);
    cols.lowerB[t] = fmix32(lowerB);
    cols.titleA[t] = fmix32(titleA);
    cols.titleB[t] = fmix32(titleB);
    cols.shape[t] = fmix32(shape);
    const first = text.charCodeAt(s);
    if (letters > 0 && isUpperCode(first)) flags |= INIT_CAP;
    if (letters > 0 && lower === 0) flags |= ALL_CAPS;
    if (lower > 0) flags |= HAS_LOWER;
    if (letters === 0 && (flags & HAS_DIGIT) === 0) flags |= NO_LETTER_OR_DIGIT;
    if (seq.sentenceStarts[t]) flags |= SENT_START;
    // After an opening quote or bracket that follows a space: capitalised like a sentence start ("“We're ...").
    if (t > 0 && (ends[t - 1] as number) - (starts[t - 1] as number) === 1 && isOpener(text.charCodeAt(starts[t - 1] as number))) {
      const openerStart = starts[t - 1] as number;
      if (t === 1 || (ends[t - 2] as number) < openerStart || seq.sentenceStarts[t - 1]) flags |= AFTER_OPENER;
    }
    cols.flags[t] = flags;
    cols.capClass[t] =
      letters === 0 ? ((flags & HAS_DIGIT) !== 0 ? CAP_DIGIT : CAP_OTHER) : lower === 0 ? CAP_ALL : isUpperCode(first) ? (upper > 1 ? CAP_MIXED : CAP_INIT) : upper > 0 ? CAP_MIXED : CAP_LOWER;
  }

  // Lines in capitals (headlines): casing there is no evidence of a name.
  let sentence = 0;
  while (sentence < n) {
    let end = sentence + 1;
    while (end < n && !seq.sentenceStarts[end]) end++;
    let worded = 0;
    let capital = 0;
    for (let t = sentence; t < end; t++) {
      if ((cols.length[t] as number) < 2 || ((cols.flags[t] as number) & (NO_LETTER_OR_DIGIT | HAS_DIGIT)) !== 0) continue;
      worded++;
      if ((cols.flags[t] as number) & ALL_CAPS) capital++;
    }
    if (capital >= 2 && capital * 4 >= worded * 3) for (let t = sentence; t < end; t++) cols.flags[t] = (cols.flags[t] as number) | CAPS_LINE;
    resources.gazetteer.match(cols.lowerA, cols.lowerB, sentence, end, cols.gazetteer);
    sentence = end;
  }

  // Word classes: as written; an all-capitals word as its title-case form; else lower case.
  const { clusters } = resources;
  for (let t = 0; t < n; t++) {
    let row = clusters.row(cols.exactA[t] as number, cols.exactB[t] as number);
    if (row < 0 && ((cols.flags[t] as number) & (ALL_CAPS | SENT_START | AFTER_OPENER)) !== 0) row = clusters.row(cols.titleA[t] as number, cols.titleB[t] as number);
    if (row < 0 && (cols.flags[t] as number) & ALL_CAPS) row = clusters.row(cols.lowerA[t] as number, cols.lowerB[t] as number);
    for (let l = 0; l < levels; l++) cols.classes[t * levels + l] = clusters.classOf(row, l);
  }

  // How the same word is written where casing is informative (not at a sentence start, not in a caps line):
  // "Such" starting a sentence is a name if "Such" is capitalised mid-sentence elsewhere in the story.
  const seen = new HashTable(n);
  for (let t = 0; t < n; t++) {
    const f = cols.flags[t] as number;
    if (f & (SENT_START | AFTER_OPENER | CAPS_LINE | NO_LETTER_OR_DIGIT)) continue;
    const evidence = f & INIT_CAP ? SEEN_CAPITALISED : f & HAS_LOWER ? SEEN_LOWER : 0;
    if (evidence) seen.or(cols.lowerA[t] as number, cols.lowerB[t] as number, evidence);
  }
  for (let t = 0; t < n; t++) {
    const v = seen.get(cols.lowerA[t] as number, cols.lowerB[t] as number);
    cols.docFlags[t] = v < 0 ? 0 : v;
  }
  return cols;
}

/**
 * What the tagger called each capitalised word earlier in the document ("extended prediction
 * history"): "Noem" tagged PER in the first paragraph is evidence for "Noem" in the fifth.
 */
export class PredictionHistory {
  private readonly index: HashTable;
  private readonly counts: Int32Array;
  private readonly outcomes: number;
  private used = 0;

  /** `outcomes`: O plus one per entity class. */
  constructor(tokens: number, outcomes: number) {
    this.index = new HashTable(tokens);
    this.counts = new Int32Array((tokens + 1) * outcomes);
    this.outcomes = outcomes;
  }

  record(cols: TokenColumns, t: number, outcome: number): void {
    if (((cols.flags[t] as number) & (INIT_CAP | ALL_CAPS)) === 0) return;
    const a = cols.lowerA[t] as number;
    const b = cols.lowerB[t] as number;
    let slot = this.index.get(a, b);
    if (slot < 0) {
      slot = this.used++;
      this.index.set(a, b, slot);
    }
    const at = slot * this.outcomes + outcome;
    this.counts[at] = (this.counts[at] as number) + 1;
  }

  /** 0 when the word was not seen before, else 1 + the most frequent outcome (ties: the first). */
  dominant(cols: TokenColumns, t: number): number {
    const slot = this.index.get(cols.lowerA[t] as number, cols.lowerB[t] as number);
    if (slot < 0) return 0;
    let best = 0;
    let bestCount = -1;
    for (let o = 0; o < this.outcomes; o++) {
      const c = this.counts[slot * this.outcomes + o] as number;
      if (c > bestCount) {
        best = o;
        bestCount = c;
      }
    }
    return 1 + best;
  }
}

// Template ids (part of the model: append, never renumber).
const T_BIAS = 1;
const T_WORD = 2;
const T_LOWER = 3;
const T_LOWER_M1 = 4;
const T_LOWER_P1 = 5;
const T_LOWER_M2 = 6;
const T_LOWER_P2 = 7;
const T_BIGRAM_M1 = 8;
const T_BIGRAM_P1 = 9;
const T_SHAPE = 10;
// 11, 12 (shape of the previous and next token): retired, covered by T_SHAPE_3; do not reuse.
const T_SHAPE_3 = 13;
const T_LOWER_M1_SHAPE = 14;
const T_SHAPE_LOWER_P1 = 15;
const T_PREFIX = 16; // 16..19
const T_SUFFIX = 20; // 20..23
const T_CASING = 24;
const T_CLASS = 25; // 25..25+levels-1
const T_CLASS_M1 = 30;
const T_CLASS_P1 = 31;
const T_GAZ = 32;
const T_GAZ_CASING = 33;
const T_GAZ_M1 = 34;
const T_GAZ_P1 = 35;
const T_DOC = 36;
const T_HISTORY = 37;
const T_TITLE_FORM = 38;
// 39 (length and casing), 40 (classes of both neighbours): retired, no gain on CoNLL dev; do not reuse.

const BOUNDARY_BEFORE = 0x5bd1e995;
const BOUNDARY_AFTER = 0x1b873593;

/**
 * Row indices of each token's features for one sentence: rows[offsets[k] .. offsets[k+1]) for
 * its k-th token. Reused from sentence to sentence; grows only for a longer sentence.
 */
export class FeatureBuffer {
  rows: Int32Array;
  offsets: Int32Array;
  private n = 0;
  private mask = 0;

  constructor(tokens = 256) {
    this.rows = new Int32Array(tokens * 96);
    this.offsets = new Int32Array(tokens + 1);
  }

  reset(tokens: number, rowMask: number): void {
    if (this.offsets.length < tokens + 1) this.offsets = new Int32Array(tokens * 2 + 1);
    // Fewer than 96 features per token: about 45 fixed ones plus gazetteer hits.
    if (this.rows.length < tokens * 96) this.rows = new Int32Array(tokens * 192);
    this.n = 0;
    this.mask = rowMask;
  }

  get length(): number {
    return this.n;
  }

  add(template: number, value: number): void {
    this.rows[this.n++] = mix(Math.imul(template, 0x632be5ab), value) & this.mask;
  }

  /** One feature per set bit: value = (base + bit) * factor + extra. */
  addBits(template: number, bits: number, base: number, factor: number, extra: number): void {
    while (bits !== 0) {
      const bit = 31 - Math.clz32(bits & -bits);
      this.add(template, (base + bit) * factor + extra);
      bits &= bits - 1;
    }
  }
}

function lowerAffixHash(text: string, s: number, e: number, k: number, fromEnd: boolean): number {
  let h = k;
  const from = fromEnd ? e - k : s;
  for (let i = from; i < from + k; i++) h = Math.imul(h ^ lowerChar(normalizeChar(text.charCodeAt(i))), 0x01000193);
  return h;
}

/**
 * The features of token t that depend on its written form alone: the bias, the word as written
 * and in lower case, its affixes, its word classes, its title-case form in a caps line. The same
 * word has the same ones wherever it stands, so the tagger sums their weights once per word and
 * story (tagger.ts); training reads them with the rest.
 */
export function wordFeatures(seq: TokenSequence, cols: TokenColumns, t: number, w: FeatureBuffer): void {
  const s = seq.starts[t] as number;
  const e = seq.ends[t] as number;
  const len = e - s;
  const levels = cols.classLevels;
  w.add(T_BIAS, 0);
  w.add(T_WORD, cols.exactA[t] as number);
  w.add(T_LOWER, cols.lowerA[t] as number);
  for (let k = 1; k <= 4 && k < len; k++) {
    if (k >= 3) w.add(T_PREFIX + k - 1, lowerAffixHash(seq.text, s, e, k, /*fromEnd=*/ false));
    w.add(T_SUFFIX + k - 1, lowerAffixHash(seq.text, s, e, k, /*fromEnd=*/ true));
  }
  for (let l = 0; l < levels; l++) w.add(T_CLASS + l, cols.classes[t * levels + l] as number);
  if ((cols.flags[t] as number) & ALL_CAPS && len > 1) w.add(T_TITLE_FORM, cols.titleA[t] as number);
}

/**
 * A key for a token's word features: its written form and its finest word class (which can
 * differ for one form: an unknown word takes its title-case form's class at a sentence start).
 */
export function wordFeatureKey(cols: TokenColumns, t: number): number {
  return (cols.exactB[t] as number) ^ Math.imul(cols.classes[t * cols.classLevels + cols.classLevels - 1] as number, 0x9e3779b1);
}

/** The roles a word plays for the tokens around it, in the order NeighbourSums stores them (tagger.ts). */
export const AS_PREVIOUS = 0;
export const AS_NEXT = 1;
export const AS_SECOND_PREVIOUS = 2;
export const AS_SECOND_NEXT = 3;

/**
 * The features token u gives the token next to it, by role: as the previous token (its lower-case form and its word
 * class), the next, the one two before, the one two after. They depend on u's word alone, so the tagger sums them
 * once per word like wordFeatures. u = -1 is the sentence boundary in that role.
 */
export function neighbourFeatures(cols: TokenColumns, u: number, role: number, w: FeatureBuffer): void {
  const lower = u < 0 ? (role === AS_PREVIOUS || role === AS_SECOND_PREVIOUS ? BOUNDARY_BEFORE : BOUNDARY_AFTER) : (cols.lowerA[u] as number);
  const cls = u < 0 ? (role === AS_PREVIOUS ? -1 : -2) : (cols.classes[u * cols.classLevels + 1] as number);
  if (role === AS_PREVIOUS) {
    w.add(T_LOWER_M1, lower);
    w.add(T_CLASS_M1, cls);
  } else if (role === AS_NEXT) {
    w.add(T_LOWER_P1, lower);
    w.add(T_CLASS_P1, cls);
  } else if (role === AS_SECOND_PREVIOUS) w.add(T_LOWER_M2, lower);
  else w.add(T_LOWER_P2, lower);
}

/**
 * Fill `buffer` with the feature rows of tokens [from, to) (one sentence). `rowMask` is the
 * weight table's row count minus one (a power of two). Without `withWordFeatures`, neither the
 * features of the token's own word (wordFeatures) nor those of its neighbours' words taken one
 * at a time (neighbourFeatures): the tagger sums those per word.
 */
export function sentenceFeatures(
  seq: TokenSequence,
  cols: TokenColumns,
  history: PredictionHistory,
  from: number,
  to: number,
  rowMask: number,
  buffer: FeatureBuffer,
  withWordFeatures = true,
): void {
  buffer.reset(to - from, rowMask);
  const offsets = buffer.offsets;
  const w = buffer;
  const { lowerA, shape, flags, capClass, classes, classLevels: levels, gazetteer: gaz } = cols;
  for (let t = from; t < to; t++) {
    offsets[t - from] = w.length;
    if (withWordFeatures) wordFeatures(seq, cols, t, w);
    const hasPrev = t > from;
    const hasNext = t + 1 < to;
    const lower = lowerA[t] as number;
    const lowerM1 = hasPrev ? (lowerA[t - 1] as number) : BOUNDARY_BEFORE;
    const lowerP1 = hasNext ? (lowerA[t + 1] as number) : BOUNDARY_AFTER;
    const lowerM2 = t - 1 > from ? (lowerA[t - 2] as number) : BOUNDARY_BEFORE;
    const lowerP2 = t + 2 < to ? (lowerA[t + 2] as number) : BOUNDARY_AFTER;
    const sh = shape[t] as number;
    const shM1 = hasPrev ? (shape[t - 1] as number) : BOUNDARY_BEFORE;
    const shP1 = hasNext ? (shape[t + 1] as number) : BOUNDARY_AFTER;
    const f = flags[t] as number;
    const cap = capClass[t] as number;
    const capM1 = hasPrev ? (capClass[t - 1] as number) : 7;
    const capP1 = hasNext ? (capClass[t + 1] as number) : 7;
    const context = (f & SENT_START ? 1 : 0) | (f & AFTER_OPENER ? 2 : 0) | (f & CAPS_LINE ? 4 : 0);

    if (withWordFeatures) {
      w.add(T_LOWER_M1, lowerM1);
      w.add(T_LOWER_P1, lowerP1);
      w.add(T_LOWER_M2, lowerM2);
      w.add(T_LOWER_P2, lowerP2);
    }
    w.add(T_BIGRAM_M1, mix(lowerM1, lower));
    w.add(T_BIGRAM_P1, mix(lower, lowerP1));
    w.add(T_SHAPE, mix(sh, context));
    w.add(T_SHAPE_3, mix(mix(shM1, sh), shP1));
    w.add(T_LOWER_M1_SHAPE, mix(lowerM1, sh));
    w.add(T_SHAPE_LOWER_P1, mix(sh, lowerP1));
    w.add(T_CASING, capM1 | (cap << 3) | (capP1 << 6) | (context << 9));
    if (withWordFeatures) {
      w.add(T_CLASS_M1, hasPrev ? (classes[(t - 1) * levels + 1] as number) : -1);
      w.add(T_CLASS_P1, hasNext ? (classes[(t + 1) * levels + 1] as number) : -2);
    }

    // Gazetteer hits by position in the match (unit, begin, inside, last), alone and with the casing.
    const unit = gaz.unit[t] as number;
    const begin = gaz.begin[t] as number;
    const inside = gaz.inside[t] as number;
    const last = gaz.last[t] as number;
    w.addBits(T_GAZ, unit, 0, 1, 0);
    w.addBits(T_GAZ, begin, 32, 1, 0);
    w.addBits(T_GAZ, inside, 64, 1, 0);
    w.addBits(T_GAZ, last, 96, 1, 0);
    w.addBits(T_GAZ_CASING, unit, 0, 8, cap);
    w.addBits(T_GAZ_CASING, begin, 32, 8, cap);
    w.addBits(T_GAZ_CASING, last, 96, 8, cap);
    if (hasPrev) w.addBits(T_GAZ_M1, (gaz.unit[t - 1] as number) | (gaz.last[t - 1] as number), 0, 1, 0);
    if (hasNext) w.addBits(T_GAZ_P1, (gaz.unit[t + 1] as number) | (gaz.begin[t + 1] as number), 0, 1, 0);

    w.add(T_DOC, (cols.docFlags[t] as number) | (cap << 2) | (context << 5));
    w.add(T_HISTORY, history.dominant(cols, t) | (cap << 3));
  }
  offsets[to - from] = w.length;
}

// A linear-chain tagger: emission weights in a hashed table (row = feature, column = label),
// first-order transition weights, Viterbi decoding under the BILOU constraints, and an
// averaged structured perceptron (Collins 2002) to train it.
//
// Training keeps a dense float table and the running sums for averaging. The trained table is
// very sparse (most hashed rows are never updated, most updated rows touch a few labels), so the
// stored and loaded model keeps only its non-zero weights, as 16-bit integers times one scale,
// row by row (compressed sparse rows): about 1 MB on disk, a few MB in memory, read in
// milliseconds.
import { allowedEnd, allowedTransition } from "./bilou.js";
import type { FeatureBuffer } from "./features.js";

/** A dense float table: weights[row * labels + label]. */
export interface DenseWeights {
  readonly kind: "dense";
  readonly values: Float32Array;
}

/** Non-zero weights only: row r's are entries [offsets[r], offsets[r + 1]), each a label and a 16-bit value. */
export interface SparseWeights {
  readonly kind: "sparse";
  readonly offsets: Int32Array;
  readonly labels: Uint8Array;
  readonly values: Int16Array;
  /** Multiplies the stored values. */
  readonly scale: number;
}

/**
 * The sparse weights as the tagger reads them. A one-million-row offsets array (4 MB) costs a
 * cache miss per feature; instead a bitmap marks the non-empty rows (128 KB for 2^20 rows), each
 * 32-row block stores how many non-empty rows precede it, and a row's entries are found through
 * its rank among the non-empty rows: all the data a lookup touches is about 1 MB.
 */
export interface RankedWeights {
  readonly kind: "ranked";
  /** blocks[2 * b] = bitmap of rows 32b..32b+31, blocks[2 * b + 1] = non-empty rows before the block. */
  readonly blocks: Int32Array;
  /**
   * Entry range of the k-th non-empty row: [starts[k], starts[k + 1]). A row with as many entries
   * as there are labels is dense (entry y is label y); the frequent features (the bias, casing
   * patterns, common words) have nearly full rows, stored dense so scoring them is a straight loop.
   */
  readonly starts: Int32Array;
  /** Per entry: its value; a dense row's 17 values take 34 bytes, about one cache line. */
  readonly values: Int16Array;
  /** Per entry of a sparse row: its label (unused in dense rows). */
  readonly labels: Uint8Array;
  readonly scale: number;
}

/** Rows with at least this many of the 17 labels are stored dense. */
const DENSE_FROM = 8;

export function rankWeights(sparse: SparseWeights, rows: number, labels: number): RankedWeights {
  const blocks = new Int32Array(2 * Math.ceil(rows / 32));
  const starts: number[] = [];
  const values: number[] = [];
  const labelsOf: number[] = [];
  let rank = 0;
  for (let r = 0; r < rows; r++) {
    if ((r & 31) === 0) blocks[2 * (r >> 5) + 1] = rank;
    const start = sparse.offsets[r] as number;
    const end = sparse.offsets[r + 1] as number;
    if (end === start) continue;
    blocks[2 * (r >> 5)] = (blocks[2 * (r >> 5)] as number) | (1 << (r & 31));
    starts.push(values.length);
    if (end - start >= DENSE_FROM) {
      const dense = new Array<number>(labels).fill(0);
      for (let e = start; e < end; e++) dense[sparse.labels[e] as number] = sparse.values[e] as number;
      dense.forEach((value, y) => {
        values.push(value);
        labelsOf.push(y);
      });
    } else {
      for (let e = start; e < end; e++) {
        values.push(sparse.values[e] as number);
        labelsOf.push(sparse.labels[e] as number);
      }
    }
    rank++;
  }
  starts.push(values.length);
  return { kind: "ranked", blocks, starts: Int32Array.from(starts), values: Int16Array.from(values), labels: Uint8Array.from(labelsOf), scale: sparse.scale };
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export interface LinearChainModel {
  readonly labels: number;
  readonly rows: number;
  readonly weights: DenseWeights | SparseWeights | RankedWeights;
  /** transitions[(prev + 1) * labels + next], prev -1 = sentence start. */
  readonly transitions: Float32Array;
}

const FORBIDDEN = -1e30;

/** Emission scores of each token of the sentence in `buffer`, into scores[k * labels + y]. */
export function emissionScores(model: LinearChainModel, buffer: FeatureBuffer, tokens: number, scores: Float64Array, sums: Int32Array = new Int32Array(model.labels)): void {
  const L = model.labels;
  scores.fill(0, 0, tokens * L);
  if (model.weights.kind === "dense") denseScores(model.weights.values, L, buffer, tokens, scores);
  else if (model.weights.kind === "ranked") rankedScores(model.weights, L, buffer, tokens, scores, sums);
  else throw new TypeError("sparse weights are for storage: rankWeights them to score");
}

/** Add the weights of rows[from, to) to out[base .. base + labels): integer sums of 16-bit weights. */
export function rankedRowSums(w: RankedWeights, labelsCount: number, rows: Int32Array, from: number, to: number, out: Int32Array, base: number): void {
  const { blocks, starts, values, labels } = w;
  for (let f = from; f < to; f++) {
    const row = rows[f] as number;
    const block = row >> 5;
    const bits = blocks[2 * block] as number;
    const bit = 1 << (row & 31);
    if ((bits & bit) === 0) continue;
    const rank = (blocks[2 * block + 1] as number) + popcount(bits & (bit - 1));
    const first = starts[rank] as number;
    const stop = starts[rank + 1] as number;
    if (stop - first === labelsCount) {
      for (let y = 0; y < labelsCount; y++) out[base + y] = (out[base + y] as number) + (values[first + y] as number);
    } else {
      for (let e = first; e < stop; e++) {
        const at = base + (labels[e] as number);
        out[at] = (out[at] as number) + (values[e] as number);
      }
    }
  }
}

/**
 * Emission scores from per-token integer sums `start` (tokens x labels) that already hold part
 * of each token's features (the word features the tagger caches), plus the rows in `buffer`.
 */
export function rankedEmission(model: LinearChainModel, buffer: FeatureBuffer, tokens: number, start: Int32Array, scores: Float64Array): void {
  const w = model.weights;
  if (w.kind !== "ranked") throw new TypeError("rankedEmission reads ranked weights");
  const L = model.labels;
  if (L === 17) {
    rankedEmission17(w, buffer, tokens, start, scores);
    return;
  }
  const { offsets, rows } = buffer;
  for (let k = 0; k < tokens; k++) rankedRowSums(w, L, rows, offsets[k] as number, offsets[k + 1] as number, start, k * L);
  for (let i = 0; i < tokens * L; i++) scores[i] = (start[i] as number) * w.scale;
}

function rankedScores(w: RankedWeights, L: number, buffer: FeatureBuffer, tokens: number, scores: Float64Array, sums: Int32Array): void {
  if (sums.length < tokens * L) sums = new Int32Array(tokens * L);
  sums.fill(0, 0, tokens * L);
  rankedEmission({ labels: L, rows: 0, weights: w, transitions: new Float32Array(0) }, buffer, tokens, sums, scores);
}

/**
 * rankedEmission for the 17 BILOU labels of four classes, dense rows summed into seventeen
 * locals (about 15% faster than a loop over an array: the frequent features' rows are dense).
 */
function rankedEmission17(w: RankedWeights, buffer: FeatureBuffer, tokens: number, start: Int32Array, scores: Float64Array): void {
  const { rows, offsets } = buffer;
  const { blocks, starts, values: v, labels, scale } = w;
  for (let k = 0; k < tokens; k++) {
    const b = k * 17;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0, s16 = 0; // prettier-ignore
    const end = offsets[k + 1] as number;
    for (let f = offsets[k] as number; f < end; f++) {
      const row = rows[f] as number;
      const block = row >> 5;
      const bits = blocks[2 * block] as number;
      const bit = 1 << (row & 31);
      if ((bits & bit) === 0) continue;
      const rank = (blocks[2 * block + 1] as number) + popcount(bits & (bit - 1));
      const i = starts[rank] as number;
      const stop = starts[rank + 1] as number;
      if (stop - i === 17) {
        s0 += v[i] as number; s1 += v[i + 1] as number; s2 += v[i + 2] as number; s3 += v[i + 3] as number; s4 += v[i + 4] as number; s5 += v[i + 5] as number; s6 += v[i + 6] as number; s7 += v[i + 7] as number; s8 += v[i + 8] as number; // prettier-ignore
        s9 += v[i + 9] as number; s10 += v[i + 10] as number; s11 += v[i + 11] as number; s12 += v[i + 12] as number; s13 += v[i + 13] as number; s14 += v[i + 14] as number; s15 += v[i + 15] as number; s16 += v[i + 16] as number; // prettier-ignore
      } else {
        for (let e = i; e < stop; e++) {
          const at = b + (labels[e] as number);
          start[at] = (start[at] as number) + (v[e] as number);
        }
      }
    }
    scores[b] = (s0 + (start[b] as number)) * scale; scores[b + 1] = (s1 + (start[b + 1] as number)) * scale; scores[b + 2] = (s2 + (start[b + 2] as number)) * scale; // prettier-ignore
    scores[b + 3] = (s3 + (start[b + 3] as number)) * scale; scores[b + 4] = (s4 + (start[b + 4] as number)) * scale; scores[b + 5] = (s5 + (start[b + 5] as number)) * scale; // prettier-ignore
    scores[b + 6] = (s6 + (start[b + 6] as number)) * scale; scores[b + 7] = (s7 + (start[b + 7] as number)) * scale; scores[b + 8] = (s8 + (start[b + 8] as number)) * scale; // prettier-ignore
    scores[b + 9] = (s9 + (start[b + 9] as number)) * scale; scores[b + 10] = (s10 + (start[b + 10] as number)) * scale; scores[b + 11] = (s11 + (start[b + 11] as number)) * scale; // prettier-ignore
    scores[b + 12] = (s12 + (start[b + 12] as number)) * scale; scores[b + 13] = (s13 + (start[b + 13] as number)) * scale; scores[b + 14] = (s14 + (start[b + 14] as number)) * scale; // prettier-ignore
    scores[b + 15] = (s15 + (start[b + 15] as number)) * scale; scores[b + 16] = (s16 + (start[b + 16] as number)) * scale; // prettier-ignore
  }
}

function denseScores(w: Float32Array, L: number, buffer: FeatureBuffer, tokens: number, scores: Float64Array): void {
  const { rows, offsets } = buffer;
  for (let k = 0; k < tokens; k++) {
    const base = k * L;
    const end = offsets[k + 1] as number;
    for (let f = offsets[k] as number; f < end; f++) {
      const row = (rows[f] as number) * L;
      for (let y = 0; y < L; y++) scores[base + y] = (scores[base + y] as number) + (w[row + y] as number);
    }
  }
}

/** Reusable work space for Viterbi. */
export class ViterbiScratch {
  /** Integer emission sums, tokens x labels (see rankedEmission). */
  sums: Int32Array = new Int32Array(0);
  best: Float64Array = new Float64Array(0);
  back: Int32Array = new Int32Array(0);
  scores: Float64Array = new Float64Array(0);

  private transitions: Float64Array = new Float64Array(0);

  /** Scratch for the allowed transitions' weights (see viterbi). */
  transitionsFor(count: number): Float64Array {
    if (this.transitions.length < count) this.transitions = new Float64Array(count);
    return this.transitions;
  }

  ensure(tokens: number, labels: number): void {
    if (this.best.length < tokens * labels) {
      this.best = new Float64Array(tokens * labels * 2);
      this.back = new Int32Array(tokens * labels * 2);
      this.scores = new Float64Array(tokens * labels * 2);
      this.sums = new Int32Array(tokens * labels * 2);
    }
  }
}

/**
 * The BILOU constraints, precomputed: allowed[(prev + 1) * labels + next], and for each label the
 * labels that may precede it (I-PER and L-PER only follow B-PER or I-PER: 2 of 17), so that
 * Viterbi looks at about 6 predecessors per label instead of 17.
 */
export interface TransitionMask {
  readonly allowed: Uint8Array;
  /** predecessors of label y: from[fromStart[y] .. fromStart[y + 1]) */
  readonly from: Int32Array;
  readonly fromStart: Int32Array;
}

export function transitionMask(labels: number): TransitionMask {
  const allowed = new Uint8Array((labels + 1) * labels);
  for (let prev = -1; prev < labels; prev++) for (let next = 0; next < labels; next++) allowed[(prev + 1) * labels + next] = allowedTransition(prev, next) ? 1 : 0;
  const from: number[] = [];
  const fromStart = new Int32Array(labels + 1);
  for (let y = 0; y < labels; y++) {
    fromStart[y] = from.length;
    for (let p = 0; p < labels; p++) if (allowed[(p + 1) * labels + y]) from.push(p);
  }
  fromStart[labels] = from.length;
  return { allowed, from: Int32Array.from(from), fromStart };
}

/** The best label sequence for emission scores in scratch.scores; written to out[outFrom ...]. */
export function viterbi(model: LinearChainModel, mask: TransitionMask, tokens: number, scratch: ViterbiScratch, out: Int32Array, outFrom: number): void {
  const L = model.labels;
  const { best, back, scores } = scratch;
  const trans = model.transitions;
  const { allowed, from, fromStart } = mask;
  // The allowed transitions' weights in the order of `from`: the inner loop reads them in sequence.
  const weightOf = scratch.transitionsFor(from.length);
  for (let y = 0; y < L; y++) for (let i = fromStart[y] as number; i < (fromStart[y + 1] as number); i++) weightOf[i] = trans[((from[i] as number) + 1) * L + y] as number;
  for (let y = 0; y < L; y++) {
    best[y] = allowed[y] ? (scores[y] as number) + (trans[y] as number) : FORBIDDEN;
    back[y] = -1;
  }
  for (let k = 1; k < tokens; k++) {
    const prevBase = (k - 1) * L;
    const base = k * L;
    for (let y = 0; y < L; y++) {
      let top = FORBIDDEN;
      let arg = 0;
      const stop = fromStart[y + 1] as number;
      for (let i = fromStart[y] as number; i < stop; i++) {
        const p = from[i] as number;
        const v = (best[prevBase + p] as number) + (weightOf[i] as number);
        if (v > top) {
          top = v;
          arg = p;
        }
      }
      best[base + y] = top + (scores[base + y] as number);
      back[base + y] = arg;
    }
  }
  const lastBase = (tokens - 1) * L;
  let arg = 0;
  let top = -Infinity;
  for (let y = 0; y < L; y++) {
    if (!allowedEnd(y)) continue;
    const v = best[lastBase + y] as number;
    if (v > top) {
      top = v;
      arg = y;
    }
  }
  for (let k = tokens - 1; k >= 0; k--) {
    out[outFrom + k] = arg;
    arg = back[k * L + arg] as number;
  }
}

/**
 * The averaged structured perceptron. `weights` are the current weights; `sums` accumulate
 * step * update so that the average is weights - sums / steps (Daumé's trick: no per-step pass
 * over all weights).
 */
export class PerceptronTrainer implements LinearChainModel {
  readonly labels: number;
  readonly rows: number;
  readonly weights: DenseWeights;
  readonly transitions: Float32Array;
  private readonly current: Float32Array;
  private readonly sums: Float64Array;
  private readonly transitionSums: Float64Array;
  private step = 1;

  constructor(rows: number, labels: number) {
    this.rows = rows;
    this.labels = labels;
    this.current = new Float32Array(rows * labels);
    this.weights = { kind: "dense", values: this.current };
    this.sums = new Float64Array(rows * labels);
    this.transitions = new Float32Array((labels + 1) * labels);
    this.transitionSums = new Float64Array((labels + 1) * labels);
  }

  /** Count one training sentence (averaging is over sentences). */
  tick(): void {
    this.step++;
  }

  /** Move the weights toward the gold sequence and away from the predicted one, where they differ. */
  update(buffer: FeatureBuffer, tokens: number, gold: Int32Array, predicted: Int32Array, from: number): void {
    const L = this.labels;
    const { rows, offsets } = buffer;
    const c = this.step;
    for (let k = 0; k < tokens; k++) {
      const g = gold[from + k] as number;
      const p = predicted[from + k] as number;
      const gPrev = k === 0 ? -1 : (gold[from + k - 1] as number);
      const pPrev = k === 0 ? -1 : (predicted[from + k - 1] as number);
      if (g !== p) {
        const end = offsets[k + 1] as number;
        for (let f = offsets[k] as number; f < end; f++) {
          const row = (rows[f] as number) * L;
          this.current[row + g] = (this.current[row + g] as number) + 1;
          this.sums[row + g] = (this.sums[row + g] as number) + c;
          this.current[row + p] = (this.current[row + p] as number) - 1;
          this.sums[row + p] = (this.sums[row + p] as number) - c;
        }
      }
      if (g !== p || gPrev !== pPrev) {
        const gt = (gPrev + 1) * L + g;
        const pt = (pPrev + 1) * L + p;
        this.transitions[gt] = (this.transitions[gt] as number) + 1;
        this.transitionSums[gt] = (this.transitionSums[gt] as number) + c;
        this.transitions[pt] = (this.transitions[pt] as number) - 1;
        this.transitionSums[pt] = (this.transitionSums[pt] as number) - c;
      }
    }
  }

  /** The averaged weights, as a float model. */
  averaged(): LinearChainModel {
    const values = new Float32Array(this.current.length);
    for (let i = 0; i < values.length; i++) values[i] = (this.current[i] as number) - (this.sums[i] as number) / this.step;
    const transitions = new Float32Array(this.transitions.length);
    for (let i = 0; i < transitions.length; i++) transitions[i] = (this.transitions[i] as number) - (this.transitionSums[i] as number) / this.step;
    return { labels: this.labels, rows: this.rows, weights: { kind: "dense", values }, transitions };
  }
}

/**
 * 16-bit weights and one scale, what is stored and loaded. Weights below `minimum` (in 16-bit
 * units, the largest weight being 32767) are dropped: 500 halves the stored weights of the
 * CoNLL model and leaves its dev F1 as it was (0.9300 and 0.9301).
 */
export function sparsify(model: LinearChainModel, minimum = 1): LinearChainModel {
  if (model.weights.kind !== "dense") throw new TypeError("sparsify takes the dense weights a trainer averaged");
  const dense = model.weights.values;
  let max = 0;
  for (let i = 0; i < dense.length; i++) max = Math.max(max, Math.abs(dense[i] as number));
  const scale = max > 0 ? max / 32767 : 1;
  const L = model.labels;
  let count = 0;
  const kept = (x: number): boolean => Math.abs(Math.round(x / scale)) >= minimum;
  for (let i = 0; i < dense.length; i++) if (kept(dense[i] as number)) count++;
  const offsets = new Int32Array(model.rows + 1);
  const labels = new Uint8Array(count);
  const values = new Int16Array(count);
  let e = 0;
  for (let r = 0; r < model.rows; r++) {
    offsets[r] = e;
    for (let y = 0; y < L; y++) {
      const x = dense[r * L + y] as number;
      if (!kept(x)) continue;
      const q = Math.round(x / scale);
      labels[e] = y;
      values[e] = q;
      e++;
    }
  }
  offsets[model.rows] = e;
  return { labels: L, rows: model.rows, weights: { kind: "sparse", offsets, labels, values, scale }, transitions: model.transitions };
}

/**
 * The sparse weights as bytes, column by column so that loading is mostly block copies:
 * the number of non-empty rows (uint32), each one's gap from the previous (varint), each one's
 * entry count (byte), every entry's label (byte), every entry's value (int16, little-endian).
 */
export function encodeSparse(weights: SparseWeights, rows: number): Buffer {
  const gaps: number[] = [];
  const counts: number[] = [];
  let previous = -1;
  for (let r = 0; r < rows; r++) {
    const n = (weights.offsets[r + 1] as number) - (weights.offsets[r] as number);
    if (n === 0) continue;
    gaps.push(r - previous);
    counts.push(n);
    previous = r;
  }
  const entries = weights.values.length;
  const out = Buffer.alloc(4 + gaps.length * 4 + counts.length + entries * 3);
  let at = out.writeUInt32LE(gaps.length, 0);
  for (let gap of gaps) {
    while (gap >= 0x80) {
      out[at++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    out[at++] = gap;
  }
  for (const n of counts) out[at++] = n;
  out.set(weights.labels, at);
  at += entries;
  for (let e = 0; e < entries; e++) at = out.writeInt16LE(weights.values[e] as number, at);
  return out.subarray(0, at);
}

export function decodeSparse(bytes: Uint8Array, rows: number, entries: number, scale: number): SparseWeights {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nonEmpty = view.getUint32(0, /*littleEndian=*/ true);
  let at = 4;
  const rowIds = new Int32Array(nonEmpty);
  let row = -1;
  for (let i = 0; i < nonEmpty; i++) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++] as number;
      gap |= (b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7;
    }
    row += gap;
    rowIds[i] = row;
  }
  const offsets = new Int32Array(rows + 1);
  let e = 0;
  let filled = 0;
  for (let i = 0; i < nonEmpty; i++) {
    const r = rowIds[i] as number;
    if (r >= rows) throw new RangeError(`sparse weights: row ${r} beyond the table's ${rows}`);
    offsets.fill(e, filled, r + 1);
    filled = r + 1;
    e += bytes[at++] as number;
  }
  offsets.fill(e, filled, rows + 1);
  if (e !== entries || at + entries * 3 !== bytes.length) throw new RangeError(`sparse weights: ${e} entries in ${bytes.length} bytes, expected ${entries}`);
  const labels = bytes.slice(at, at + entries);
  at += entries;
  const values = new Int16Array(entries);
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  if (little) new Uint8Array(values.buffer).set(bytes.subarray(at, at + entries * 2));
  else for (let k = 0; k < entries; k++) values[k] = view.getInt16(at + 2 * k, /*littleEndian=*/ true);
  return { kind: "sparse", offsets, labels: new Uint8Array(labels), values, scale };
}

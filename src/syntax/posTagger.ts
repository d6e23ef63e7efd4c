// A part-of-speech tagger: a greedy averaged perceptron (Collins 2002; the design of Honnibal's
// "A good part-of-speech tagger in about 200 lines of Python"), trained on the Penn Treebank tags of
// CoNLL-2003's English training set by scripts/train-pos-tagger.mjs. The model is a data file,
// data/syntax/pos-tagger.tsv: one feature per line with its non-zero weights.
//
// The events stage tags only the sentences that hold a candidate trigger, so the tagger's cost
// stays a fraction of the pipeline's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dataDir } from "../model/dataFiles.js";
import { memoize } from "../text/memo.js";
import { WordTable, vocabulary } from "../text/vocabulary.js";

/** Penn Treebank tags, as strings: "NNP", "VBD", ... */
export type PosTag = string;

export interface PosModel {
  readonly tags: readonly PosTag[];
  /** feature -> (tag index, weight) pairs, flattened: tags in `tag`, weights in `weight`. */
  readonly weights: ReadonlyMap<string, { readonly tag: Uint8Array; readonly weight: Float32Array }>;
  /** Words that always had one tag in training: tagged without scoring. */
  readonly lexicon: ReadonlyMap<string, number>;
}

const START = ["-START-", "-START2-"] as const;
const END = ["-END-", "-END2-"] as const;

/** The word as the features see it: lower case, digits folded, curly quotes as ASCII. */
export const normalizeWord = memoize(normalizeUncached);

function normalizeUncached(word: string): string {
  if (word === "“" || word === "”" || word === "``" || word === "''") return '"';
  if (word === "‘" || word === "’") return "'";
  if (word === "—" || word === "–") return "--";
  if (/^\d{4}$/.test(word)) return "!YEAR";
  if (/\d/.test(word) && /^[\d.,:\/-]+$/.test(word)) return "!DIGITS";
  return word.toLowerCase().replace(/’/g, "'");
}

function shape(word: string): string {
  let out = "";
  let last = "";
  for (const ch of word) {
    const s = /[A-Z]/.test(ch) ? "X" : /[a-z]/.test(ch) ? "x" : /\d/.test(ch) ? "d" : ch === "." || ch === "-" || ch === "'" ? ch : "o";
    if (s !== last) out += s;
    last = s;
    if (out.length >= 5) break;
  }
  return out;
}

/**
 * The features of token i. `words` are the raw tokens (case kept), `norm` their normalized
 * forms; prev and prev2 are the tags already chosen for the two tokens before.
 */
export function features(words: readonly string[], norm: readonly string[], i: number, prev: string, prev2: string): string[] {
  const w = norm[i] as string;
  const raw = words[i] as string;
  const at = (k: number): string => (k < 0 ? (START[-k - 1] as string) : k >= norm.length ? (END[k - norm.length] as string) : (norm[k] as string));
  const p1 = at(i - 1);
  const n1 = at(i + 1);
  return [
    "b",
    `w ${w}`,
    `s3 ${w.slice(-3)}`,
    `s2 ${w.slice(-2)}`,
    `p1 ${w.slice(0, 1)}`,
    `sh ${shape(raw)}`,
    `cap ${/^[A-Z]/.test(raw) ? (i === 0 ? "first" : "yes") : "no"}`,
    `t ${prev}`,
    `tt ${prev2} ${prev}`,
    `tw ${prev} ${w}`,
    `-w ${p1}`,
    `-s3 ${p1.slice(-3)}`,
    `--w ${at(i - 2)}`,
    `+w ${n1}`,
    `+s3 ${n1.slice(-3)}`,
    `++w ${at(i + 2)}`,
    `w+w ${w} ${n1}`,
  ];
}

export function score(model: PosModel, feats: readonly string[], scores: Float64Array): void {
  scores.fill(0);
  for (const f of feats) {
    const row = model.weights.get(f);
    if (!row) continue;
    for (let k = 0; k < row.tag.length; k++) scores[row.tag[k] as number] = (scores[row.tag[k] as number] as number) + (row.weight[k] as number);
  }
}

function best(scores: Float64Array | Int32Array, n: number): number {
  let arg = 0;
  for (let y = 1; y < n; y++) if ((scores[y] as number) > (scores[arg] as number)) arg = y;
  return arg;
}

/** What the tagger knows about one (normalized) word, computed once per process: its context vectors. */
interface WordInfo {
  /** Numbers the infos, to key the word-pair features. */
  readonly index: number;
  readonly raw: string;
  readonly norm: string;
  readonly lexicon: number;
  // The vectors below are computed on first use. Every field is set (null) at creation, so that all infos share one
  // shape and the tagger's property reads stay monomorphic.
  /** The word's own features (b, w, s3, s2, p1, sh, cap), as the sentence's first word and elsewhere. */
  selfFirst: Int32Array | null;
  selfInside: Int32Array | null;
  before: Int32Array | null;
  before2: Int32Array | null;
  after: Int32Array | null;
  after2: Int32Array | null;
  /** "tw PREV WORD" rows by the previous tag's index + 2 (null: no such feature). */
  afterTag: (Int32Array | null | undefined)[] | null;
  /** "w+w WORD NEXT" rows by the next word's info index (null: no such feature). */
  beforeWord: Map<number, Int32Array | null> | null;
}

function wordInfo(index: number, raw: string, norm: string, lexicon: number): WordInfo {
  return { index, raw, norm, lexicon, selfFirst: null, selfInside: null, before: null, before2: null, after: null, after2: null, afterTag: null, beforeWord: null };
}

/**
 * Sums of weight rows, cached per word: most of a token's features depend only on the word and its neighbours,
 * so their sum is looked up once per distinct word instead of once per token (the same scores as `features`).
 */
class ScoreCache {
  private infos = 0;
  /** Stands for a feature the model has no weights for. */
  readonly zeros: Int32Array;
  /** What the tagger knows of each word, by vocabulary id (src/text/vocabulary.ts). */
  readonly byId = new WordTable<WordInfo>((raw) => {
    const norm = normalizeWord(raw);
    return wordInfo(this.infos++, raw, norm, this.model.lexicon.get(norm) ?? -1);
  });
  private readonly tagPairs: (Int32Array | undefined)[] = [];
  readonly startInfo: readonly WordInfo[];
  readonly endInfo: readonly WordInfo[];
  constructor(private readonly model: PosModel) {
    this.zeros = new Int32Array(model.tags.length);
    this.startInfo = START.map((w) => wordInfo(this.infos++, w, w, -1));
    this.endInfo = END.map((w) => wordInfo(this.infos++, w, w, -1));
  }

  /**
   * The rows' sum in tenths: the model's weights have one decimal, so the tagger adds exact integers (half the memory
   * of doubles, and no rounding).
   */
  sum(names: readonly string[], into?: Int32Array): Int32Array {
    const v = into ?? new Int32Array(this.model.tags.length);
    for (const f of names) {
      const row = this.model.weights.get(f);
      if (row) for (let k = 0; k < row.tag.length; k++) v[row.tag[k] as number] = (v[row.tag[k] as number] as number) + Math.round((row.weight[k] as number) * 10);
    }
    return v;
  }

  /** The word's own features (b, w, s3, s2, p1, sh, cap). */
  self(info: WordInfo, first: boolean): Int32Array {
    const known = first ? info.selfFirst : info.selfInside;
    if (known) return known;
    const raw = info.raw;
    const w = info.norm;
    const c0 = raw.charCodeAt(0);
    const cap = c0 >= 65 && c0 <= 90 ? (first ? "first" : "yes") : "no";
    const v = this.sum(["b", `w ${w}`, `s3 ${w.slice(-3)}`, `s2 ${w.slice(-2)}`, `p1 ${w.slice(0, 1)}`, `sh ${shape(raw)}`, `cap ${cap}`]);
    if (first) info.selfFirst = v;
    else info.selfInside = v;
    return v;
  }
  before(i: WordInfo): Int32Array {
    return (i.before ??= this.sum([`-w ${i.norm}`, `-s3 ${i.norm.slice(-3)}`]));
  }
  before2(i: WordInfo): Int32Array {
    return (i.before2 ??= this.sum([`--w ${i.norm}`]));
  }
  after(i: WordInfo): Int32Array {
    return (i.after ??= this.sum([`+w ${i.norm}`, `+s3 ${i.norm.slice(-3)}`]));
  }
  after2(i: WordInfo): Int32Array {
    return (i.after2 ??= this.sum([`++w ${i.norm}`]));
  }
  private indexOfTag: Map<string, number> | undefined;
  tagIndex(tag: PosTag): number {
    this.indexOfTag ??= new Map(this.model.tags.map((t, i) => [t, i]));
    return this.indexOfTag.get(tag) ?? -1;
  }
  /** The "tw" feature: the previous tag with this word; null when the model has no weight for it. */
  pairRow(info: WordInfo, prev: number): Int32Array | null {
    const rows = (info.afterTag ??= []);
    let v = rows[prev + 2];
    if (v === undefined) {
      const name = prev < 0 ? (START[-prev - 1] as string) : (this.model.tags[prev] as string);
      v = this.model.weights.has(`tw ${name} ${info.norm}`) ? this.sum([`tw ${name} ${info.norm}`]) : null;
      while (rows.length < prev + 2) rows.push(undefined);
      rows[prev + 2] = v;
    }
    return v;
  }
  /** The "w+w" feature: this word and the next; null when the model has no weight for it. */
  nextRow(info: WordInfo, next: WordInfo): Int32Array | null {
    const map = (info.beforeWord ??= new Map());
    let v = map.get(next.index);
    if (v === undefined) {
      const name = `w+w ${info.norm} ${next.norm}`;
      v = this.model.weights.has(name) ? this.sum([name]) : null;
      if (map.size < 5_000) map.set(next.index, v);
    }
    return v;
  }
  /** The two previous tags' features (t, tt); tag indices, -1 and -2 for the sentence start. */
  tags(prev2: number, prev: number): Int32Array {
    const L = this.model.tags.length;
    const slot = (prev2 + 2) * (L + 2) + (prev + 2);
    let v = this.tagPairs[slot];
    if (!v) {
      const name = (t: number) => (t < 0 ? (START[-t - 1] as string) : (this.model.tags[t] as string));
      v = this.sum([`t ${name(prev)}`, `tt ${name(prev2)} ${name(prev)}`]);
      this.tagPairs[slot] = v;
    }
    return v;
  }
}

const caches = new WeakMap<PosModel, ScoreCache>();

/**
 * Tags one sentence's words. `known` may fix some tags beforehand (a name the entity stage found is NNP): those
 * tokens are not scored, and the tags after them see the fixed tag.
 */
export function tagWords(model: PosModel, words: readonly string[], known?: readonly (PosTag | null)[], ids?: ArrayLike<number>): PosTag[] {
  let cache = caches.get(model);
  if (!cache) {
    cache = new ScoreCache(model);
    caches.set(model, cache);
  }
  const c = cache;
  const n = words.length;
  // By vocabulary id: an array read when the caller has the ids (tokenize.ts tokenStrings).
  const infos: WordInfo[] = new Array<WordInfo>(n);
  for (let i = 0; i < n; i++) infos[i] = c.byId.get(ids ? (ids[i] as number) : vocabulary.id(words[i] as string));
  const at = (k: number): WordInfo => (k < 0 ? (c.startInfo[-k - 1] as WordInfo) : k >= n ? (c.endInfo[k - n] as WordInfo) : (infos[k] as WordInfo));
  const out: PosTag[] = [];
  const L = model.tags.length;
  const zeros = c.zeros;
  let prev = -1;
  let prev2 = -2;
  for (let i = 0; i < n; i++) {
    const info = infos[i] as WordInfo;
    let tag = info.lexicon;
    const fixed = known?.[i];
    if (fixed) tag = c.tagIndex(fixed);
    if (tag < 0) {
      const a = c.self(info, i === 0);
      const b = c.before(at(i - 1));
      const d2 = c.before2(at(i - 2));
      const d = c.after(at(i + 1));
      const e = c.after2(at(i + 2));
      const t = c.tags(prev2, prev);
      const tw = c.pairRow(info, prev) ?? zeros;
      const ww = c.nextRow(info, at(i + 1)) ?? zeros;
      // One pass: each tag's score and the best so far (the first of equal scores wins, as in best()).
      tag = 0;
      let top = -Infinity;
      for (let y = 0; y < L; y++) {
        const score = (a[y] as number) + (b[y] as number) + (d2[y] as number) + (d[y] as number) + (e[y] as number) + (t[y] as number) + (tw[y] as number) + (ww[y] as number);
        if (score > top) {
          top = score;
          tag = y;
        }
      }
    }
    out.push(model.tags[tag] as PosTag);
    prev2 = prev;
    prev = tag;
  }
  return out;
}

/** Reads a model in the format `serializeModel` writes. */
export function parseModel(text: string): PosModel {
  let tags: string[] = [];
  const weights = new Map<string, { tag: Uint8Array; weight: Float32Array }>();
  const lexicon = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const tab = line.indexOf("\t");
    const kind = line.slice(0, tab);
    const rest = line.slice(tab + 1);
    if (kind === "tags") tags = rest.split(" ");
    else if (kind === "lex") {
      const [word, tag] = rest.split("\t") as [string, string];
      lexicon.set(word, Number(tag));
    } else if (kind === "f") {
      const tab2 = rest.lastIndexOf("\t");
      const name = rest.slice(0, tab2);
      const pairs = rest.slice(tab2 + 1).split(" ");
      const tag = new Uint8Array(pairs.length);
      const weight = new Float32Array(pairs.length);
      pairs.forEach((p, k) => {
        const colon = p.indexOf(":");
        tag[k] = Number(p.slice(0, colon));
        weight[k] = Number(p.slice(colon + 1));
      });
      weights.set(name, { tag, weight });
    }
  }
  return { tags, weights, lexicon };
}

export function serializeModel(model: PosModel, header: readonly string[]): string {
  const lines = header.map((h) => `# ${h}`);
  lines.push(`tags\t${model.tags.join(" ")}`);
  for (const [word, tag] of [...model.lexicon].sort()) lines.push(`lex\t${word}\t${tag}`);
  for (const [name, row] of [...model.weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const pairs: string[] = [];
    for (let k = 0; k < row.tag.length; k++) pairs.push(`${row.tag[k]}:${Number((row.weight[k] as number).toFixed(1))}`);
    lines.push(`f\t${name}\t${pairs.join(" ")}`);
  }
  return lines.join("\n") + "\n";
}

let loaded: PosModel | undefined;

/** The committed model, read once. */
export function posModel(): PosModel {
  loaded ??= parseModel(readFileSync(join(dataDir, "syntax", "pos-tagger.tsv"), "utf8"));
  return loaded;
}

/**
 * Training: the averaged perceptron over (features, gold tag) with the tags the tagger itself
 * predicted for the previous tokens (so training sees what tagging will see).
 */
export class PosTrainer {
  private readonly tagIndex = new Map<string, number>();
  readonly tags: string[] = [];
  private readonly w = new Map<string, Float64Array>();
  private readonly totals = new Map<string, Float64Array>();
  private readonly stamps = new Map<string, Float64Array>();
  private instances = 0;
  lexicon = new Map<string, number>();

  constructor(tags: readonly string[]) {
    for (const t of tags) {
      this.tagIndex.set(t, this.tags.length);
      this.tags.push(t);
    }
  }

  /** Words seen at least `minCount` times with one tag at least `share` of the time go straight to that tag. */
  buildLexicon(sentences: readonly { words: readonly string[]; tags: readonly string[] }[], minCount = 20, share = 0.97): void {
    const counts = new Map<string, Map<string, number>>();
    for (const s of sentences)
      s.words.forEach((word, i) => {
        const w = normalizeWord(word);
        const m = counts.get(w) ?? new Map<string, number>();
        m.set(s.tags[i] as string, (m.get(s.tags[i] as string) ?? 0) + 1);
        counts.set(w, m);
      });
    for (const [w, m] of counts) {
      let n = 0;
      let top = "";
      let topCount = 0;
      for (const [t, c] of m) {
        n += c;
        if (c > topCount) {
          top = t;
          topCount = c;
        }
      }
      if (n >= minCount && topCount / n >= share && !w.startsWith("!")) this.lexicon.set(w, this.tagIndex.get(top) as number);
    }
  }

  private row(map: Map<string, Float64Array>, f: string): Float64Array {
    let r = map.get(f);
    if (!r) {
      r = new Float64Array(this.tags.length);
      map.set(f, r);
    }
    return r;
  }

  private predict(feats: readonly string[]): number {
    const scores = new Float64Array(this.tags.length);
    for (const f of feats) {
      const r = this.w.get(f);
      if (r) for (let y = 0; y < r.length; y++) scores[y] = (scores[y] as number) + (r[y] as number);
    }
    return best(scores, this.tags.length);
  }

  private update(truth: number, guess: number, feats: readonly string[]): void {
    for (const f of feats) {
      const w = this.row(this.w, f);
      const totals = this.row(this.totals, f);
      const stamps = this.row(this.stamps, f);
      for (const [y, delta] of [
        [truth, 1],
        [guess, -1],
      ] as const) {
        totals[y] = (totals[y] as number) + (this.instances - (stamps[y] as number)) * (w[y] as number);
        stamps[y] = this.instances;
        w[y] = (w[y] as number) + delta;
      }
    }
  }

  /** One pass over the sentences; returns the share of tokens tagged right during the pass. */
  epoch(sentences: readonly { words: readonly string[]; tags: readonly string[] }[]): number {
    let right = 0;
    let total = 0;
    for (const s of sentences) {
      const norm = s.words.map(normalizeWord);
      let prev: string = START[0];
      let prev2: string = START[1];
      for (let i = 0; i < s.words.length; i++) {
        const truth = this.tagIndex.get(s.tags[i] as string) as number;
        let guess = this.lexicon.get(norm[i] as string);
        if (guess === undefined) {
          const feats = features(s.words, norm, i, prev, prev2);
          guess = this.predict(feats);
          this.instances++;
          if (guess !== truth) this.update(truth, guess, feats);
        }
        if (guess === truth) right++;
        total++;
        prev2 = prev;
        prev = this.tags[guess] as string;
      }
    }
    return right / total;
  }

  /** The averaged weights, without those smaller than `minWeight`. */
  averaged(minWeight = 0.5): PosModel {
    const weights = new Map<string, { tag: Uint8Array; weight: Float32Array }>();
    for (const [f, w] of this.w) {
      const totals = this.totals.get(f) as Float64Array;
      const stamps = this.stamps.get(f) as Float64Array;
      const tag: number[] = [];
      const weight: number[] = [];
      for (let y = 0; y < w.length; y++) {
        const total = (totals[y] as number) + (this.instances - (stamps[y] as number)) * (w[y] as number);
        const avg = total / Math.max(1, this.instances);
        if (Math.abs(avg) >= minWeight) {
          tag.push(y);
          weight.push(avg);
        }
      }
      if (tag.length) weights.set(f, { tag: Uint8Array.from(tag), weight: Float32Array.from(weight) });
    }
    return { tags: this.tags, weights, lexicon: this.lexicon };
  }
}

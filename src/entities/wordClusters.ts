// Word classes induced from unlabelled text with the exchange algorithm (Kneser & Ney 1993;
// Martin, Liermann & Ney 1998): start from a frequency-ordered assignment, then move each word
// to the class that most raises the likelihood of a class bigram model, until few words move.
// It optimises the same objective as Brown clustering (the mutual information of adjacent
// classes) at a fraction of the cost; several granularities stand in for Brown's bit-string
// prefixes. Run at training time only (scripts/train-ner.mjs); the tagger reads the result.
//
// Deterministic: words are visited in a fixed order and ties keep the current class.

export interface ClusterOptions {
  readonly classes: number;
  readonly iterations: number;
  /** Words seen fewer times are clustered as their shape ("<Xx>") and not written out. */
  readonly minCount: number;
  /** Stop early when fewer than this share of words moved in an iteration. */
  readonly minMoved?: number;
  /** Called after each iteration with the number of words that changed class. */
  readonly progress?: (iteration: number, moved: number) => void;
}

/** A corpus as word ids, with the vocabulary; sentence boundaries are the id 0 ("<s>"). */
export interface IdCorpus {
  readonly words: readonly string[];
  readonly counts: Int32Array;
  readonly ids: Int32Array;
}

function rareShape(word: string): string {
  return `<${word.replace(/\p{Lu}+/gu, "X").replace(/\p{Ll}+/gu, "x").replace(/\d+/g, "d").slice(0, 6)}>`;
}

/** Build the id corpus: words below `minCount` become their shape class. */
export function buildCorpus(sentences: readonly (readonly string[])[], minCount: number): IdCorpus {
  const raw = new Map<string, number>();
  for (const sentence of sentences) for (const w of sentence) raw.set(w, (raw.get(w) ?? 0) + 1);
  const index = new Map<string, number>([["<s>", 0]]);
  const words = ["<s>"];
  let length = 1;
  for (const sentence of sentences) length += sentence.length + 1;
  const ids = new Int32Array(length);
  let at = 0;
  ids[at++] = 0;
  for (const sentence of sentences) {
    for (const w of sentence) {
      const key = (raw.get(w) as number) >= minCount ? w : rareShape(w);
      let id = index.get(key);
      if (id === undefined) {
        id = words.length;
        index.set(key, id);
        words.push(key);
      }
      ids[at++] = id;
    }
    ids[at++] = 0;
  }
  const counts = new Int32Array(words.length);
  for (let i = 0; i < at; i++) counts[ids[i] as number] = (counts[ids[i] as number] as number) + 1;
  return { words, counts, ids: ids.subarray(0, at) };
}

/** Sparse neighbour lists in CSR form: for word w, entries [start[w], start[w+1]). */
interface Neighbours {
  readonly start: Int32Array;
  readonly word: Int32Array;
  readonly count: Int32Array;
}

function neighbours(ids: Int32Array, vocabulary: number, right: boolean): Neighbours {
  // Count bigrams per (w, v) with a map keyed by w * V + v (V below 2^26 keeps keys exact).
  const pairs = new Map<number, number>();
  for (let i = 0; i + 1 < ids.length; i++) {
    const a = ids[i] as number;
    const b = ids[i + 1] as number;
    const key = right ? a * vocabulary + b : b * vocabulary + a;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  const keys = Float64Array.from(pairs.keys()).sort();
  const start = new Int32Array(vocabulary + 1);
  const word = new Int32Array(keys.length);
  const count = new Int32Array(keys.length);
  keys.forEach((key, i) => {
    const w = Math.floor(key / vocabulary);
    word[i] = key - w * vocabulary;
    count[i] = pairs.get(key) as number;
    start[w + 1] = (start[w + 1] as number) + 1;
  });
  for (let w = 0; w < vocabulary; w++) start[w + 1] = (start[w + 1] as number) + (start[w] as number);
  return { start, word, count };
}

/** Class of each word id (0-based), `classes` classes. */
export function exchangeClusters(corpus: IdCorpus, options: ClusterOptions): Int32Array {
  const V = corpus.words.length;
  const C = options.classes;
  const right = neighbours(corpus.ids, V, true);
  const left = neighbours(corpus.ids, V, false);
  const nLeft = new Float64Array(V); // times w is the left word of a bigram
  const nRight = new Float64Array(V);
  for (let i = 0; i + 1 < corpus.ids.length; i++) {
    nLeft[corpus.ids[i] as number] = (nLeft[corpus.ids[i] as number] as number) + 1;
    nRight[corpus.ids[i + 1] as number] = (nRight[corpus.ids[i + 1] as number] as number) + 1;
  }
  // x log x for every count a cell can hold.
  const total = corpus.ids.length;
  const xlogx = new Float64Array(total + 2);
  for (let x = 2; x < xlogx.length; x++) xlogx[x] = x * Math.log(x);
  const F = (x: number): number => xlogx[x] as number;

  // Initial classes: by frequency rank, round robin.
  const order = Array.from({ length: V }, (_, i) => i).sort((a, b) => (corpus.counts[b] as number) - (corpus.counts[a] as number) || a - b);
  const cls = new Int32Array(V);
  order.forEach((w, rank) => (cls[w] = rank % C));

  const N = new Int32Array(C * C); // class bigram counts N[c * C + d]
  const NL = new Float64Array(C);
  const NR = new Float64Array(C);
  for (let i = 0; i + 1 < corpus.ids.length; i++) {
    const c = cls[corpus.ids[i] as number] as number;
    const d = cls[corpus.ids[i + 1] as number] as number;
    N[c * C + d] = (N[c * C + d] as number) + 1;
    NL[c] = (NL[c] as number) + 1;
    NR[d] = (NR[d] as number) + 1;
  }

  const cl = new Int32Array(C); // counts N(class c, w): w's left neighbours by class
  const cr = new Int32Array(C); // counts N(w, class c)
  const nzL = new Int32Array(C);
  const nzR = new Int32Array(C);
  const minMoved = options.minMoved ?? 0.001;

  for (let iteration = 0; iteration < options.iterations; iteration++) {
    let moved = 0;
    for (const w of order) {
      const a = cls[w] as number;
      // Gather w's neighbour counts by class, leaving out the bigram (w, w).
      let self = 0;
      let kl = 0;
      let kr = 0;
      for (let e = left.start[w] as number; e < (left.start[w + 1] as number); e++) {
        const u = left.word[e] as number;
        const n = left.count[e] as number;
        if (u === w) {
          self = n;
          continue;
        }
        const c = cls[u] as number;
        if (cl[c] === 0) nzL[kl++] = c;
        cl[c] = (cl[c] as number) + n;
      }
      for (let e = right.start[w] as number; e < (right.start[w + 1] as number); e++) {
        const v = right.word[e] as number;
        if (v === w) continue;
        const n = right.count[e] as number;
        const c = cls[v] as number;
        if (cr[c] === 0) nzR[kr++] = c;
        cr[c] = (cr[c] as number) + n;
      }
      const wl = nLeft[w] as number;
      const wr = nRight[w] as number;
      // Take w out of class a.
      for (let i = 0; i < kl; i++) {
        const c = nzL[i] as number;
        N[c * C + a] = (N[c * C + a] as number) - (cl[c] as number);
      }
      for (let i = 0; i < kr; i++) {
        const c = nzR[i] as number;
        N[a * C + c] = (N[a * C + c] as number) - (cr[c] as number);
      }
      N[a * C + a] = (N[a * C + a] as number) - self;
      NL[a] = (NL[a] as number) - wl;
      NR[a] = (NR[a] as number) - wr;
      // The class that gains the most.
      let best = a;
      let bestGain = -Infinity;
      for (let k = 0; k < C; k++) {
        let gain = 0;
        for (let i = 0; i < kl; i++) {
          const c = nzL[i] as number;
          if (c === k) continue;
          const old = N[c * C + k] as number;
          gain += F(old + (cl[c] as number)) - F(old);
        }
        for (let i = 0; i < kr; i++) {
          const c = nzR[i] as number;
          if (c === k) continue;
          const old = N[k * C + c] as number;
          gain += F(old + (cr[c] as number)) - F(old);
        }
        const diag = N[k * C + k] as number;
        gain += F(diag + (cl[k] as number) + (cr[k] as number) + self) - F(diag);
        gain -= F((NL[k] as number) + wl) - F(NL[k] as number);
        gain -= F((NR[k] as number) + wr) - F(NR[k] as number);
        if (gain > bestGain + 1e-9 || (k === a && gain >= bestGain - 1e-9)) {
          bestGain = gain;
          best = k;
        }
      }
      // Put w into the best class.
      for (let i = 0; i < kl; i++) {
        const c = nzL[i] as number;
        N[c * C + best] = (N[c * C + best] as number) + (cl[c] as number);
        cl[c] = 0;
      }
      for (let i = 0; i < kr; i++) {
        const c = nzR[i] as number;
        N[best * C + c] = (N[best * C + c] as number) + (cr[c] as number);
        cr[c] = 0;
      }
      N[best * C + best] = (N[best * C + best] as number) + self;
      NL[best] = (NL[best] as number) + wl;
      NR[best] = (NR[best] as number) + wr;
      if (best !== a) {
        cls[w] = best;
        moved++;
      }
    }
    options.progress?.(iteration + 1, moved);
    if (moved < V * minMoved) break;
  }
  return cls;
}

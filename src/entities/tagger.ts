// Tags a document's token sequence, sentence by sentence, in document order: describe the
// tokens once, then for each sentence hash its features, score, Viterbi-decode, and record the
// predictions for the next sentences' history features. Training runs the very same loop with a
// trainer attached, so the features seen in training are the features used at run time.
import { OUTSIDE, classOf } from "./bilou.js";
import { AS_NEXT, AS_PREVIOUS, AS_SECOND_NEXT, AS_SECOND_PREVIOUS, FeatureBuffer, PredictionHistory, describeTokens, neighbourFeatures, sentenceFeatures, wordFeatureKey, wordFeatures, type NerResources, type TokenColumns, type TokenSequence } from "./features.js";
import { PerceptronTrainer, ViterbiScratch, emissionScores, rankedEmission, rankedRowSums, transitionMask, viterbi, type LinearChainModel, type RankedWeights, type TransitionMask } from "./perceptron.js";
import { HashTable } from "./textHash.js";

export interface TrainingStep {
  readonly trainer: PerceptronTrainer;
  /** Gold labels of every token of the sequence. */
  readonly gold: Int32Array;
}

export interface TagResult {
  readonly labels: Int32Array;
  /** The token description the features were read from (its hashes serve later lookups). */
  readonly columns: TokenColumns;
}

/**
 * Per word, the summed weights of the features that depend on that word alone: its own word
 * features (features.ts wordFeatures) and the features it gives its neighbours in each of four
 * roles (neighbourFeatures: the previous token's word, the next one's...). In news most tokens
 * repeat a word already seen ("the", ",", "Noem"), and these features are over half of a
 * token's, so each word's sums are computed once and kept across stories. The key (the word's
 * exact form and its finest word class) determines all of them, and the sums are integers, so
 * the result is exactly the same as summing every feature afresh. Bounded: when full, it starts
 * over (between sentences, never inside one).
 */
class WordSums {
  /** Vectors per word: its own, then one per neighbour role. */
  private static readonly PARTS = 5;
  private index!: HashTable;
  private readonly sums: Int32Array;
  private used = 0;
  /** Slot of each token of the current sentence. */
  private slots = new Int32Array(256);

  constructor(
    private readonly weights: RankedWeights,
    private readonly labels: number,
    private readonly rowMask: number,
    private readonly buffer: FeatureBuffer,
    private readonly capacity = 1 << 15,
  ) {
    this.sums = new Int32Array(capacity * WordSums.PARTS * labels);
    this.reset();
  }

  /** Empties the table; slot 0 is the sentence boundary, which has only neighbour roles. */
  private reset(): void {
    this.index = new HashTable(this.capacity);
    this.used = 1;
    const L = this.labels;
    this.sums.fill(0, 0, WordSums.PARTS * L);
    for (let role = 0; role < WordSums.PARTS - 1; role++) this.addRows((w) => neighbourFeatures(EMPTY_COLUMNS, -1, role, w), (1 + role) * L);
  }

  private addRows(fill: (w: FeatureBuffer) => void, at: number): void {
    const buffer = this.buffer;
    buffer.reset(1, this.rowMask);
    fill(buffer);
    rankedRowSums(this.weights, this.labels, buffer.rows, 0, buffer.length, this.sums, at);
  }

  private slotOf(seq: TokenSequence, cols: TokenColumns, t: number): number {
    const a = cols.exactA[t] as number;
    const b = wordFeatureKey(cols, t);
    let slot = this.index.get(a, b);
    if (slot < 0) {
      slot = this.used++;
      this.index.set(a, b, slot);
      const L = this.labels;
      const base = slot * WordSums.PARTS * L;
      this.sums.fill(0, base, base + WordSums.PARTS * L);
      this.addRows((w) => wordFeatures(seq, cols, t, w), base);
      for (let role = 0; role < WordSums.PARTS - 1; role++) this.addRows((w) => neighbourFeatures(cols, t, role, w), base + (1 + role) * L);
    }
    return slot;
  }

  /**
   * Writes into out[(t - from) * labels ...] the sums of tokens [from, to) (one sentence): each token's own
   * vector plus its neighbours' vectors in their roles (the boundary where there is no neighbour).
   */
  sentence(seq: TokenSequence, cols: TokenColumns, from: number, to: number, out: Int32Array): void {
    const n = to - from;
    if (this.used + n > this.capacity) this.reset();
    if (this.slots.length < n) this.slots = new Int32Array(n * 2);
    const slots = this.slots;
    for (let k = 0; k < n; k++) slots[k] = this.slotOf(seq, cols, from + k);
    const L = this.labels;
    const stride = WordSums.PARTS * L;
    const sums = this.sums;
    for (let k = 0; k < n; k++) {
      const own = (slots[k] as number) * stride;
      const previous = (k > 0 ? (slots[k - 1] as number) : 0) * stride + (1 + AS_PREVIOUS) * L;
      const next = (k + 1 < n ? (slots[k + 1] as number) : 0) * stride + (1 + AS_NEXT) * L;
      const previous2 = (k > 1 ? (slots[k - 2] as number) : 0) * stride + (1 + AS_SECOND_PREVIOUS) * L;
      const next2 = (k + 2 < n ? (slots[k + 2] as number) : 0) * stride + (1 + AS_SECOND_NEXT) * L;
      const at = k * L;
      for (let y = 0; y < L; y++) {
        out[at + y] = (sums[own + y] as number) + (sums[previous + y] as number) + (sums[next + y] as number) + (sums[previous2 + y] as number) + (sums[next2 + y] as number);
      }
    }
  }
}

/** neighbourFeatures reads no column for the boundary (u = -1). */
const EMPTY_COLUMNS = {} as TokenColumns;

export class Tagger {
  readonly model: LinearChainModel;
  readonly classes: readonly string[];
  readonly resources: NerResources;
  private readonly mask: TransitionMask;
  private readonly buffer = new FeatureBuffer();
  private readonly wordBuffer = new FeatureBuffer(1);
  private readonly scratch = new ViterbiScratch();
  private wordSums: WordSums | undefined;

  constructor(model: LinearChainModel, classes: readonly string[], resources: NerResources) {
    this.model = model;
    this.classes = classes;
    this.resources = resources;
    this.mask = transitionMask(model.labels);
  }

  /** BILOU labels for every token. With `training`, the trainer learns from each sentence as it goes. */
  tag(seq: TokenSequence, training?: TrainingStep): TagResult {
    const n = seq.count;
    const labels = new Int32Array(n);
    const model = training ? training.trainer : this.model;
    const cols = describeTokens(seq, this.resources);
    const history = new PredictionHistory(n, 1 + this.classes.length);
    const rowMask = model.rows - 1;
    const weights = model.weights;
    const wordSums = weights.kind === "ranked" ? (this.wordSums ??= new WordSums(weights, model.labels, rowMask, this.wordBuffer)) : null;
    let from = 0;
    while (from < n) {
      let to = from + 1;
      while (to < n && !seq.sentenceStarts[to]) to++;
      const tokens = to - from;
      this.scratch.ensure(tokens, model.labels);
      if (wordSums) {
        // Run time: the word features' sums come from the per-story cache, the rest is added to them.
        sentenceFeatures(seq, cols, history, from, to, rowMask, this.buffer, /*withWordFeatures=*/ false);
        const start = this.scratch.sums;
        wordSums.sentence(seq, cols, from, to, start);
        rankedEmission(model, this.buffer, tokens, start, this.scratch.scores);
      } else {
        sentenceFeatures(seq, cols, history, from, to, rowMask, this.buffer);
        emissionScores(model, this.buffer, tokens, this.scratch.scores, this.scratch.sums);
      }
      viterbi(model, this.mask, tokens, this.scratch, labels, from);
      if (training) {
        training.trainer.update(this.buffer, tokens, training.gold, labels, from);
        training.trainer.tick();
      }
      for (let t = from; t < to; t++) {
        const label = labels[t] as number;
        history.record(cols, t, label === OUTSIDE ? 0 : 1 + classOf(label));
      }
      from = to;
    }
    return { labels, columns: cols };
  }
}

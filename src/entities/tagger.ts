// Tags a document's token sequence, sentence by sentence, in document order: describe the
// tokens once, then for each sentence hash its features, score, Viterbi-decode, and record the
// predictions for the next sentences' history features. Training runs the very same loop with a
// trainer attached, so the features seen in training are the features used at run time.
import { OUTSIDE, classOf } from "./bilou.js";
import { FeatureBuffer, PredictionHistory, describeTokens, sentenceFeatures, wordFeatureKey, wordFeatures, type NerResources, type TokenColumns, type TokenSequence } from "./features.js";
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
 * The summed weights of each word's word features (features.ts wordFeatures), computed once per
 * word and kept across stories: in news most tokens repeat a word already seen ("the", ",",
 * "Noem"), and these features are half of a token's. The key (the word's exact form and its
 * finest word class) determines every word feature, and the sums are integers, so the result is
 * exactly the same as summing afresh. Bounded: when full, it starts over.
 */
class WordSums {
  private index: HashTable;
  private readonly sums: Int32Array;
  private used = 0;

  constructor(
    private readonly weights: RankedWeights,
    private readonly labels: number,
    private readonly rowMask: number,
    private readonly buffer: FeatureBuffer,
    private readonly capacity = 1 << 16,
  ) {
    this.index = new HashTable(capacity);
    this.sums = new Int32Array(capacity * labels);
  }

  /** Copy token t's word-feature sums into out[at .. at + labels). */
  copy(seq: TokenSequence, cols: TokenColumns, t: number, out: Int32Array, at: number): void {
    const L = this.labels;
    const a = cols.exactA[t] as number;
    const b = wordFeatureKey(cols, t);
    let slot = this.index.get(a, b);
    if (slot < 0) {
      if (this.used === this.capacity) {
        this.index = new HashTable(this.capacity);
        this.used = 0;
      }
      slot = this.used++;
      this.index.set(a, b, slot);
      const buffer = this.buffer;
      buffer.reset(1, this.rowMask);
      wordFeatures(seq, cols, t, buffer);
      this.sums.fill(0, slot * L, slot * L + L);
      rankedRowSums(this.weights, L, buffer.rows, 0, buffer.length, this.sums, slot * L);
    }
    const sums = this.sums;
    const from = slot * L;
    for (let y = 0; y < L; y++) out[at + y] = sums[from + y] as number;
  }
}

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
        for (let t = from; t < to; t++) wordSums.copy(seq, cols, t, start, (t - from) * model.labels);
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

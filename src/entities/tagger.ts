// Tags a document's token sequence, sentence by sentence, in document order: describe the
// tokens once, then for each sentence hash its features, score, Viterbi-decode, and record the
// predictions for the next sentences' history features. Training runs the very same loop with a
// trainer attached, so the features seen in training are the features used at run time.
import { OUTSIDE, classOf } from "./bilou.js";
import { FeatureBuffer, PredictionHistory, describeTokens, sentenceFeatures, type NerResources, type TokenColumns, type TokenSequence } from "./features.js";
import { PerceptronTrainer, ViterbiScratch, emissionScores, transitionMask, viterbi, type LinearChainModel, type TransitionMask } from "./perceptron.js";

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

export class Tagger {
  readonly model: LinearChainModel;
  readonly classes: readonly string[];
  readonly resources: NerResources;
  private readonly mask: TransitionMask;
  private readonly buffer = new FeatureBuffer();
  private readonly scratch = new ViterbiScratch();

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
    let from = 0;
    while (from < n) {
      let to = from + 1;
      while (to < n && !seq.sentenceStarts[to]) to++;
      const tokens = to - from;
      sentenceFeatures(seq, cols, history, from, to, rowMask, this.buffer);
      this.scratch.ensure(tokens, model.labels);
      emissionScores(model, this.buffer, tokens, this.scratch.scores, this.scratch.sums);
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

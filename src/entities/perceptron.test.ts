import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { FeatureBuffer } from "./features.js";
import { PerceptronTrainer, ViterbiScratch, decodeSparse, emissionScores, encodeSparse, rankWeights, sparsify, transitionMask, viterbi } from "./perceptron.js";
import { labelCount, labelName } from "./bilou.js";

const CLASSES = ["PER"];
const L = labelCount(CLASSES.length);

/** One feature per token: its "word id". */
function features(words: readonly number[]): FeatureBuffer {
  const buffer = new FeatureBuffer();
  buffer.reset(words.length, 63);
  words.forEach((w, k) => {
    buffer.offsets[k] = buffer.length;
    buffer.add(1, w);
  });
  buffer.offsets[words.length] = buffer.length;
  return buffer;
}

function decode(model: Parameters<typeof emissionScores>[0], words: readonly number[]): string[] {
  const scratch = new ViterbiScratch();
  scratch.ensure(words.length, L);
  emissionScores(model, features(words), words.length, scratch.scores);
  const out = new Int32Array(words.length);
  viterbi(model, transitionMask(L), words.length, scratch, out, 0);
  return [...out].map((l) => labelName(l, CLASSES));
}

describe("averaged perceptron", () => {
  // word 1 "Kristi", 2 "Noem", 3 "visited", 4 "Noem said"
  const sentences: ReadonlyArray<readonly [readonly number[], readonly number[]]> = [
    [[1, 2, 3], [1, 3, 0]], // B-PER L-PER O
    [[2, 3], [4, 0]], // U-PER O
    [[3, 3], [0, 0]],
  ];

  function train(): PerceptronTrainer {
    const trainer = new PerceptronTrainer(64, L);
    const mask = transitionMask(L);
    const scratch = new ViterbiScratch();
    for (let epoch = 0; epoch < 5; epoch++) {
      for (const [words, gold] of sentences) {
        const buffer = features(words);
        scratch.ensure(words.length, L);
        emissionScores(trainer, buffer, words.length, scratch.scores);
        const predicted = new Int32Array(words.length);
        viterbi(trainer, mask, words.length, scratch, predicted, 0);
        trainer.update(buffer, words.length, Int32Array.from(gold), predicted, 0);
        trainer.tick();
      }
    }
    return trainer;
  }

  const trained = () => train().averaged();

  it("learns a tiny tagging task and keeps BILOU valid", () => {
    const model = trained();
    assert.deepEqual(decode(model, [1, 2, 3]), ["B-PER", "L-PER", "O"]);
    assert.deepEqual(decode(model, [2, 3]), ["U-PER", "O"]);
  });

  it("stores the sparse 16-bit weights and reads them back unchanged", () => {
    const sparse = sparsify(trained());
    assert.equal(sparse.weights.kind, "sparse");
    if (sparse.weights.kind !== "sparse") return;
    const bytes = encodeSparse(sparse.weights, sparse.rows);
    const back = decodeSparse(bytes, sparse.rows, sparse.weights.values.length, sparse.weights.scale);
    assert.deepEqual([...back.offsets], [...sparse.weights.offsets]);
    assert.deepEqual([...back.values], [...sparse.weights.values]);
    // As the tagger reads them: ranked rows, dense where a row has most labels.
    const ranked = { ...sparse, weights: rankWeights(back, sparse.rows, sparse.labels) };
    assert.deepEqual(decode(ranked, [1, 2, 3]), ["B-PER", "L-PER", "O"]);
    assert.deepEqual(decode(ranked, [3, 3]), ["O", "O"]);
  });

});

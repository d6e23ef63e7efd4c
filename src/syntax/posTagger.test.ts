import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { features, normalizeWord, posModel, score, tagWords } from "./posTagger.js";

const words = (text: string) => text.split(" ");

describe("posTagger", () => {
  // Real news sentences (the seed story, AP) and the tags that the events stage depends on: verb or noun.
  const cases: readonly (readonly [string, Readonly<Record<number, string>>])[] = [
    // "sat" is a past tense here, not a noun: "Noem sat down Thursday morning"
    ["Noem sat down Thursday morning with Colombian Foreign Minister Laura Sarabia .", { 1: "VBD", 2: "RP" }],
    // "visit" the noun after a possessive, "visit" the verb after "to"
    ["The visit marks a contrast to Noem 's Wednesday visit to El Salvador .", { 1: "NN", 2: "VBZ", 9: "NN" }],
    ["On Friday , Noem is set to visit Mexico and meet with President Claudia Sheinbaum .", { 7: "VB", 10: "VB" }],
    // a participle after a noun: the reduced relative of "Venezuelans deported by the U.S. government"
    ["hundreds of Venezuelans deported by the U.S. government are being held .", { 3: "VBN", 8: "VBP", 10: "VBN" }],
  ];
  for (const [sentence, expected] of cases) {
    it(sentence, () => {
      const tags = tagWords(posModel(), words(sentence));
      for (const [i, tag] of Object.entries(expected)) assert.equal(tags[Number(i)], tag, `${words(sentence)[Number(i)]}: ${tags.join(" ")}`);
    });
  }

  it("scores the same through its caches as through the plain features", () => {
    const model = posModel();
    const ws = words("Iran threatened to shell Iraqi towns today .");
    const tagged = tagWords(model, ws);
    const norm = ws.map(normalizeWord);
    const scores = new Float64Array(model.tags.length);
    let prev = "-START-";
    let prev2 = "-START2-";
    ws.forEach((_, i) => {
      score(model, features(ws, norm, i, prev, prev2), scores);
      let best = 0;
      for (let y = 1; y < scores.length; y++) if ((scores[y] as number) > (scores[best] as number)) best = y;
      const expected = model.lexicon.has(norm[i] as string) ? model.tags[model.lexicon.get(norm[i] as string) as number] : model.tags[best];
      assert.equal(tagged[i], expected, ws[i]);
      prev2 = prev;
      prev = tagged[i] as string;
    });
  });

  it("takes tags fixed beforehand", () => {
    assert.equal(tagWords(posModel(), words("Petro met Trump ."), ["NNP", null, "NNP", null])[2], "NNP");
  });
});

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildCorpus, exchangeClusters } from "./wordClusters.js";

// Two kinds of words in the same frames: cities after "in", weekdays after "on".
const sentences: string[][] = [];
const cities = ["Paris", "Bogota", "Kyiv", "Lima"];
const days = ["Monday", "Friday", "Sunday", "Tuesday"];
for (let i = 0; i < 40; i++) {
  sentences.push(["talks", "in", cities[i % 4] as string, "ended", "."]);
  sentences.push(["he", "left", "on", days[i % 4] as string, "."]);
}

describe("exchange word classes", () => {
  it("puts words that share contexts in one class and is deterministic", () => {
    const corpus = buildCorpus(sentences, 2);
    const options = { classes: 4, iterations: 10, minCount: 2 };
    const classes = exchangeClusters(corpus, options);
    const classOf = (w: string): number => classes[corpus.words.indexOf(w)] as number;
    assert.equal(new Set(cities.map(classOf)).size, 1);
    assert.equal(new Set(days.map(classOf)).size, 1);
    assert.notEqual(classOf("Paris"), classOf("Monday"));
    assert.deepEqual(exchangeClusters(corpus, options), classes);
  });

  it("clusters rare words under their shape", () => {
    const corpus = buildCorpus([["Zanzibar", "is", "far"], ["it", "is", "far"]], 2);
    assert.ok(corpus.words.includes("<Xx>"));
    assert.ok(!corpus.words.includes("Zanzibar"));
  });
});

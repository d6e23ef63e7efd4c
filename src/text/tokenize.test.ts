import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { tokenize, tokenTexts } from "./tokenize.js";

const cases: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["U.S. Homeland Security Secretary Kristi Noem visited Colombia", ["U.S.", "Homeland", "Security", "Secretary", "Kristi", "Noem", "visited", "Colombia"]],
  // glued sentences in the seed story: the period is its own token
  ["crime and deportation.Her trip", ["crime", "and", "deportation", ".", "Her", "trip"]],
  ["“We're committed to working hand-in-hand", ["“", "We", "'re", "committed", "to", "working", "hand-in-hand"]],
  ["Colombia's leftist President", ["Colombia", "'s", "leftist", "President"]],
  ["the American government’s role", ["the", "American", "government", "’s", "role"]],
  ["a 25 percent tariff on 1,000.5 cars", ["a", "25", "percent", "tariff", "on", "1,000.5", "cars"]],
  ["Mr. Smith met Gen. Lee in Calif. on Jan. 5.", ["Mr.", "Smith", "met", "Gen.", "Lee", "in", "Calif.", "on", "Jan.", "5", "."]],
  ["My name is Jonas E. Smith.", ["My", "name", "is", "Jonas", "E.", "Smith", "."]],
  ["They don't know O'Brien.", ["They", "do", "n't", "know", "O'Brien", "."]],
  ["Wait... what?!", ["Wait", "...", "what", "?", "!"]],
  ["at 5 p.m. Thursday", ["at", "5", "p.m.", "Thursday"]],
];

describe("tokenize", () => {
  for (const [text, expected] of cases) {
    it(`splits ${JSON.stringify(text)}`, () => {
      assert.deepEqual(tokenTexts(text, tokenize(text)), expected);
    });
  }

  it("keeps offsets into the original text, within the span only", () => {
    const text = "DAKAR, Senegal (AP) — Rain fell.";
    const layer = tokenize(text, { start: 22, end: text.length });
    assert.equal(text.slice(layer.starts[0], layer.ends[0]), "Rain");
    assert.equal(layer.count, 3);
  });

  it("never produces empty or overlapping tokens", () => {
    const text = "Noem sat down Thursday morning with Colombian Foreign Minister Laura Sarabia, and said they had a “frank discussion”.AP";
    const layer = tokenize(text);
    for (let t = 0; t < layer.count; t++) {
      assert.ok((layer.ends[t] as number) > (layer.starts[t] as number));
      if (t > 0) assert.ok((layer.starts[t] as number) >= (layer.ends[t - 1] as number));
    }
  });
});

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Gazetteer, categoryBit } from "./gazetteer.js";
import { tokenize } from "../text/tokenize.js";
import { CASE_LOWER, SEED_A, SEED_B, hashRange } from "./textHash.js";

const gazetteer = Gazetteer.of([
  { name: "United States", category: "country" },
  { name: "U.S.", category: "country" },
  { name: "Colombian", category: "demonym" },
  { name: "Secretary", category: "title" },
  { name: "Côte d'Ivoire", category: "country" },
  { name: "Georgia", category: "country" },
  { name: "Georgia", category: "place-gpe" },
]);

function hits(text: string): string[] {
  const tokens = tokenize(text);
  const lowerA = new Int32Array(tokens.count);
  const lowerB = new Int32Array(tokens.count);
  for (let t = 0; t < tokens.count; t++) {
    lowerA[t] = hashRange(text, tokens.starts[t] as number, tokens.ends[t] as number, CASE_LOWER, SEED_A);
    lowerB[t] = hashRange(text, tokens.starts[t] as number, tokens.ends[t] as number, CASE_LOWER, SEED_B);
  }
  const n = tokens.count;
  const result = { unit: new Int32Array(n), begin: new Int32Array(n), inside: new Int32Array(n), last: new Int32Array(n) };
  gazetteer.match(lowerA, lowerB, 0, n, result);
  const out: string[] = [];
  for (let t = 0; t < n; t++) {
    const word = text.slice(tokens.starts[t], tokens.ends[t]);
    if (result.unit[t]) out.push(`U:${word}`);
    if (result.begin[t]) out.push(`B:${word}`);
    if (result.last[t]) out.push(`L:${word}`);
  }
  return out;
}

describe("gazetteer", () => {
  const cases: ReadonlyArray<readonly [string, readonly string[]]> = [
    ["deported from the United States.", ["B:United", "L:States"]],
    ["U.S. Homeland Security Secretary Kristi Noem", ["U:U.S.", "U:Secretary"]],
    ["with our COLOMBIAN partners", ["U:COLOMBIAN"]], // matched without case
    ["in Côte d’Ivoire", ["B:Côte", "L:d’Ivoire"]], // curly apostrophe as straight
    ["the united nations", []],
  ];
  for (const [text, expected] of cases) {
    it(`matches ${JSON.stringify(text)}`, () => assert.deepEqual(hits(text), expected));
  }

  it("keeps every category of a name", () => {
    assert.equal(gazetteer.lookupText("Georgia"), categoryBit("country") | categoryBit("place-gpe"));
    assert.equal(gazetteer.lookupText("Atlantis"), 0);
  });
});

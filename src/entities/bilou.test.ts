import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { BEGIN, INSIDE, LAST, UNIT, OUTSIDE, allowedEnd, allowedTransition, decodeSpans, encodeSpans, labelName, labelOf } from "./bilou.js";

const CLASSES = ["PER", "ORG", "LOC", "MISC"];
const L = (name: string): number => {
  if (name === "O") return OUTSIDE;
  const [position, cls] = name.split("-") as [string, string];
  return labelOf(CLASSES.indexOf(cls), { B: BEGIN, I: INSIDE, L: LAST, U: UNIT }[position] as number);
};

describe("BILOU labels", () => {
  const transitions: ReadonlyArray<readonly [string, string, boolean]> = [
    ["start", "B-PER", true],
    ["start", "I-PER", false],
    ["start", "L-PER", false],
    ["B-PER", "L-PER", true],
    ["B-PER", "I-PER", true],
    ["B-PER", "L-ORG", false], // "Kristi Noem": one class from B to L
    ["B-PER", "O", false],
    ["L-PER", "B-PER", true], // two names side by side
    ["U-LOC", "U-LOC", true],
    ["O", "I-ORG", false],
  ];
  for (const [prev, next, allowed] of transitions) {
    it(`${allowed ? "allows" : "forbids"} ${prev} -> ${next}`, () => {
      assert.equal(allowedTransition(prev === "start" ? -1 : L(prev), L(next)), allowed);
    });
  }

  it("ends sentences only outside a name or on its last token", () => {
    assert.deepEqual(["O", "U-PER", "L-ORG", "B-LOC", "I-MISC"].map((n) => allowedEnd(L(n))), [true, true, true, false, false]);
  });

  it("round-trips spans through labels", () => {
    // U.S. Homeland Security Secretary Kristi Noem visited Colombia
    const spans = [
      { first: 0, last: 1, cls: 2 },
      { first: 1, last: 3, cls: 1 },
      { first: 4, last: 6, cls: 0 },
      { first: 7, last: 8, cls: 2 },
    ];
    const labels = new Int32Array(8);
    encodeSpans(spans, labels);
    assert.deepEqual([...labels].map((l) => labelName(l, CLASSES)), ["U-LOC", "B-ORG", "L-ORG", "O", "B-PER", "L-PER", "O", "U-LOC"]);
    assert.deepEqual(decodeSpans(labels, 0, 8), spans);
  });
});

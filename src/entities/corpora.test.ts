import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { documentText, iob1ToIob2, iobSpans } from "./corpora.js";

describe("corpus readers", () => {
  const conversions: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
    // CoNLL-2003 is IOB1: I- opens a name unless it continues one of its type
    [["I-ORG", "O", "I-MISC", "O"], ["B-ORG", "O", "B-MISC", "O"]],
    [["I-PER", "I-PER", "O"], ["B-PER", "I-PER", "O"]],
    // B- only between two adjacent names of one type
    [["I-LOC", "B-LOC", "I-LOC"], ["B-LOC", "B-LOC", "I-LOC"]],
    [["I-LOC", "I-ORG"], ["B-LOC", "B-ORG"]],
  ];
  for (const [iob1, iob2] of conversions) {
    it(`converts ${iob1.join(" ")}`, () => assert.deepEqual(iob1ToIob2(iob1), iob2));
  }

  it("finds spans in IOB2 and lays a document out as text", () => {
    assert.deepEqual(iobSpans(["B-PER", "I-PER", "O", "B-LOC"]), [
      { first: 0, last: 2, type: "PER" },
      { first: 3, last: 4, type: "LOC" },
    ]);
    const { text, entities } = documentText({
      id: "d",
      sentences: [
        { tokens: ["Peter", "Blackburn"], tags: ["B-PER", "I-PER"] },
        { tokens: ["BRUSSELS", "1996-08-22"], tags: ["B-LOC", "O"] },
      ],
    });
    assert.equal(text, "Peter Blackburn\nBRUSSELS 1996-08-22");
    assert.deepEqual(entities.map((e) => text.slice(e.start, e.end)), ["Peter Blackburn", "BRUSSELS"]);
  });
});

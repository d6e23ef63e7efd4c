import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { findFrame } from "./frame.js";

const datelines: ReadonlyArray<readonly [string, string, string | null, string]> = [
  // text, place, agency, first words of the body
  ["DAR ES SALAAM, Tanzania (AP) _ Tanzania's opposition leader was charged", "DAR ES SALAAM, Tanzania", "AP", "Tanzania's"],
  ["WASHINGTON, April 26 - The Senate voted on Thursday", "WASHINGTON", null, "The Senate"],
  ["WASHINGTON, April 26 (Reuters) - The Senate voted", "WASHINGTON", "Reuters", "The Senate"],
  ["KYIV, Ukraine — Russian drones struck the capital overnight.", "KYIV, Ukraine", null, "Russian"],
  ["ST. LOUIS (AP) — A judge ruled", "ST. LOUIS", "AP", "A judge"],
  ["UNITED NATIONS (AP) -- The Security Council met", "UNITED NATIONS", "AP", "The Security"],
];

const notDatelines = [
  "U.S. Homeland Security Secretary Kristi Noem visited Colombia on Thursday.",
  "NATO - the alliance - met on Friday.",
  "One of the Islamic State terror group's most senior leaders is dead.",
  "AI — and who controls it — was the theme.",
];

describe("frame: datelines", () => {
  for (const [text, place, agency, bodyStart] of datelines) {
    it(`reads ${JSON.stringify(text.slice(0, 30))} as a dateline`, () => {
      const { dateline, body } = findFrame(text);
      assert.ok(dateline, "a dateline");
      assert.equal(dateline.place, place);
      assert.equal(dateline.agency, agency);
      assert.ok(text.slice(body.start).startsWith(bodyStart), text.slice(body.start));
    });
  }
  for (const text of notDatelines) {
    it(`finds no dateline in ${JSON.stringify(text.slice(0, 30))}`, () => {
      assert.equal(findFrame(text).dateline, null);
      assert.equal(findFrame(text).body.start, 0);
    });
  }
});

describe("frame: trailing credits", () => {
  it("reads the seed's glued credit: '…on Wednesday.AP'", () => {
    const text = "Trump announced a 25 percent tariff on auto imports on Wednesday.AP";
    const { credit, body } = findFrame(text);
    assert.ok(credit);
    assert.equal(credit.agency, "AP");
    assert.equal(text.slice(credit.start, credit.end), "AP");
    assert.equal(text.slice(body.start, body.end), "Trump announced a 25 percent tariff on auto imports on Wednesday.");
  });
  it("reads '(Reuters)' after the last sentence", () => {
    const text = "The talks ended. (Reuters)";
    const { credit, body } = findFrame(text);
    assert.equal(credit?.agency, "Reuters");
    assert.equal(text.slice(body.start, body.end), "The talks ended.");
  });
  it("does not take a sentence's last word for a credit", () => {
    for (const text of ["He spoke to the AP.", "The story was first reported by Reuters", "He works for AP"]) {
      assert.equal(findFrame(text).credit, null, text);
    }
  });
});

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { codebook } from "./codebook.js";

describe("codebook", () => {
  // [code, PLOVER type, mode, Goldstein]: CAMEO2PLOVER and ICEWS's Goldstein scores, as FORMAT.md's examples read them.
  const cases: readonly (readonly [string, string | null, string | null, number])[] = [
    ["042", "CONSULT", "visit", 1.9],
    ["040", "CONSULT", null, 1],
    ["057", "SUPPORT", null, 8],
    ["174", "COERCE", "deport", -5],
    ["163", "COERCE", "restrict", -8],
    ["030", "AGREE", null, 4],
    ["010", null, null, 0], // statements: PLOVER dropped them
  ];
  for (const [code, plover, mode, goldstein] of cases) {
    it(code, () => {
      const c = codebook().get(code);
      assert.equal(c?.plover, plover);
      assert.equal(c?.ploverMode, mode);
      assert.equal(c?.goldstein, goldstein);
    });
  }

  it("reads a four-digit code through its parent when PLOVER lists only the parent", () => {
    assert.equal(codebook().get("0213")?.plover, null); // 02: appeals, dropped
    assert.equal(codebook().get("1031")?.plover, "REQUEST");
  });

  it("knows which codes need a target", () => {
    assert.equal(codebook().get("042")?.needsTarget, true); // newsgraph: a visit is to somewhere
    assert.equal(codebook().get("070")?.needsTarget, true); // PLOVER: AID requires a recipient
    assert.equal(codebook().get("141")?.needsTarget, false);
  });
});

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { compilePattern, parseCode, verbDictionary, wordKey } from "./verbDictionary.js";

describe("verbDictionary", () => {
  it("reads PETRARCH's codes", () => {
    assert.deepEqual(parseCode("042:043"), { forward: "042", reverse: "043" });
    assert.deepEqual(parseCode(":110"), { forward: null, reverse: "110" });
    assert.equal(parseCode("---"), null);
    assert.deepEqual(parseCode("130!"), { forward: "130", reverse: null, needsTarget: true });
  });

  it("finds every form of a verb, phrasal verbs included", () => {
    const met = verbDictionary().byForm.get("met") ?? [];
    assert.ok(met.some((e) => e.words.join(" ") === "meet with" && e.code?.forward === "040"));
    const sat = verbDictionary().byForm.get("sat") ?? [];
    assert.ok(sat.some((e) => e.words.join(" ") === "sit down"), "newsgraph adds 'sit down with'");
  });

  it("lets newsgraph's rows correct PETRARCH's", () => {
    const negotiate = verbDictionary().byForm.get("negotiated") ?? [];
    assert.deepEqual(
      negotiate.map((e) => [e.block, e.code?.forward]),
      [["NEGOTIATE", "046"]],
      "PETRARCH files negotiate under yield (080); newsgraph codes it 046",
    );
  });

  it("compiles patterns into words, prepositional phrases and synonym sets", () => {
    const synsets = new Map([["treaty", [["treaty"], ["agreement"]]]]);
    const p = compilePattern("SIGN", "* &treaty (in ^) (with)", { forward: "057", reverse: null }, "petrarch", synsets);
    assert.equal(p?.weight, 3);
    assert.deepEqual(p?.after[0], { kind: "words", alternatives: [["treaty"], ["agreement"]] });
    assert.equal(p?.after[1]?.kind, "pp");
  });

  it("matches plurals and singulars alike", () => {
    assert.equal(wordKey("treaties"), wordKey("treaty"));
    assert.equal(wordKey("sanctions"), "sanction");
    assert.equal(wordKey("crisis"), "crisis");
  });
});

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { allVerbForms, nounPlural, verbForms } from "./morphology.js";

describe("verbForms", () => {
  // [base, a form that must be generated]
  const cases: readonly (readonly [string, string])[] = [
    ["deport", "deported"],
    ["deport", "deporting"],
    ["visit", "visited"], // two syllables, stress on the first: no doubling
    ["ban", "banned"],
    ["expel", "expelled"], // stress on the last syllable
    ["meet", "met"],
    ["sit", "sat"],
    ["hold", "held"],
    ["withhold", "withheld"], // a compound of an irregular verb
    ["overthrow", "overthrown"],
    ["agree", "agreed"],
    ["agree", "agreeing"],
    ["deny", "denied"],
    ["deny", "denies"],
    ["impose", "imposes"],
    ["attack", "attacks"],
  ];
  for (const [base, form] of cases) it(`${base} -> ${form}`, () => assert.ok(allVerbForms(base).includes(form), allVerbForms(base).join(" ")));

  it("keeps irregular participles apart from the past", () => {
    const f = verbForms("take");
    assert.deepEqual(f.past, ["took"]);
    assert.deepEqual(f.participle, ["taken"]);
  });
});

describe("nounPlural", () => {
  for (const [noun, plural] of [
    ["talk", "talks"],
    ["policy", "policies"],
    ["crisis", "crises"],
    ["policeman", "policemen"],
    ["tax", "taxes"],
  ] as const)
    it(`${noun} -> ${plural}`, () => assert.equal(nounPlural(noun), plural));
});

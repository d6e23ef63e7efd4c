import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { textDoc } from "../events/testing.js";
import { parseSentence, type ParsedSentence } from "./shallowParse.js";

function parse(text: string, names: readonly string[] = []): ParsedSentence {
  const doc = textDoc(text);
  const entities = names.map((n) => ({ start: text.indexOf(n), end: text.indexOf(n) + n.length, type: "PERSON" }));
  return parseSentence(doc, (doc.layers.sentences ?? [])[0] as { start: number; end: number }, entities);
}
const chunkTexts = (s: ParsedSentence) => s.chunks.map((c) => s.words.slice(c.start, c.end).join(" "));
const groupTexts = (s: ParsedSentence) => s.groups.map((g) => s.words.slice(g.start, g.end).join(" "));

describe("shallowParse", () => {
  it("keeps a possessive and its title inside one noun chunk", () => {
    const s = parse("Later in the day, Noem met with police and Colombia's leftist President Gustavo Petro.");
    assert.ok(chunkTexts(s).includes("Colombia 's leftist President Gustavo Petro"), chunkTexts(s).join(" | "));
    const petro = s.chunks.find((c) => s.words[c.head] === "Petro");
    assert.equal(petro && s.words[petro.possessorEnd ?? -1], "Colombia");
  });

  it("finds passives, negation and modals in verb groups", () => {
    const s = parse("Hundreds of Venezuelans deported by the U.S. government are being held.");
    const held = s.groups.find((g) => s.words[g.main] === "held");
    assert.equal(held?.passive, true);
    const deported = s.groups.find((g) => s.words[g.main] === "deported");
    assert.equal(deported?.bare, true);
    const negated = parse("The officials did not sign the agreement.").groups[0];
    assert.equal(negated?.negated, true);
    assert.equal(parse("Noem will visit Mexico on Friday.").groups[0]?.modal, "will");
  });

  it("splits to-infinitives into groups of their own", () => {
    assert.deepEqual(groupTexts(parse("On Friday, Noem is set to visit Mexico and meet with President Claudia Sheinbaum.")), ["is set", "to visit", "meet"]);
  });

  it("never cuts a name", () => {
    const s = parse("They were members of the Venezuelan gang Tren de Aragua.", ["Tren de Aragua"]);
    assert.ok(chunkTexts(s).some((c) => c.endsWith("Tren de Aragua")), chunkTexts(s).join(" | "));
  });
});

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseSentence, type ParsedSentence } from "../syntax/shallowParse.js";
import { analyzeClauses, type Clause } from "./clauses.js";
import { textDoc } from "./testing.js";

function analyze(text: string): { s: ParsedSentence; clauses: Clause[] } {
  const doc = textDoc(text);
  const s = parseSentence(doc, (doc.layers.sentences ?? [])[0] as { start: number; end: number });
  return { s, clauses: analyzeClauses(s, new Uint8Array(s.words.length)) };
}
/** The clause of the verb group whose lexical verb is `verb`, with its subjects' head words. */
function clauseOf(text: string, verb: string) {
  const { s, clauses } = analyze(text);
  const g = s.groups.findIndex((x) => s.words[x.main] === verb);
  assert.ok(g >= 0, `no verb "${verb}" in ${s.words.join(" ")}`);
  const c = clauses[g] as Clause;
  const head = (chunk: number) => s.words[(s.chunks[chunk] as { head: number }).head];
  return { c, s, subjects: c.subjects.map((p) => (p.of !== null ? `${head(p.chunk)} of ${head(p.of)}` : head(p.chunk))) };
}

describe("clauses", () => {
  it("reads a reduced relative as a passive", () => {
    const { c, subjects } = clauseOf("Hundreds of Venezuelans deported by the U.S. government are being held.", "deported");
    assert.equal(c.passive, true);
    assert.deepEqual(subjects, ["Hundreds of Venezuelans"]);
  });
  it("shares the subject of coordinated verbs and of to-infinitives", () => {
    const meet = clauseOf("On Friday, Noem is set to visit Mexico and meet with President Claudia Sheinbaum.", "meet");
    assert.deepEqual(meet.subjects, ["Noem"]);
    assert.notEqual(meet.c.conjunctOf, null);
    const visit = clauseOf("On Friday, Noem is set to visit Mexico and meet with President Claudia Sheinbaum.", "visit");
    assert.notEqual(visit.c.governor, null, "'is set' governs 'to visit'");
  });
  it("finds the antecedent of a relative 'where'", () => {
    const { c, s, subjects } = clauseOf("The visit marks a contrast to Noem's Wednesday visit to El Salvador, where she met with President Nayib Bukele.", "met");
    assert.deepEqual(subjects, ["she"]);
    assert.equal(s.words[(s.chunks[c.whereAntecedent ?? -1] as { head: number }).head], "Salvador");
  });
  it("skips an appositive between subject and verb", () => {
    assert.deepEqual(clauseOf("Petro and U.S. President Donald Trump, both populists, met in Bogota.", "met").subjects, ["Petro", "Trump"]);
  });
  it("marks a gerund after a preposition as no clause of its own", () => {
    assert.equal(clauseOf("Sarabia emphasized the importance of recognizing the rights of migrants.", "recognizing").c.gerund, true);
  });
  it("takes the object of an object-control verb as the infinitive's subject", () => {
    assert.deepEqual(clauseOf("The Group of Seven urged Russia to accept a ceasefire.", "accept").subjects, ["Russia"]);
  });
  it("ends the verb phrase at a new clause", () => {
    const { c, s } = clauseOf("Libyan leader Muammar Gaddafi signed a treaty of friendship, the BTA reported.", "signed");
    assert.equal(s.words.slice(c.window.start, c.window.end).join(" "), "a treaty of friendship");
  });
});

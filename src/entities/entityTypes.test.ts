import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { tokenize } from "../text/tokenize.js";
import { parseTypeRules, resolveType, typeRules, TypeRuleError } from "./entityTypes.js";
import { describeTokens, type TokenSequence } from "./features.js";
import { defaultNerModel } from "./recognizeEntities.js";

function typeOf(cls: string, name: string): string | undefined {
  const tokens = tokenize(name);
  const seq: TokenSequence = { text: name, count: tokens.count, starts: tokens.starts, ends: tokens.ends, sentenceStarts: new Uint8Array(tokens.count) };
  const { resources } = defaultNerModel().tagger;
  return resolveType(typeRules(), cls, seq, describeTokens(seq, resources), resources.gazetteer, 0, tokens.count)?.type;
}

describe("OntoNotes types from the tagger's classes (data/entities/ner-types.tsv)", () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ["PER", "Kristi Noem", "PERSON"],
    ["LOC", "Colombia", "GPE"],
    ["LOC", "El Salvador", "GPE"],
    ["LOC", "Latin America", "LOC"],
    ["LOC", "Yangtze River", "LOC"],
    ["LOC", "Mount Kenya", "LOC"],
    ["LOC", "Grace Road", "FAC"],
    ["LOC", "Ben Gurion Airport", "FAC"],
    ["LOC", "Kremlin", "ORG"],
    ["LOC", "Kandahar", "GPE"], // a city no list holds: most places in news are GPEs
    ["MISC", "Colombian", "NORP"],
    ["MISC", "Venezuelans", "NORP"],
    ["MISC", "Latin American", "NORP"],
    ["MISC", "Bosnian Serb", "NORP"],
    ["MISC", "Sunni", "NORP"],
    ["MISC", "Mediterranean", "LOC"],
    ["MISC", "Gulf War", "EVENT"],
    ["MISC", "World Cup", "EVENT"],
    ["MISC", "Patriot Act", "LAW"],
    ["MISC", "Boeing 747", "MISC"],
    ["ORG", "Homeland Security", "ORG"],
  ];
  for (const [cls, name, type] of cases) {
    it(`${cls} "${name}" -> ${type}`, () => assert.equal(typeOf(cls, name), type));
  }

  const broken: ReadonlyArray<readonly [Record<string, string>, RegExp]> = [
    [{ class: "LOC", test: "ends-with", value: "-", type: "GPE" }, /test "ends-with"/],
    [{ class: "LOC", test: "any", value: "-", type: "CITY" }, /type "CITY"/],
    [{ class: "LOC", test: "span-in", value: "cities", type: "GPE" }, /category "cities"/],
  ];
  for (const [row, message] of broken) {
    it(`rejects ${JSON.stringify(row)} with a message that says what to fix`, () => {
      assert.throws(() => parseTypeRules([row]), (error: unknown) => error instanceof TypeRuleError && message.test(error.message) && error.message.startsWith("E_NER_TYPES"));
    });
  }
});

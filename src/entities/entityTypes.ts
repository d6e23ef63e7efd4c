// From the tagger's CoNLL class to an OntoNotes type, by the rules in data/entities/ner-types.tsv:
// LOC -> GPE, LOC or FAC; MISC -> NORP, EVENT, LAW or MISC; PER -> PERSON; ORG -> ORG.
// Each rule is a record with a reason; the first that matches decides, and its row is named in
// the mention's provenance so the UI can say why "Latin America" is a LOC and "Colombia" a GPE.
import type { EntityType } from "../model/document.js";
import { readTable } from "../model/dataFiles.js";
import { GAZETTEER_CATEGORIES, isGazetteerCategory, type Gazetteer } from "./gazetteer.js";
import type { TokenColumns, TokenSequence } from "./features.js";
import { lowerChar, normalizeChar } from "./textHash.js";

const ENTITY_TYPES: readonly EntityType[] = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "MISC"];

export type TypeTest = "span-in" | "last-in" | "first-word" | "last-word" | "suffix" | "any";
const TESTS: readonly TypeTest[] = ["span-in", "last-in", "first-word", "last-word", "suffix", "any"];

export interface TypeRule {
  /** "ner-types.tsv:14" */
  readonly id: string;
  readonly cls: string;
  readonly test: TypeTest;
  /** Gazetteer category bits for span-in / last-in. */
  readonly categories: number;
  /** Lower-case words or endings for first-word / last-word / suffix. */
  readonly words: ReadonlySet<string>;
  readonly type: EntityType;
  readonly reason: string;
}

export class TypeRuleError extends Error {
  readonly code = "E_NER_TYPES";
}

export function parseTypeRules(rows: readonly Readonly<Record<string, string>>[], file = "data/entities/ner-types.tsv"): TypeRule[] {
  return rows.map((row, i) => {
    const where = `${file} rule ${i + 1}`;
    const test = row["test"] as TypeTest;
    const type = row["type"] as EntityType;
    if (!TESTS.includes(test)) throw new TypeRuleError(`E_NER_TYPES: ${where} has test "${test}"; use one of ${TESTS.join(", ")}`);
    if (!ENTITY_TYPES.includes(type)) throw new TypeRuleError(`E_NER_TYPES: ${where} has type "${type}"; use one of ${ENTITY_TYPES.join(", ")}`);
    const values = (row["value"] ?? "-") === "-" ? [] : (row["value"] ?? "").split("|").map((v) => v.trim());
    let categories = 0;
    if (test === "span-in" || test === "last-in") {
      for (const v of values) {
        if (!isGazetteerCategory(v)) throw new TypeRuleError(`E_NER_TYPES: ${where} names category "${v}"; use one of ${GAZETTEER_CATEGORIES.join(", ")}`);
        categories |= 1 << GAZETTEER_CATEGORIES.indexOf(v);
      }
    }
    return { id: `ner-types.tsv:${i + 1}`, cls: row["class"] ?? "", test, categories, words: new Set(values.map((v) => v.toLowerCase())), type, reason: row["reason"] ?? "" };
  });
}

let defaultRules: readonly TypeRule[] | undefined;

export function typeRules(): readonly TypeRule[] {
  defaultRules ??= Object.freeze(parseTypeRules(readTable("entities/ner-types.tsv")));
  return defaultRules;
}

function lowerText(text: string, start: number, end: number): string {
  let out = "";
  for (let i = start; i < end; i++) out += String.fromCharCode(lowerChar(normalizeChar(text.charCodeAt(i))));
  return out;
}

/** The rule that types tokens [first, last) the tagger called `cls`, or null when no rule covers the class. */
export function resolveType(
  rules: readonly TypeRule[],
  cls: string,
  seq: TokenSequence,
  cols: TokenColumns,
  gazetteer: Gazetteer,
  first: number,
  last: number,
): TypeRule | null {
  let spanBits = -1;
  let lastBits = -1;
  for (const rule of rules) {
    if (rule.cls !== cls) continue;
    switch (rule.test) {
      case "any":
        return rule;
      case "span-in":
        if (spanBits < 0) spanBits = gazetteer.lookup(cols.lowerA, cols.lowerB, first, last);
        if (spanBits & rule.categories) return rule;
        break;
      case "last-in":
        if (last - first < 2) break;
        if (lastBits < 0) lastBits = gazetteer.lookup(cols.lowerA, cols.lowerB, last - 1, last);
        if (lastBits & rule.categories) return rule;
        break;
      case "first-word":
        if (last - first >= 2 && rule.words.has(lowerText(seq.text, seq.starts[first] as number, seq.ends[first] as number))) return rule;
        break;
      case "last-word":
        if (last - first >= 2 && rule.words.has(lowerText(seq.text, seq.starts[last - 1] as number, seq.ends[last - 1] as number))) return rule;
        break;
      case "suffix": {
        if (last - first !== 1) break;
        const word = lowerText(seq.text, seq.starts[first] as number, seq.ends[first] as number);
        for (const ending of rule.words) if (word.length > ending.length + 2 && word.endsWith(ending)) return rule;
        break;
      }
    }
  }
  return null;
}

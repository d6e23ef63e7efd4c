// PETRARCH's CAMEO verb dictionary, compiled for lookup: every inflected form of every verb in
// its synonym blocks, and each block's patterns as small sequences of elements to match against
// a parsed sentence. newsgraph's own rows (data/events/newsgraph-verbs.tsv, -patterns.tsv) are
// loaded the same way and win: they correct codes PETRARCH gets wrong for news and add verbs it lacks.
import { readTable } from "../model/dataFiles.js";
import { memoize } from "../text/memo.js";
import { WordTable } from "../text/vocabulary.js";
import { allVerbForms, isInflectable, nounPlural } from "../syntax/morphology.js";

/** "042:043": 042 from the source to the target, 043 back from the target to the source. */
export interface CodeSpec {
  readonly forward: string | null;
  readonly reverse: string | null;
  /** Written "130!": the verb codes only with a named target ("warned Iran" is a threat, "warned that ..." a statement). */
  readonly needsTarget?: boolean;
}

export interface VerbEntry {
  /** "MEET_PEOPLE/meet_with" */
  readonly id: string;
  readonly block: string;
  /** The phrase's words in base form: ["meet", "with"]. */
  readonly words: readonly string[];
  /** Every form of the first word ("meet", "meets", "met", "meeting"). */
  readonly forms: readonly string[];
  /** null: the verb alone codes nothing, only its patterns do. */
  readonly code: CodeSpec | null;
  readonly origin: "petrarch" | "newsgraph";
}

export type PatternElement =
  | { readonly kind: "words"; readonly alternatives: readonly (readonly string[])[] }
  | { readonly kind: "pp"; readonly preps: readonly string[]; readonly rest: readonly PatternElement[] }
  | { readonly kind: "phrase"; readonly items: readonly PatternElement[] }
  | { readonly kind: "source" }
  | { readonly kind: "target" }
  | { readonly kind: "any" };

export interface VerbPattern {
  /** "SIGN: * &treaty (in ^) (with)" */
  readonly id: string;
  readonly block: string;
  readonly before: readonly PatternElement[];
  readonly after: readonly PatternElement[];
  readonly code: CodeSpec | null;
  /** How many words the pattern names: the more, the more specific. */
  readonly weight: number;
  readonly origin: "petrarch" | "newsgraph";
  /**
   * For each word element, the keys any of its alternatives starts with: a sentence lacking all of one element's keys
   * cannot match, which rules most patterns out before matching starts.
   */
  readonly anchors: readonly (readonly string[])[];
  /** The pattern is a lone preposition ("* on", "* (for)"): a phrasal verb, matched right after the verb. */
  readonly lone: boolean;
}

export interface VerbDictionary {
  /** Entries whose first word has this (lower-case) form. */
  readonly byForm: ReadonlyMap<string, readonly VerbEntry[]>;
  readonly patterns: ReadonlyMap<string, readonly VerbPattern[]>;
  /**
   * Each block's patterns by a word they all need (the first alternatives of their first word element), so that a
   * sentence is only matched against the patterns whose words it has. Patterns without words are under "".
   */
  readonly patternIndex: ReadonlyMap<string, ReadonlyMap<string, readonly VerbPattern[]>>;
}

export function parseCode(raw: string): CodeSpec | null {
  let text = raw.trim();
  if (!text || text === "---") return null;
  const needsTarget = text.endsWith("!");
  if (needsTarget) text = text.slice(0, -1);
  const [a, b] = text.split(":").map((s) => s.trim().replace(/-+$/, ""));
  const forward = a && /^\d{2,4}$/.test(a) ? a : null;
  const reverse = b && /^\d{2,4}$/.test(b) ? b : null;
  if (!forward && !reverse) return null;
  return needsTarget ? { forward, reverse, needsTarget } : { forward, reverse };
}

/** Pattern words match a token's lower-case form or its plural/singular: "treaty" matches "treaties". */
export const wordKey = memoize(computeKey);

/** wordKey by vocabulary id (src/text/vocabulary.ts): an array read per token. */
export const keyById = new WordTable<string>(wordKey);

function computeKey(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.slice(0, -1);
  return w;
}

function tokenizePattern(text: string): string[] {
  return text
    .replace(/([(){}])/g, " $1 ")
    .split(/\s+/)
    .filter(Boolean);
}

function parseElements(tokens: string[], synsets: ReadonlyMap<string, readonly (readonly string[])[]>, stopAt: string | null): PatternElement[] {
  const out: PatternElement[] = [];
  while (tokens.length) {
    const t = tokens.shift() as string;
    if (t === stopAt) return out;
    if (t === "(") {
      const inner = parseElements(tokens, synsets, ")");
      const first = inner[0];
      if (first && first.kind === "words" && first.alternatives.length >= 1 && first.alternatives.every((a) => a.length === 1)) {
        out.push({ kind: "pp", preps: first.alternatives.map((a) => a[0] as string), rest: inner.slice(1) });
      } else out.push({ kind: "phrase", items: inner });
    } else if (t === "{") out.push({ kind: "phrase", items: parseElements(tokens, synsets, "}") });
    else if (t === "$") out.push({ kind: "source" });
    else if (t === "+") out.push({ kind: "target" });
    else if (t === "^" || t === "%" || t === ".") out.push({ kind: "any" });
    else if (t.startsWith("&")) {
      const set = synsets.get(t.slice(1).replace(/_$/, ""));
      if (set) out.push({ kind: "words", alternatives: set.map((phrase) => phrase.map(wordKey)) });
      else out.push({ kind: "words", alternatives: [[wordKey(t.slice(1))]] });
    } else if (t.includes("/")) out.push({ kind: "words", alternatives: t.split("/").filter(Boolean).map((w) => [wordKey(w)]) });
    else out.push({ kind: "words", alternatives: [t.replace(/_$/, "").split("_").filter(Boolean).map(wordKey)] });
  }
  return out;
}

function weightOf(elements: readonly PatternElement[]): number {
  let n = 0;
  for (const e of elements) {
    if (e.kind === "words") n += 1;
    else if (e.kind === "pp") n += 1 + weightOf(e.rest);
    else if (e.kind === "phrase") n += weightOf(e.items);
  }
  return n;
}

function anchorsOf(elements: readonly PatternElement[], out: string[][]): string[][] {
  for (const e of elements) {
    if (e.kind === "words") out.push([...new Set(e.alternatives.map((a) => a[0] as string))]);
    else if (e.kind === "pp") {
      out.push([...e.preps]);
      anchorsOf(e.rest, out);
    } else if (e.kind === "phrase") anchorsOf(e.items, out);
  }
  return out;
}

const PREPOSITION = /^(on|to|for|with|by|at|in|into|from|against|of|over|about|toward|towards|upon|off|out|up|down)$/;

function isLonePreposition(elements: readonly PatternElement[]): boolean {
  const real = elements.filter((e) => e.kind !== "source" && e.kind !== "target" && e.kind !== "any");
  if (real.length !== 1) return false;
  const e = real[0] as PatternElement;
  if (e.kind === "pp") return e.rest.every((r) => r.kind === "source" || r.kind === "target" || r.kind === "any");
  return e.kind === "words" && e.alternatives.every((a) => a.length === 1 && PREPOSITION.test(a[0] as string));
}

export function compilePattern(block: string, text: string, code: CodeSpec | null, origin: VerbPattern["origin"], synsets: ReadonlyMap<string, readonly (readonly string[])[]>): VerbPattern | null {
  const star = text.indexOf("*");
  if (star < 0) return null;
  const before = parseElements(tokenizePattern(text.slice(0, star)), synsets, null);
  const after = parseElements(tokenizePattern(text.slice(star + 1).replace(/^\*/, "")), synsets, null);
  const weight = weightOf(before) + weightOf(after);
  const lone = weight === 1 && before.length === 0 && isLonePreposition(after);
  return { id: `${block}: ${text}`, block, before, after, code, weight, origin, anchors: anchorsOf([...before, ...after], []), lone };
}

function synsetTable(): Map<string, (readonly string[])[]> {
  const sets = new Map<string, (readonly string[])[]>();
  for (const row of readTable("events/cameo-synsets.tsv")) {
    const phrases: (readonly string[])[] = [];
    for (const p of (row["phrases"] as string).split("|")) {
      if (!p) continue;
      const noPlural = p.endsWith("_");
      const words = p.replace(/_$/, "").split(/[_ ]+/).filter(Boolean);
      phrases.push(words);
      if (!noPlural && words.length) {
        const lastWord = words[words.length - 1] as string;
        if (isInflectable(lastWord)) phrases.push([...words.slice(0, -1), nounPlural(lastWord)]);
      }
    }
    sets.set(row["set"] as string, phrases);
  }
  return sets;
}

function formsOf(verb: string, listed: readonly string[]): { words: string[]; forms: string[] } {
  const noRegular = verb.endsWith("_");
  const words = verb.replace(/_$/, "").split("_").filter(Boolean);
  // "re_admit" is written "re-admit" or "readmit".
  if (words[0] === "re" && words.length > 1) {
    const rest = words.slice(1).join("-");
    return { words: [`re-${rest}`], forms: [...allVerbForms(`re-${rest}`), ...allVerbForms(`re${rest}`)] };
  }
  const head = words[0] as string;
  const forms = new Set<string>(noRegular || !isInflectable(head) ? [head] : allVerbForms(head));
  for (const f of listed) {
    const first = f.replace(/^\+/, "").split("_")[0];
    if (first && /^[a-z]/.test(first)) forms.add(first);
  }
  return { words, forms: [...forms] };
}

let loaded: VerbDictionary | undefined;

export function verbDictionary(): VerbDictionary {
  if (loaded) return loaded;
  const synsets = synsetTable();
  const entries = new Map<string, VerbEntry>();
  const add = (block: string, verb: string, code: string, forms: string, origin: VerbEntry["origin"]) => {
    const key = `${block}/${verb.replace(/_$/, "")}`;
    const { words, forms: all } = formsOf(verb, forms ? forms.split("|") : []);
    entries.set(key, { id: key, block, words, forms: all, code: parseCode(code), origin });
  };
  for (const r of readTable("events/cameo-verbs.tsv")) add(r["block"] as string, r["verb"] as string, r["code"] as string, r["forms"] as string, "petrarch");
  // newsgraph's rows replace PETRARCH's row for the same verb in the same block ("*" = every block that has it).
  for (const r of readTable("events/newsgraph-verbs.tsv")) {
    const verb = r["verb"] as string;
    const block = r["block"] as string;
    // "drop": take the verb out of PETRARCH's block, patterns and all (it is usually re-added in a block of its own).
    if (r["code"] === "drop") {
      for (const [key, e] of [...entries]) if ((block === "*" || e.block === block) && e.words.join("_") === verb && e.origin === "petrarch") entries.delete(key);
      continue;
    }
    if (block === "*") {
      for (const e of [...entries.values()]) if (e.words.join("_") === verb) add(e.block, verb, r["code"] as string, r["forms"] ?? "", "newsgraph");
      if (![...entries.values()].some((e) => e.words.join("_") === verb)) add(verb.toUpperCase(), verb, r["code"] as string, r["forms"] ?? "", "newsgraph");
    } else add(block, verb, r["code"] as string, r["forms"] ?? "", "newsgraph");
  }
  const byForm = new Map<string, VerbEntry[]>();
  for (const e of entries.values()) {
    for (const f of e.forms) {
      const list = byForm.get(f) ?? [];
      list.push(e);
      byForm.set(f, list);
    }
  }
  const patterns = new Map<string, VerbPattern[]>();
  const addPattern = (block: string, text: string, code: string, origin: VerbPattern["origin"]) => {
    const p = compilePattern(block, text, parseCode(code), origin, synsets);
    if (!p) return;
    const list = patterns.get(block) ?? [];
    list.push(p);
    patterns.set(block, list);
  };
  const dropped = new Set(readTable("events/newsgraph-patterns.tsv").filter((r) => r["code"] === "drop").map((r) => `${r["block"]}\t${r["pattern"]}`));
  for (const r of readTable("events/cameo-patterns.tsv")) {
    if (dropped.has(`${r["block"]}\t${r["pattern"]}`)) continue;
    addPattern(r["block"] as string, r["pattern"] as string, r["code"] as string, "petrarch");
  }
  for (const r of readTable("events/newsgraph-patterns.tsv")) if (r["code"] !== "drop") addPattern(r["block"] as string, r["pattern"] as string, r["code"] as string, "newsgraph");
  const patternIndex = new Map<string, Map<string, VerbPattern[]>>();
  for (const [block, list] of patterns) {
    const index = new Map<string, VerbPattern[]>();
    for (const p of list) {
      const anchor = p.anchors[p.anchors.length - 1] ?? [""];
      for (const key of anchor) {
        const bucket = index.get(key) ?? [];
        bucket.push(p);
        index.set(key, bucket);
      }
    }
    patternIndex.set(block, index);
  }
  loaded = { byForm, patterns, patternIndex };
  return loaded;
}

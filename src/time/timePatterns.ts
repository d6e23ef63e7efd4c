// The timex patterns of data/time/patterns.tsv, compiled once, and the matcher that runs them over time words.
//
// A pattern is a sequence of items separated by spaces:
//   <month>          a word of that class (several: <unit|units>)
//   the | a|an       literal words (lower case); "," and "'s" are words too
//   -<unit>, -ago    the word must be joined to the one before by a hyphen ("third-quarter", "year-ago");
//                    "-?<unit>" says a hyphen may join it or not ("two-year", "two years")
//   ( ... )          a group
//   item?            optional (tried first with, then without)
//   name=item        captures the word under `name` (a class item is captured under its first class by default)
//   {for|within}     only as the first item: the word before the match must be one of these (it is not part of it)
import { readTable } from "../model/dataFiles.js";
import type { TimexType } from "../model/document.js";
import type { TimeWord } from "./timeWords.js";

export interface TimexPattern {
  readonly id: string;
  /** Position in patterns.tsv: the earlier row wins a tie. */
  readonly order: number;
  readonly type: TimexType;
  readonly source: string;
  /** The normaliser that turns a match into a value (src/time/resolveTimexes.ts), or "=VALUE" for a fixed value. */
  readonly normaliser: string;
  readonly reason: string;
  readonly items: readonly Item[];
  readonly before: ReadonlySet<string> | null;
  /** Keys ("c:month", "w:the") of the words a match can begin with. */
  readonly first: ReadonlySet<string>;
}

type Item =
  | { readonly kind: "class"; readonly classes: readonly string[]; readonly label: string; readonly optional: boolean; readonly hyphen: boolean }
  | { readonly kind: "word"; readonly words: ReadonlySet<string>; readonly label: string | null; readonly optional: boolean; readonly hyphen: boolean }
  | { readonly kind: "group"; readonly items: readonly Item[]; readonly label: string | null; readonly optional: boolean };

export class PatternSyntaxError extends Error {
  readonly code = "E_TIMEX_PATTERN";
}

function tokenizePattern(source: string): string[] {
  return source.replace(/\(/g, " ( ").replace(/\)(\??)/g, " )$1 ").trim().split(/\s+/);
}

function parseItems(parts: string[], at: { i: number }, id: string): Item[] {
  const items: Item[] = [];
  while (at.i < parts.length) {
    let part = parts[at.i++] as string;
    if (part === ")" || part === ")?") {
      at.i--;
      break;
    }
    let label: string | null = null;
    const eq = /^([a-z][a-zA-Z0-9]*)=(.+)$/.exec(part);
    if (eq?.[1] && eq[2]) {
      label = eq[1];
      part = eq[2];
    }
    if (part === "(") {
      const inner = parseItems(parts, at, id);
      const close = parts[at.i++];
      if (close !== ")" && close !== ")?") throw new PatternSyntaxError(`E_TIMEX_PATTERN: pattern "${id}" has an unclosed "("; close every group`);
      items.push({ kind: "group", items: inner, label, optional: close === ")?" });
      continue;
    }
    const optional = part.length > 1 && part.endsWith("?");
    if (optional) part = part.slice(0, -1);
    // "-?<unit>" documents that a hyphen may join it ("two-year", "two years"): no constraint
    if (part.startsWith("-?")) part = part.slice(2);
    const hyphen = part.length > 1 && part.startsWith("-");
    if (hyphen) part = part.slice(1);
    const cls = /^<([a-z|]+)>$/.exec(part);
    if (cls?.[1]) {
      const classes = cls[1].split("|");
      items.push({ kind: "class", classes, label: label ?? (classes[0] as string), optional, hyphen });
    } else {
      items.push({ kind: "word", words: new Set(part.split("|").map((w) => w.replace(/^-/, ""))), label, optional, hyphen });
    }
  }
  return items;
}

function firstKeys(items: readonly Item[], into: Set<string>): boolean {
  for (const item of items) {
    if (item.kind === "class") for (const c of item.classes) into.add(`c:${c}`);
    else if (item.kind === "word") for (const w of item.words) into.add(`w:${w}`);
    else if (!firstKeys(item.items, into) && !item.optional) return false;
    if (!item.optional) return false;
  }
  return true;
}

export function compilePattern(row: { id: string; type: string; pattern: string; normaliser: string; reason: string }, order = 0): TimexPattern {
  let source = row.pattern.trim();
  let before: Set<string> | null = null;
  const look = /^\{([^}]+)\}\s*/.exec(source);
  if (look?.[1]) {
    before = new Set(look[1].split("|"));
    source = source.slice(look[0].length);
  }
  const parts = tokenizePattern(source);
  const at = { i: 0 };
  const items = parseItems(parts, at, row.id);
  if (at.i < parts.length) throw new PatternSyntaxError(`E_TIMEX_PATTERN: pattern "${row.id}" has an unmatched ")"; remove it or open a group`);
  const first = new Set<string>();
  firstKeys(items, first);
  if (!["DATE", "TIME", "DURATION", "SET"].includes(row.type)) {
    throw new PatternSyntaxError(`E_TIMEX_PATTERN: pattern "${row.id}" has type "${row.type}"; use DATE, TIME, DURATION or SET`);
  }
  return { id: row.id, order, type: row.type as TimexType, source: row.pattern, normaliser: row.normaliser, reason: row.reason, items, before, first };
}

export interface PatternSet {
  readonly patterns: readonly TimexPattern[];
  /** Patterns by the keys of the words they can begin with. */
  readonly byFirst: ReadonlyMap<string, readonly TimexPattern[]>;
}

let cached: PatternSet | undefined;

export function timexPatterns(): PatternSet {
  if (cached) return cached;
  const patterns = readTable("time/patterns.tsv").map((row, order) =>
    compilePattern({ id: row["id"] ?? "", type: row["type"] ?? "", pattern: row["pattern"] ?? "", normaliser: row["normaliser"] ?? "", reason: row["reason"] ?? "" }, order),
  );
  const byFirst = new Map<string, TimexPattern[]>();
  for (const p of patterns) {
    for (const key of p.first) {
      const list = byFirst.get(key) ?? [];
      list.push(p);
      byFirst.set(key, list);
    }
  }
  cached = { patterns, byFirst };
  return cached;
}

export interface PatternMatch {
  readonly pattern: TimexPattern;
  /** Word indices, [first, last). */
  readonly first: number;
  readonly last: number;
  readonly captures: ReadonlyMap<string, number>;
}

function itemMatches(item: Item, word: TimeWord): boolean {
  if (item.kind === "group") return false;
  if (item.hyphen && !word.hyphenBefore) return false;
  if (item.kind === "class") return item.classes.some((c) => word.classes.has(c));
  return item.words.has(word.lower);
}

/** Matches `items` from word `pos`; returns the end index or -1. Optional items are tried with first (greedy). */
function matchItems(items: readonly Item[], k: number, words: readonly TimeWord[], pos: number, sentence: number, caps: Map<string, number>): number {
  if (k === items.length) return pos;
  const item = items[k] as Item;
  if (item.kind === "group") {
    const saved = new Map(caps);
    const end = matchItems(item.items, 0, words, pos, sentence, caps);
    if (end >= 0) {
      if (item.label) caps.set(item.label, pos);
      const rest = matchItems(items, k + 1, words, end, sentence, caps);
      if (rest >= 0) return rest;
    }
    restore(caps, saved);
    return item.optional ? matchItems(items, k + 1, words, pos, sentence, caps) : -1;
  }
  const word = words[pos];
  if (word && word.sentence === sentence && itemMatches(item, word)) {
    const saved = item.label ? caps.get(item.label) : undefined;
    if (item.label) caps.set(item.label, pos);
    const rest = matchItems(items, k + 1, words, pos + 1, sentence, caps);
    if (rest >= 0) return rest;
    if (item.label) {
      if (saved === undefined) caps.delete(item.label);
      else caps.set(item.label, saved);
    }
  }
  return item.optional ? matchItems(items, k + 1, words, pos, sentence, caps) : -1;
}

function restore(caps: Map<string, number>, saved: ReadonlyMap<string, number>): void {
  caps.clear();
  for (const [k, v] of saved) caps.set(k, v);
}

/** The longest match of any pattern that begins at word `pos` (ties: the pattern listed first), or null. */
export function longestMatchAt(set: PatternSet, words: readonly TimeWord[], pos: number): PatternMatch | null {
  const word = words[pos];
  if (!word) return null;
  const byWord = set.byFirst.get(`w:${word.lower}`);
  let candidates: TimexPattern[] | undefined = byWord ? [...byWord] : undefined;
  for (const cls of word.classes.keys()) {
    const list = set.byFirst.get(`c:${cls}`);
    if (!list) continue;
    if (!candidates) candidates = [...list];
    else for (const p of list) if (!candidates.includes(p)) candidates.push(p);
  }
  if (!candidates) return null;
  let best: PatternMatch | null = null;
  let bestOrder = Infinity;
  for (const pattern of candidates) {
    if (pattern.before) {
      const prev = words[pos - 1];
      if (!prev || prev.sentence !== word.sentence || !pattern.before.has(prev.lower)) continue;
    }
    const caps = new Map<string, number>();
    const end = matchItems(pattern.items, 0, words, pos, word.sentence, caps);
    if (end <= pos) continue;
    const order = pattern.order;
    if (!best || end > best.last || (end === best.last && order < bestOrder)) {
      best = { pattern, first: pos, last: end, captures: caps };
      bestOrder = order;
    }
  }
  return best;
}

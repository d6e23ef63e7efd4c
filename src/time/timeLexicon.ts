// The time lexicon: every word list under data/time/ read once into lookup tables. Knowledge lives in the
// files (see data/README.md); this module only parses them.
import { readTable } from "../model/dataFiles.js";

/** Word (lower case) -> class -> value, e.g. "sept." -> month -> "9", "last" -> rel -> "-1" and ordinal -> "L". */
export type WordClasses = ReadonlyMap<string, ReadonlyMap<string, string>>;

export interface Holiday {
  /** The words after the first one, as the finder's words ("year", "'s", "day"); empty for one-word names. */
  readonly rest: readonly string[];
  readonly rule: string;
}

export type TenseMark = "past" | "future" | "present";

export interface TimeLexicon {
  readonly words: WordClasses;
  readonly holidays: ReadonlyMap<string, readonly Holiday[]>;
  /** Single-word tense markers. */
  readonly tense: ReadonlyMap<string, TenseMark>;
  /** Two- and three-word tense markers, by their first word. */
  readonly tensePhrases: ReadonlyMap<string, readonly { readonly words: readonly string[]; readonly tense: TenseMark }[]>;
  /** "before:year" -> words that block a year right after them, and so on (data/time/blockers.tsv). */
  readonly blockers: ReadonlyMap<string, ReadonlySet<string>>;
}

let cached: TimeLexicon | undefined;

/** Splits "year's day" into the finder's words: "year", "'s", "day". */
export function phraseWords(phrase: string): string[] {
  const out: string[] = [];
  for (const w of phrase.toLowerCase().split(/\s+/)) {
    if (!w || w === "-") continue;
    const m = /^(.+)('s)$/.exec(w);
    if (m?.[1] && m[2]) out.push(m[1], m[2]);
    else out.push(w);
  }
  return out;
}

export function timeLexicon(): TimeLexicon {
  if (cached) return cached;
  const words = new Map<string, Map<string, string>>();
  const add = (word: string, cls: string, value: string) => {
    let entry = words.get(word);
    if (!entry) words.set(word, (entry = new Map()));
    if (!entry.has(cls)) entry.set(cls, value);
  };
  for (const file of ["time/calendar-words.tsv", "time/numbers.tsv", "time/units.tsv", "time/references.tsv"]) {
    for (const row of readTable(file)) add(row["word"] ?? "", row["class"] ?? "", row["value"] ?? "");
  }
  const holidays = new Map<string, Holiday[]>();
  for (const row of readTable("time/holidays.tsv")) {
    const first = row["word"] ?? "";
    const list = holidays.get(first) ?? [];
    list.push({ rest: phraseWords(row["rest"] ?? ""), rule: row["rule"] ?? "" });
    // Longest names first, so "Thanksgiving Day" wins over "Thanksgiving".
    list.sort((a, b) => b.rest.length - a.rest.length);
    holidays.set(first, list);
  }
  const tense = new Map<string, TenseMark>();
  const tensePhrases = new Map<string, { words: string[]; tense: TenseMark }[]>();
  for (const row of readTable("time/tense.tsv")) {
    const parts = phraseWords(row["word"] ?? "");
    const mark = row["tense"] as TenseMark;
    if (parts.length === 1 && parts[0]) tense.set(parts[0], mark);
    else if (parts[0]) {
      const list = tensePhrases.get(parts[0]) ?? [];
      list.push({ words: parts, tense: mark });
      tensePhrases.set(parts[0], list);
    }
  }
  const blockers = new Map<string, Set<string>>();
  for (const row of readTable("time/blockers.tsv")) {
    const key = `${row["where"]}:${row["what"]}`;
    const set = blockers.get(key) ?? new Set<string>();
    set.add((row["word"] ?? "").toLowerCase());
    blockers.set(key, set);
  }
  cached = { words, holidays, tense, tensePhrases, blockers };
  return cached;
}

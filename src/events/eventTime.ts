// When an event happened: the time expression that governs its clause ("visited Colombia *on
// Thursday*"), a sentence-opening one ("*On Friday*, Noem is set to visit ..."), one inside an event
// noun ("Noem's *Wednesday* visit"), or, failing those, the time the narrative is at. Never the
// publication date by default. Values come from the timexes layer, resolved against the article's date.
import type { Doc, Timex } from "../model/document.js";
import type { ParsedSentence } from "../syntax/shallowParse.js";

export interface SentenceTimex {
  readonly timex: Timex;
  /** Its tokens within the sentence: [first, last). */
  readonly first: number;
  readonly last: number;
  /** The calendar value an event can take: a day, month, year or week; null for durations and sets. */
  readonly value: string | null;
}

/** "2025-03-27TMO" -> "2025-03-27"; "2025-01" and "2025-W13" stay; "P3D", "PRESENT_REF" -> null. */
export function eventDateValue(value: string): string | null {
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (day) return day[1] as string;
  if (/^\d{4}(-\d{2}|-W\d{2}|-Q\d)?$/.test(value)) return value;
  return null;
}

export function sentenceTimexes(doc: Doc, s: ParsedSentence): SentenceTimex[] {
  const out: SentenceTimex[] = [];
  for (const timex of doc.layers.timexes ?? []) {
    if (timex.end <= s.span.start || timex.start >= s.span.end) continue;
    let first = -1;
    let last = -1;
    for (let i = 0; i < s.words.length; i++) {
      if ((s.ends[i] as number) > timex.start && (s.starts[i] as number) < timex.end) {
        if (first < 0) first = i;
        last = i + 1;
      }
    }
    if (first < 0) continue;
    const value = timex.type === "DURATION" || timex.type === "SET" ? null : eventDateValue(timex.value);
    out.push({ timex, first, last, value });
  }
  return out;
}

export function timexTokenMask(s: ParsedSentence, timexes: readonly SentenceTimex[]): Uint8Array {
  const mask = new Uint8Array(s.words.length);
  for (const t of timexes) for (let i = t.first; i < t.last; i++) mask[i] = 1;
  return mask;
}

/** The dated timex nearest the trigger inside [from, to), or null. */
export function timexInRange(timexes: readonly SentenceTimex[], from: number, to: number, near: number): SentenceTimex | null {
  let best: SentenceTimex | null = null;
  let distance = Infinity;
  for (const t of timexes) {
    if (!t.value || t.first < from || t.last > to) continue;
    const d = t.first >= near ? t.first - near : near - t.last;
    if (d < distance) {
      best = t;
      distance = d;
    }
  }
  return best;
}

/** "On Friday, ...", "Later in the day, ...": a dated timex opening the sentence before a comma. */
export function openingTimex(s: ParsedSentence, timexes: readonly SentenceTimex[]): SentenceTimex | null {
  for (const t of timexes) {
    if (!t.value || t.first > 2) continue;
    if (s.words[t.last] === "," || s.words[t.last + 1] === ",") return t;
  }
  return null;
}

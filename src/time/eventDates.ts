// Dating an event for later stages (events): the timex that governs its clause, else the date the discourse is at
// ("Later in the day, Noem met with police" -> the day of the preceding timex), else null. Never the publication
// date by default: an undated clause stays undated ("These deportations are being challenged in court").
import type { Doc, Sentence, Span, Timex } from "../model/document.js";

export interface EventDate {
  /** TIMEX3 value: "2025-03-27"; a time of day is cut to its day ("2025-03-27TMO" -> "2025-03-27"). */
  readonly value: string;
  /** The timex it came from (index into layers.timexes). */
  readonly timex: number;
  /** "clause": a timex in the event's own sentence; "discourse": the last dated sentence before it. */
  readonly how: "clause" | "discourse";
}

export interface EventDateOptions {
  /** How many sentences back a discourse date still holds (default 3). */
  readonly reach?: number;
}

/** A value that names a calendar date or period (not a duration, a set or a vague PRESENT_REF). */
export function isCalendarValue(value: string): boolean {
  return /^\d{4}(-(\d{2}|W\d{2}|Q\d|H\d|SP|SU|FA|WI)(-\d{2})?)?(T.*)?$/.test(value);
}

function dayOf(value: string): string {
  return value.replace(/T.*$/, "");
}

function sentenceIndex(sentences: readonly Sentence[], at: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sentences[mid] as Sentence).end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < sentences.length && (sentences[lo] as Sentence).start <= at ? lo : -1;
}

/**
 * The timex governing `span`: among the DATE/TIME timexes with a calendar value in the same sentence, the nearest
 * one (one inside the span first). Null when the sentence has none.
 */
export function governingTimex(doc: Doc, span: Span): { readonly timex: Timex; readonly index: number } | null {
  const timexes = doc.layers.timexes ?? [];
  const sentences = doc.layers.sentences ?? [];
  const s = sentenceIndex(sentences, span.start);
  const sentence = s >= 0 ? (sentences[s] as Sentence) : span;
  let best: { timex: Timex; index: number; distance: number } | null = null;
  timexes.forEach((t, index) => {
    if (t.start < sentence.start || t.end > sentence.end) return;
    if ((t.type !== "DATE" && t.type !== "TIME") || !isCalendarValue(t.value)) return;
    const distance = t.end <= span.start ? span.start - t.end : t.start >= span.end ? t.start - span.end : 0;
    if (!best || distance < best.distance) best = { timex: t, index, distance };
  });
  const found = best as { timex: Timex; index: number; distance: number } | null;
  return found ? { timex: found.timex, index: found.index } : null;
}

/** The date the text is at just before `span`: the last calendar timex in the `reach` sentences before it. */
export function discourseTimex(doc: Doc, span: Span, options: EventDateOptions = {}): { readonly timex: Timex; readonly index: number } | null {
  const timexes = doc.layers.timexes ?? [];
  const sentences = doc.layers.sentences ?? [];
  const reach = options.reach ?? 3;
  const s = sentenceIndex(sentences, span.start);
  const from = s >= 0 && s - reach >= 0 ? (sentences[s - reach] as Sentence).start : 0;
  for (let i = timexes.length - 1; i >= 0; i--) {
    const t = timexes[i] as Timex;
    if (t.end > span.start || t.start < from) continue;
    if ((t.type === "DATE" || t.type === "TIME") && isCalendarValue(t.value)) return { timex: t, index: i };
  }
  return null;
}

/** When an event stated at `span` happened: the governing timex, else the discourse date, else null. */
export function eventDate(doc: Doc, span: Span, options: EventDateOptions = {}): EventDate | null {
  const own = governingTimex(doc, span);
  if (own) return { value: dayOf(own.timex.value), timex: own.index, how: "clause" };
  const before = discourseTimex(doc, span, options);
  if (before) return { value: dayOf(before.timex.value), timex: before.index, how: "discourse" };
  return null;
}

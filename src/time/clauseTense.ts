// Does the clause around a time expression look back or forward? News in the past tense looks back ("Noem visited
// Colombia on Thursday" -> the Thursday before the article); "will", "is set to", "plans to" look forward ("On Friday,
// Noem is set to visit Mexico" -> this Friday). The marker nearest to the expression in its sentence decides; regular
// past forms are recognised by "-ed", irregular ones and the markers of the future are listed in data/time/tense.tsv.
import { timeLexicon, type TenseMark } from "./timeLexicon.js";
import type { TimeWord } from "./timeWords.js";

// "-ed" words that are no past forms ("need", "indeed"), and past participles that follow "to be" adjectives.
const NOT_PAST = new Set(["need", "indeed", "speed", "seed", "feed", "bed", "red", "shed", "hundred", "united", "proceed", "exceed", "succeed", "breed", "greed", "weed", "deed", "led", "wed", "fled", "bred", "naked", "sacred", "wicked", "kindred", "rugged", "ragged", "beloved", "alleged", "supposed", "so-called", "detailed", "limited", "advanced", "experienced", "qualified", "concerned", "interested", "based", "related", "expected", "scheduled", "planned"]);

// "had been due to expire Friday": a plan told in the pluperfect lies in the past ("were planning to drive ... on
// Monday" still looks forward)
const PAST_AUX = new Set(["had", "been"]);
const AUXILIARIES = new Set(["be", "been", "being", "is", "are", "was", "were", "has", "have", "had", "will", "would", "not", "'s", "'re", "can", "could", "may", "might", "must", "should", "to"]);

const DETERMINERS = new Set(["a", "an", "the", "its", "their", "his", "her", "our", "this", "these", "those"]);

/** How far (in words) a tense marker is looked for: the nearest one in the sentence decides. */
const MAX_DISTANCE = 12;

/** Words that open a clause of their own right after a time expression. */
const RELATIVE_PRONOUNS = new Set(["that", "which", "who", "whom", "whose", "where"]);

export type Tense = "past" | "future" | "present" | null;

function markAt(words: readonly TimeWord[], i: number): { tense: TenseMark; length: number } | null {
  const w = words[i] as TimeWord;
  const lexicon = timeLexicon();
  const phrases = lexicon.tensePhrases.get(w.lower);
  if (phrases) {
    for (const p of phrases) {
      if (!p.words.every((pw, j) => words[i + j]?.lower === pw && words[i + j]?.sentence === w.sentence)) continue;
      if (p.tense === "future") for (let k = i - 1; k >= Math.max(0, i - 4); k--) if (PAST_AUX.has((words[k] as TimeWord).lower)) return { tense: "past", length: p.words.length };
      return { tense: p.tense, length: p.words.length };
    }
  }
  const single = lexicon.tense.get(w.lower);
  // "will be held", "has been set": an irregular participle after an auxiliary takes the auxiliary's tense
  if (single === "past" && !PAST_AUX.has(w.lower) && w.lower !== "was" && w.lower !== "were") {
    for (let k = i - 1; k >= Math.max(0, i - 2); k--) if (AUXILIARIES.has((words[k] as TimeWord).lower)) return null;
  }
  if (single === "future") {
    // "had been due to expire", "was scheduled to": a plan that lies in the past
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) if (PAST_AUX.has((words[k] as TimeWord).lower)) return { tense: "past", length: 1 };
  }
  if (single) return { tense: single, length: 1 };
  if (w.lower.length > 4 && w.lower.endsWith("ed") && !w.capitalized && !w.hyphenBefore && !NOT_PAST.has(w.lower)) {
    // "will not be repatriated", "has been extended": a participle after an auxiliary takes its tense from the
    // auxiliary, which is a marker of its own
    for (let k = i - 1; k >= Math.max(0, i - 2); k--) if (AUXILIARIES.has((words[k] as TimeWord).lower)) return null;
    // an "-ed" word after a determiner or with "un-" is an adjective, not a past verb: "would be paid on a still
    // unspecified date in January" (an October story) looks ahead to January
    const before = words[i - 1]?.lower ?? "";
    const adverb = before.endsWith("ly") || before === "still" || before === "well" || before === "much";
    if (w.lower.startsWith("un") || DETERMINERS.has(before) || (adverb && DETERMINERS.has(words[i - 2]?.lower ?? ""))) return null;
    return { tense: "past", length: 1 };
  }
  return null;
}

/** The tense word i marks by itself ("became", "released" past; "will", "set to" future), or null. */
export function tenseMarkAt(words: readonly TimeWord[], i: number): TenseMark | null {
  return i >= 0 && i < words.length ? (markAt(words, i)?.tense ?? null) : null;
}

/**
 * The tense of the clause holding words [first, last): the nearest marker in the same sentence, looking first inside
 * the clause (not past a ";" or a quotation mark), then across the sentence. Ties go to the future ("will meet ...
 * said" keeps the meeting ahead).
 */
export function clauseTense(words: readonly TimeWord[], first: number, last: number): Tense {
  const sentence = (words[first] as TimeWord).sentence;
  let best: { tense: TenseMark; distance: number } | null = null;
  const consider = (i: number, distance: number) => {
    const mark = markAt(words, i);
    if (!mark) return;
    // a present form ("is", "are") only decides when nothing closer does: "On Friday, Noem is set to visit"
    const d = distance + (mark.tense === "present" ? 2 : 0);
    if (!best || d < best.distance || (d === best.distance && mark.tense === "future")) best = { tense: mark.tense, distance: d };
  };
  for (let i = first - 1, d = 1; i >= 0 && (words[i] as TimeWord).sentence === sentence && d <= MAX_DISTANCE; i--, d++) {
    const w = (words[i] as TimeWord).lower;
    if (w === ";" || w === "“" || w === "”" || w === '"' || w === "``" || w === "''") d += 6;
    consider(i, d);
  }
  for (let i = last, d = 1; i < words.length && (words[i] as TimeWord).sentence === sentence && d <= MAX_DISTANCE; i++, d++) {
    const w = (words[i] as TimeWord).lower;
    if (w === ";" || w === "“" || w === "”" || w === '"' || w === "``" || w === "''") d += 6;
    // "signed a declaration Thursday that will serve as ...": a relative clause after the expression has its own tense
    if (i === last && RELATIVE_PRONOUNS.has(w)) d += 6;
    consider(i, d);
  }
  const found = best as { tense: TenseMark; distance: number } | null;
  return found ? found.tense : null;
}

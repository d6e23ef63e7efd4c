// Propose: candidate time expressions found by the patterns of data/time/patterns.tsv, then refined.
//
// The search is driven by triggers: a word that can only shape a timex ("the", "last", "two") never starts the
// pattern matcher unless a time word (a month, a weekday, a unit, "now", a four-digit year ...) follows within a few
// words, so most of an article is passed over with one lookup per word.
//
// Refiners, in this order (each needs the one before):
// 1. drop false alarms (dropFalseAlarm): ages, names, modal "may", "as soon as", counts that look like years;
// 2. take in what follows a duration (extendAfter): "two years ago", "a week or so", "a day earlier";
// 3. take in the modifiers before (extendBefore): "early next year", "about two years ago", "the end of 1990";
//    after 2, so that "about" sees the whole "two years ago";
// 4. make the second day of "April 24 and 25" a date of its own (withCoordinatedDays);
// 5. join a clock time to the day right after it (joinClockAndDay): "10 p.m. Wednesday", "noon Thursday".
import type { Span, TokenLayer } from "../model/document.js";
import { timeLexicon } from "./timeLexicon.js";
import { longestMatchAt, timexPatterns, type PatternMatch, type TimexPattern } from "./timePatterns.js";
import { isTrigger, readTimeWords, type SentenceBounds, type TimeWord } from "./timeWords.js";

/** How far before a time word the matcher starts trying: "the first nine months" has the trigger 4 words in. */
const TRIGGER_REACH = 5;

export interface TimexCandidate {
  /** Character offsets of the whole expression, modifiers included. */
  readonly start: number;
  readonly end: number;
  /** Word indices of the expression with its modifiers, [first, last). */
  readonly first: number;
  /** The first word of the pattern's own match ("next" in "early next year"). */
  readonly core: number;
  readonly last: number;
  readonly pattern: TimexPattern;
  readonly captures: ReadonlyMap<string, number>;
  /** TIMEX3 mod from a modifier before it: START ("early"), MID, END ("late", "the end of"), APPROX, LESS_THAN ... */
  readonly mod: string | null;
  /** "earlier"/"later"/"sometime" before a date of the same day or period: "earlier this month". */
  readonly shift: string | null;
  /** "ago" (-1), "later" (+1), "earlier" (-1) after a duration. */
  readonly direction: -1 | 1 | null;
  readonly agoWord: string | null;
  /** The date a clock time is attached to: "Wednesday" in "10 p.m. Wednesday". */
  readonly day: TimexCandidate | null;
}

export interface FoundTimexes {
  readonly words: readonly TimeWord[];
  readonly candidates: readonly TimexCandidate[];
}

/** Bare month names that are also common words or names: trusted only in a date context ("in May", "May 5"). */
const AMBIGUOUS_MONTHS = new Set(["may", "march", "june", "april", "august", "jan", "sept", "oct", "nov", "aug", "apr"]);
/** Words after which a bare month is a month: "in May", "since March", "last April", "early June". */
const MONTH_CONTEXT = new Set(["in", "since", "until", "till", "by", "through", "from", "to", "of", "during", "early", "late", "mid", "last", "next", "this", "between", "and", "or", "before", "after", "around", "end", "beginning", "middle", "for", "on", "throughout", "that", "each", "every", "until", "into"]);
/** Patterns a "earlier"/"later" before them narrows rather than shifts: "Earlier Sunday", "later this month". */
const SHIFTABLE = new Set(["weekday", "weekday-pod", "dayref", "rel-unit", "month", "rel-month", "the-weekend", "rel-weekday", "month-day", "year"]);
/** Words after which "a week", "a year" is a duration ("within a year", "for a week"), not a rate ("seats a week"). */
const ARTICLE_DURATION_BEFORE = new Set(["for", "within", "in", "after", "over", "than", "about", "nearly", "almost", "barely", "just", "only", "during", "of", "by", "to", "once", "than", "least", "up", "and", "or", ",", "(", "“", '"', "``", "lasted", "last", "lasting", "spent", "took", "take", "takes", "until", "before", "since", "throughout", "half", "another", "extra", "as", "him", "her", "them", "us", "me", "you", "it"]);
/** Words after which a capitalised word may open a sentence of its own: a quotation, a colon, a parenthesis. */
const OPENERS = new Set(["``", '"', "“", "'", "‘", ":", "(", "--", "—", "_"]);
/** Determiners before a month used as a premodifier: "a June agreement", "the March accession". */
const DETERMINERS = new Set(["a", "an", "the", "its", "their", "his", "her", "our", "this", "that"]);
/** Words that cannot be the noun an adjective like "current" qualifies: "the current is strong", "the current of the river". */
const NOT_A_NOUN_AFTER_ADJECTIVE = new Set(["of", "is", "was", "were", "are", "went", "began", "ended", "drew", "and", "or", "to", "in", "at", "on", "that", "which", "has", "had", "will", "would", "could", "can", "from", "by", "with", "as", "than"]);
const DURATION_PATTERNS = new Set(["duration", "duration-range", "duration-fraction", "duration-half", "duration-fuzzy"]);

export function findTimexes(text: string, tokens: TokenLayer, span: Span, sentences: SentenceBounds): FoundTimexes {
  const words = readTimeWords(text, tokens, span, sentences);
  const set = timexPatterns();
  const n = words.length;
  const nextTrigger = new Int32Array(n + 1);
  nextTrigger[n] = n;
  for (let i = n - 1; i >= 0; i--) nextTrigger[i] = isTrigger(words[i] as TimeWord) ? i : (nextTrigger[i + 1] as number);

  const matches: PatternMatch[] = [];
  let i = 0;
  while (i < n) {
    const trigger = nextTrigger[i] as number;
    if (trigger >= n) break;
    if (trigger - i > TRIGGER_REACH) {
      i = trigger - TRIGGER_REACH;
      continue;
    }
    const match = longestMatchAt(set, words, i);
    if (match && !dropFalseAlarm(match, words, text)) {
      matches.push(match);
      i = match.last;
    } else i++;
  }
  const candidates = matches.map((m) => extendBefore(extendAfter(toCandidate(m, words), words), words));
  return { words, candidates: joinClockAndDay(withCoordinatedDays(candidates, words), words) };
}

function toCandidate(m: PatternMatch, words: readonly TimeWord[]): TimexCandidate {
  return {
    start: (words[m.first] as TimeWord).start,
    end: (words[m.last - 1] as TimeWord).end,
    first: m.first,
    core: m.first,
    last: m.last,
    pattern: m.pattern,
    captures: m.captures,
    mod: null,
    shift: null,
    direction: null,
    agoWord: null,
    day: null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 1. False alarms

function dropFalseAlarm(m: PatternMatch, words: readonly TimeWord[], text: string): boolean {
  const lexicon = timeLexicon();
  const first = words[m.first] as TimeWord;
  const prev = words[m.first - 1];
  const next = words[m.last];
  const samePrev = prev && prev.sentence === first.sentence ? prev : undefined;
  const sameNext = next && next.sentence === first.sentence ? next : undefined;
  const id = m.pattern.id;

  // Month names are proper nouns: "protesters march" is no month. Ambiguous ones need a date context:
  // "Theresa May", "May I", "she may go".
  const monthAt = m.captures.get("month");
  if (monthAt !== undefined) {
    const month = words[monthAt] as TimeWord;
    if (!month.capitalized) return true;
    const bare = id === "month";
    // "a June agreement", "The March accession": a month name between a determiner and its noun is a month
    const premodifier = !!samePrev && DETERMINERS.has(samePrev.lower) && !!sameNext && /^[a-z]/.test(text.charAt(sameNext.start)) && !NOT_A_NOUN_AFTER_ADJECTIVE.has(sameNext.lower) && month.lower !== "may";
    if (bare && AMBIGUOUS_MONTHS.has(month.lower.replace(/\.$/, "")) && !premodifier) {
      if (!samePrev || !MONTH_CONTEXT.has(samePrev.lower)) return true;
      if (sameNext?.capitalized && !sameNext.classes.has("year")) return true;
    }
    if (bare && samePrev && lexicon.blockers.get("before:month")?.has(samePrev.lower)) return true;
    // "April Smith": a month name followed by a capitalised word that is no date is a first name
    if (bare && sameNext?.capitalized && /^[A-Z][a-z]/.test(text.slice(sameNext.start, sameNext.end)) && !sameNext.classes.size && month.lower !== "january") {
      if (!samePrev || !MONTH_CONTEXT.has(samePrev.lower)) return true;
    }
  }

  // A four-digit number is a year unless money, a count or a code: "$2000", "2000 troops", "Flight 1990".
  if (id === "year") {
    const year = Number(first.classes.get("year"));
    if (samePrev && lexicon.blockers.get("before:year")?.has(samePrev.lower)) return true;
    if (sameNext && lexicon.blockers.get("after:year")?.has(sameNext.lower)) return true;
    if (sameNext && (sameNext.hyphenBefore || sameNext.lower === ":")) return true;
    if (samePrev && (samePrev.lower === "$" || /^[$£€#]$/.test(text.charAt(first.start - 1)))) return true;
    if (!first.classes.has("spokenyear") && (year < 1900 || year > 2099) && !(samePrev && MONTH_CONTEXT.has(samePrev.lower))) return true;
  }

  const unitAt = m.captures.get("unit") ?? m.captures.get("units");
  const unitWord = unitAt === undefined ? undefined : words[unitAt];
  // Units, parts of the day, adverbs of frequency and "today" are common words: capitalised inside a sentence, one is
  // part of a name or a title ("This Week" on ABC, "60 Minutes", "Apple Daily", Fox News' "Sunday Morning Futures",
  // "VOA Today"). Units and parts of the day count only after the match's first word ("Week" in "This Week").
  for (let k = m.first; k < m.last; k++) {
    const w = words[k] as TimeWord;
    const before = words[k - 1];
    if (!before || before.sentence !== w.sentence || !w.capitalized || !/^[A-Z][a-z]/.test(text.slice(w.start, w.end))) continue;
    // ... unless a quotation or a colon opens a sentence there: `said: "Today we remember"`
    if (OPENERS.has(before.lower)) continue;
    const inside = k > m.first && (w.classes.has("unit") || w.classes.has("units") || w.classes.has("pod"));
    if (inside || w.classes.has("setadv") || w.lower === "today" || w.lower === "tonight") return true;
  }
  // "last-minute talks", "next-day delivery": a hyphenated unit after "last"/"next" makes an adjective, not a date
  if (id === "rel-unit" && unitAt !== undefined && unitWord?.hyphenBefore && words[unitAt - 1]?.classes.has("rel")) return true;
  // "The quarter-to-quarter comparison", "the year-ago quarter" (read by its own pattern, from "year"): a timex does not
  // end inside a hyphenated word
  if (sameNext?.hyphenBefore && !DURATION_PATTERNS.has(id) && id !== "iso-date") return true;
  // "a day-long meeting" is read from "day" by unit-long, not as "a day"
  if (sameNext?.hyphenBefore && sameNext.lower === "long" && id !== "unit-long") return true;
  if (unitAt !== undefined && DURATION_PATTERNS.has(id)) {
    const unit = words[unitAt] as TimeWord;
    const code = unit.classes.get("unit") ?? unit.classes.get("units");
    // Ages: "the 45-year-old", "Mr. Reupke, 52 years old" (months and days are kept: "the IRA's 8-month-old truce").
    if (code === "Y" && sameNext && lexicon.blockers.get("after:duration")?.has(sameNext.lower)) return true;
    // "three-quarters of its food", "more than a quarter of the market": fractions, not quarters of a year
    if (code === "Q" && !m.captures.has("fuzzy") && (sameNext?.lower === "of" || (unit.hyphenBefore && unit.lower === "quarters"))) return true;
    // "a decades-long battle": an article does not count a plural unit (that is "a few days", read by its own pattern)
    const countAt = m.captures.get("num");
    const count = countAt === undefined ? undefined : words[countAt];
    if (count && count.classes.has("article") && count.num === null && !m.captures.has("fuzzy") && !unit.classes.has("unit")) return true;
    // "four flights a week", "$500 million a year": a unit after a count is a rate, not a duration
    const after = sameNext?.lower ?? "";
    if (first.classes.has("article") && samePrev && !ARTICLE_DURATION_BEFORE.has(samePrev.lower) && !samePrev.classes.has("approx") && after !== "ago" && after !== "earlier" && after !== "later") return true;
  }

  if (id === "vague") {
    // "as soon as the threats end" is a conjunction; "soon after being captured" a relative time
    if (first.lower === "soon" && (samePrev?.lower === "as" || sameNext?.lower === "after" || sameNext?.lower === "thereafter")) return true;
  }
  // "current" is "at present" only as an adjective before its noun: not "the current" (of a river), "current account"
  if (id === "current" || id === "then-current") {
    if (!sameNext || !/^[a-z]/i.test(sameNext.lower) || NOT_A_NOUN_AFTER_ADJECTIVE.has(sameNext.lower)) return true;
    if (lexicon.blockers.get("after:current")?.has(sameNext.lower) || (samePrev && lexicon.blockers.get("before:current")?.has(samePrev.lower))) return true;
  }
  // "the last half of the '80s": a half of something the pattern cannot read is left to that something's own timex
  if (id === "half" && !m.captures.has("year") && sameNext?.lower === "of") return true;
  // "High Noon" is a film, "high noon" a figure of speech
  if (id === "clock-named" && samePrev?.lower === "high") return true;
  // "now-defunct" is part of a word ("For now, the State Department says" is a timex: PRESENT_REF, as TimeBank marks it)
  if (id === "now" && sameNext?.hyphenBefore) return true;
  // "in his sixties" is an age
  if (id === "decade" && samePrev && /^(his|her|their|my|your|our|its)$/.test(samePrev.lower)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// 2. After a duration: "ago", "earlier", "later", "or so"

function extendAfter(c: TimexCandidate, words: readonly TimeWord[]): TimexCandidate {
  if (!DURATION_PATTERNS.has(c.pattern.id)) return c;
  const sentence = (words[c.first] as TimeWord).sentence;
  let k = c.last;
  let end = c.end;
  if (words[k]?.lower === "or" && words[k + 1]?.lower === "so" && words[k + 1]?.sentence === sentence) {
    end = (words[k + 1] as TimeWord).end;
    k += 2;
  }
  const w = words[k];
  if (w && w.sentence === sentence && (w.lower === "ago" || w.lower === "earlier" || w.lower === "later")) {
    return { ...c, end: w.end, last: k + 1, direction: w.lower === "later" ? 1 : -1, agoWord: w.lower };
  }
  return end === c.end ? c : { ...c, end };
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Before: "early", "mid-", "late", "earlier", "about", "more than", "the end of"

let prefixPhrases: readonly { readonly words: readonly string[]; readonly cls: string; readonly value: string }[] | undefined;

function phrases(): typeof prefixPhrases & object {
  if (!prefixPhrases) {
    const list: { words: string[]; cls: string; value: string }[] = [];
    for (const [word, classes] of timeLexicon().words) {
      if (!word.includes(" ")) continue;
      for (const [cls, value] of classes) list.push({ words: word.split(" "), cls, value });
    }
    list.sort((a, b) => b.words.length - a.words.length);
    prefixPhrases = list;
  }
  return prefixPhrases;
}

function extendBefore(c: TimexCandidate, words: readonly TimeWord[]): TimexCandidate {
  const sentence = (words[c.first] as TimeWord).sentence;
  const isDuration = c.pattern.type === "DURATION" && c.direction === null;
  let current = c;
  for (let guard = 0; guard < 3; guard++) {
    const k = current.first - 1;
    const w = words[k];
    if (!w || w.sentence !== sentence) break;
    const phrase = phrases().find((p) => p.words.every((pw, j) => words[k - p.words.length + 1 + j]?.lower === pw && words[k - p.words.length + 1 + j]?.sentence === sentence));
    if (phrase && (phrase.cls === "approx" || (phrase.cls === "modphrase" && !isDuration))) {
      const at = k - phrase.words.length + 1;
      current = { ...current, first: at, start: (words[at] as TimeWord).start, mod: phrase.value };
      continue;
    }
    const mod = w.classes.get("mod");
    if (mod && !isDuration && (current.pattern.type === "DATE" || current.pattern.type === "TIME")) {
      current = { ...current, first: k, start: w.start, mod };
      continue;
    }
    const shift = w.classes.get("shift");
    if (shift && !isDuration && SHIFTABLE.has(current.pattern.id) && current.shift === null) {
      current = { ...current, first: k, start: w.start, shift };
      continue;
    }
    const approx = w.classes.get("approx");
    // "over the last two weeks": TimeBank leaves the preposition out when the timex has its own determiner
    if (approx && (w.lower === "over" || w.lower === "some") && (words[current.first] as TimeWord).lower === "the") break;
    if (approx && (isDuration || c.direction !== null || (w.lower !== "over" && w.lower !== "some" && w.lower !== "under" && w.lower !== "just"))) {
      current = { ...current, first: k, start: w.start, mod: approx };
      continue;
    }
    break;
  }
  return current;
}

// ---------------------------------------------------------------------------------------------------------------
// 4. "April 24 and 25": the second day of the month named before is a date of its own, as TimeBank marks it

const COORDINATORS = new Set(["and", "or", "&"]);

function withCoordinatedDays(candidates: readonly TimexCandidate[], words: readonly TimeWord[]): TimexCandidate[] {
  const out: TimexCandidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as TimexCandidate;
    out.push(c);
    if (c.pattern.id !== "month-day" || c.captures.has("year")) continue;
    const k = c.last;
    const and = words[k];
    const day = words[k + 1];
    const after = words[k + 2];
    const sentence = words[c.first]?.sentence;
    if (!and || !day || !COORDINATORS.has(and.lower) || day.sentence !== sentence || and.sentence !== sentence) continue;
    if (!day.classes.has("day") || day.classes.has("year")) continue;
    // "April 24 and 25 people": a count, not a day
    if (after && after.sentence === sentence && /^[a-z]/.test(after.lower) && !COORDINATORS.has(after.lower) && !/^(in|at|on|to|when|that|as|,)$/.test(after.lower)) continue;
    const next = candidates[i + 1];
    if (next && next.start <= day.start) continue;
    const captures = new Map(c.captures);
    captures.set("day", k + 1);
    out.push({ ...c, start: day.start, end: day.end, first: k + 1, core: k + 1, last: k + 2, captures, mod: null, shift: null });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// 5. "10 p.m. Wednesday", "5 p.m. EST, Nov. 6", "noon Thursday": one TIME, as TimeBank marks it

const DAY_PATTERNS = new Set(["weekday", "dayref", "month-day", "weekday-month-day", "rel-weekday"]);
const CLOCK_PATTERNS = new Set(["clock", "clock-named", "clock-pod", "clock-night"]);

function joinClockAndDay(candidates: readonly TimexCandidate[], words: readonly TimeWord[]): TimexCandidate[] {
  const out: TimexCandidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as TimexCandidate;
    const next = candidates[i + 1];
    if (CLOCK_PATTERNS.has(c.pattern.id) && next && DAY_PATTERNS.has(next.pattern.id)) {
      let k = c.last;
      if (words[k]?.lower === "," || words[k]?.lower === "on") k++;
      if (k === next.first && words[k]?.sentence === words[c.first]?.sentence) {
        out.push({ ...c, end: next.end, last: next.last, day: next });
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

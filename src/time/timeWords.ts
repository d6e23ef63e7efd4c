// The words the timex finder reads: the token layer re-cut for time expressions, each word looked up once in
// the time lexicon. Offsets stay those of the original text.
//
// Re-cutting, with the example that forced it:
// - hyphenated tokens split into words that remember the hyphen: "third-quarter" -> "third" "-quarter",
//   "45-year-old" -> "45" "-year" "-old" (so a pattern can ask for "-old" and reject an age);
// - a hyphen token glued between two words joins them the same way: "10" "-" "year" -> "10" "-year";
// - spoken years become one word: "nineteen ninety-six" -> 1996;
// - number words become one number: "twenty four" -> 24, "a hundred thirty" -> 130;
// - holiday names become one word: "Thanksgiving Day".
import type { Span, TokenLayer } from "../model/document.js";
import { timeLexicon, type TimeLexicon } from "./timeLexicon.js";
import { memoize } from "../text/memo.js";
import { tokenStrings } from "../text/tokenize.js";

export interface TimeWord {
  readonly start: number;
  readonly end: number;
  /** Lower case, curly apostrophe made straight: "sept.", "'s". */
  readonly lower: string;
  /** Joined to the word before by a hyphen: "-quarter" in "third-quarter". */
  readonly hyphenBefore: boolean;
  readonly capitalized: boolean;
  /** Index of the sentence the word is in (words of two sentences never make one timex). */
  readonly sentence: number;
  /** Lexicon classes and their values, plus the built-in ones (year, day, num, decade, clocknum, ordinal, ...). */
  readonly classes: ReadonlyMap<string, string>;
  /** The number it stands for, when it is one. */
  readonly num: number | null;
}

const NO_CLASSES: ReadonlyMap<string, string> = new Map();

/** Classes that only shape a time expression; a word with nothing else never starts the search for one. */
const FUNCTION_CLASSES = new Set(["article", "rel", "anchor", "mod", "shift", "approx", "ago", "each", "number", "teen", "tens", "scale", "fuzzy", "ordinal", "modnoun", "digits", "num", "day", "clocknum", "fraction"]);
/** Content words of fixed phrases ("the future", "the near term", "the first half", "fiscal 1999"). */
const TRIGGER_WORDS = new Set(["future", "past", "term", "half", "fiscal", "possible", "days", "time", "period", "current", "while"]);

export interface SentenceBounds {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

interface MutableWord {
  start: number;
  end: number;
  lower: string;
  hyphenBefore: boolean;
  capitalized: boolean;
  sentence: number;
  classes: Map<string, string> | ReadonlyMap<string, string>;
  num: number | null;
}

interface Classified {
  readonly classes: ReadonlyMap<string, string>;
  readonly num: number | null;
}

const UNKNOWN: Classified = { classes: NO_CLASSES, num: null };
/** Lexicon words classified once per process: most articles repeat the same few hundred. */
const classifiedWords = new Map<string, Classified>();

function classify(lower: string, lexicon: TimeLexicon): Classified {
  const c0 = lower.charCodeAt(0);
  if (c0 >= 0x30 && c0 <= 0x39) return classifyNumber(lower);
  if (c0 === 0x27 && /^'\d0s$/.test(lower)) return { classes: new Map([["decade", lower.charAt(1)]]), num: null };
  const known = lexicon.words.get(lower);
  if (!known) return UNKNOWN;
  let done = classifiedWords.get(lower);
  if (!done) classifiedWords.set(lower, (done = classifyKnown(known)));
  return done;
}

function classifyKnown(known: ReadonlyMap<string, string>): Classified {
  let num: number | null = null;
  for (const cls of ["number", "teen", "tens"]) {
    const v = known.get(cls);
    if (v !== undefined) num = Number(v);
  }
  if (num !== null) {
    const classes = new Map(known);
    classes.set("num", String(num));
    return { classes, num };
  }
  return { classes: known, num };
}

/** Numbers repeat too ("2025", "10", "1,000"): each classified once. */
const classifyNumber = memoize(classifyDigits, 50_000);

function classifyDigits(lower: string): { classes: ReadonlyMap<string, string>; num: number | null } {
  const classes = new Map<string, string>();
  let num: number | null = null;
  if (/^\d+$/.test(lower)) {
    num = Number(lower);
    classes.set("digits", lower);
    classes.set("num", lower);
    if (lower.length === 4 && num >= 1000 && num <= 2099) classes.set("year", lower);
    if (lower.length <= 2 && num >= 1 && num <= 31) classes.set("day", String(num));
    if (lower.length <= 2 && num >= 0 && num <= 24) classes.set("clocknum", `${num}:00`);
  } else if (/^\d{1,3}(,\d{3})+$/.test(lower) || /^\d+\.\d+$/.test(lower)) {
    num = Number(lower.replace(/,/g, ""));
    classes.set("num", String(num));
  } else if (/^\d+(st|nd|rd|th)$/.test(lower)) {
    num = Number.parseInt(lower, 10);
    classes.set("ordinal", String(num));
    if (num >= 1 && num <= 31) classes.set("day", String(num));
  } else if (/^(1\d|20)\d0s$/.test(lower)) {
    classes.set("decade", lower.slice(0, 3));
  } else if (/^\d0s$/.test(lower)) {
    classes.set("decade", lower.charAt(0));
  } else if (/^\d{1,2}:\d{2}$/.test(lower)) {
    const [h, m] = lower.split(":").map(Number) as [number, number];
    if (h <= 24 && m < 60) classes.set("clocknum", `${h}:${String(m).padStart(2, "0")}`);
  } else if (/^\d+\/\d+$/.test(lower)) {
    const [a, b] = lower.split("/").map(Number) as [number, number];
    if (b > 0 && a < b) {
      classes.set("fraction", String(a / b));
      num = a / b;
    }
  }
  return { classes, num };
}

function isUpperCode(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde);
}

/**
 * The time words of `span` (the dateline and the body: everything but a trailing credit).
 * `sentences` numbers each word by the sentence it falls in; words outside every sentence (a dateline)
 * get a sentence index of their own, -1 - (position of the next sentence).
 */
export function readTimeWords(text: string, tokens: TokenLayer, span: Span, sentences: SentenceBounds): TimeWord[] {
  const lexicon = timeLexicon();
  const tokenTexts = tokenStrings(text, tokens).words;
  const raw: MutableWord[] = [];
  let s = 0;
  let pendingHyphen = false;
  for (let t = 0; t < tokens.count; t++) {
    const start = tokens.starts[t] as number;
    const end = tokens.ends[t] as number;
    if (end <= span.start) continue;
    if (start >= span.end) break;
    while (s < sentences.starts.length && (sentences.ends[s] as number) <= start) s++;
    const inSentence = s < sentences.starts.length && (sentences.starts[s] as number) <= start;
    const sentence = inSentence ? s : -1 - s;
    const token = tokenTexts[t] as string;
    // A lone hyphen glued to the words on both sides joins them: "45" "-" "year-old".
    if (token === "-" && raw.length > 0 && raw[raw.length - 1]!.end === start && t + 1 < tokens.count && tokens.starts[t + 1] === end) {
      pendingHyphen = true;
      continue;
    }
    const hyphenated = token.length > 2 && token.indexOf("-") > 0 && token.charCodeAt(token.length - 1) !== 0x2d;
    if (!hyphenated) {
      raw.push(makeWord(token, start, pendingHyphen, sentence, lexicon));
      pendingHyphen = false;
      continue;
    }
    let offset = start;
    for (const part of token.split("-")) {
      raw.push(makeWord(part, offset, offset > start || pendingHyphen, sentence, lexicon));
      offset += part.length + 1;
      pendingHyphen = false;
    }
  }
  // The merges copy the list; most articles need none of them, so look before copying.
  let numberWords = 0;
  let holiday = false;
  for (const w of raw) {
    if (w.classes !== NO_CLASSES && (w.classes.has("number") || w.classes.has("teen") || w.classes.has("tens") || w.classes.has("scale"))) numberWords++;
    if (w.capitalized && lexicon.holidays.has(w.lower)) holiday = true;
  }
  let words = raw;
  if (numberWords > 1) words = mergeNumbers(mergeSpokenYears(words));
  return holiday ? mergeHolidays(words, lexicon) : (words as TimeWord[]);
}

function makeWord(part: string, start: number, hyphenBefore: boolean, sentence: number, lexicon: TimeLexicon): MutableWord {
  const capitalized = isUpperCode(part.charCodeAt(0));
  // Running text is lower case after the first letter; only a capitalised word (or "U.S.", "WASHINGTON") needs lowering.
  let lower = capitalized || part.length === 1 ? part.toLowerCase() : part;
  if (lower.indexOf("\u2019") >= 0) lower = lower.replace(/\u2019/g, "'");
  const { classes, num } = classify(lower, lexicon);
  return { start, end: start + part.length, lower, hyphenBefore, capitalized, sentence, classes, num };
}

// "nineteen ninety-six" -> 1996, "nineteen seventy-nine" -> 1979, "nineteen eighty" -> 1980.
function mergeSpokenYears(words: MutableWord[]): MutableWord[] {
  const out: MutableWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as MutableWord;
    const next = words[i + 1];
    const teen = w.classes.get("teen");
    if (teen && (teen === "19" || teen === "18" || teen === "17") && next && next.sentence === w.sentence && next.classes.has("tens") && !next.hyphenBefore) {
      let value = Number(teen) * 100 + Number(next.classes.get("tens"));
      let end = next.end;
      let used = 2;
      const unit = words[i + 2];
      const unitValue = unit?.classes.get("number");
      if (unit && unitValue && Number(unitValue) < 10 && unit.sentence === w.sentence) {
        value += Number(unitValue);
        end = unit.end;
        used = 3;
      }
      out.push({ ...w, end, lower: String(value), classes: new Map([["year", String(value)], ["spokenyear", String(value)]]), num: value });
      i += used - 1;
      continue;
    }
    out.push(w);
  }
  return out;
}

// Runs of number words become one number: "twenty four" -> 24, "twenty-six" -> 26, "a hundred thirty" -> 130.
function mergeNumbers(words: MutableWord[]): MutableWord[] {
  const out: MutableWord[] = [];
  const isPart = (w: MutableWord | undefined) => !!w && (w.classes.has("number") || w.classes.has("teen") || w.classes.has("tens") || w.classes.has("scale"));
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as MutableWord;
    const startsWithArticle = w.classes.has("article") && words[i + 1]?.classes.has("scale") === true;
    if (!isPart(w) && !startsWithArticle) {
      out.push(w);
      continue;
    }
    let j = i + 1;
    while (j < words.length && isPart(words[j]) && (words[j] as MutableWord).sentence === w.sentence) j++;
    if (j - i === 1) {
      out.push(w);
      continue;
    }
    let total = 0;
    let current = 0;
    for (let k = i; k < j; k++) {
      const part = words[k] as MutableWord;
      const scale = part.classes.get("scale");
      if (scale) {
        current = Math.max(current, 1) * Number(scale);
        if (Number(scale) >= 1000) {
          total += current;
          current = 0;
        }
      } else current += part.num ?? (part.classes.has("article") ? 1 : 0);
    }
    const value = total + current;
    const last = words[j - 1] as MutableWord;
    out.push({ ...w, end: last.end, lower: String(value), classes: new Map([["num", String(value)], ["number", String(value)], ["numberwords", String(value)]]), num: value });
    i = j - 1;
  }
  return out;
}

// "Thanksgiving Day", "New Year's Day", "Christmas" -> one word of class holiday.
function mergeHolidays(words: MutableWord[], lexicon: TimeLexicon): TimeWord[] {
  const out: TimeWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as MutableWord;
    const candidates = w.capitalized ? lexicon.holidays.get(w.lower) : undefined;
    if (candidates) {
      const found = candidates.find((h) => h.rest.every((r, k) => words[i + 1 + k]?.lower === r));
      if (found) {
        const last = words[i + found.rest.length] as MutableWord;
        const classes = new Map(w.classes);
        classes.set("holiday", found.rule);
        out.push({ ...w, end: last.end, classes, num: null });
        i += found.rest.length;
        continue;
      }
    }
    out.push(w);
  }
  return out;
}

/** Whether a word can begin the search for a time expression (see FUNCTION_CLASSES). */
export function isTrigger(word: TimeWord): boolean {
  if (TRIGGER_WORDS.has(word.lower)) return true;
  for (const cls of word.classes.keys()) if (!FUNCTION_CLASSES.has(cls)) return true;
  return false;
}

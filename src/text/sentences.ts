// The sentence splitter: one left-to-right scan over the story body with charCodeAt, deciding at each
// period, question mark, exclamation mark, ellipsis, line break and list marker whether a sentence ends.
// Sentences are stand-off spans into the original text, trimmed of white space; the text is never rewritten.
// Each sentence names the rule that ended it (SENTENCE_RULES below).
//
// Knowledge lives in data files: data/text/abbreviations.txt (what an abbreviation is) and
// data/text/sentence-words.tsv (titles, sentence starters, attribution verbs ...). The rules follow the English
// "Golden Rules" of pragmatic_segmenter, plus what news copy scraped from web pages needs: paragraphs glued
// together without a space ("deportation.Her", "respected.”The").
import type { Doc, Provenance, Sentence, Span } from "../model/document.js";
import { withLayers } from "../model/document.js";
import { readTable } from "../model/dataFiles.js";
import type { Stage } from "../pipeline/pipeline.js";
import { abbreviationSet } from "./abbreviations.js";

/** A rule that can end a sentence: what every Sentence's `provenance.rule` refers to. */
export interface SentenceRule {
  readonly id: SentenceRuleId;
  readonly reason: string;
  readonly example: string;
}

export type SentenceRuleId =
  | "terminal-punctuation"
  | "abbreviation-then-starter"
  | "time-then-sentence"
  | "abbreviation-then-line-break"
  | "ellipsis"
  | "period-before-ellipsis"
  | "glued-sentence"
  | "glued-after-quote"
  | "glued-before-quote"
  | "blank-line"
  | "line-break"
  | "list-item"
  | "end-of-body";

export const SENTENCE_RULES: readonly SentenceRule[] = Object.freeze([
  {
    id: "terminal-punctuation",
    reason: "a period, question or exclamation mark after an ordinary word, then white space and a word that can begin a sentence",
    example: "Hello World. My name is Jonas.",
  },
  {
    id: "abbreviation-then-starter",
    reason: "an abbreviation that can end a sentence (U.S., Co., an initial) followed by a word that usually begins one",
    example: "I live in the U.S. How about you?",
  },
  {
    id: "time-then-sentence",
    reason:
      "a.m./p.m. followed by a capitalized word that does not continue the time (a weekday, month or time zone), " +
      "unless the sentence so far is an opening time phrase",
    example: "He left the bank at 6 P.M. Mr. Smith then went to the store.",
  },
  {
    id: "abbreviation-then-line-break",
    reason: "an abbreviation at the end of a line, the next line starting with a capital",
    example: "He moved to the U.S.\nOfficials said ...",
  },
  { id: "ellipsis", reason: "an ellipsis followed by a capitalized word", example: "I never meant that.... She left the store." },
  {
    id: "period-before-ellipsis",
    reason: "a period on a word followed by a spaced ellipsis and a capital: the ellipsis opens the next sentence",
    example: "... self-interpreting compounds. . . . The practice was not abandoned.",
  },
  {
    id: "glued-sentence",
    reason: "a period or question mark glued to the next capitalized word (paragraphs joined without a space)",
    example: "to discuss immigration, crime and deportation.Her trip comes ...",
  },
  {
    id: "glued-after-quote",
    reason: "a closing quotation mark or bracket after terminal punctuation, glued to a capital",
    example: "migrants are actually respected.”The officials also signed ...",
  },
  {
    id: "glued-before-quote",
    reason: "terminal punctuation glued to an opening quotation mark",
    example: "deportations, crime and immigration.“We're committed ...",
  },
  { id: "blank-line", reason: "a blank line: a paragraph always ends a sentence", example: "First paragraph\n\nSecond" },
  {
    id: "line-break",
    reason: "a line without end punctuation (a heading, a list line) followed by a new line",
    example: "Key facts\nThe storm hit ...",
  },
  {
    id: "list-item",
    reason: "the next item of a list that the sentence opened (1. 2., a. b., bullets)",
    example: "1.) The first item 2.) The second item",
  },
  { id: "end-of-body", reason: "the end of the story body", example: "... on Wednesday.AP (credit outside the body)" },
]);

const SOURCE: Readonly<Record<SentenceRuleId, Provenance>> = Object.freeze(
  Object.fromEntries(SENTENCE_RULES.map((r) => [r.id, Object.freeze({ stage: "sentences", rule: r.id })])) as Record<
    SentenceRuleId,
    Provenance
  >,
);

// ---------------------------------------------------------------------------------------------------------------
// Word table: lookups of words by offset range, without slicing the text (no allocation in the scan).

const ABBREVIATION = 1;
const TITLE = 2;
const TIME = 4;
const CAPITALIZED = 8;
const STARTER = 16;
const LOWERCASE_STARTER = 32;
const INTRO = 64;
const ATTRIBUTION = 128;
const TIME_CONTINUATION = 256;

const ROLE_FLAGS: Readonly<Record<string, number>> = {
  title: TITLE | ABBREVIATION,
  time: TIME | ABBREVIATION,
  capitalized: CAPITALIZED,
  starter: STARTER,
  "lowercase-starter": LOWERCASE_STARTER,
  intro: INTRO,
  attribution: ATTRIBUTION,
  "time-continuation": TIME_CONTINUATION,
};

/** Longest word worth looking up; longer tokens (URLs) are never in the table. */
const MAX_WORD = 24;
/** How far a decision looks back or ahead within one token (a word, a URL). */
const MAX_SCAN = 256;

function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

interface WordEntry {
  readonly word: string;
  flags: number;
}

class WordTable {
  private readonly buckets = new Map<number, WordEntry[]>();

  add(word: string, flags: number): void {
    const hash = hashRange(word, 0, word.length);
    let bucket = this.buckets.get(hash);
    if (!bucket) this.buckets.set(hash, (bucket = []));
    const lower = Array.from({ length: word.length }, (_, k) => String.fromCharCode(lowerCode(word.charCodeAt(k)))).join("");
    const found = bucket.find((e) => e.word === lower);
    if (found) found.flags |= flags;
    else bucket.push({ word: lower, flags });
  }

  /** The flags of text[start, end) matched without case, or 0. */
  flags(text: string, start: number, end: number): number {
    const length = end - start;
    if (length <= 0 || length > MAX_WORD) return 0;
    const bucket = this.buckets.get(hashRange(text, start, end));
    if (!bucket) return 0;
    outer: for (const entry of bucket) {
      if (entry.word.length !== length) continue;
      for (let k = 0; k < length; k++) {
        if (entry.word.charCodeAt(k) !== lowerCode(text.charCodeAt(start + k))) continue outer;
      }
      return entry.flags;
    }
    return 0;
  }
}

function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ lowerCode(text.charCodeAt(k)), 0x01000193);
  return h | 0;
}

let table: WordTable | undefined;

function wordTable(): WordTable {
  if (table) return table;
  const t = new WordTable();
  for (const a of abbreviationSet()) t.add(a, ABBREVIATION);
  for (const row of readTable("text/sentence-words.tsv")) {
    const word = (row.word ?? "").toLowerCase().replace(/\.$/, "");
    const flags = ROLE_FLAGS[row.role ?? ""];
    if (!word || flags === undefined) {
      throw new Error(
        `E_DATA_FORMAT: data/text/sentence-words.tsv has a row "${row.word ?? ""}\t${row.role ?? ""}" with an unknown role; ` +
          `use one of ${Object.keys(ROLE_FLAGS).join(", ")}`,
      );
    }
    t.add(word, flags);
  }
  table = t;
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// Character classes (UTF-16 code units).

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const EXCLAMATION = 0x21;
const DQUOTE = 0x22;
const APOSTROPHE = 0x27;
const LPAREN = 0x28;
const RPAREN = 0x29;
const ASTERISK = 0x2a;
const COMMA = 0x2c;
const HYPHEN = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const QUESTION = 0x3f;
const AT = 0x40;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LGUILLEMET = 0xab;
const RGUILLEMET = 0xbb;
const EN_DASH = 0x2013;
const EM_DASH = 0x2014;
const LSQUO = 0x2018;
const RSQUO = 0x2019;
const LDQUO = 0x201c;
const RDQUO = 0x201d;
const LOW_DQUO = 0x201e;
const BULLET = 0x2022;
const TRIANGLE_BULLET = 0x2023;
const ELLIPSIS = 0x2026;
const LINE_SEPARATOR = 0x2028;
const PARAGRAPH_SEPARATOR = 0x2029;
const HYPHEN_BULLET = 0x2043;

/** Exactly JavaScript's /\s/, which the scorer trims with. */
function isSpace(c: number): boolean {
  if (c > SPACE) {
    if (c < 0xa0) return false;
    return (
      c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === LINE_SEPARATOR ||
      c === PARAGRAPH_SEPARATOR ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff
    );
  }
  return c === SPACE || (c >= TAB && c <= CR);
}

function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const s = String.fromCharCode(c);
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

function isLower(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  const s = String.fromCharCode(c);
  return s !== s.toUpperCase() && s === s.toLowerCase();
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const LETTER = /\p{L}/u;

function isLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return isUpper(c) || isLower(c) || (c >= 0xaa && LETTER.test(String.fromCharCode(c)));
}

/** Marks that may follow the end punctuation and still belong to the sentence: ”’') ] } ». */
function isCloser(c: number): boolean {
  return c === RDQUO || c === RSQUO || c === APOSTROPHE || c === RPAREN || c === RBRACKET || c === RBRACE || c === RGUILLEMET;
}

/** Marks that open a quotation or bracket, so begin the word after them. */
function isOpener(c: number): boolean {
  return c === LDQUO || c === LSQUO || c === LOW_DQUO || c === LPAREN || c === LBRACKET || c === LBRACE || c === LGUILLEMET;
}

function isOpeningQuote(c: number): boolean {
  return c === LDQUO || c === LSQUO || c === LOW_DQUO || c === LGUILLEMET || c === DQUOTE || c === APOSTROPHE;
}

/** Bullets that separate list items even within one line ("• 9. The first item • 10. The second item"). */
function isBullet(c: number): boolean {
  return c === BULLET || c === TRIANGLE_BULLET || c === HYPHEN_BULLET || c === 0x25e6 || c === 0x25aa || c === 0x25cf;
}

/** Bullets that open a list line only at the start of a line ("- item", "* item", "— item"). */
function isLineBullet(c: number): boolean {
  return isBullet(c) || c === HYPHEN || c === ASTERISK || c === EN_DASH || c === EM_DASH;
}

function isTerminal(c: number): boolean {
  return c === DOT || c === QUESTION || c === EXCLAMATION || c === ELLIPSIS;
}

// What the main scan must look at, per UTF-16 code unit; everything else is C_PLAIN.
const C_PLAIN = 0;
const C_SPACE = 1;
const C_BREAK = 2;
const C_TERMINAL = 3;
const C_DQUOTE = 4;

const CHAR_CLASS: Uint8Array = (() => {
  const classes = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (isSpace(c)) classes[c] = C_SPACE;
  for (const c of [LF, CR, LINE_SEPARATOR, PARAGRAPH_SEPARATOR]) classes[c] = C_BREAK;
  for (const c of [DOT, QUESTION, EXCLAMATION, ELLIPSIS]) classes[c] = C_TERMINAL;
  classes[DQUOTE] = C_DQUOTE;
  return classes;
})();

// What the word before a period is.
const ORDINARY = 0;
/** Can end a sentence or not: "U.S.", "Co.", "E.", "etc."; decided by the next word. */
const AMBIGUOUS = 1;
/** Never ends a sentence before a name: "Mr.", "Gen.", "St.". */
const PREPOSITIVE = 2;
/** "a.m.", "p.m.". */
const TIME_OF_DAY = 3;

// List markers at the start of a sentence: "1.", "2)", "3.)", "(4)", "a.".
const MARKER_NONE = 0;
const MARKER_NUMBER = 1;
const MARKER_LETTER = 2;
// How a marker is punctuated, as bits: "1." DOT, "1)" CLOSE, "1.)" DOT|CLOSE, "(1)" OPEN|CLOSE.
const MARKER_DOT = 1;
const MARKER_CLOSE = 2;
const MARKER_OPEN = 4;

// ---------------------------------------------------------------------------------------------------------------

/** One run of the splitter over one body: the state of the scan lives here, never in module globals. */
class Scanner {
  private readonly out: Sentence[] = [];
  /** Start of the open sentence, or -1 between sentences. */
  private sentStart = -1;
  /** End of the last non-space character of the open sentence. */
  private lastNonWs = -1;
  private prevSpace = true;
  /** Inside an ASCII "..." quotation (parity since the last line break), so a `"` after a period closes it. */
  private dqOpen = false;
  // The list marker or bullet that opened the sentence.
  private bullet = 0;
  private markerKind = MARKER_NONE;
  private markerValue = 0;
  private markerStyle = 0;
  private markerEnd = -1;
  // Scratch results of parseMarker.
  private pKind = MARKER_NONE;
  private pValue = 0;
  private pStyle = 0;

  constructor(
    private readonly text: string,
    private readonly lo: number,
    private readonly hi: number,
    private readonly words: WordTable,
  ) {}

  run(): Sentence[] {
    const { text, hi } = this;
    let i = this.lo;
    while (i < hi) {
      const c = text.charCodeAt(i);
      const kind = CHAR_CLASS[c];
      if (kind === C_SPACE || (kind === C_BREAK && c === CR && text.charCodeAt(i + 1) === LF)) {
        this.prevSpace = true;
        i++;
        continue;
      }
      if (kind === C_BREAK) {
        if (this.sentStart >= 0) this.atLineBreak(i, c === PARAGRAPH_SEPARATOR);
        this.dqOpen = false;
        this.prevSpace = true;
        i++;
        continue;
      }
      if (this.sentStart < 0) this.begin(i);
      else if (this.prevSpace && (this.bullet !== 0 || this.markerKind !== MARKER_NONE) && this.startsNextItem(i)) {
        this.emit(this.lastNonWs, "list-item");
        this.begin(i);
      }
      this.prevSpace = false;
      if (kind === C_TERMINAL && i >= this.markerEnd) {
        i = this.atTerminal(i);
        continue;
      }
      if (kind === C_DQUOTE) this.dqOpen = !this.dqOpen;
      // The rest of a run of ordinary characters needs no decision: skip it in a tight loop.
      i++;
      while (i < hi && CHAR_CLASS[text.charCodeAt(i)] === C_PLAIN) i++;
      this.lastNonWs = i;
    }
    if (this.sentStart >= 0) this.emit(this.lastNonWs, "end-of-body");
    return this.out;
  }

  private emit(end: number, rule: SentenceRuleId): void {
    if (end > this.sentStart) this.out.push({ start: this.sentStart, end, provenance: SOURCE[rule] });
    this.sentStart = -1;
    this.bullet = 0;
    this.markerKind = MARKER_NONE;
    this.markerEnd = -1;
  }

  private begin(p: number): void {
    this.sentStart = p;
    this.lastNonWs = p;
    this.bullet = 0;
    this.markerKind = MARKER_NONE;
    this.markerEnd = -1;
    const { text, hi } = this;
    let q = p;
    const c = text.charCodeAt(q);
    if (isBullet(c)) {
      this.bullet = c;
      q++;
      while (q < hi && (text.charCodeAt(q) === SPACE || text.charCodeAt(q) === TAB)) q++;
    }
    const end = this.parseMarker(q);
    if (end >= 0) {
      this.markerKind = this.pKind;
      this.markerValue = this.pValue;
      this.markerStyle = this.pStyle;
      this.markerEnd = end;
    }
  }

  /**
   * A list marker at p: "12.", "12)", "12.)", "(12)", or one lower-case letter with the same punctuation, followed by
   * white space. Returns the end of the marker, or -1; kind, value and style go to the scratch fields.
   * Upper-case letters are left out: "A. Smith met B. Jones" is initials, not a list.
   */
  private parseMarker(p: number): number {
    const { text, hi } = this;
    let q = p;
    let style = 0;
    if (text.charCodeAt(q) === LPAREN) {
      style = MARKER_OPEN;
      q++;
    }
    let kind = MARKER_NONE;
    let value = 0;
    const first = text.charCodeAt(q);
    if (isDigit(first)) {
      const digitsStart = q;
      while (q < hi && isDigit(text.charCodeAt(q))) value = value * 10 + (text.charCodeAt(q++) - 48);
      if (q - digitsStart > 3) return -1;
      kind = MARKER_NUMBER;
    } else if (first >= 97 && first <= 122) {
      value = first;
      kind = MARKER_LETTER;
      q++;
    } else return -1;
    if (q < hi && text.charCodeAt(q) === DOT) {
      style |= MARKER_DOT;
      q++;
    }
    if (q < hi && text.charCodeAt(q) === RPAREN) {
      style |= MARKER_CLOSE;
      q++;
    }
    // "(12" needs its ")"; bare "12" is not a marker.
    if (!(style & (MARKER_DOT | MARKER_CLOSE)) || (style & MARKER_OPEN && !(style & MARKER_CLOSE))) return -1;
    if (q >= hi || !isSpace(text.charCodeAt(q))) return -1;
    this.pKind = kind;
    this.pValue = value;
    this.pStyle = style;
    return q;
  }

  /** Whether the word at i opens the next item of the list that the open sentence began with. */
  private startsNextItem(i: number): boolean {
    const c = this.text.charCodeAt(i);
    if (this.bullet !== 0) return c === this.bullet;
    if (c !== LPAREN && !isDigit(c) && !(c >= 97 && c <= 122)) return false;
    return (
      this.parseMarker(i) >= 0 &&
      this.pKind === this.markerKind &&
      this.pStyle === this.markerStyle &&
      this.pValue === this.markerValue + 1
    );
  }

  /** A line break at i inside an open sentence. */
  private atLineBreak(i: number, paragraph: boolean): void {
    const { text, hi } = this;
    let j = i + 1;
    if (text.charCodeAt(i) === CR && text.charCodeAt(j) === LF) j++;
    while (j < hi) {
      const c = text.charCodeAt(j);
      if (!isSpace(c) || c === LF || c === CR || c === PARAGRAPH_SEPARATOR || c === LINE_SEPARATOR) break;
      j++;
    }
    if (paragraph || (j < hi && isSpace(text.charCodeAt(j)))) {
      this.emit(this.lastNonWs, "blank-line");
      return;
    }
    if (j >= hi) return;
    const next = text.charCodeAt(j);
    if (isLineBullet(next) || this.parseMarker(j) >= 0) {
      this.emit(this.lastNonWs, "line-break");
      return;
    }
    // Where the line ends in punctuation, the punctuation has decided already (see atTerminal's gapHasLineBreak).
    let k = this.lastNonWs - 1;
    while (k > this.sentStart && isCloser(text.charCodeAt(k))) k--;
    const last = text.charCodeAt(k);
    if (isTerminal(last)) return;
    // "The talks continued,\nofficials said" and "It was a cold \nnight": a line cut inside a sentence.
    if (last === COMMA || last === SEMICOLON || last === COLON || last === HYPHEN || last === EN_DASH || last === EM_DASH) return;
    if (isUpper(next) || isDigit(next) || isOpener(next) || next === DQUOTE) {
      this.emit(this.lastNonWs, "line-break");
      return;
    }
    // A lower-case line after a short line is a list ("features\ncontact manager\n"); after a longer line it is a
    // line wrapped inside a sentence ("This is a sentence\ncut off in the middle because pdf.").
    if (isLower(next) && this.wordsBefore(this.lastNonWs, 3) <= 3) this.emit(this.lastNonWs, "line-break");
  }

  /** Words between the start of the line (or sentence) and end, counting no further than limit + 1. */
  private wordsBefore(end: number, limit: number): number {
    const { text } = this;
    let words = 0;
    let inWord = false;
    for (let k = end - 1; k >= this.sentStart; k--) {
      const c = text.charCodeAt(k);
      if (c === LF || c === CR) break;
      if (isSpace(c)) inWord = false;
      else if (!inWord) {
        inWord = true;
        if (++words > limit) break;
      }
    }
    return words;
  }

  /**
   * Start of the word that ends at i: back to white space, an opening bracket or quote, or the sentence start.
   * At most MAX_SCAN back, so that a long token full of periods ("a.b.c.d...") still costs a linear scan.
   */
  private wordStart(i: number): number {
    const { text } = this;
    const stop = Math.max(this.sentStart, i - MAX_SCAN);
    let k = i;
    while (k > stop) {
      const c = text.charCodeAt(k - 1);
      if (isSpace(c) || isOpener(c) || c === DQUOTE) break;
      k--;
    }
    return k;
  }

  private classify(ws: number, we: number): number {
    const { text } = this;
    const length = we - ws;
    if (length <= 0) return ORDINARY;
    const flags = this.words.flags(text, ws, we);
    if (flags & ABBREVIATION && (!(flags & CAPITALIZED) || isUpper(text.charCodeAt(ws)))) {
      if (flags & TIME) return TIME_OF_DAY;
      if (flags & TITLE) return PREPOSITIVE;
      return AMBIGUOUS;
    }
    // An initial: "Jonas E. Smith", "you and I."
    if (length === 1) return isLetter(text.charCodeAt(ws)) ? AMBIGUOUS : ORDINARY;
    // Letters in groups of one or two joined by periods: "U.S.A", "J.R.R", "Ph.D", "e.g".
    let segment = 0;
    let dotted = false;
    for (let k = ws; k < we; k++) {
      const c = text.charCodeAt(k);
      if (c === DOT) {
        if (segment === 0) return ORDINARY;
        dotted = true;
        segment = 0;
      } else if (isLetter(c)) {
        if (++segment > 2) return ORDINARY;
      } else return ORDINARY;
    }
    return dotted ? AMBIGUOUS : ORDINARY;
  }

  /** End of the word of letters starting at p. */
  private wordEnd(p: number): number {
    const { text, hi } = this;
    let k = p;
    while (k < hi && isLetter(text.charCodeAt(k))) k++;
    return k;
  }

  /**
   * An upper-case letter at p, or an opening quotation mark then one. Not a bracket:
   * "parallel stairways [...]" (Smith 55)." is one sentence.
   */
  private capitalAt(p: number): boolean {
    const { text, hi } = this;
    const c = text.charCodeAt(p);
    if (isUpper(c)) return true;
    return isOpeningQuote(c) && p + 1 < hi && isUpper(text.charCodeAt(p + 1));
  }

  private hasDot(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (this.text.charCodeAt(k) === DOT) return true;
    return false;
  }

  /** A token with "@" or "/" around i is an e-mail address or URL: "Jane.Doe@example.com", "example.50.com/new". */
  private inAddress(i: number): boolean {
    const { text } = this;
    const from = Math.max(this.lo, i - MAX_SCAN);
    const to = Math.min(this.hi, i + MAX_SCAN);
    for (let k = i - 1; k >= from; k--) {
      const c = text.charCodeAt(k);
      if (isSpace(c)) break;
      if (c === AT || c === SLASH) return true;
    }
    for (let k = i + 1; k < to; k++) {
      const c = text.charCodeAt(k);
      if (isSpace(c)) break;
      if (c === AT || c === SLASH) return true;
    }
    return false;
  }

  /** "At 5 a.m." opening the sentence: a preposition from the intro list and at most four words so far. */
  private inOpeningTimePhrase(ws: number): boolean {
    const start = this.sentStart;
    if (!(this.words.flags(this.text, start, this.wordEnd(start)) & INTRO)) return false;
    return this.wordsBefore(ws, 4) <= 3;
  }

  /** A name of one to three capitalized words at p, then a speech verb: "Smith asked", "Maria Sanchez said". */
  private attributionAt(p: number): boolean {
    const { text, hi } = this;
    let k = p;
    for (let names = 0; names <= 3 && k < hi; names++) {
      const c = text.charCodeAt(k);
      const end = this.wordEnd(k);
      if (end === k) return false;
      if (isLower(c)) return names > 0 && (this.words.flags(text, k, end) & ATTRIBUTION) !== 0;
      if (!isUpper(c) || names === 3) return false;
      k = end;
      if (k >= hi || text.charCodeAt(k) !== SPACE) return false;
      k++;
    }
    return false;
  }

  /**
   * At terminal punctuation at i: reads the cluster (".", "?!", "...", ". . . ."), the closing marks after it, and
   * the white space and word that follow, then ends the sentence or not. Returns where the scan resumes.
   */
  private atTerminal(i: number): number {
    const { text, hi } = this;
    let j = i;
    let dots = 0;
    let marks = 0;
    let ellipsisChar = false;
    for (; j < hi; j++) {
      const c = text.charCodeAt(j);
      if (c === DOT) dots++;
      else if (c === QUESTION || c === EXCLAMATION) marks++;
      else if (c === ELLIPSIS) ellipsisChar = true;
      else break;
    }
    const attached = i > this.sentStart && !isSpace(text.charCodeAt(i - 1));
    // A spaced ellipsis continues with " ." pairs: "complex. . . .", "the thing is . . . I didn't".
    let spaced = 0;
    let clusterEnd = j;
    if (marks === 0 && !ellipsisChar) {
      while (clusterEnd + 1 < hi && text.charCodeAt(clusterEnd) === SPACE && text.charCodeAt(clusterEnd + 1) === DOT) {
        clusterEnd += 2;
        spaced++;
      }
      if (spaced < 2) {
        spaced = 0;
        clusterEnd = j;
      }
    }
    const end = this.skipClosers(clusterEnd);
    const closed = end > clusterEnd;
    this.lastNonWs = end;
    let next = end;
    let gapHasLineBreak = false;
    while (next < hi && isSpace(text.charCodeAt(next))) {
      const c = text.charCodeAt(next);
      if (c === LF || c === CR || c === LINE_SEPARATOR || c === PARAGRAPH_SEPARATOR) gapHasLineBreak = true;
      next++;
    }
    if (next >= hi) return end;
    const n = text.charCodeAt(next);
    const glued = next === end;

    if (spaced > 0 || ellipsisChar || dots >= 2) {
      // Golden rule 51: "compounds. . . . The practice": the period ends the sentence, the ellipsis opens the next.
      if (spaced >= 3 && dots === 1 && attached) {
        if (!glued && this.capitalAt(next)) {
          this.emit(i + 1, "period-before-ellipsis");
          this.begin(i + 2);
          this.lastNonWs = end;
        }
        return end;
      }
      // "the thing is . . . I didn't mean it": a spaced ellipsis of three dots leaves the sentence open.
      if (spaced > 0 && !attached && dots + spaced <= 3) return end;
      // "a minerals deal. ... It's an important topic": an ellipsis opening a sentence marks words left out at its
      // start; it stays with the words after it, as ". . . The practice" does in golden rule 51.
      if (i === this.sentStart) return end;
      if (!glued && this.capitalAt(next)) this.emit(end, "ellipsis");
      return end;
    }

    if (marks > 0) {
      if (glued) {
        if (closed ? this.capitalAt(next) : n === LDQUO || (isUpper(n) && next + 1 < hi && isLower(text.charCodeAt(next + 1)))) {
          if (!this.inAddress(i) && i > this.sentStart && isLetter(text.charCodeAt(i - 1))) {
            this.emit(end, closed ? "glued-after-quote" : "glued-sentence");
          }
        }
        return end;
      }
      // "Yahoo! in the accounting department", "“Why?” he asked."
      if (isLower(n) || n === COMMA || n === SEMICOLON || n === COLON) return end;
      // "“Are we safe?” Sanchez asked."
      if (closed && this.attributionAt(next)) return end;
      this.emit(end, "terminal-punctuation");
      return end;
    }

    // A single period.
    if (glued) {
      if (closed) {
        // "respected.”The officials" — but not "Jr.'s book".
        if (this.capitalAt(next)) this.emit(end, "glued-after-quote");
        return end;
      }
      if (n === LDQUO || (n === DQUOTE && !this.dqOpen)) {
        if (next + 1 < hi && isUpper(text.charCodeAt(next + 1))) this.emit(end, "glued-before-quote");
        return end;
      }
      // "deportation.Her", "said.Sarabia", "1,000.That" — not "U.S.Army", "Mr.Smith", "Jane.Doe@example.com".
      if (isUpper(n) && next + 1 < hi && isLower(text.charCodeAt(next + 1))) {
        const ws = this.wordStart(i);
        const before = text.charCodeAt(i - 1);
        if (
          i - ws >= 2 &&
          (isLetter(before) || isDigit(before)) &&
          this.classify(ws, i) === ORDINARY &&
          !this.hasDot(ws, i) &&
          !this.inAddress(i)
        ) {
          this.emit(end, "glued-sentence");
        }
      }
      return end;
    }

    const ws = this.wordStart(i);
    const kind = this.classify(ws, i);
    if (kind === ORDINARY) {
      if (isLower(n)) {
        if (this.words.flags(text, next, this.wordEnd(next)) & LOWERCASE_STARTER) this.emit(end, "terminal-punctuation");
        return end;
      }
      if (n === COMMA || n === SEMICOLON || n === COLON || n === RPAREN || n === RBRACKET) return end;
      this.emit(end, "terminal-punctuation");
      return end;
    }
    if (kind === PREPOSITIVE) return end;
    // Ambiguous abbreviations and a.m./p.m.: "Co. at noon", "p. 55", "Jan. 5" stay; the next word decides.
    if (isLower(n) || isDigit(n)) return end;
    if (!isUpper(n)) {
      // "in the U.S. “We are ..." — but not "partners of the U.S. "to intercept ..."" or "Apple Inc. (NASDAQ: AAPL)".
      if (n !== APOSTROPHE && this.capitalAt(next)) this.emit(end, "abbreviation-then-starter");
      return end;
    }
    const wordEnd = this.wordEnd(next);
    const flags = this.words.flags(text, next, wordEnd);
    if (kind === TIME_OF_DAY) {
      // "He left the bank at 6 P.M. Mr. Smith then went", "around 2 a.m. Police said" split; "p.m. Thursday",
      // "a.m. EST", "p.m. Moscow time" continue; "At 5 a.m. Mr. Smith went" is an opening time phrase.
      if (flags & TIME_CONTINUATION || this.inOpeningTimePhrase(ws)) return end;
      if (wordEnd + 1 < hi && text.charCodeAt(wordEnd) === SPACE) {
        const after = this.wordEnd(wordEnd + 1);
        if (isLower(text.charCodeAt(wordEnd + 1)) && this.words.flags(text, wordEnd + 1, after) & TIME_CONTINUATION) return end;
      }
      this.emit(end, "time-then-sentence");
      return end;
    }
    if (flags & STARTER) this.emit(end, "abbreviation-then-starter");
    else if (gapHasLineBreak) this.emit(end, "abbreviation-then-line-break");
    return end;
  }

  /** Past the closing marks after a cluster: ” ’ ' ) ] } », and " when a quotation is open. */
  private skipClosers(p: number): number {
    const { text, hi } = this;
    let k = p;
    while (k < hi) {
      const c = text.charCodeAt(k);
      if (c === DQUOTE) {
        if (!this.dqOpen) break;
        this.dqOpen = false;
      } else if (!isCloser(c)) break;
      k++;
    }
    return k;
  }
}

/**
 * The sentences of text within body: exact UTF-16 offsets into the original text, trimmed of surrounding white
 * space, each naming the rule that ended it.
 */
export function splitSentences(text: string, body: Span): Sentence[] {
  const lo = Math.max(0, Math.min(body.start, text.length));
  const hi = Math.max(lo, Math.min(body.end, text.length));
  return new Scanner(text, lo, hi, wordTable()).run();
}

export const sentences: Stage = {
  name: "sentences",
  requires: ["body"],
  provides: ["sentences"],
  run(doc: Doc): Doc {
    const body = doc.layers.body ?? { start: 0, end: doc.text.length };
    return withLayers(doc, { sentences: splitSentences(doc.text, body) });
  },
};

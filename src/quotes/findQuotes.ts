// Quote spans: the words between quotation marks, and the attribution cue next to them ("said", "according to").
// Part one of the quotes stage (attributeQuotes.ts finds the speaker).
//
// Propose, then refine:
// 1. one scan over the body collects every quotation mark (“ ” " ‘ ’ ' and TimeBank's `` ''), each with what stands
//    on its left and right (a mark followed by a word opens, one after a word closes);
// 2. marks are paired paragraph by paragraph on a stack: nested quotes belong to the quote around them, a single
//    quote only counts outside double ones, an apostrophe inside a word ("Noem’s", "don’t") or before a number
//    ("’90s") is no mark at all, and an unclosed opening mark is dropped (its nested pairs are kept) unless the next
//    paragraph opens with a mark: then the quote runs on, one part per paragraph (the news convention);
// 3. each pair gets the cues around it: the nearest cue after the closing mark and the cues before the opening mark
//    in the same sentence (or the sentence before, when it ends in a colon);
// 4. refiners drop what is not a quote: markup (`tweet-id="78349"`), content without letters, titles of works
//    (“Face the Nation”, the documentary “13th”) and scare quotes: one or two words that no cue attributes to anyone
//    (the so-called “deal”).
import type { Doc, Sentence, Span, TokenLayer } from "../model/document.js";
import { isDigit, isLetter, isSpace } from "../text/tokenize.js";
import { hasRole, quoteLexicon, roleBit, rolesOf, type QuoteLexicon, type SpeakerWordRole } from "./lexicon.js";

export type MarkFamily = "double" | "single";

/** The quoted words of one paragraph, without the marks. */
export interface QuotedSpan extends Span {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset of the closing mark, or null when the quote runs on into the next paragraph (no closing mark here). */
  readonly close: number | null;
  /** Offset just after the closing mark (or `end` when there is none). */
  readonly closeEnd: number;
  readonly family: MarkFamily;
  /** Index of the paragraph (see `paragraphsOf`). */
  readonly paragraph: number;
  /** The parts of a quote that runs across paragraphs share one chain number; any other quote has its own. */
  readonly chain: number;
}

export type CueKind = "verb" | "according-to" | "dash" | "colon";

/** An attribution cue: the words that say someone said the quote. */
export interface Cue extends Span {
  readonly kind: CueKind;
  /** Base form from data/quotes/attribution-verbs.txt: "say" for "said"; "—" for a dash. */
  readonly lemma: string;
  /** Tokens [first, last) of the cue in the tokens layer. */
  readonly first: number;
  readonly last: number;
  /**
   * A cue form that is a noun here: "possessed" when a possessive names whose it is ("Trump’s claim that “…”"),
   * "noun" when not ("a controversial comment"); null for a verb.
   */
  readonly noun: "noun" | "possessed" | null;
}

export interface FoundQuote extends QuotedSpan {
  readonly text: string;
  /** The first cue after the closing mark in the same sentence ("…,” Noem said"; "…,” said Noem"; "― Veronica Cruz"). */
  readonly cueAfter: Cue | null;
  /** Cues before the opening mark in its sentence, nearest first ("Noem said they had a “…”"). */
  readonly cuesBefore: readonly Cue[];
  /** The sentence (or sentences) the quote stands in, from its opening mark's sentence to its closing mark's. */
  readonly sentence: Span;
}

/** Why a pair of marks is not a quote; what `findQuotes` reports to `onRejected`. */
export type RejectReason = "markup" | "no-letters" | "title-of-work" | "scare-quote" | "nickname";

export interface FindQuotesOptions {
  /** Called for every pair of marks that was dropped, with the reason; for debugging and tests only. */
  readonly onRejected?: (span: Span, reason: RejectReason) => void;
}

/** Paragraphs of the body: split at line breaks, and where paragraphs were glued together ("deportation.Her"). */
export function paragraphsOf(doc: Doc): Span[] {
  const body = doc.layers.body ?? { start: 0, end: doc.text.length };
  const text = doc.text;
  const cuts: number[] = [];
  for (let i = text.indexOf("\n", body.start); i >= 0 && i < body.end; i = text.indexOf("\n", i + 1)) cuts.push(i + 1);
  // A sentence the splitter ended because two paragraphs were glued ("respected.”The officials") ends a paragraph.
  for (const s of doc.layers.sentences ?? []) {
    const rule = s.provenance.rule;
    if (rule === "glued-sentence" || rule === "glued-after-quote" || rule === "glued-before-quote") cuts.push(s.end);
  }
  cuts.sort((a, b) => a - b);
  const out: Span[] = [];
  let start = body.start;
  for (const cut of cuts) {
    if (cut <= start || cut >= body.end) continue;
    if (text.slice(start, cut).trim()) out.push({ start, end: cut });
    start = cut;
  }
  if (text.slice(start, body.end).trim()) out.push({ start, end: body.end });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Marks

type Glyph = "left" | "right" | "straight";

interface Mark {
  readonly at: number;
  readonly len: number;
  readonly family: MarkFamily;
  readonly glyph: Glyph;
  /** A word (or an opening bracket, dash, another mark) follows and white space or an opening sign precedes: “We */
  readonly leftFlanking: boolean;
  /** A word or punctuation precedes and white space or punctuation follows: ready,” */
  readonly rightFlanking: boolean;
  /** For single marks: an apostrophe, not a quotation mark ("Noem’s", "’90s", "rock ’n’ roll"). */
  readonly apostrophe: boolean;
}

const BEFORE_OPENING = new Set([..."([{—–-/:“‘\"'`"].map((c) => c.charCodeAt(0)));
const AFTER_CLOSING = new Set([...".,;:!?)]}—–-…/”’\"'"].map((c) => c.charCodeAt(0)));
/** Words that begin with an apostrophe: 'em, 'til, 'cause, 'n'. */
const ELISIONS = new Set(["em", "til", "cause", "n", "tis", "twas", "bout", "round", "nuff", "s"]);

/** The characters that can be quotation marks; the scan jumps from one to the next. */
const MARK_CHARS = /["“”„`'‘’]/g;

function scanMarks(text: string, from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  const re = new RegExp(MARK_CHARS);
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    let i = m.index;
    const c = text.charCodeAt(i);
    let len = 1;
    let family: MarkFamily;
    let glyph: Glyph;
    switch (c) {
      case 0x201c: // “
      case 0x201e: // „
        family = "double";
        glyph = "left";
        break;
      case 0x201d: // ”
        family = "double";
        glyph = "right";
        break;
      case 0x22: // "
        family = "double";
        glyph = "straight";
        break;
      case 0x60: // ` and TimeBank's ``
        if (text.charCodeAt(i + 1) === 0x60) {
          len = 2;
          family = "double";
        } else family = "single";
        glyph = "left";
        break;
      case 0x27: // ' and TimeBank's ''
        if (text.charCodeAt(i + 1) === 0x27) {
          len = 2;
          family = "double";
          glyph = "right";
        } else {
          family = "single";
          glyph = "straight";
        }
        break;
      case 0x2018: // ‘
        family = "single";
        glyph = "left";
        break;
      case 0x2019: // ’
        family = "single";
        glyph = "right";
        break;
      default:
        continue;
    }
    const prev = i > from ? text.charCodeAt(i - 1) : -1;
    const next = i + len < to ? text.charCodeAt(i + len) : -1;
    const prevBlank = prev < 0 || isSpace(prev) || BEFORE_OPENING.has(prev);
    const nextBlank = next < 0 || isSpace(next) || AFTER_CLOSING.has(next);
    const leftFlanking = next >= 0 && !isSpace(next) && prevBlank;
    const rightFlanking = prev >= 0 && !isSpace(prev) && nextBlank;
    let apostrophe = false;
    if (family === "single" && glyph !== "left") {
      const prevWord = prev >= 0 && (isLetter(prev) || isDigit(prev));
      const nextWord = next >= 0 && (isLetter(next) || isDigit(next));
      if (prevWord && nextWord) apostrophe = true; // Noem’s, don’t, rock’n’roll
      else if (!prevWord && nextWord && prevBlank) {
        // ’90s, 'em: an elided start of a word; a straight ' before an ordinary word may open a quote
        apostrophe = glyph === "right" || isDigit(next) || ELISIONS.has(wordAt(text, i + 1, to).toLowerCase());
      }
    }
    marks.push({ at: i, len, family, glyph, leftFlanking, rightFlanking, apostrophe });
    i += len - 1;
    re.lastIndex = i + 1;
  }
  return marks;
}

function wordAt(text: string, from: number, to: number): string {
  let j = from;
  while (j < to && isLetter(text.charCodeAt(j))) j++;
  return text.slice(from, j);
}

/** Whether a double mark opens, given whether a double quote is open. */
function opensDouble(mark: Mark, quoteOpen: boolean): boolean {
  switch (mark.glyph) {
    // “ closes only when misused at the end of a quote: "51 percent.“\n\nWhen"
    case "left":
      return !(quoteOpen && mark.rightFlanking && !mark.leftFlanking);
    // ” opens only when misused at the start of one: "\n\n”Mr. Trump embodies". TimeBank's '' never opens: Penn
    // Treebank text opens with `` and closes with ''. (PolNeAR's NYT articles write '' on both sides; its gold does not
    // count those quotes, its converter read only " and “ ”, and opening on '' would cost 0.09 precision there.)
    case "right":
      return mark.len === 1 && !quoteOpen && mark.leftFlanking && !mark.rightFlanking;
    case "straight":
      if (mark.leftFlanking && !mark.rightFlanking) return true;
      if (mark.rightFlanking && !mark.leftFlanking) return false;
      return !quoteOpen; // glued on both sides ("deportation."The") or spaced on both: the state decides
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Pairs

interface Pair {
  readonly open: number;
  readonly openLen: number;
  /** null for the part of a quote that runs on into the next paragraph. */
  readonly close: number | null;
  readonly closeLen: number;
  readonly family: MarkFamily;
  readonly paragraph: number;
  readonly chain: number;
  /** Where the content ends: the closing mark, or the paragraph's end without its trailing white space. */
  readonly contentEnd: number;
}

interface OpenMark {
  readonly mark: Mark;
  readonly chain: number;
}

function pairMarks(text: string, paragraphs: readonly Span[], marks: readonly Mark[]): Pair[] {
  const pairs: Pair[] = [];
  let m = 0;
  let nextChain = 0;
  let carried: number | null = null; // the chain of a quote still open at the end of the previous paragraph
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p] as Span;
    const stack: OpenMark[] = [];
    let doubles = 0; // double openers on the stack (a count, not a search: a paragraph may hold many marks)
    while (m < marks.length && (marks[m] as Mark).at < para.start) m++;
    let first = true;
    for (; m < marks.length && (marks[m] as Mark).at < para.end; m++) {
      const mark = marks[m] as Mark;
      const doubleOpen = doubles > 0;
      if (first && carried !== null && mark.family === "double" && opensDouble(mark, false)) {
        stack.push({ mark, chain: carried });
        doubles++;
        first = false;
        continue;
      }
      first = false;
      if (mark.family === "double") {
        if (opensDouble(mark, doubleOpen)) {
          stack.push({ mark, chain: nextChain++ });
          doubles++;
        } else if (doubleOpen) {
          let opener = stack.pop();
          while (opener && opener.mark.family !== "double") opener = stack.pop();
          if (opener) {
            doubles--;
            pairs.push(closedPair(opener, mark, p));
          }
        }
        continue;
      }
      // Single marks count only outside double quotes: inside they belong to the quote around them.
      if (doubleOpen || mark.apostrophe) continue;
      const top = stack[stack.length - 1];
      if (top && top.mark.family === "single" && mark.glyph !== "left" && mark.rightFlanking) {
        stack.pop();
        pairs.push(closedPair(top, mark, p));
      } else if (mark.glyph !== "right" && mark.leftFlanking) stack.push({ mark, chain: nextChain++ });
    }
    carried = null;
    const unclosed = stack.find((o) => o.mark.family === "double");
    if (unclosed && opensNextParagraph(text, paragraphs[p + 1], marks, m)) {
      let end = para.end;
      while (end > unclosed.mark.at && isSpace(text.charCodeAt(end - 1))) end--;
      pairs.push({ open: unclosed.mark.at, openLen: unclosed.mark.len, close: null, closeLen: 0, family: "double", paragraph: p, chain: unclosed.chain, contentEnd: end });
      carried = unclosed.chain;
    }
  }
  return pairs;
}

function closedPair(opener: OpenMark, closer: Mark, paragraph: number): Pair {
  return { open: opener.mark.at, openLen: opener.mark.len, close: closer.at, closeLen: closer.len, family: opener.mark.family, paragraph, chain: opener.chain, contentEnd: closer.at };
}

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Whether the next paragraph begins with an opening double mark: the quote before it runs on. */
function opensNextParagraph(text: string, next: Span | undefined, marks: readonly Mark[], m: number): boolean {
  if (!next) return false;
  const mark = marks[m];
  if (!mark || mark.at >= next.end || mark.family !== "double" || !opensDouble(mark, false)) return false;
  for (let i = next.start; i < mark.at; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Cues

const ARTICLE_NAME = /^(al|el|bin|ben)-\p{Lu}/u;

/** A read-only view of the words of a document, for the few tokens around a quote. */
export class Words {
  /** Lower-case token texts, filled as they are asked for: the lexicon looks the same few tokens up many times. */
  private readonly lowers: (string | undefined)[] = [];
  /** Each token's roles in speaker-words.tsv as a bit set, plus one (0: not looked up yet). */
  private readonly roleBits: Int32Array;
  constructor(
    readonly text: string,
    readonly tokens: TokenLayer,
    private readonly lexicon: QuoteLexicon = quoteLexicon(),
  ) {
    this.roleBits = new Int32Array(tokens.count);
  }
  /** Whether token i has a role in speaker-words.tsv ("title", "determiner", …). */
  is(i: number, role: SpeakerWordRole): boolean {
    let bits = this.roleBits[i] as number;
    if (bits === 0) {
      bits = rolesOf(this.lexicon, this.lower(i)) + 1;
      this.roleBits[i] = bits;
    }
    return ((bits - 1) & roleBit(role)) !== 0;
  }
  get count(): number {
    return this.tokens.count;
  }
  start(i: number): number {
    return this.tokens.starts[i] as number;
  }
  end(i: number): number {
    return this.tokens.ends[i] as number;
  }
  raw(i: number): string {
    return this.text.slice(this.start(i), this.end(i));
  }
  lower(i: number): string {
    let w = this.lowers[i];
    if (w === undefined) {
      w = this.raw(i).toLowerCase();
      this.lowers[i] = w;
    }
    return w;
  }
  /** Whether the token starts with a capital letter ("Noem", "U.S."). */
  capitalised(i: number): boolean {
    const start = this.start(i);
    const c = this.text.charCodeAt(start);
    if (c >= 0x41 && c <= 0x5a) return true;
    // "al-Sudani", "el-Sisi", "bin-Salman": a lower-case article joined to a capitalised name
    if ((c === 0x61 || c === 0x65 || c === 0x62) && (this.text.charCodeAt(start + 2) === 0x2d || this.text.charCodeAt(start + 3) === 0x2d)) {
      return ARTICLE_NAME.test(this.text.slice(start, Math.min(this.end(i), start + 6)));
    }
    if (c < 0x80) return false;
    return isLetter(c) && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase();
  }
  /**
   * The tokens inside a span, as [first, last): two binary searches (document.ts's tokenRange walks the span,
   * which a run-on sentence with thousands of quotes makes quadratic).
   */
  range(span: Span): { readonly first: number; readonly last: number } {
    const { starts, ends, count } = this.tokens;
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ends[mid] as number) <= span.start) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) < span.end) lo = mid + 1;
      else hi = mid;
    }
    return { first, last: Math.max(first, lo) };
  }
}

/** The cue that starts at token i, if any: the longest entry of attribution-verbs.txt. */
export function cueAt(words: Words, lexicon: QuoteLexicon, i: number, limit: number): Cue | null {
  const entries = lexicon.cues.get(words.lower(i));
  if (!entries) return null;
  // "the United States’ military", "The Washington Post Reports": a capitalised word inside a name is no cue
  if (words.capitalised(i) && i > 0 && words.capitalised(i - 1)) return null;
  for (const entry of entries) {
    const n = entry.words.length;
    if (i + n > limit) continue;
    let same = true;
    for (let k = 1; k < n && same; k++) same = words.lower(i + k) === entry.words[k];
    if (same) {
      const kind = entry.lemma === "according to" ? "according-to" : "verb";
      return { start: words.start(i), end: words.end(i + n - 1), kind, lemma: entry.lemma, first: i, last: i + n, noun: nounUse(words, lexicon, i) };
    }
  }
  return null;
}

/**
 * Whether a cue form is a noun here ("Trump's late-night tweets", "a controversial comment", "Mr. Obama's remarks"):
 * only forms listed as nouns in speaker-words.tsv are checked, by the word before them; "Trump tweets that …" and
 * "the president calls …" stay cues.
 */
function nounUse(words: Words, lexicon: QuoteLexicon, i: number): Cue["noun"] {
  if (i === 0 || !words.is(i, "noun")) return null;
  let prev = i - 1;
  let w = words.lower(prev);
  if (ADJECTIVE.test(w) || ADJECTIVES.has(w)) {
    if (prev === 0) return "noun";
    prev--;
    w = words.lower(prev);
  }
  if (w === "'s" || w === "’s") return "possessed";
  // "32% of Republican claims": a capitalised modifier after "of", a determiner or a number
  if (words.capitalised(prev) && prev > 0) {
    const before = words.lower(prev - 1);
    if (before === "of" || before === "%" || /^\d/.test(before) || (hasRole(lexicon, before, "determiner") && before !== "that")) return "noun";
  }
  if ((hasRole(lexicon, w, "determiner") && w !== "that") || w === "of" || /^\d/.test(w)) return "noun";
  return prev < i - 1 ? "noun" : null;
}

const ADJECTIVE = /^(\p{Ll}+-\p{Ll}+|\p{Ll}+(al|ous|ive|ic|ful|less|ed|est|ary))$/u;
const ADJECTIVES = new Set(["new", "recent", "latest", "early", "late", "own", "other", "past", "further", "first", "last", "same", "such", "few", "more", "public", "private", "angry", "earlier", "previous"]);

const DASHES = new Set(["―", "—", "–", "--"]);
/**
 * How far after a closing mark the cue may stand: "…,” Scott Pruitt, the Republican attorney general of Oklahoma, one
 * of the states suing the EPA, said". The attributor checks that what stands between is the cue's subject.
 */
const MAX_TOKENS_AFTER = 30;
/** How far before an opening mark cues are looked for (tokens, quoted words included). */
const MAX_TOKENS_BEFORE = 80;

/** Sorted, non-overlapping spans (marks included) that cue search skips: words quoted are not cues. */
class QuotedRegions {
  constructor(private readonly spans: readonly Span[]) {}
  /** The region containing pos, or undefined. */
  at(pos: number): Span | undefined {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.spans[mid] as Span).end <= pos) lo = mid + 1;
      else hi = mid;
    }
    const s = this.spans[lo];
    return s && s.start <= pos ? s : undefined;
  }
}

function sentenceIndexAt(sentences: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sentences[mid] as Sentence).start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

interface CueContext {
  readonly text: string;
  readonly words: Words;
  readonly lexicon: QuoteLexicon;
  readonly sentences: readonly Sentence[];
  readonly paragraphs: readonly Span[];
  readonly quoted: QuotedRegions;
}

function cueAfterQuote(ctx: CueContext, pair: Pair, sentenceIndex: number): Cue | null {
  if (pair.close === null) return null;
  const para = ctx.paragraphs[pair.paragraph] as Span;
  const from = pair.close + pair.closeLen;
  const sentence = ctx.sentences[sentenceIndex];
  let until = Math.min(para.end, sentence && sentence.end > from ? sentence.end : from);
  // “Why?” Noem asked. / “We are ready,” Noem said: the splitter may end the sentence at the closing mark; a quote
  // that ends in a comma, question or exclamation mark is still followed by its cue.
  if (until <= from + 1 && (/[,?!]\s*$/.test(ctx.text.slice(pair.open, pair.close)) || /^\s*[―—–]/.test(ctx.text.slice(from, from + 3)))) {
    const next = ctx.sentences[sentenceIndex + 1];
    if (next && next.start < para.end) until = Math.min(para.end, next.end);
  }
  const { words, lexicon } = ctx;
  const { first, last } = words.range({ start: from, end: until });
  let seen = 0;
  for (let i = first; i < last && seen < MAX_TOKENS_AFTER; i++, seen++) {
    if (ctx.quoted.at(words.start(i))) return null; // another quote begins: its cue is its own
    const word = words.raw(i);
    // "” ― Veronica Cruz": a dash and a name right after the quote
    if (i === first && DASHES.has(word) && i + 1 < last && words.capitalised(i + 1)) {
      return { start: words.start(i), end: words.end(i), kind: "dash", lemma: "—", first: i, last: i + 1, noun: null };
    }
    const cue = cueAt(words, lexicon, i, last);
    if (cue && !cue.noun) return cue;
  }
  return null;
}

function cuesBeforeQuote(ctx: CueContext, pair: Pair, sentenceIndex: number): Cue[] {
  const { text } = ctx;
  const para = ctx.paragraphs[pair.paragraph] as Span;
  const sentence = ctx.sentences[sentenceIndex];
  const from = Math.max(para.start, sentence && sentence.end > pair.open ? sentence.start : pair.open);
  const found = cuesBetween(ctx, from, pair.open);
  if (found.length > 0) return found;
  // "He said:\n\n“We have a situation ...”": a cue in the sentence before, when it ends in a colon.
  let j = pair.open - 1;
  while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
  if (text.charCodeAt(j) !== 0x3a) return [];
  // The quote opens its sentence (or paragraph): the colon ends the sentence before.
  const before = sentenceIndexAt(ctx.sentences, j);
  const s = ctx.sentences[before];
  if (!s) return [];
  return cuesBetween(ctx, s.start, j + 1).map((cue) => ({ ...cue, kind: cue.kind === "verb" ? "colon" : cue.kind }));
}

/** Cues in [from, to), nearest to `to` first, skipping quoted words. */
function cuesBetween(ctx: CueContext, from: number, to: number): Cue[] {
  const { words, lexicon } = ctx;
  const { last } = words.range({ start: from, end: to });
  // a cue governs a quote from within a few dozen words; a run-on "sentence" (a list, a transcript) is cut there
  const first = Math.max(words.range({ start: from, end: to }).first, last - MAX_TOKENS_BEFORE);
  const found: Cue[] = [];
  for (let i = last - 1; i >= first && found.length < 3; i--) {
    const region = ctx.quoted.at(words.start(i));
    if (region) {
      while (i > first && words.start(i - 1) >= region.start) i--;
      continue;
    }
    const cue = cueAt(words, lexicon, i, last);
    if (cue && cue.noun !== "noun") found.push(cue);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Refiners

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The words of the quoted text, up to `limit` + 1 of them: only short quotes are looked at word by word. */
function contentWords(content: string, limit: number): string[] {
  const out: string[] = [];
  const re = /\S+/g;
  for (let m = re.exec(content); m && out.length <= limit; m = re.exec(content)) if (LETTER_OR_DIGIT.test(m[0])) out.push(m[0]);
  return out;
}

/** “Face the Nation”, “The Steve Harvey Morning Show”: every word capitalised but the small ones. */
function isTitleCased(lexicon: QuoteLexicon, words: readonly string[]): boolean {
  if (words.length === 0 || words.length > 8) return false;
  return words.every((word, k) => {
    const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (!bare) return true;
    const c = bare.charAt(0);
    if (c !== c.toLowerCase() || /\p{N}/u.test(c)) return true;
    return k > 0 && hasRole(lexicon, bare.toLowerCase(), "function");
  });
}

/**
 * A title of a work in quotation marks: the documentary “13th”, CBS's “Face the Nation”, an episode of “Shark Tank”,
 * the “Commander-in-Chief” forum. Not a quote, even when capitalised words are quoted in a sentence with a cue.
 */
function isTitleOfWork(ctx: CueContext, pair: Pair, words: readonly string[]): boolean {
  const { lexicon } = ctx;
  const w = ctx.words;
  const titleCased = isTitleCased(lexicon, words);
  // up to three words before the opening mark, skipping commas, determiners and "of"
  const before = w.range({ start: Math.max(0, pair.open - 60), end: pair.open });
  let looked = 0;
  for (let i = before.last - 1; i >= before.first && looked < 3; i--) {
    const word = w.lower(i);
    if (word === "," || hasRole(lexicon, word, "determiner")) continue;
    looked++;
    if (hasRole(lexicon, word, "work-cue")) return true;
    if (hasRole(lexicon, word, "work") && looked === 1) return true; // the documentary “13th”
    if (word === "of") continue;
    if (looked === 1 && titleCased && (word === "'s" || word === "’s" || word === "on")) return true; // CBS's “Face the Nation”
    if (!titleCased) break;
  }
  if (!titleCased || pair.close === null) return false;
  const after = w.range({ start: pair.close + pair.closeLen, end: pair.close + pair.closeLen + 40 });
  for (let i = after.first; i < Math.min(after.last, after.first + 2); i++) {
    if (w.is(i, "work")) return true; // the “Keepin' It Real” radio program
  }
  return false;
}

/**
 * Scare quotes: one or two words that no cue attributes to anyone ('the so-called “deal”', 'the “fact-checking”
 * website'). A short quote that opens its sentence or ends in ? or ! is an utterance (“Bobby!”), and one with a cue
 * in its sentence was said by someone ('Clinton called them “deplorables”').
 */
function isScareQuote(ctx: CueContext, pair: Pair, words: readonly string[], content: string, hasCue: boolean, opensSentence: boolean): boolean {
  if (precededBySoCalled(ctx, pair)) return true;
  if (words.length > 2 || hasCue || opensSentence || pair.close === null) return false;
  return !/[?!][\s\p{P}]*$/u.test(content);
}

/** Rep. Robert C. "Bobby" Scott: a nickname between the parts of a name. */
function isNickname(ctx: CueContext, pair: Pair): boolean {
  if (pair.close === null) return false;
  const w = ctx.words;
  const before = w.range({ start: Math.max(0, pair.open - 30), end: pair.open });
  const after = w.range({ start: pair.close + pair.closeLen, end: pair.close + pair.closeLen + 30 });
  return before.last > before.first && after.last > after.first && w.capitalised(before.last - 1) && w.capitalised(after.first) && !w.is(before.last - 1, "function");
}

/**
 * A passive cue a few words away does not make short quoted words said ('He has been called a charlatan for
 * promoting “quack” medical cures'); right before them it does ('it was labeled “Mostly True.”').
 */
function isFarPassive(ctx: CueContext, cue: Cue, pair: Pair): boolean {
  const w = ctx.words;
  if (cue.first === 0 || !/ed$/.test(w.lower(cue.last - 1)) || !BE.has(w.lower(cue.first - 1))) return false;
  return w.range({ start: cue.end, end: pair.open }).last - w.range({ start: cue.end, end: pair.open }).first > 2;
}

const BE = new Set(["is", "are", "was", "were", "be", "been", "being"]);

function precededBySoCalled(ctx: CueContext, pair: Pair): boolean {
  const before = ctx.text.slice(Math.max(0, pair.open - 12), pair.open).toLowerCase();
  return /so[- ]called\s*$/.test(before);
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * The quotes of a document with their cues. Needs the body, sentences and tokens layers.
 * Quote spans exclude the marks and include what the writer put inside them ("…laws," keeps its comma).
 */
export function findQuotes(doc: Doc, options: FindQuotesOptions = {}): FoundQuote[] {
  const { text } = doc;
  const body = doc.layers.body ?? { start: 0, end: text.length };
  const sentences = doc.layers.sentences ?? [];
  const tokens = doc.layers.tokens;
  if (!tokens) return [];
  const paragraphs = paragraphsOf(doc);
  const marks = scanMarks(text, body.start, body.end);
  if (marks.length < 2) return [];
  const pairs = pairMarks(text, paragraphs, marks);
  // Top-level pairs only: a quote inside a quote is part of it (“… what he calls “hell” than …”).
  pairs.sort((a, b) => a.open - b.open);
  const top: Pair[] = [];
  let coveredUntil = -1;
  for (const pair of pairs) {
    if (pair.open < coveredUntil) continue;
    top.push(pair);
    coveredUntil = pair.contentEnd + pair.closeLen;
  }
  const lexicon = quoteLexicon();
  const ctx: CueContext = {
    text,
    words: new Words(text, tokens, lexicon),
    lexicon,
    sentences,
    paragraphs,
    quoted: new QuotedRegions(top.map((p) => ({ start: p.open, end: p.contentEnd + p.closeLen }))),
  };
  const reject = options.onRejected ?? (() => undefined);
  const out: FoundQuote[] = [];
  for (const pair of top) {
    const start = pair.open + pair.openLen;
    const end = pair.contentEnd;
    const content = text.slice(start, end);
    const span = { start, end };
    if (!/\p{L}/u.test(content)) {
      reject(span, "no-letters"); // tweet ids, "" placeholders
      continue;
    }
    // <tweet tweet-id="783499116076687360">: an attribute value of markup left in the text
    if (text.charCodeAt(pair.open - 1) === 0x3d) {
      reject(span, "markup");
      continue;
    }
    const words = contentWords(content, 8);
    if (words.length <= 2 && isNickname(ctx, pair)) {
      reject(span, "nickname");
      continue;
    }
    if (isTitleOfWork(ctx, pair, words)) {
      reject(span, "title-of-work");
      continue;
    }
    const openSentence = sentenceIndexAt(sentences, pair.open);
    const closeSentence = sentenceIndexAt(sentences, Math.max(pair.open, pair.contentEnd - 1));
    const sOpen = sentences[openSentence];
    const sClose = sentences[closeSentence];
    const cueAfter = cueAfterQuote(ctx, pair, closeSentence);
    const cuesBefore = cuesBeforeQuote(ctx, pair, openSentence);
    const opensSentence = !sOpen || sOpen.end <= pair.open || onlySpaceBetween(text, Math.max(sOpen.start, (paragraphs[pair.paragraph] as Span).start), pair.open);
    const hasCue = cueAfter !== null || cuesBefore.some((cue) => !isFarPassive(ctx, cue, pair));
    if (isScareQuote(ctx, pair, words, content, hasCue, opensSentence)) {
      reject(span, "scare-quote");
      continue;
    }
    // 'She watched “Face the Nation” on Sunday': capitalised words nobody is said to say name a work, a show, an event
    if (!hasCue && !opensSentence && isTitleCased(lexicon, words) && !/[?!][\s\p{P}]*$/u.test(content)) {
      reject(span, "title-of-work");
      continue;
    }
    out.push({
      start,
      end,
      text: content,
      open: pair.open,
      close: pair.close,
      closeEnd: pair.close === null ? end : pair.close + pair.closeLen,
      family: pair.family,
      paragraph: pair.paragraph,
      chain: pair.chain,
      cueAfter,
      cuesBefore,
      sentence: { start: sOpen && sOpen.end > pair.open ? sOpen.start : pair.open, end: sClose && sClose.end > end ? sClose.end : end },
    });
  }
  return out;
}

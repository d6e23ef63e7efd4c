// Who said it: the speaker of each quote found by findQuotes.ts. Part two of the quotes stage.
//
// The speaker is the subject of the cue next to the quote, read from the few words around it (no parser):
//   “…,” Noem said | “…,” said Noem | “…,” Sen. Claire McCaskill (D-Mo.) said | “…,” Smith, a spokesman, said
//   Noem said they had a “…” | Noem sat down with Sarabia, and said “…” (the sentence's subject)
//   according to Colombia's presidential office | ― Veronica Cruz | He said:\n\n“…”
// Quotes without a cue of their own share the speaker of the quote beside them (“A,” she said. “B.”), of the
// other parts of a quote that runs across paragraphs, or of the previous paragraph's quote when their paragraph
// opens with the quote (the news convention).
//
// The speaker's name is resolved as far as the article allows: the actor of the naming mention when the actors
// layer is there; otherwise the fullest name the article gives for a surname ("Noem" -> "Kristi Noem"), the person a
// pronoun refers to (the corefs layer, or the most recent person of the right gender), the holder of a title ("the
// president" -> the article's President). Descriptions nobody resolves keep their words ("a source", "Colombia's
// presidential office"); an unresolved pronoun keeps the pronoun.
import type { CorefMention, DocActor, Doc, EntityMention, Quote, QuoteSpeaker, Span } from "../model/document.js";
import { cueAt, findQuotes, paragraphsOf, Words, type Cue, type FoundQuote } from "./findQuotes.js";
import { hasRole, quoteLexicon, type QuoteLexicon, type SpeakerWordRole } from "./lexicon.js";

/** A rule that attributes a quote: what every Quote's `provenance.rule` refers to. */
export interface AttributionRule {
  readonly id: AttributionRuleId;
  readonly reason: string;
  readonly example: string;
}

export type AttributionRuleId =
  | "said-after-quote"
  | "said-before-quote"
  | "colon-before-quote"
  | "according-to"
  | "dash-after-quote"
  | "shared-cue"
  | "continuing-speaker"
  | "no-speaker";

export const ATTRIBUTION_RULES: readonly AttributionRule[] = Object.freeze([
  { id: "said-after-quote", reason: "the subject of the cue right after the closing mark", example: "“We're committed …,” Noem said." },
  { id: "said-before-quote", reason: "the subject of the nearest cue before the quote in its sentence", example: "Sarabia emphasized the importance of recognizing the “human rights …”" },
  { id: "colon-before-quote", reason: "the subject of the cue in the sentence before, which ends in a colon", example: "He said:\n\n“We have a situation …”" },
  { id: "according-to", reason: "the noun phrase after “according to” next to the quote", example: "“…,” according to Colombia's presidential office." },
  { id: "dash-after-quote", reason: "a name after a dash right after the closing mark", example: "“… to be a bully.” ― Veronica Cruz" },
  { id: "shared-cue", reason: "a quote without a cue of its own, in the sentence of a quote with one", example: "Trump called the senator a “nasty guy,” an “anchor baby”" },
  { id: "continuing-speaker", reason: "a quote without a cue continues the speaker of the quote before it in its paragraph, of its other paragraphs, or of the previous paragraph", example: "“We are ready,” she said. “We will go.”" },
  { id: "no-speaker", reason: "no cue and no quote nearby to take a speaker from", example: "a box labeled “medical problem,”" },
]);

/** The words that name the speaker near the quote. */
interface SpeakerMention extends Span {
  readonly kind: "name" | "pronoun" | "description";
  /** The mention's words; for a description, its head noun is the last word ("the president" -> "president"). */
  readonly text: string;
  /** The head noun of a description, lower case ("president"), or null. */
  readonly head: string | null;
}

type Gender = "m" | "f" | null;

/** A person named in the article, for surnames and pronouns when no entity layer is there. */
interface NameRun extends Span {
  readonly tokens: readonly string[];
  readonly gender: Gender;
  /** The title right before the name ("President" in "President Gustavo Petro"), lower case, or null. */
  readonly title: string | null;
  readonly person: boolean;
  /** Whether it stands where a sentence's subject does: first in its sentence, or right before a cue. */
  readonly subject: boolean;
}

const ARTICLE_PREFIX = /^(al|el|ad|as|ash|at|an|ar|az)-/u;

/** How far back (in characters) a pronoun looks for its person before settling for the best one found. */
const ANTECEDENT_WINDOW = 600;

interface Context {
  readonly doc: Doc;
  readonly text: string;
  readonly words: Words;
  readonly lexicon: QuoteLexicon;
  readonly quotes: readonly FoundQuote[];
  readonly entities: readonly EntityMention[] | undefined;
  readonly actors: readonly DocActor[] | undefined;
  readonly corefs: readonly CorefMention[] | undefined;
  readonly paragraphs: readonly Span[];
  /** Surnames (lower case) of the speakers resolved so far, with where they were named: "he said" favours them. */
  readonly speakers: { readonly surname: string; readonly at: number }[];
  names: NameIndex | undefined;
}

interface Attribution {
  readonly speaker: QuoteSpeaker | null;
  readonly rule: AttributionRuleId;
}

const MAX_NP_TOKENS = 10;

/** The quotes of a document with their speakers. Reads the entities, actors and corefs layers when they are there. */
export function attributeQuotes(doc: Doc, found: readonly FoundQuote[] = findQuotes(doc)): Quote[] {
  const tokens = doc.layers.tokens;
  if (!tokens || found.length === 0) return [];
  const ctx: Context = {
    doc,
    text: doc.text,
    words: new Words(doc.text, tokens, quoteLexicon()),
    lexicon: quoteLexicon(),
    quotes: found,
    entities: doc.layers.entities,
    actors: doc.layers.actors,
    corefs: doc.layers.corefs,
    paragraphs: paragraphsOf(doc),
    speakers: [],
    names: undefined,
  };
  // 1. Each quote's own cue.
  const own: (Attribution | null)[] = found.map((q) => ownCue(ctx, q));
  // 2. Parts of a quote that runs across paragraphs share the speaker of the part with a cue.
  const byChain = new Map<number, Attribution>();
  own.forEach((a, k) => {
    const chain = (found[k] as FoundQuote).chain;
    if (a && !byChain.has(chain)) byChain.set(chain, a);
  });
  const paragraphs = ctx.paragraphs;
  const result: Attribution[] = [];
  for (let k = 0; k < found.length; k++) {
    const q = found[k] as FoundQuote;
    const mine = own[k];
    if (mine) {
      result.push(mine);
      continue;
    }
    const chained = byChain.get(q.chain);
    if (chained) {
      result.push({ speaker: chained.speaker, rule: "continuing-speaker" });
      continue;
    }
    result.push(borrowed(ctx, found, own, result, k, paragraphs));
  }
  return found.map((q, k) => {
    const a = result[k] as Attribution;
    return { start: q.start, end: q.end, text: q.text, speaker: a.speaker, provenance: { stage: "quotes", rule: a.rule } };
  });
}

/** A speaker from the quote's own cue, or null. */
function ownCue(ctx: Context, q: FoundQuote): Attribution | null {
  const after = q.cueAfter;
  if (after) {
    const mention = subjectOfCueAfter(ctx, q, after);
    if (mention) {
      const rule: AttributionRuleId = after.kind === "according-to" ? "according-to" : after.kind === "dash" ? "dash-after-quote" : "said-after-quote";
      return { speaker: resolve(ctx, mention), rule };
    }
  }
  const before = subjectOfCuesBefore(ctx, q, 0);
  if (!before) return null;
  const { cue, mention } = before;
  const rule: AttributionRuleId = cue.kind === "according-to" ? "according-to" : cue.kind === "colon" ? "colon-before-quote" : "said-before-quote";
  return { speaker: resolve(ctx, mention), rule };
}

/**
 * The speaker named by the cue after a quote, when what stands between the quote and the cue is its subject:
 * "…,” said Noem" | "…,” according to X" | "” ― Veronica Cruz" | "…,” Noem said" | "…,” Smith, a spokesman, said" |
 * "…,” McCaskill (D-Mo.) said" | "…” for criminal behavior, she said." (a trailing attribution ends the sentence).
 */
function subjectOfCueAfter(ctx: Context, q: FoundQuote, cue: Cue): SpeakerMention | null {
  const { words } = ctx;
  const lo = firstWordAfter(ctx, q.closeEnd);
  // "…,” comparing him favorably to …": an -ing cue after the quote hangs from the sentence's subject
  if (cue.kind === "verb" && cue.first === lo && ingHangs(ctx, cue)) {
    const before = words.range({ start: q.sentence.start, end: q.open });
    return sentenceSubject(ctx, before.first, before.last);
  }
  if (cue.kind === "dash" || cue.first === lo) return npAfter(ctx, cue.last);
  if (cue.kind === "according-to") return null;
  const np = npForward(ctx, lo);
  // "“…” a Donald Trump tweet attacking …": a noun after an indefinite name is no cue
  if (np && !(role(ctx, cue.first, "noun") && (words.lower(np.start) === "a" || words.lower(np.start) === "an")) && gapIsAppositive(ctx, np.end, cue.first)) {
    if (!ingHangs(ctx, cue)) return np.mention;
  }
  const subject = subjectBefore(ctx, cue, lo);
  if (subject && subject !== "coordination" && subject.npStart - 1 >= lo && words.raw(subject.npStart - 1) === "," && endsSentenceSoon(ctx, cue.last)) return subject.mention;
  return null;
}

/** Between a subject and its cue: nothing, adverbs and auxiliaries ("also", "has"), or an appositive or parenthesis. */
function gapIsAppositive(ctx: Context, from: number, to: number): boolean {
  if (from >= to) return true;
  const first = ctx.words.raw(from);
  if (first === "," || first === "(") return true;
  // "Mr. Morgan of the Sierra Club said", "a narrator in the Clinton ad asks"
  if (PREPOSITIONS.has(first.toLowerCase()) && to - from <= 7) {
    for (let i = from + 1; i < to; i++) if (!nounish(ctx, i) && !role(ctx, i, "determiner") && !isSkippable(ctx, i)) return false;
    return true;
  }
  for (let i = from; i < to; i++) if (!isSkippable(ctx, i)) return false;
  return true;
}

const PREPOSITIONS = new Set(["of", "for", "at", "in", "from", "with", "on"]);

/** A cue followed by at most a few words to the end of its sentence: "…, she said." / "…, Noem said in a statement." */
function endsSentenceSoon(ctx: Context, from: number): boolean {
  const { words } = ctx;
  for (let i = from; i < words.count && i < from + 8; i++) {
    const w = words.raw(i);
    if (w === "." || w === "!" || w === "?" || w === ";") return true;
    if (insideQuote(ctx, words.start(i)) || QUOTE_MARK.test(w)) return false;
  }
  return from >= words.count;
}

const QUOTE_MARK = /^[“”"‘’`']+$/u;

/**
 * The subject of the nearest usable cue before the quote. A cue is skipped when it is a noun ("his remarks"), a
 * passive naming ("a box labeled “…”"), or has no subject; a cue that hangs from the clause before it ("…, saying
 * “…”", "…, and said they had a “…”") takes the subject of that clause's cue, or the sentence's.
 */
function subjectOfCuesBefore(ctx: Context, q: FoundQuote, from: number): { cue: Cue; mention: SpeakerMention } | null {
  const { words } = ctx;
  for (let k = from; k < q.cuesBefore.length; k++) {
    const cue = q.cuesBefore[k] as Cue;
    if (cue.kind === "according-to") {
      const mention = npAfter(ctx, cue.last);
      if (mention) return { cue, mention };
      continue;
    }
    if (cue.noun === "possessed") {
      // "Trump’s claim that there have been “…”": the possessor is the speaker, unless a verb governs the noun
      // ("Moore called Mr. Obama's remarks “a true wake-up call”")
      if (q.cuesBefore.slice(k + 1).some((c) => c.noun === null && c.kind === "verb")) continue;
      let j = cue.first - 1;
      while (j >= 0 && words.lower(j) !== "'s" && words.lower(j) !== "’s") j--;
      const np = npEndingAt(ctx, j - 1, Math.max(0, j - MAX_NP_TOKENS));
      if (np) return { cue, mention: np.mention };
      continue;
    }
    if (isPassiveNaming(ctx, cue, q) || isPassive(ctx, cue)) continue;
    const sentenceStart = words.range({ start: sentenceStartOf(ctx, cue.start), end: cue.start }).first;
    const subject = subjectBefore(ctx, cue, sentenceStart);
    if (subject === "coordination") {
      // "… after she attacked law enforcement and blamed police shootings on “…”": the pronoun of the clause
      const earlierCue = q.cuesBefore[k + 1];
      const pronoun = pronounBetween(ctx, earlierCue ? Math.max(sentenceStart, earlierCue.last) : sentenceStart, cue.first);
      if (pronoun) return { cue, mention: pronoun };
      const earlier = subjectOfCuesBefore(ctx, q, k + 1);
      if (earlier) return { cue, mention: earlier.mention };
      const mention = sentenceSubject(ctx, sentenceStart, cue.first);
      if (mention) return { cue, mention };
      continue;
    }
    if (subject) return { cue, mention: subject.mention };
  }
  return null;
}

/** "in what is being criticized as", "Trump was asked": a passive cue has no speaking subject. */
function isPassive(ctx: Context, cue: Cue): boolean {
  const { words } = ctx;
  if (!/(ed|told|said|written|sung)$/.test(words.lower(cue.last - 1))) return false;
  let i = cue.first - 1;
  while (i >= 0 && (ADVERB.test(words.raw(i)) || words.lower(i) === "also" || words.lower(i) === "not")) i--;
  return i >= 0 && BE.has(words.lower(i));
}

const BE = new Set(["is", "are", "was", "were", "be", "been", "being"]);
const NAMING = new Set(["call", "dub", "label", "nickname", "brand", "term", "describe", "characterize", "liken"]);

/**
 * A naming verb in the passive, right before the quote: 'a box labeled “medical problem,”' (nobody said it: the
 * box is no speaker), 'the Ohio native nicknamed “King James”', 'it was labeled “Mostly True.”'. 'what she called
 * a “rant”' and 'Trump called Machado “disgusting”' are active.
 */
function isPassiveNaming(ctx: Context, cue: Cue, q: FoundQuote): boolean {
  const { words } = ctx;
  if (!NAMING.has(cue.lemma) || !/ed$/.test(words.lower(cue.last - 1)) || cue.first === 0) return false;
  const between = ctx.text.slice(cue.end, q.open).trim().toLowerCase();
  if (between !== "" && between !== "as" && between !== "as a" && between !== "as an") return false;
  const prev = cue.first - 1;
  if (role(ctx, prev, "auxiliary") || words.lower(prev) === "being") return true;
  const np = npEndingAt(ctx, prev, 0);
  if (!np || np.mention.kind !== "description" || !role(ctx, np.start, "determiner")) return false;
  return np.start === 0 || words.lower(np.start - 1) !== "what";
}

/**
 * A quote without a cue of its own takes the speaker of a quote beside it: one in the same sentence ("a “nasty
 * guy,” an “anchor baby”"), the one before it in its paragraph (“A,” she said. “B.”), the one after it in its
 * paragraph (“A.” “B,” she said.), or, when its paragraph opens with the quote, the last one of the paragraph before.
 */
function borrowed(ctx: Context, found: readonly FoundQuote[], own: readonly (Attribution | null)[], done: readonly Attribution[], k: number, paragraphs: readonly Span[]): Attribution {
  const q = found[k] as FoundQuote;
  const speakerAt = (j: number): Attribution | null => (j < k ? done[j] ?? null : own[j] ?? null);
  for (let j = k - 1; j >= 0 && (found[j] as FoundQuote).paragraph === q.paragraph; j--) {
    const a = speakerAt(j);
    if (a?.speaker && overlaps((found[j] as FoundQuote).sentence, q.sentence)) return { speaker: a.speaker, rule: "shared-cue" };
  }
  for (let j = k + 1; j < found.length && (found[j] as FoundQuote).paragraph === q.paragraph; j++) {
    const a = speakerAt(j);
    if (a?.speaker && overlaps((found[j] as FoundQuote).sentence, q.sentence)) return { speaker: a.speaker, rule: "shared-cue" };
  }
  // 'Schiff said the administration may be reluctant. "The other factor …"': the sentence before names the speaker
  const previous = previousSentence(ctx, q, paragraphs[q.paragraph]);
  if (previous) {
    // only a name or pronoun: "much of which can be credited to the aggressive laws proposed during …" names nobody
    const mention = speakerOfSentence(ctx, previous);
    if (mention && mention.kind !== "description") return { speaker: resolve(ctx, mention), rule: "continuing-speaker" };
  }
  for (let j = k - 1; j >= 0 && (found[j] as FoundQuote).paragraph === q.paragraph; j--) {
    const a = speakerAt(j);
    if (a?.speaker) return { speaker: a.speaker, rule: "continuing-speaker" };
  }
  for (let j = k + 1; j < found.length && (found[j] as FoundQuote).paragraph === q.paragraph; j++) {
    const a = speakerAt(j);
    if (a?.speaker) return { speaker: a.speaker, rule: "continuing-speaker" };
  }
  const para = paragraphs[q.paragraph];
  const opensParagraph = para !== undefined && !ctx.text.slice(para.start, q.open).trim();
  if (opensParagraph) {
    for (let j = k - 1; j >= 0 && (found[j] as FoundQuote).paragraph === q.paragraph - 1; j--) {
      const a = speakerAt(j);
      if (a) return { speaker: a.speaker, rule: a.speaker ? "continuing-speaker" : "no-speaker" };
    }
  }
  return { speaker: null, rule: "no-speaker" };
}

/** The sentence right before the quote's, in its paragraph and without quotes of its own, or null. */
function previousSentence(ctx: Context, q: FoundQuote, para: Span | undefined): Span | null {
  const sentences = ctx.doc.layers.sentences ?? [];
  if (!para) return null;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sentences[mid] as Span).end <= q.sentence.start) lo = mid + 1;
    else hi = mid;
  }
  const s = sentences[lo - 1];
  if (!s || s.start < para.start || insideQuote(ctx, s.start) || /[“”"]/.test(ctx.text.slice(s.start, s.end))) return null;
  return s;
}

/** The speaker a sentence without quotes names: the subject of its last cue ("…, Schiff said."). */
function speakerOfSentence(ctx: Context, sentence: Span): SpeakerMention | null {
  const { words, lexicon } = ctx;
  const { first, last } = words.range(sentence);
  for (let i = last - 1; i >= first; i--) {
    const cue = cueAt(words, lexicon, i, last);
    if (!cue || cue.noun || cue.kind !== "verb") continue;
    const subject = subjectBefore(ctx, cue, first);
    if (subject === "coordination") return sentenceSubject(ctx, first, cue.first);
    if (subject) return subject.mention;
    return null;
  }
  return null;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the subject of a cue

function role(ctx: Context, i: number, r: SpeakerWordRole): boolean {
  return ctx.words.is(i, r);
}

const PUNCTUATION = /^[^\p{L}\p{N}]+$/u;
const ADVERB = /^\p{Ll}+ly$/u;

/** The first token after a closing mark that is not punctuation: where "Noem" stands in "…,” Noem said". */
function firstWordAfter(ctx: Context, pos: number): number {
  const { words } = ctx;
  let i = words.range({ start: pos, end: pos + 1 }).first;
  while (i < words.count && PUNCTUATION.test(words.raw(i)) && !isDash(words.raw(i))) i++;
  return i;
}

function isDash(word: string): boolean {
  return word === "―" || word === "—" || word === "–" || word === "--";
}

function sentenceStartOf(ctx: Context, pos: number): number {
  const s = spanAt(ctx.doc.layers.sentences ?? [], pos);
  // Paragraphs end sentences too: "He said:\n\n“…”" keeps "He said:" apart.
  const p = spanAt(ctx.paragraphs, pos);
  return Math.max(s ? s.start : 0, p ? p.start : 0);
}

/** The last span of a sorted list that starts at or before pos. */
function spanAt<T extends Span>(spans: readonly T[], pos: number): T | undefined {
  return spans[indexAt(spans, pos)];
}

/** The index of the last span of a sorted list that starts at or before pos, or -1. */
function indexAt(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((spans[mid] as Span).start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Whether token i may belong to a noun phrase: a name, a content word, a number. */
function nounish(ctx: Context, i: number): boolean {
  const { words } = ctx;
  const raw = words.raw(i);
  if (PUNCTUATION.test(raw)) return false;
  if (words.capitalised(i)) return !role(ctx, i, "function") || role(ctx, i, "determiner");
  if (role(ctx, i, "function") || role(ctx, i, "skip") || role(ctx, i, "pronoun") || role(ctx, i, "particle")) return false;
  if (ADVERB.test(raw)) return false;
  // a cue form is no noun, unless a possessive follows it ("the report’s authors")
  if (ctx.lexicon.cues.has(words.lower(i))) return i + 1 < words.count && (words.lower(i + 1) === "'s" || words.lower(i + 1) === "’s");
  return true;
}

function isSkippable(ctx: Context, i: number): boolean {
  const raw = ctx.words.raw(i);
  return role(ctx, i, "skip") || role(ctx, i, "time") || (ADVERB.test(raw) && !ctx.words.capitalised(i));
}

/** Skips words that stand between a subject and its cue: "also", "has", "repeatedly", "on Tuesday", "’s". */
function skipBack(ctx: Context, i: number, lo: number): number {
  for (;;) {
    while (i >= lo && isSkippable(ctx, i)) i--;
    // "who in 2010 said", "Trump on Tuesday said": a time phrase with its preposition
    if (i > lo && YEAR.test(ctx.words.raw(i)) && TIME_PREPOSITIONS.has(ctx.words.lower(i - 1))) i -= 2;
    else if (i >= lo && TIME_PREPOSITIONS.has(ctx.words.lower(i)) && i + 1 < ctx.words.count && (role(ctx, i + 1, "time") || YEAR.test(ctx.words.raw(i + 1)))) i--;
    else return i;
  }
}

const YEAR = /^(1[89]|20)\d\d$/;
const TIME_PREPOSITIONS = new Set(["in", "on", "at", "during", "since", "until", "by"]);

/**
 * An -ing cue without an auxiliary hangs from the clause before it: "Trump defended the remark, saying …", "Trump
 * unleashed tweets early Friday saying …". With one it has its own subject: "Trump is telling …", "He’s claiming …".
 */
function ingHangs(ctx: Context, cue: Cue): boolean {
  const { words } = ctx;
  if (!/ing$/.test(words.lower(cue.first))) return false;
  let i = cue.first - 1;
  while (i >= 0 && (ADVERB.test(words.raw(i)) || role(ctx, i, "time") || words.lower(i) === "also" || words.lower(i) === "still")) i--;
  if (i < 0) return true;
  if (role(ctx, i, "auxiliary")) return false;
  // "footage of Trump saying …": a name right before the -ing cue is its subject
  return !(words.capitalised(i) && !role(ctx, i, "function") && !role(ctx, i, "time") && i === cue.first - 1);
}

interface Subject {
  readonly mention: SpeakerMention;
  /** Token where the subject's noun phrase (with an appositive) begins. */
  readonly npStart: number;
}

/**
 * The subject of a cue, read leftwards from it: a name, pronoun or noun phrase, past an appositive ("Smith, a
 * spokesman, said") or a parenthesis ("McCaskill (D-Mo.) said") and through a relative pronoun ("Cruz, who
 * said"). "coordination" when the cue's subject is the clause's before it ("Noem sat down with Sarabia, and said";
 * "…, saying").
 */
function subjectBefore(ctx: Context, cue: Cue, lo: number): Subject | "coordination" | null {
  const { words } = ctx;
  if (ingHangs(ctx, cue)) return "coordination";
  let i = skipBack(ctx, cue.first - 1, lo);
  if (i < lo) {
    // "Said Ellis: “…”": the cue opens the sentence, its subject follows
    const after = cue.first === lo ? npForward(ctx, cue.last) : null;
    return after ? { mention: after.mention, npStart: after.start } : null;
  }
  let w = words.lower(i);
  if (w === ")") {
    let j = i - 1;
    while (j >= lo && words.raw(j) !== "(" && i - j < 10) j--;
    if (j < lo || words.raw(j) !== "(") return null;
    i = j - 1;
    if (i < lo) return null;
    w = words.lower(i);
  }
  if (w === ",") {
    // an appositive: the subject ends before the comma that opens it; a quote on the way means there is none
    let j = i - 1;
    while (j >= lo && words.raw(j) !== "," && i - j < 20 && !QUOTE_MARK.test(words.raw(j))) j--;
    if (j >= lo && words.raw(j) === ",") {
      const np = npEndingAt(ctx, j - 1, lo);
      // "One of the report’s authors, Vasily Gatov, told VOA": a name in apposition to a description names it
      const apposed = np && np.mention.kind === "description" ? npEndingAt(ctx, i - 1, j + 1) : null;
      if (apposed && apposed.start === j + 1 && apposed.mention.kind === "name") return { mention: apposed.mention, npStart: np?.start ?? apposed.start };
      if (np) return { mention: np.mention, npStart: np.start };
    }
    return "coordination";
  }
  if (w === "and" || w === "but") return "coordination";
  // "it said", "what it calls": an organisation; "it" speaks only right before its cue
  if (isPersonalPronoun(ctx, i) || (w === "it" && i === cue.first - 1)) return { mention: mentionOf(ctx, i, i + 1, "pronoun"), npStart: i };
  if (w === "who" || w === "which") {
    // "the Chicago Police Department which reported “…”": the mention runs from the antecedent to the pronoun
    let j = i - 1;
    if (j >= lo && words.raw(j) === ",") j--;
    const np = npEndingAt(ctx, j, lo);
    // (the name is still the antecedent's: `text` stays its words)
    return np ? { mention: { ...np.mention, end: words.end(i) }, npStart: np.start } : null;
  }
  const np = npEndingAt(ctx, i, lo);
  return np ? { mention: np.mention, npStart: np.start } : null;
}

/** The noun phrase ending at token i ("Colombia's presidential office", "the Vermont senator", "63 percent"). */
function npEndingAt(ctx: Context, i: number, lo: number): { mention: SpeakerMention; start: number } | null {
  const { words } = ctx;
  if (i < lo) return null;
  if (role(ctx, i, "pronoun") && !["it", "that", "you"].includes(words.lower(i))) return { mention: mentionOf(ctx, i, i + 1, "pronoun"), start: i };
  let j = i;
  for (; j >= lo && i - j < MAX_NP_TOKENS; j--) {
    const w = words.lower(j);
    if ((w === "'s" || w === "’s") && j < i) continue;
    if (role(ctx, j, "determiner") && j < i) {
      j--;
      break;
    }
    if (j === i && role(ctx, j, "determiner") && !role(ctx, j, "function")) continue; // "mother of three", "two said"
    if (role(ctx, j, "of") && j < i && j > lo && nounish(ctx, j - 1)) continue; // the mayor of New York
    if (role(ctx, j, "particle") && j < i && j > lo && words.capitalised(j - 1) && words.capitalised(j + 1)) continue; // bin Laden
    if (!nounish(ctx, j) || role(ctx, j, "determiner")) break;
  }
  const start = j + 1;
  if (start > i) return null;
  return { mention: nounPhrase(ctx, start, i + 1), start };
}

/** The noun phrase starting at token i: "said Noem", "said Colombia's presidential office", "according to X". */
function npAfter(ctx: Context, i: number): SpeakerMention | null {
  const { words } = ctx;
  while (i < words.count && role(ctx, i, "time") && !role(ctx, i, "determiner")) i++; // said Thursday ...
  return npForward(ctx, i)?.mention ?? null;
}

/** The noun phrase starting at token i, with its tokens [start, end). */
function npForward(ctx: Context, i: number): { mention: SpeakerMention; start: number; end: number } | null {
  const { words } = ctx;
  if (i >= words.count) return null;
  if (role(ctx, i, "pronoun") && !["it", "that", "you"].includes(words.lower(i))) return { mention: mentionOf(ctx, i, i + 1, "pronoun"), start: i, end: i + 1 };
  let j = i;
  if (role(ctx, j, "determiner")) j++;
  for (; j < words.count && j - i < MAX_NP_TOKENS; j++) {
    const w = words.lower(j);
    if ((w === "'s" || w === "’s") && j > i) continue;
    if (role(ctx, j, "particle") && j > i && words.capitalised(j - 1) && j + 1 < words.count && words.capitalised(j + 1)) continue;
    if (role(ctx, j, "of") && j > i && j + 1 < words.count && words.capitalised(j + 1) && allTitles(ctx, i, j)) continue; // Secretary of State John Kerry
    if (!nounish(ctx, j) || (role(ctx, j, "determiner") && j > i)) break;
    // "said Noem Thursday": a time word after a name ends it
    if (j > i && role(ctx, j, "time") && words.capitalised(j)) break;
  }
  if (j === i || (j === i + 1 && role(ctx, i, "determiner"))) return null;
  return { mention: nounPhrase(ctx, i, j), start: i, end: j };
}

function allTitles(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!role(ctx, k, "title") && !role(ctx, k, "determiner")) return false;
  return true;
}

/**
 * The subject of a sentence, for a cue whose own subject is the sentence's ("Noem sat down …, and said"): past an
 * opening adverbial ("Later in the day, Noem met …") and sentence connectives ("But").
 */
function sentenceSubject(ctx: Context, first: number, limit: number): SpeakerMention | null {
  const { words } = ctx;
  let i = first;
  while (i < limit && PUNCTUATION.test(words.raw(i))) i++; // a stray quotation mark or dash
  if (i < limit && isPersonalPronoun(ctx, i)) return mentionOf(ctx, i, i + 1, "pronoun");
  // an opening adverbial ends at a comma ("On Friday, Noem …", "Following a swiftly called, late-afternoon meeting,
  // the Security Council …"): the subject starts after the first comma followed by a name, pronoun or determiner;
  // without a comma, the first pronoun is it ("On September 27 they published …")
  if (role(ctx, i, "function") || role(ctx, i, "time") || ADVERB.test(words.lower(i)) || /(ing|ed)$/.test(words.lower(i))) {
    let found = -1;
    for (let j = i; j < Math.min(limit - 1, i + 24) && found < 0; j++) {
      if (words.raw(j) !== ",") continue;
      const k = j + 1;
      if (isPersonalPronoun(ctx, k) || role(ctx, k, "determiner") || (words.capitalised(k) && !role(ctx, k, "function"))) found = k;
    }
    if (found >= 0) i = found;
    else {
      for (let j = i + 1; j < Math.min(limit, i + 8); j++) if (isPersonalPronoun(ctx, j)) return mentionOf(ctx, j, j + 1, "pronoun");
    }
  }
  while (i < limit && (words.lower(i) === "but" || words.lower(i) === "and" || words.lower(i) === "so")) i++;
  if (i >= limit) return null;
  if (isPersonalPronoun(ctx, i) || words.lower(i) === "it") return mentionOf(ctx, i, i + 1, "pronoun");
  if (words.capitalised(i) && !role(ctx, i, "function")) {
    let j = i;
    for (;;) {
      while (j < limit && (words.capitalised(j) || (role(ctx, j, "particle") && j + 1 < limit && words.capitalised(j + 1))) && !role(ctx, j, "function")) j++;
      // "British foreign minister David Lammy": a lower-case title between capitalised words
      let k = j;
      while (k < limit && k - j < 3 && !words.capitalised(k) && (role(ctx, k, "title") || TITLE_MODIFIERS.has(words.lower(k)))) k++;
      if (k > j && k < limit && words.capitalised(k) && role(ctx, k - 1, "title")) j = k;
      else break;
    }
    return nounPhrase(ctx, i, j);
  }
  if (role(ctx, i, "determiner")) {
    let j = i + 1;
    while (j < limit && j - i < 4 && nounish(ctx, j) && !ctx.lexicon.cues.has(words.lower(j))) j++;
    if (j > i + 1) return nounPhrase(ctx, i, j);
  }
  return null;
}

/** The personal pronoun nearest before token `to` (from token `from`) that is a clause's subject, or null. */
function pronounBetween(ctx: Context, from: number, to: number): SpeakerMention | null {
  for (let i = to - 1; i >= from; i--) {
    if (QUOTE_MARK.test(ctx.words.raw(i))) return null;
    if (isPersonalPronoun(ctx, i) && !(i > 0 && PREPOSITIONS.has(ctx.words.lower(i - 1)))) return mentionOf(ctx, i, i + 1, "pronoun");
  }
  return null;
}

const TITLE_MODIFIERS = new Set(["foreign", "prime", "former", "vice", "deputy", "defense", "defence", "finance", "interior", "foreign-policy"]);

/** he, she, they, we, I (not "it", "that", "you": they rarely speak in news). */
function isPersonalPronoun(ctx: Context, i: number): boolean {
  return role(ctx, i, "pronoun") && !["it", "that", "you"].includes(ctx.words.lower(i));
}

/**
 * A mention from the tokens [from, to) of a noun phrase: the name in it when it ends in one, past its titles
 * ("Colombian Foreign Minister Laura Sarabia" -> "Laura Sarabia"), else the description ("the Vermont senator").
 */
function nounPhrase(ctx: Context, from: number, to: number): SpeakerMention {
  const { words } = ctx;
  const last = to - 1;
  if (words.capitalised(last) && !role(ctx, last, "title")) {
    let j = last;
    while (j > from) {
      const k = j - 1;
      if (role(ctx, k, "title") || role(ctx, k, "function") || role(ctx, k, "determiner")) break;
      if (k > from && role(ctx, k - 1, "of")) {
        // "Secretary of State John Kerry": the word after "of" belongs to the title
        break;
      }
      if (words.capitalised(k) || (role(ctx, k, "particle") && words.capitalised(j))) j = k;
      else break;
    }
    // a possessive makes the name a modifier: "Colombia's presidential office" is handled above (lower-case head)
    return mentionOf(ctx, j, to, "name");
  }
  const head = words.lower(last);
  return { ...mentionOf(ctx, from, to, "description"), head };
}

function mentionOf(ctx: Context, from: number, to: number, kind: SpeakerMention["kind"]): SpeakerMention {
  const start = ctx.words.start(from);
  const end = ctx.words.end(to - 1);
  return { start, end, kind, text: ctx.text.slice(start, end), head: null };
}

// ---------------------------------------------------------------------------------------------------------------
// Resolving the name

function resolve(ctx: Context, mention: SpeakerMention): QuoteSpeaker {
  const speaker = resolveName(ctx, mention);
  if (mention.kind !== "description" && speaker.name !== mention.text.toLowerCase()) {
    ctx.speakers.push({ surname: lastWord(speaker.name), at: mention.start });
  }
  return speaker;
}

function lastWord(name: string): string {
  return (name.split(/\s+/).pop() ?? "").toLowerCase();
}

function resolveName(ctx: Context, mention: SpeakerMention): QuoteSpeaker {
  const span = { start: mention.start, end: mention.end };
  // The actors layer, when there: the actor of the entity mention (or coreference) that names the speaker.
  const actorIndex = actorOf(ctx, mention);
  if (actorIndex !== null) {
    const actor = ctx.actors?.[actorIndex];
    if (actor) {
      // an actor named by its surname only ("Lynch") when the article gives more ("Loretta E. Lynch")
      const name = actor.type === "PERSON" && !/\s/.test(actor.name) ? names(ctx).fullName(ctx, { start: mention.end, end: mention.end, kind: "name", text: actor.name, head: null }) : actor.name;
      return { name, start: span.start, end: span.end, actor: actorIndex };
    }
  }
  switch (mention.kind) {
    case "name": {
      const full = names(ctx).fullName(ctx, mention);
      return { name: full, start: span.start, end: span.end, actor: null };
    }
    case "pronoun": {
      const person = names(ctx).antecedent(ctx, mention);
      return { name: person ?? mention.text, start: span.start, end: span.end, actor: null };
    }
    case "description": {
      const holder = titleHolder(ctx, mention);
      return { name: holder ?? mention.text, start: span.start, end: span.end, actor: holder === null ? null : (holderActor(ctx, mention) ?? null) };
    }
  }
}

/** The actor of an entity mention or coreference overlapping the speaker's mention, when those layers are there. */
function actorOf(ctx: Context, mention: SpeakerMention): number | null {
  if (!ctx.actors) return null;
  for (const c of ctx.corefs ?? []) if (c.start < mention.end && mention.start < c.end) return c.actor;
  let best: EntityMention | null = null;
  for (const e of ctx.entities ?? []) {
    if (e.start >= mention.end) break;
    if (e.end <= mention.start || e.actor === null) continue;
    if (!best || (e.type === "PERSON" && best.type !== "PERSON") || e.end - e.start > best.end - best.start) best = e;
  }
  if (best) return best.actor;
  if (mention.kind === "description") return holderActor(ctx, mention);
  return null;
}

/** "the president" -> the actor whose role is President, the one named last before the mention. */
function holderActor(ctx: Context, mention: SpeakerMention): number | null {
  if (!ctx.actors || !mention.head) return null;
  const head = mention.head;
  let best: { actor: number; at: number } | null = null;
  for (const actor of ctx.actors) {
    const r = actor.role?.toLowerCase();
    if (!r || !r.split(/\s+/).includes(head)) continue; // "the secretary" -> Secretary of Homeland Security
    let at = -1;
    for (const m of actor.mentions) {
      const e = ctx.entities?.[m];
      if (e && e.start < mention.start && e.start > at) at = e.start;
    }
    if (!best || at > best.at) best = { actor: actor.index, at };
  }
  return best?.actor ?? null;
}

/** Without actors: "the president" -> the name after the last "President" written before a name ("President Gustavo Petro"). */
function titleHolder(ctx: Context, mention: SpeakerMention): string | null {
  const actor = holderActor(ctx, mention);
  if (actor !== null) return ctx.actors?.[actor]?.name ?? null;
  if (!mention.head || !hasRole(ctx.lexicon, mention.head, "title")) return null;
  const run = names(ctx).lastWithTitle(mention.head, mention.start);
  return run ? runName(ctx, run) : null;
}

function names(ctx: Context): NameIndex {
  ctx.names ??= new NameIndex(ctx);
  return ctx.names;
}

function runName(ctx: Context, run: Span): string {
  return ctx.text.slice(run.start, run.end);
}

/**
 * The names of the article, read from capitalised words when there is no entity layer (and from PERSON mentions
 * when there is): for surnames ("Noem" -> "Kristi Noem"), pronouns and titles.
 */
class NameIndex {
  private readonly runs: NameRun[] = [];
  /** Full names (two words or more) by their last word, lower case, in text order. */
  private readonly bySurname = new Map<string, NameRun[]>();

  constructor(ctx: Context) {
    if (ctx.entities) this.fromEntities(ctx, ctx.entities);
    else this.fromCapitals(ctx);
    for (const run of this.runs) {
      if (run.tokens.length < 2) continue;
      const last = (run.tokens[run.tokens.length - 1] as string).toLowerCase();
      // "Mohammed Shia al-Sudani" is "Sudani" too
      for (const key of new Set([last, last.replace(ARTICLE_PREFIX, "")])) {
        const list = this.bySurname.get(key) ?? [];
        list.push(run);
        this.bySurname.set(key, list);
      }
    }
  }

  private fromEntities(ctx: Context, entities: readonly EntityMention[]): void {
    for (const e of entities) {
      if (e.type !== "PERSON") continue;
      const tokens = e.text.split(/\s+/).filter((t) => t.length > 0);
      const first = tokens[0] ?? "";
      const i = ctx.words.range(e).first;
      const j = ctx.words.range(e).last;
      this.runs.push({ start: e.start, end: e.end, tokens, gender: ctx.lexicon.givenNames.get(first) ?? null, title: titleBefore(ctx, e.start), person: true, subject: subjectLike(ctx, i, j) });
    }
  }

  private fromCapitals(ctx: Context): void {
    const { words, lexicon } = ctx;
    const isName = (i: number) => words.capitalised(i) && !role(ctx, i, "function") && !role(ctx, i, "title") && !role(ctx, i, "time");
    for (let i = 0; i < words.count; i++) {
      // "Said Ellis:": a capitalised cue opens no name (inside one it may: "The Washington Post")
      if (!isName(i) || lexicon.cues.has(words.lower(i))) continue;
      let j = i + 1;
      while (j < words.count && (isName(j) || (role(ctx, j, "particle") && j + 1 < words.count && isName(j + 1)))) j++;
      // "Secretary of State Marco Rubio": the word after "<title> of" names the office, not the person
      let from = i;
      let title = i > 0 && role(ctx, i - 1, "title") ? words.lower(i - 1).replace(/\.$/, "") : null;
      if (i > 1 && words.lower(i - 1) === "of" && role(ctx, i - 2, "title") && j - i > 1) {
        from = i + 1;
        title = words.lower(i - 2).replace(/\.$/, "");
      }
      const tokens: string[] = [];
      for (let k = from; k < j; k++) tokens.push(words.raw(k));
      const first = tokens[0] as string;
      const given = lexicon.givenNames.get(first) ?? null;
      const gender: Gender = given ?? (title && hasRole(lexicon, title, "male") ? "m" : title && (hasRole(lexicon, title, "female") || hasRole(lexicon, `${title}.`, "female")) ? "f" : null);
      // A sentence's first word is capitalised too ("Officials said"): a given name, a title or speaking makes a person.
      const person = given !== null || title !== null || (tokens.length > 1 && (speaks(ctx, i, j) || apposedTitle(ctx, j)));
      this.runs.push({ start: words.start(from), end: words.end(j - 1), tokens, gender, title, person, subject: subjectLike(ctx, from, j) });
      i = j - 1;
    }
    // A surname alone is a person when its full name is one: "Noem" after "Kristi Noem".
    const people = new Map<string, Gender>();
    for (const run of this.runs) if (run.person && run.tokens.length > 1) people.set((run.tokens[run.tokens.length - 1] as string).toLowerCase(), run.gender);
    for (let k = 0; k < this.runs.length; k++) {
      const run = this.runs[k] as NameRun;
      if (run.tokens.length !== 1) continue;
      const key = (run.tokens[0] as string).toLowerCase();
      if (people.has(key)) this.runs[k] = { ...run, person: true, gender: run.gender ?? people.get(key) ?? null };
    }
  }

  /** The fullest name the article gives for a name mention: "Noem" -> "Kristi Noem" (the last one written before it). */
  fullName(ctx: Context, mention: SpeakerMention): string {
    const tokens = mention.text.split(/\s+/);
    if (tokens.length > 1) return mention.text;
    const list = this.bySurname.get((tokens[0] as string).toLowerCase());
    if (!list || list.length === 0) return mention.text;
    let best: NameRun | undefined;
    for (const run of list) if (run.start < mention.start) best = run;
    best ??= list[0];
    return best ? cleanName(ctx.text.slice(best.start, best.end)) : mention.text;
  }

  /**
   * The person a pronoun refers to, among the people named before it (outside quotes) whose gender fits: a person
   * quoted before and a subject ("Clinton says she …") beat a name elsewhere in its sentence ("… Machado’s
   * courage …"), one whose gender is known beats one whose gender is not, and then the nearest wins.
   */
  antecedent(ctx: Context, mention: SpeakerMention): string | null {
    const pronoun = mention.text.toLowerCase();
    const wanted: Gender = pronoun === "he" ? "m" : pronoun === "she" ? "f" : null;
    if (wanted === null) return null; // they, we, I: an organisation or the writer; left to the coreference layer
    let best: NameRun | null = null;
    let bestScore = -1;
    for (let k = indexAt(this.runs, mention.start - 1); k >= 0; k--) {
      const run = this.runs[k] as NameRun;
      if (run.start >= mention.start || !run.person) continue;
      if (mention.start - run.start > ANTECEDENT_WINDOW && best) break;
      if (mention.start - run.start > 8 * ANTECEDENT_WINDOW) break; // nobody near: a pronoun does not reach that far
      if (run.gender !== null && run.gender !== wanted) continue;
      if (insideQuote(ctx, run.start)) continue;
      // a person quoted before ("“…,” Hecker said. … “…,” he added") is the likelier one
      const surname = (run.tokens[run.tokens.length - 1] as string).toLowerCase();
      const spoke = ctx.speakers.some((sp) => sp.at < mention.start && sp.surname === surname);
      const score = (run.gender === wanted ? 1 : 0) + (run.subject ? 2 : 0) + (spoke ? 2 : 0);
      if (score > bestScore) {
        best = run;
        bestScore = score;
      }
    }
    if (!best) return null;
    return best.tokens.length > 1 ? cleanName(ctx.text.slice(best.start, best.end)) : this.fullName(ctx, { start: best.start, end: best.end, kind: "name", text: ctx.text.slice(best.start, best.end), head: null });
  }

  /** The last name written right after a title before `before`: "President Gustavo Petro" for "president". */
  lastWithTitle(title: string, before: number): NameRun | null {
    const t = title.toLowerCase().replace(/\.$/, "");
    for (let k = this.runs.length - 1; k >= 0; k--) {
      const run = this.runs[k] as NameRun;
      if (run.start < before && run.title === t) return run;
    }
    return null;
  }
}

/** Whether the name in tokens [i, j) speaks: a cue right after it ("Noem said", "DuVernay, …, said" is missed) or before it ("said Noem"). */
function speaks(ctx: Context, i: number, j: number): boolean {
  const { words, lexicon } = ctx;
  let k = j;
  while (k < words.count && isSkippable(ctx, k)) k++;
  return (k < words.count && lexicon.cues.has(words.lower(k))) || (i > 0 && lexicon.cues.has(words.lower(i - 1)));
}

/** "Nenad Stevandic, president of Republika Srpska's assembly": a title in apposition right after a name. */
function apposedTitle(ctx: Context, j: number): boolean {
  const { words } = ctx;
  if (j >= words.count || words.raw(j) !== ",") return false;
  for (let k = j + 1; k < Math.min(words.count, j + 5); k++) if (role(ctx, k, "title")) return true;
  return false;
}

/** Whether the name in tokens [i, j) stands as a subject: first in its sentence (after "But", an opening phrase) or before a cue. */
function subjectLike(ctx: Context, i: number, j: number): boolean {
  const { words } = ctx;
  const sentenceStart = words.range({ start: sentenceStartOf(ctx, words.start(i)), end: words.start(i) }).first;
  if (i - sentenceStart <= 1) return true;
  if (i > 0 && words.raw(i - 1) === "," && i - sentenceStart <= 8) return true;
  let k = j;
  while (k < words.count && isSkippable(ctx, k)) k++;
  return k < words.count && ctx.lexicon.cues.has(words.lower(k));
}

function titleBefore(ctx: Context, pos: number): string | null {
  const { words } = ctx;
  const i = words.range({ start: pos, end: pos + 1 }).first;
  return i > 0 && role(ctx, i - 1, "title") ? words.lower(i - 1).replace(/\.$/, "") : null;
}

function insideQuote(ctx: Context, pos: number): boolean {
  const q = spanAt(ctx.quotes, pos);
  return q !== undefined && pos < q.end;
}

/** "Kristi Noem's" -> "Kristi Noem". */
function cleanName(name: string): string {
  return name.replace(/['’]s$/u, "").trim();
}


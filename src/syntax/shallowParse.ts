// A shallow parse of one sentence: part-of-speech tags, noun chunks and verb groups, the
// structure the events stage reads subjects, objects, passives and coordination from. Chunks
// never split a named entity ("Tren de Aragua", "Trinidad and Tobago"), and noun chunks take in
// possessives ("Colombia's leftist President Gustavo Petro" is one chunk, "Colombia" its possessor).
//
// Indices are token positions within the sentence (0 .. n-1); `offset` maps them back to the text.
import type { Doc, Span } from "../model/document.js";
import { tokenRange } from "../model/document.js";
import { posModel, tagWords, type PosTag } from "./posTagger.js";
import { tokenStrings } from "../text/tokenize.js";

export interface NounChunk {
  /** First token and one past the last token. */
  readonly start: number;
  readonly end: number;
  /** The head word: the last noun, pronoun or number of the chunk. */
  readonly head: number;
  /** The possessor's last token (before "'s") when the chunk is possessed: "Noem 's visit" -> index of "Noem". */
  readonly possessorEnd: number | null;
}

export interface VerbGroup {
  readonly start: number;
  readonly end: number;
  /** The lexical verb: the last verb of the group ("has been *deported*"). */
  readonly main: number;
  /** Has a tense or a modal: "visited", "will visit", "is set"; not "to visit" or "visiting". */
  readonly finite: boolean;
  readonly infinitive: boolean;
  /** A form of "be" or "get" before a past participle: "were deported", "got arrested". */
  readonly passive: boolean;
  /** "not", "n't", "never" inside the group. */
  readonly negated: boolean;
  /** The modal or future auxiliary, lower case: "will", "would", "could", "'ll". */
  readonly modal: string | null;
  /** The lexical verb is a participle with no auxiliary ("Venezuelans deported by ..."). */
  readonly bare: boolean;
}

export interface ParsedSentence {
  readonly span: Span;
  /** Index of the sentence's first token in the document's token layer. */
  readonly firstToken: number;
  readonly words: readonly string[];
  readonly lower: readonly string[];
  /** Vocabulary ids of `lower` (src/text/vocabulary.ts). */
  readonly lowerIds: Int32Array;
  readonly tags: readonly PosTag[];
  /** Each token's start and end offsets in the text (views of the token layer). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly chunks: readonly NounChunk[];
  /** chunkAt[i] = index into chunks of the chunk holding token i, or -1. */
  readonly chunkAt: Int32Array;
  readonly groups: readonly VerbGroup[];
  readonly groupAt: Int32Array;
}

const BE = new Set(["be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m"]);
const GET = new Set(["get", "gets", "got", "gotten", "getting"]);
const HAVE = new Set(["have", "has", "had", "having", "'ve", "'d"]);
const NEGATION = new Set(["not", "n't", "never"]);
const FUTURE = new Set(["will", "'ll", "shall", "wo"]);

export const isBe = (w: string): boolean => BE.has(w);
export const isNoun = (t: string): boolean => t.startsWith("NN");
export const isVerbTag = (t: string): boolean => t.startsWith("VB") || t === "MD";
const NOUN_CHUNK_START = new Set(["DT", "PDT", "PRP$", "CD", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "$", "WP$"]);
const NOUN_CHUNK_INSIDE = new Set(["JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "$"]);

/** Tags that the tagger gives words that cannot be verbs in news ("U.S.", numbers): kept out of verb groups. */
function verbLike(tag: string, word: string): boolean {
  if (tag.charCodeAt(0) !== 86 /* V */ && tag !== "MD") return false;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k) | 32;
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/**
 * `entitySpans` are names no chunk may cut; `timeSpans` are time expressions, which no chunk may join ("Khomeini
 * *today* rejected" is a name, then a time, then the verb).
 */
export function parseSentence(doc: Doc, sentence: Span, entitySpans: readonly (Span & { readonly type?: string })[] = [], timeSpans: readonly Span[] = []): ParsedSentence {
  const tokens = doc.layers.tokens;
  if (!tokens) throw new Error("E_EVENTS_NO_TOKENS: parseSentence needs the tokens layer; run the tokens stage first");
  // Only the names and times inside this sentence.
  entitySpans = entitySpans.filter((e) => e.end > sentence.start && e.start < sentence.end);
  timeSpans = timeSpans.filter((t) => t.end > sentence.start && t.start < sentence.end);
  const { first, last } = tokenRange(tokens, sentence);
  const strings = tokenStrings(doc.text, tokens);
  const words = strings.words.slice(first, last);
  const lower = strings.lower.slice(first, last);
  // Views of the token layer, not copies.
  const starts = tokens.starts.subarray(first, last);
  const ends = tokens.ends.subarray(first, last);
  // Names the entity stage found are proper nouns; the tagger need not score them (a people's name, NORP, may be an
  // adjective, "Colombian", and is left to it).
  let known: (string | null)[] | undefined;
  for (const span of entitySpans) {
    if (span.end <= sentence.start || span.start >= sentence.end || !span.type || span.type === "NORP") continue;
    known ??= new Array<string | null>(words.length).fill(null);
    for (let i = 0; i < words.length; i++) {
      if ((ends[i] as number) > span.start && (starts[i] as number) < span.end) {
        const c = (words[i] as string).charCodeAt(0);
        if (c >= 65 && c <= 90) known[i] = "NNP";
      }
    }
  }
  const tags = tagWords(posModel(), words, known, strings.ids.subarray(first, last));
  fixTags(words, lower, tags);
  const n = words.length;

  // Entity spans as token ranges, so that chunks never cut through a name.
  const entityOf = new Int32Array(n).fill(-1);
  const entityRanges: { start: number; end: number }[] = [];
  for (const span of entitySpans) {
    if (span.end <= sentence.start || span.start >= sentence.end) continue;
    let a = -1;
    let b = -1;
    for (let i = 0; i < n; i++) {
      if ((ends[i] as number) > span.start && (starts[i] as number) < span.end) {
        if (a < 0) a = i;
        b = i + 1;
      }
    }
    if (a < 0) continue;
    for (let i = a; i < b; i++) entityOf[i] = entityRanges.length;
    entityRanges.push({ start: a, end: b });
  }
  const nameLike = (i: number) => entityOf[i] !== -1 || tags[i] === "NNP" || tags[i] === "NNPS";
  const timeOf = new Int32Array(n).fill(-1);
  timeSpans.forEach((span, k) => {
    for (let i = 0; i < n; i++) if ((ends[i] as number) > span.start && (starts[i] as number) < span.end && entityOf[i] === -1) timeOf[i] = k;
  });

  // Verb groups first: a verb inside a name ("Tren de Aragua" has none, but "Save the Children" does) is part of the name.
  const groups: VerbGroup[] = [];
  const groupAt = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; ) {
    const tag = tags[i] as string;
    const startsGroup = (verbLike(tag, words[i] as string) && entityOf[i] === -1) || (tag === "TO" && i + 1 < n && tags[i + 1] === "VB");
    if (!startsGroup) {
      i++;
      continue;
    }
    let j = i;
    let lastVerb = -1;
    while (j < n) {
      const t = tags[j] as string;
      if (entityOf[j] !== -1) break;
      if (verbLike(t, words[j] as string) || (t === "TO" && j === i)) {
        if (t !== "TO") lastVerb = j;
        // A participle or gerund followed by a noun is a modifier, not the next verb: "is *ruling* party" is rare, but
        // "has *armed* groups" is not; stop the group at a non-auxiliary.
        if (t !== "MD" && t !== "TO" && !BE.has(lower[j] as string) && !HAVE.has(lower[j] as string) && !GET.has(lower[j] as string) && lower[j] !== "do" && lower[j] !== "does" && lower[j] !== "did") {
          j++;
          break;
        }
        j++;
        continue;
      }
      // Adverbs and negation inside the group: "has *not* signed", "will *also* visit".
      if ((t === "RB" || NEGATION.has(lower[j] as string)) && j + 1 < n && lastVerb >= 0) {
        let k = j;
        while (k < n && (tags[k] === "RB" || NEGATION.has(lower[k] as string))) k++;
        if (k < n && verbLike(tags[k] as string, words[k] as string)) {
          j = k;
          continue;
        }
      }
      break;
    }
    if (lastVerb < 0) {
      i = j > i ? j : i + 1;
      continue;
    }
    const end = lastVerb + 1;
    const inGroup = (k: number) => k >= i && k < end;
    let passive = false;
    let negated = false;
    let modal: string | null = null;
    let hasAux = false;
    for (let k = i; k < end; k++) {
      const w = lower[k] as string;
      if (NEGATION.has(w)) negated = true;
      if (tags[k] === "MD" || FUTURE.has(w)) modal ??= w;
      if (k < lastVerb && (BE.has(w) || HAVE.has(w) || GET.has(w) || tags[k] === "MD" || w === "do" || w === "does" || w === "did")) hasAux = true;
    }
    const mainTag = tags[lastVerb] as string;
    if (mainTag === "VBN") {
      for (let k = lastVerb - 1; inGroup(k); k--) {
        const w = lower[k] as string;
        if (BE.has(w) || GET.has(w)) {
          passive = true;
          break;
        }
        if (HAVE.has(w)) break;
      }
    }
    const firstVerbTag = tags[i] === "TO" ? "TO" : (tags[i] as string);
    const infinitive = tags[i] === "TO";
    const finite = !infinitive && (firstVerbTag === "MD" || firstVerbTag === "VBD" || firstVerbTag === "VBZ" || firstVerbTag === "VBP" || hasAux);
    const bare = !hasAux && !infinitive && (mainTag === "VBN" || mainTag === "VBG");
    const group: VerbGroup = { start: i, end, main: lastVerb, finite: finite && !(bare && mainTag === "VBG"), infinitive, passive, negated, modal, bare };
    for (let k = i; k < end; k++) groupAt[k] = groups.length;
    groups.push(group);
    i = end;
  }

  // Noun chunks.
  const chunks: NounChunk[] = [];
  const chunkAt = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; ) {
    const tag = tags[i] as string;
    const entity = entityOf[i] as number;
    const startsChunk = groupAt[i] === -1 && (NOUN_CHUNK_START.has(tag) || tag === "PRP" || entity !== -1 || adjectivalParticiple(i));
    if (!startsChunk) {
      i++;
      continue;
    }
    if (tag === "PRP" && entity === -1) {
      chunkAt[i] = chunks.length;
      chunks.push({ start: i, end: i + 1, head: i, possessorEnd: null });
      i++;
      continue;
    }
    let j = i;
    let possessorEnd: number | null = null;
    while (j < n) {
      if (timeOf[j] !== timeOf[i]) {
        // "Noem 's *Wednesday* visit": a time before the head noun modifies it; "Khomeini *today* rejected": a time
        // after the head is an adverbial, outside the chunk.
        let k = j;
        while (k < n && timeOf[k] === timeOf[j] && timeOf[j] !== -1) k++;
        const modifier = timeOf[j] !== -1 && k < n && k > j && /^(NN|JJ)/.test(tags[k] as string) && groupAt[k] === -1 && timeOf[k] === -1;
        if (!modifier) break;
        j = k;
        continue;
      }
      const e = entityOf[j] as number;
      if (e !== -1) {
        j = (entityRanges[e] as { end: number }).end;
        continue;
      }
      const t = tags[j] as string;
      if (groupAt[j] !== -1) break;
      if (j === i && NOUN_CHUNK_START.has(t)) {
        j++;
        continue;
      }
      if (NOUN_CHUNK_INSIDE.has(t) || adjectivalParticiple(j)) {
        j++;
        continue;
      }
      // "a 24 - hour hunger strike": a hyphen between a number or adjective and a noun.
      if (words[j] === "-" && j > i && /^(CD|JJ)$/.test(tags[j - 1] as string) && j + 1 < n && /^(NN|JJ)/.test(tags[j + 1] as string)) {
        j++;
        continue;
      }
      // "Colombia 's leftist President": the possessive joins two chunks; the first is the possessor.
      if (t === "POS" && j > i && j + 1 < n && (NOUN_CHUNK_INSIDE.has(tags[j + 1] as string) || entityOf[j + 1] !== -1 || adjectivalParticiple(j + 1))) {
        possessorEnd = j - 1;
        j++;
        continue;
      }
      // "Hungarian and Romanian officials": coordinated adjectives before one noun.
      if (t === "CC" && j > i && isAdjectiveLike(j - 1) && j + 1 < n && isAdjectiveLike(j + 1)) {
        let k = j + 1;
        while (k < n && isAdjectiveLike(k)) k++;
        if (k < n && isNoun(tags[k] as string) && !nameLike(k)) {
          j++;
          continue;
        }
      }
      break;
    }
    if (j === i) j = i + 1;
    // A chunk that ends in a determiner or adjective only ("the", "both") is still a chunk ("both sides" is not split).
    let head = j - 1;
    while (head > i && !(isNoun(tags[head] as string) || tags[head] === "CD" || tags[head] === "PRP" || entityOf[head] !== -1)) head--;
    for (let k = i; k < j; k++) chunkAt[k] = chunks.length;
    chunks.push({ start: i, end: j, head, possessorEnd });
    i = j;
  }

  return { span: sentence, firstToken: first, words, lower, lowerIds: strings.lowerIds.subarray(first, last), tags, starts, ends, chunks, chunkAt, groups, groupAt };

  function adjectivalParticiple(k: number): boolean {
    // "the *deported* migrants", "its *ruling* party": a participle between a determiner/adjective and a noun.
    const t = tags[k] as string;
    if (t !== "VBN" && t !== "VBG") return false;
    if (groupAt[k] !== -1 && groups[groupAt[k] as number]?.main !== k) return false;
    const before = k > 0 ? (tags[k - 1] as string) : "";
    const after = k + 1 < n ? (tags[k + 1] as string) : "";
    return (before === "DT" || before === "PRP$" || before === "JJ" || before === "POS" || before === "CD") && (isNoun(after) || after === "JJ");
  }

  function isAdjectiveLike(k: number): boolean {
    const t = tags[k] as string;
    return t === "JJ" || ((t === "NNP" || t === "NNPS") && /(an|ian|ese|ish|i|ic)$/.test(lower[k] as string));
  }
}

/**
 * Repairs the tagger's systematic slips that matter for events, each with the case that forced it.
 */
function fixTags(words: readonly string[], lower: readonly string[], tags: PosTag[]): void {
  for (let i = 0; i < words.length; i++) {
    const w = lower[i] as string;
    // "U.S.-distilled whiskey", "Russian-led forces": the tokenizer splits "U.S.-backed" at the hyphen; the participle
    // after it is half of a compound adjective, not a verb.
    if (i > 0 && words[i - 1] === "-" && /^VB[DN]$/.test(tags[i] as string)) tags[i] = "JJ";
    // "according to the Swiss Agency", "following a government offensive": participles used as prepositions.
    if (w === "according" && lower[i + 1] === "to") tags[i] = "IN";
    if ((w === "following" || w === "including" || w === "regarding" || w === "concerning" || w === "excluding") && (i === 0 || words[i - 1] === "," || /^(NN|CD)/.test(tags[i - 1] as string)) && /^(DT|JJ|NN|CD|PRP\$)/.test(tags[i + 1] ?? ""))
      tags[i] = "IN";
    // "Noem 's visit": CoNLL tags some possessive clitics as VBZ after a name.
    if (w === "'s" && tags[i] === "VBZ" && i > 0 && (tags[i - 1] === "NNP" || tags[i - 1] === "NNPS") && i + 1 < words.length && /^(NN|JJ)/.test(tags[i + 1] as string) && !/^(VB|RB)/.test(tags[i + 1] as string)) {
      tags[i] = "POS";
    }
  }
}

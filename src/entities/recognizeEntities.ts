// The entities stage: names in the text with their OntoNotes type ("Kristi Noem" PERSON,
// "Colombian" NORP, "Homeland Security" ORG), every repeat mention included.
//
// Propose, then refine:
// 1. the trained tagger (averaged perceptron, BILOU, Viterbi; models/ner) proposes names and a
//    CoNLL class over the dateline and body tokens, sentence by sentence;
// 2. a surname of a person named in the story is a person wherever it recurs (consistency.ts),
//    and a sentence-initial "The" before a known name is no part of it ("The Kremlin said" ->
//    "Kremlin"; "The Hague" stays whole);
// 3. data/entities/ner-types.tsv turns each class into an OntoNotes type (LOC -> GPE/LOC/FAC,
//    MISC -> NORP/EVENT/LAW/MISC);
// 4. an organisation name opening with a country and followed by a title is split: the country is
//    the office's affiliation ("U.S. Homeland Security Secretary Kristi Noem" -> GPE "U.S.", ORG
//    "Homeland Security"), as OntoNotes annotates it; CoNLL would keep "U.S. Homeland Security";
// 5. a one-word compound the tagger called MISC whose capitalised parts are all places or
//    nationalities is split into them, as OntoNotes (which splits at hyphens) has it:
//    "U.S.-designated" -> GPE "U.S.", "Russia-Ukraine" -> GPE "Russia", GPE "Ukraine",
//    "Canadian-made" -> NORP "Canadian"; CoNLL keeps "Tripoli-based" whole as MISC;
// 6. a trailing agency credit ("...on Wednesday.AP") is an ORG by rule: the frame stage has
//    already read it, and it is outside the body the tagger sees.
//
// `actor` and `country` stay null here; the countries and actors stages fill them.
import type { Doc, EntityMention, EntityType, Provenance } from "../model/document.js";
import { withLayers } from "../model/document.js";
import type { Stage } from "../pipeline/pipeline.js";
import { tokenize } from "../text/tokenize.js";
import { decodeSpans, type TokenSpan } from "./bilou.js";
import { makeConsistent } from "./consistency.js";
import { categoryBit, type Gazetteer } from "./gazetteer.js";
import { resolveType, typeRules, type TypeRule } from "./entityTypes.js";
import type { TokenColumns, TokenSequence } from "./features.js";
import { loadNerModel, type LoadedNerModel } from "./nerModel.js";

/** The tokens the tagger reads: the dateline's (as its own sentence), then the body's, with sentence starts. */
export function entityTokens(doc: Doc): TokenSequence {
  const body = doc.layers.tokens;
  if (!body) throw new Error('E_PIPELINE_ORDER: the entities stage needs the "tokens" layer; run the tokens stage first');
  const dateline = doc.layers.dateline ? tokenize(doc.text, doc.layers.dateline) : null;
  const head = dateline?.count ?? 0;
  const count = head + body.count;
  let starts = body.starts;
  let ends = body.ends;
  if (dateline && head > 0) {
    starts = new Int32Array(count);
    ends = new Int32Array(count);
    starts.set(dateline.starts);
    ends.set(dateline.ends);
    starts.set(body.starts, head);
    ends.set(body.ends, head);
  }
  const sentenceStarts = new Uint8Array(count);
  if (count > 0) sentenceStarts[0] = 1;
  if (head < count) sentenceStarts[head] = 1;
  // Two pointers: the first token at or after each sentence's start opens it.
  let t = head;
  for (const sentence of doc.layers.sentences ?? []) {
    while (t < count && (starts[t] as number) < sentence.start) t++;
    if (t < count) sentenceStarts[t] = 1;
  }
  return { text: doc.text, count, starts, ends, sentenceStarts };
}

const AFFILIATION = categoryBit("country") | categoryBit("place-gpe") | categoryBit("capital");
const NATIONALITY = categoryBit("demonym");
const TITLE = categoryBit("title");

/**
 * The number of leading tokens of an ORG span [first, last) that name a country or nationality
 * before an office, when a title follows the span: 2 for "United States Homeland Security"
 * before "Secretary"; 0 when the span is to stay whole ("U.S. Steel said", "New York Times").
 */
export function affiliationPrefix(cols: TokenColumns, gazetteer: Gazetteer, first: number, last: number, count: number): { tokens: number; nationality: boolean } {
  const none = { tokens: 0, nationality: false };
  if (last - first < 2 || last >= count) return none;
  if ((gazetteer.lookup(cols.lowerA, cols.lowerB, last, last + 1) & TITLE) === 0 && (last + 1 >= count || (gazetteer.lookup(cols.lowerA, cols.lowerB, last, last + 2) & TITLE) === 0)) return none;
  for (let k = Math.min(3, last - first - 1); k >= 1; k--) {
    const bits = gazetteer.lookup(cols.lowerA, cols.lowerB, first, first + k);
    if (bits & (AFFILIATION | NATIONALITY)) return { tokens: k, nationality: (bits & AFFILIATION) === 0 };
  }
  return none;
}

const PLACE = categoryBit("country") | categoryBit("capital") | categoryBit("place-gpe") | categoryBit("corpus-gpe");
const PEOPLE = categoryBit("demonym") | categoryBit("norp") | categoryBit("corpus-norp");
/** Prefixes dropped from a compound whatever their case: "Pro-Moscow", "ex-Soviet", "Anti-American". */
const COMPOUND_PREFIXES: ReadonlySet<string> = new Set(["pro", "anti", "ex", "post", "pre", "non", "neo", "mid", "pan", "trans", "inter"]);

/** "The Kremlin" -> "Kremlin" when "Kremlin" is a known name and "The Kremlin" is not. */
function withoutArticle<T extends TokenSpan>(span: T, seq: TokenSequence, cols: TokenColumns, gazetteer: Gazetteer): T {
  if (span.last - span.first < 2) return span;
  const start = seq.starts[span.first] as number;
  if (seq.ends[span.first] !== start + 3 || !/^the$/i.test(seq.text.slice(start, start + 3))) return span;
  if (gazetteer.lookup(cols.lowerA, cols.lowerB, span.first, span.last) !== 0) return span;
  if (gazetteer.lookup(cols.lowerA, cols.lowerB, span.first + 1, span.last) === 0) return span;
  return { ...span, first: span.first + 1 };
}

function isOneWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) <= 0x20) return false;
  return true;
}

/**
 * The place and nationality parts of a hyphenated word, or null when it is not such a compound:
 * every capitalised part must be a place or a nationality; lower-case parts ("based", "made")
 * and prefixes are dropped. "IS-Somalia" (an organisation) and "al-Shabab" stay whole.
 */
export function compoundParts(text: string, start: number, end: number, gazetteer: Gazetteer): { start: number; end: number; type: EntityType }[] | null {
  const parts: { start: number; end: number; type: EntityType }[] = [];
  let from = start;
  let hyphens = 0;
  for (let i = start; i <= end; i++) {
    if (i < end && text.charCodeAt(i) !== 0x2d) continue;
    if (i < end) hyphens++;
    const word = text.slice(from, i);
    const first = word.charCodeAt(0);
    const capital = first >= 0x41 && first <= 0x5a;
    if (capital && !COMPOUND_PREFIXES.has(word.toLowerCase())) {
      const bits = gazetteer.lookupText(word);
      if (bits & PLACE) parts.push({ start: from, end: i, type: "GPE" });
      else if (bits & PEOPLE) parts.push({ start: from, end: i, type: "NORP" });
      else return null;
    }
    from = i + 1;
  }
  return hyphens > 0 && parts.length > 0 ? parts : null;
}

export function recognizeEntities(doc: Doc, ner: LoadedNerModel, rules: readonly TypeRule[] = typeRules()): EntityMention[] {
  const seq = entityTokens(doc);
  const { labels, columns } = ner.tagger.tag(seq);
  const classes = ner.tagger.classes;
  const model = ner.header.version;
  const { gazetteer } = ner.tagger.resources;
  const mentions: EntityMention[] = [];
  const spans = makeConsistent(decodeSpans(labels, 0, seq.count), seq, columns, classes.indexOf("PER"));
  for (const proposed of spans) {
    const span = withoutArticle(proposed, seq, columns, gazetteer);
    const cls = classes[span.cls] as string;
    if (cls === "ORG") {
      const prefix = affiliationPrefix(columns, gazetteer, span.first, span.last, seq.count);
      if (prefix.tokens > 0) {
        const rule = "split-affiliation-before-title";
        const head: TokenSpan = { first: span.first, last: span.first + prefix.tokens, cls: span.cls };
        mentions.push(mention(doc, seq, head, prefix.nationality ? "NORP" : "GPE", { stage: "entities", model, rule }));
        mentions.push(mention(doc, seq, { ...span, first: head.last }, "ORG", { stage: "entities", model, rule }));
        continue;
      }
    }
    // One written word, maybe several tokens: "U.S.-designated" is "U.S." "-" "designated".
    if (cls === "MISC" && isOneWord(doc.text, seq.starts[span.first] as number, seq.ends[span.last - 1] as number)) {
      const parts = compoundParts(doc.text, seq.starts[span.first] as number, seq.ends[span.last - 1] as number, gazetteer);
      if (parts) {
        for (const part of parts) mentions.push({ ...part, text: doc.text.slice(part.start, part.end), actor: null, country: null, provenance: { stage: "entities", model, rule: "split-compound" } });
        continue;
      }
    }
    const rule = resolveType(rules, cls, seq, columns, gazetteer, span.first, span.last);
    if (!rule) continue;
    // The catch-all rows ("any") only rename the class; a row that tested something is named, and a
    // consistency rule that changed the tagger's class is named before it.
    const ruleName = span.rule ?? (rule.test === "any" ? undefined : rule.id);
    const provenance: Provenance = ruleName ? { stage: "entities", model, rule: ruleName } : { stage: "entities", model };
    mentions.push(mention(doc, seq, span, rule.type, provenance));
  }
  const credit = doc.layers.credit;
  if (credit) {
    mentions.push({ start: credit.start, end: credit.end, text: doc.text.slice(credit.start, credit.end), type: "ORG", actor: null, country: null, provenance: { stage: "entities", rule: "credit-agency" } });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function mention(doc: Doc, seq: TokenSequence, span: TokenSpan, type: EntityType, provenance: Provenance): EntityMention {
  const start = seq.starts[span.first] as number;
  const end = seq.ends[span.last - 1] as number;
  return { start, end, text: doc.text.slice(start, end), type, actor: null, country: null, provenance };
}

let loaded: LoadedNerModel | undefined;

/** The committed model, loaded on first use (about 0.2 s) and shared by every document after. */
export function defaultNerModel(): LoadedNerModel {
  loaded ??= loadNerModel();
  return loaded;
}

export const entities: Stage = {
  name: "entities",
  requires: ["tokens", "sentences"],
  provides: ["entities"],
  run(doc: Doc): Doc {
    return withLayers(doc, { entities: recognizeEntities(doc, defaultNerModel()) });
  },
};

// The document model: an article's original text, never changed, plus stand-off
// annotation layers addressed by UTF-16 offsets into it (like spaCy's Doc/Span).
// Stages add layers; none rewrites the text.

/** A half-open range [start, end) of UTF-16 code units in the document's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where an annotation came from, so the API and UI can explain every fact. */
export interface Provenance {
  /** The stage that produced it, e.g. "sentences". */
  readonly stage: string;
  /** The rule inside the stage, e.g. "glued-sentence" or "credit-trailing-agency". */
  readonly rule?: string;
  /** A statistical model with its version, e.g. "ner@2". */
  readonly model?: string;
}

export interface Annotation extends Span {
  readonly provenance: Provenance;
}

export type Sentence = Annotation;

/**
 * Tokens are stored column-wise: one typed array of starts and one of ends.
 * A 5,000-word article costs two small buffers, not 5,000 objects.
 */
export interface TokenLayer {
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly provenance: Provenance;
}

/** "DAR ES SALAAM, Tanzania (AP) _" at the head of a wire story. */
export interface Dateline extends Annotation {
  readonly place: string | null;
  readonly agency: string | null;
  /** "April 26" in "WASHINGTON, April 26 -", as written. */
  readonly dateText: string | null;
}

/** A trailing agency credit such as "AP" glued to the end of the body. */
export interface Credit extends Annotation {
  readonly agency: string;
}

/** Metadata about the article, from its container (file header, JSON, HTML meta, feed item). */
export interface ArticleMeta {
  /** The caller's id (JSONL `id`, file name, feed guid); the store's identity is the content hash. */
  readonly id: string;
  /** Publication date, YYYY-MM-DD, or null when unknown. */
  readonly date: string | null;
  readonly title: string | null;
  /** The agency or outlet credited: "AP", "Reuters", "VOA". */
  readonly source: string | null;
  readonly url: string | null;
  /** Where the article was read from: a path, path:line, URL, or "stdin". */
  readonly origin: string | null;
}

/** OntoNotes entity types (the seed's gold uses the first six). */
export type EntityType = "PERSON" | "ORG" | "GPE" | "LOC" | "NORP" | "FAC" | "EVENT" | "LAW" | "PRODUCT" | "MISC";

/** A name in the text: "Kristi Noem", "Noem", "Colombian", "Homeland Security". */
export interface EntityMention extends Annotation {
  readonly type: EntityType;
  readonly text: string;
  /** Index into `layers.actors` of the actor this mention names, or null. */
  readonly actor: number | null;
  /** ISO 3166-1 alpha-3 ("USA"), or a CAMEO code for bodies beyond one country ("EUR", "NAT", "UNO", "IGO"). */
  readonly country: string | null;
}

/** One real-world actor as an article presents it; every mention of it points here. */
export interface DocActor {
  readonly index: number;
  /** The fullest name the article gives: "Kristi Noem", not "Noem". */
  readonly name: string;
  readonly type: EntityType;
  readonly country: string | null;
  /** The office as the article states it, normalised: "Secretary of Homeland Security", "President". */
  readonly role: string | null;
  /** CAMEO agent (sector) code: GOV, MIL, COP, JUD, OPP, REB, IGO, MED, BUS, REF, CRM, ... */
  readonly sector: string | null;
  /** Country and sector as one CAMEO actor code: "USAGOV", "COLCOP". */
  readonly code: string | null;
  /** Indices into `layers.entities` (and pronoun spans in `corefs`). */
  readonly mentions: readonly number[];
  readonly aliases: readonly string[];
  readonly provenance: Provenance;
}

/**
 * A title, office or group noun and what it says about an actor: "U.S. Homeland Security Secretary" before
 * "Kristi Noem" -> role Secretary of Homeland Security, sector GOV, country USA; "police" alone -> a group, COP.
 */
export interface RoleMention extends Annotation {
  readonly text: string;
  /** The office, normalised: "Secretary of Homeland Security", "Foreign Minister"; null for a group noun ("police"). */
  readonly role: string | null;
  /** CAMEO agent (sector) code: GOV, MIL, COP, JUD, OPP, REB, IGO, MED, BUS, REF, CRM, ... */
  readonly sector: string | null;
  /** The affiliation: ISO alpha-3, or a CAMEO code for bodies beyond one country; null when the text gives none. */
  readonly country: string | null;
  /** Index into `layers.entities` of the person holding the office (or the organisation described: "the gang Tren de Aragua"), or null for a group noun. */
  readonly holder: number | null;
  /** Index into `layers.entities` of the name giving the affiliation ("U.S.", "Colombia's", "Trump" in "Trump administration"), or null. */
  readonly affiliation: number | null;
}

/** A pronoun or description resolved to an actor: "she" -> Kristi Noem. */
export interface CorefMention extends Annotation {
  readonly text: string;
  readonly actor: number;
}

export type TimexType = "DATE" | "TIME" | "DURATION" | "SET";

/** A TimeML TIMEX3 expression with its value resolved against the article's date. */
export interface Timex extends Annotation {
  readonly text: string;
  readonly type: TimexType;
  /** TIMEX3 value: "2025-03-27", "2025-W13", "2025-03-27TMO", "P2W", "PRESENT_REF", ... */
  readonly value: string;
  /** Index of the timex this one was resolved from ("the next day"), or null when from the article date. */
  readonly anchor: number | null;
  /** Looking forward ("is set to visit", "next Friday"), back, or neither. */
  readonly direction: "past" | "future" | null;
}

export interface EventActor {
  /** As resolved in the article: "Kristi Noem", "Colombia". */
  readonly name: string;
  readonly country: string | null;
  readonly sector: string | null;
  /** CAMEO actor code: "USAGOV". */
  readonly code: string | null;
  readonly person: boolean;
  /** Index into `layers.actors`, or null for an actor named only by a country or group. */
  readonly actor: number | null;
}

export interface EventPlace {
  readonly name: string | null;
  readonly country: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
}

export type EventStatus = "asserted" | "planned" | "negated" | "hypothetical";

/** Who did what to whom, when and where; start/end are the evidence: the words that state it. */
export interface NewsEvent extends Annotation {
  readonly cameo: string;
  readonly goldstein: number | null;
  readonly plover: string | null;
  readonly ploverMode: string | null;
  readonly source: EventActor | null;
  readonly target: EventActor | null;
  /** TIMEX3 value of when it happened, or null; never the publication date by default. */
  readonly date: string | null;
  readonly location: EventPlace | null;
  readonly status: EventStatus;
  /** The verb or noun that triggered it: "visited", "visit", "signed". */
  readonly trigger: Span;
}

export interface QuoteSpeaker {
  readonly name: string;
  /** The mention that names the speaker near the quote ("Noem said"), when there is one. */
  readonly start: number | null;
  readonly end: number | null;
  readonly actor: number | null;
}

/** Quoted words (without the quotation marks) and who said them. */
export interface Quote extends Annotation {
  readonly text: string;
  readonly speaker: QuoteSpeaker | null;
}

/** The layers a document can carry. Later stages add their own keys here. */
export interface Layers {
  readonly dateline?: Dateline | null;
  readonly credit?: Credit | null;
  /** The part of the text that is the story body: text minus dateline and credit. */
  readonly body?: Span;
  readonly sentences?: readonly Sentence[];
  readonly tokens?: TokenLayer;
  readonly entities?: readonly EntityMention[];
  readonly actors?: readonly DocActor[];
  /** Titles, offices and group nouns ("police"), read around the entities. */
  readonly roles?: readonly RoleMention[];
  readonly corefs?: readonly CorefMention[];
  readonly timexes?: readonly Timex[];
  readonly events?: readonly NewsEvent[];
  readonly quotes?: readonly Quote[];
}

export type LayerName = keyof Layers;

export interface Doc {
  readonly text: string;
  readonly meta: ArticleMeta;
  readonly layers: Layers;
}

export function createDoc(text: string, meta: Partial<ArticleMeta> & { readonly id: string }): Doc {
  return {
    text,
    meta: {
      id: meta.id,
      date: meta.date ?? null,
      title: meta.title ?? null,
      source: meta.source ?? null,
      url: meta.url ?? null,
      origin: meta.origin ?? null,
    },
    layers: {},
  };
}

/** A new document with `added` layers merged over the old ones; the text is shared, never copied. */
export function withLayers(doc: Doc, added: Partial<Layers>): Doc {
  return { text: doc.text, meta: doc.meta, layers: { ...doc.layers, ...added } };
}

export function withMeta(doc: Doc, meta: Partial<ArticleMeta>): Doc {
  return { text: doc.text, meta: { ...doc.meta, ...meta }, layers: doc.layers };
}

export function spanText(doc: Doc, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

/** The tokens of a layer that fall inside a span, as a [first, last) index range. */
export function tokenRange(tokens: TokenLayer, span: Span): { readonly first: number; readonly last: number } {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens.ends[mid] as number) <= span.start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last < tokens.count && (tokens.starts[last] as number) < span.end) last++;
  return { first: lo, last };
}

// What the API answers, as named types. The web UI (src/ui/app) imports these as types only,
// so the server and the pages cannot drift apart without the type checker saying so.

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface ProvenanceInfo {
  readonly stage: string;
  readonly rule?: string;
  readonly model?: string;
}

/** One event, flat (so a CSV export has one column per field), with its first report. */
export interface EventRow {
  readonly id: number;
  /** TIMEX3 value as extracted: "2025-03-27", "2025-01"; null when undated. */
  readonly date: string | null;
  /** The first day the date covers, for sorting and charts. */
  readonly day: string | null;
  readonly cameo: string;
  readonly goldstein: number | null;
  readonly plover: string | null;
  readonly ploverMode: string | null;
  readonly status: string;
  readonly sourceId: number | null;
  readonly source: string | null;
  readonly sourceCountry: string | null;
  readonly sourceCode: string | null;
  readonly targetId: number | null;
  readonly target: string | null;
  readonly targetCountry: string | null;
  readonly targetCode: string | null;
  readonly location: string | null;
  readonly place: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  /** How many spans in how many articles report it. */
  readonly mentions: number;
  readonly articleId: number | null;
  readonly evidenceStart: number | null;
  readonly evidenceEnd: number | null;
  readonly evidence: string | null;
  /** The rule or model that produced the first report. */
  readonly rule: string | null;
}

export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface EventMention {
  readonly articleId: number;
  readonly title: string | null;
  readonly published: string | null;
  readonly outlet: string | null;
  readonly start: number;
  readonly end: number;
  readonly evidence: string;
  readonly triggerStart: number | null;
  readonly triggerEnd: number | null;
  readonly trigger: string | null;
  readonly rule: string | null;
  readonly provenance: ProvenanceInfo | null;
  /** The sentence the evidence starts in. */
  readonly sentence: SentenceSpan | null;
}

export interface EventDetail extends EventRow {
  readonly reports: readonly EventMention[];
}

export interface PeriodBucket {
  /** "2025-03-27", "2025-W13" or "2025-03". */
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly count: number;
  /** Events in the bucket dated more coarsely than it (a month-dated event in a day bar). */
  readonly coarse: number;
  readonly goldsteinMean: number | null;
  /** For a dyad: events from a to b, and from b to a. */
  readonly aToB: number;
  readonly bToA: number;
}

export interface Timeline {
  readonly interval: string;
  readonly total: number;
  readonly undated: number;
  readonly buckets: readonly PeriodBucket[];
}

export interface Relations extends Timeline {
  readonly a: string;
  readonly b: string;
  readonly aName: string | null;
  readonly bName: string | null;
  readonly goldsteinMean: number | null;
}

export interface ActorRow {
  readonly id: number;
  readonly name: string;
  readonly type: string | null;
  readonly country: string | null;
  readonly role: string | null;
  readonly sector: string | null;
  readonly code: string | null;
  readonly aliases: readonly string[];
  readonly events: number;
  readonly articles: number;
  readonly quotes: number;
}

export interface ActorRole {
  readonly role: string;
  readonly articles: number;
}

export interface ActorArticle {
  readonly id: number;
  readonly title: string | null;
  readonly date: string | null;
  readonly mentions: number;
  readonly role: string | null;
}

export interface TimelineEvent extends EventRow {
  /** The actor's part in it. */
  readonly as: "source" | "target";
}

export interface ActorDetail extends ActorRow {
  readonly roles: readonly ActorRole[];
  readonly articleList: readonly ActorArticle[];
  readonly timeline: readonly TimelineEvent[];
  readonly quoteList: readonly QuoteRow[];
}

export interface QuoteRow {
  readonly id: number;
  readonly articleId: number;
  readonly date: string | null;
  readonly title: string | null;
  readonly speaker: string | null;
  readonly speakerActorId: number | null;
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  readonly rule: string | null;
}

export interface ArticleListItem {
  readonly id: number;
  readonly date: string | null;
  readonly title: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly datelinePlace: string | null;
  readonly sentenceCount: number;
  readonly snippet?: string;
}

/** A stored annotation: layer, span, and the fields its stage wrote (provenance among them). */
export interface AnnotationRow {
  readonly layer: string;
  readonly start: number;
  readonly end: number;
  readonly provenance?: ProvenanceInfo;
  readonly [field: string]: unknown;
}

/** An event reported in this article: the span that states it, linked to the event. */
export interface ArticleEvent extends EventMention {
  readonly eventId: number;
  readonly cameo: string;
  readonly plover: string | null;
  readonly goldstein: number | null;
  readonly status: string;
  readonly date: string | null;
  readonly source: string | null;
  readonly sourceId: number | null;
  readonly target: string | null;
  readonly targetId: number | null;
}

export interface ArticleActor {
  readonly id: number;
  readonly name: string;
  readonly type: string | null;
  readonly country: string | null;
  readonly mentions: number;
  readonly role: string | null;
}

export interface ArticleDetail {
  readonly id: number;
  readonly date: string | null;
  readonly title: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly origin: string | null;
  readonly datelinePlace: string | null;
  readonly pipelineVersion: string;
  readonly text: string;
  readonly tokenCount: number;
  /** Every stand-off layer, as stored: sentence, dateline, credit, entity, timex, quote, ... */
  readonly annotations: readonly AnnotationRow[];
  /** Layer name -> row count, so a reader can say which layers are empty. */
  readonly layers: Readonly<Record<string, number>>;
  readonly events: readonly ArticleEvent[];
  readonly quotes: readonly QuoteRow[];
  readonly actors: readonly ArticleActor[];
}

export interface CountryCount {
  readonly country: string;
  readonly name: string | null;
  /** ISO 3166-1 numeric code: world-atlas keys its shapes by it. */
  readonly numeric: string | null;
  /** Events that happened there. */
  readonly located: number;
  /** Events with an actor from there. */
  readonly involved: number;
}

/** A named place where events happened, with its coordinates (GeoNames, via the city table). */
export interface PlaceCount {
  readonly place: string;
  /** ISO 3166-1 alpha-3 code of its country. */
  readonly country: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly events: number;
}

export interface NetworkNode {
  readonly id: number;
  readonly name: string;
  readonly country: string | null;
  readonly type: string | null;
  readonly events: number;
}

export interface NetworkLink {
  readonly source: number;
  readonly target: number;
  readonly count: number;
  readonly goldsteinMean: number | null;
}

export interface Network {
  readonly nodes: readonly NetworkNode[];
  readonly links: readonly NetworkLink[];
}

export interface Facet {
  readonly value: string;
  readonly count: number;
}

export interface Facets {
  readonly plover: readonly Facet[];
  readonly status: readonly Facet[];
  readonly roots: readonly Facet[];
  readonly countries: readonly Facet[];
}

export interface Country {
  readonly code: string;
  readonly numeric: string | null;
  readonly name: string;
}

export interface Health {
  readonly status: "ok";
  readonly pipeline: string;
  readonly articles: number;
  readonly annotations: number;
  readonly actors: number;
  readonly events: number;
  readonly quotes: number;
  /** Whether POST /api/articles is open (the server was started with a token). */
  readonly ingest: boolean;
}

export interface ApiError {
  readonly error: string;
  readonly code: string;
}

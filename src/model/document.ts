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
  readonly source: Provenance;
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
  readonly source: Provenance;
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

/** The layers a document can carry. Later stages add their own keys here. */
export interface Layers {
  readonly dateline?: Dateline | null;
  readonly credit?: Credit | null;
  /** The part of the text that is the story body: text minus dateline and credit. */
  readonly body?: Span;
  readonly sentences?: readonly Sentence[];
  readonly tokens?: TokenLayer;
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

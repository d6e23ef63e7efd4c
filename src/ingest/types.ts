// What every ingest format produces: the article's text plus what its container says about it.
// The pipeline turns a RawArticle into a Doc; the store keys it by a hash of its text.

export interface RawArticle {
  /** The caller's id if the container gives one (JSONL id, feed guid); else derived from the origin. */
  readonly id: string | null;
  /** The article body, exactly as the pipeline will see it; offsets of every layer refer to it. */
  readonly text: string;
  /** YYYY-MM-DD, or null. */
  readonly date: string | null;
  readonly title: string | null;
  /** Agency or outlet: "AP", "Reuters", a site name. */
  readonly source: string | null;
  readonly url: string | null;
  /** Where it was read from, for messages: "articles.jsonl:17", "https://…/feed.xml#3", "stdin". */
  readonly origin: string;
}

/** A problem with one input, reported with its position and what to do; never thrown past the batch. */
export interface IngestProblem {
  /** Stable code, e.g. "E_INPUT_ENCODING", "E_JSONL_PARSE", "E_FEED_XML", "E_HTML_NO_ARTICLE", "E_FETCH". */
  readonly code: string;
  /** Where: "articles.jsonl:17", a path, a URL. */
  readonly origin: string;
  /** One sentence saying what is wrong and what to do. */
  readonly message: string;
}

/** Ingest readers yield articles and problems in input order; one bad item never stops the rest. */
export type IngestItem =
  | { readonly kind: "article"; readonly article: RawArticle }
  | { readonly kind: "problem"; readonly problem: IngestProblem };

export class IngestError extends Error {
  constructor(
    readonly code: string,
    readonly origin: string,
    message: string,
  ) {
    super(`${code}: ${origin}: ${message}`);
  }

  toProblem(): IngestProblem {
    return { code: this.code, origin: this.origin, message: this.message.replace(`${this.code}: ${this.origin}: `, "") };
  }
}

// Read inputs, extract, store: the loop behind `newsgraph ingest` and the HTTP ingest route.
// A bad article becomes a problem in the summary; the batch goes on.
import { createDoc, type Doc } from "../model/document.js";
import type { Pipeline } from "../pipeline/pipeline.js";
import type { IngestItem, IngestProblem, RawArticle } from "../ingest/types.js";
import type { Db } from "./database.js";
import { contentHash, findByHash, saveDoc, type SaveOutcome } from "./articles.js";

export interface IngestSummary {
  stored: number;
  updated: number;
  duplicates: number;
  failed: number;
  readonly problems: IngestProblem[];
}

export interface IngestProgress {
  readonly outcome: SaveOutcome | "failed";
  readonly origin: string;
  readonly articleId: number | null;
}

export function emptySummary(): IngestSummary {
  return { stored: 0, updated: 0, duplicates: 0, failed: 0, problems: [] };
}

export function rawToDoc(article: RawArticle, hash: string): Doc {
  return createDoc(article.text, {
    id: article.id ?? hash.slice(0, 16),
    date: article.date,
    title: article.title,
    source: article.source,
    url: article.url,
    origin: article.origin,
  });
}

/** Extract and store one article; duplicates already extracted by this pipeline version are not re-extracted. */
export function ingestArticle(db: Db, pipeline: Pipeline, article: RawArticle): { outcome: SaveOutcome; articleId: number } {
  const hash = contentHash(article.text);
  const existing = findByHash(db, hash);
  if (existing && existing.pipelineVersion === pipeline.config.version) return { outcome: "duplicate", articleId: existing.id };
  const doc = pipeline.run(rawToDoc(article, hash));
  return saveDoc(db, doc, hash, pipeline.config.version);
}

export async function ingestItems(
  db: Db,
  pipeline: Pipeline,
  items: AsyncIterable<IngestItem>,
  onItem?: (progress: IngestProgress) => void,
): Promise<IngestSummary> {
  const summary = emptySummary();
  for await (const item of items) {
    if (item.kind === "problem") {
      summary.failed++;
      summary.problems.push(item.problem);
      onItem?.({ outcome: "failed", origin: item.problem.origin, articleId: null });
      continue;
    }
    try {
      const { outcome, articleId } = ingestArticle(db, pipeline, item.article);
      if (outcome === "stored") summary.stored++;
      else if (outcome === "updated") summary.updated++;
      else summary.duplicates++;
      onItem?.({ outcome, origin: item.article.origin, articleId });
    } catch (error) {
      summary.failed++;
      summary.problems.push({ code: "E_EXTRACT", origin: item.article.origin, message: `could not be extracted or stored: ${(error as Error).message}` });
      onItem?.({ outcome: "failed", origin: item.article.origin, articleId: null });
    }
  }
  return summary;
}

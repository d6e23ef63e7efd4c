// Read inputs, extract, store: the loop behind `newsgraph ingest` and the HTTP ingest route.
// A bad article becomes a problem in the summary; the batch goes on.
import { createDoc, type Doc } from "../model/document.js";
import type { Pipeline } from "../pipeline/pipeline.js";
import type { IngestItem, IngestProblem, RawArticle } from "../ingest/types.js";
import type { Db } from "./database.js";
import { contentHash, findByHash, saveDoc, type SaveOutcome } from "./articles.js";
import { removeAllOrphanActors } from "./facts.js";
import type { PipelinePool } from "../pipeline/workerPool.js";

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
  pool?: PipelinePool,
): Promise<IngestSummary> {
  if (pool) return ingestItemsInParallel(db, pipeline, items, pool, onItem);
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
  if (summary.updated > 0) removeAllOrphanActors(db);
  return summary;
}

interface InFlight {
  readonly article: RawArticle;
  readonly hash: string;
  /** null: already stored by this pipeline version, nothing to extract. */
  readonly doc: Promise<Doc> | null;
  readonly existingId: number | null;
}

/**
 * The same loop with extraction on worker threads. The main thread reads input, checks
 * identity and writes the store (SQLite has one writer); workers run the pipeline. Results
 * are stored in input order, with a bounded number of articles in flight.
 */
async function ingestItemsInParallel(
  db: Db,
  pipeline: Pipeline,
  items: AsyncIterable<IngestItem>,
  pool: PipelinePool,
  onItem?: (progress: IngestProgress) => void,
): Promise<IngestSummary> {
  const summary = emptySummary();
  const queue: InFlight[] = [];
  const maxInFlight = pool.size * 8;

  const storeHead = async (): Promise<void> => {
    const head = queue.shift();
    if (!head) return;
    if (head.doc === null) {
      summary.duplicates++;
      onItem?.({ outcome: "duplicate", origin: head.article.origin, articleId: head.existingId });
      return;
    }
    try {
      const { outcome, articleId } = saveDoc(db, await head.doc, head.hash, pipeline.config.version);
      if (outcome === "stored") summary.stored++;
      else if (outcome === "updated") summary.updated++;
      else summary.duplicates++;
      onItem?.({ outcome, origin: head.article.origin, articleId });
    } catch (error) {
      summary.failed++;
      summary.problems.push({ code: "E_EXTRACT", origin: head.article.origin, message: `could not be extracted or stored: ${(error as Error).message}` });
      onItem?.({ outcome: "failed", origin: head.article.origin, articleId: null });
    }
  };

  for await (const item of items) {
    if (item.kind === "problem") {
      // Problems are reported in input order too: store what came before them first.
      while (queue.length) await storeHead();
      summary.failed++;
      summary.problems.push(item.problem);
      onItem?.({ outcome: "failed", origin: item.problem.origin, articleId: null });
      continue;
    }
    const article = item.article;
    const hash = contentHash(article.text);
    const existing = findByHash(db, hash);
    const doc = existing && existing.pipelineVersion === pipeline.config.version ? null : pool.run(article, article.id ?? hash.slice(0, 16));
    // An unhandled rejection must not crash the process before the queue reaches it.
    doc?.catch(() => undefined);
    queue.push({ article, hash, doc, existingId: existing?.id ?? null });
    while (queue.length >= maxInFlight) await storeHead();
  }
  while (queue.length) await storeHead();
  // actors that only older versions of re-extracted articles named (saveDoc checks this run's own)
  if (summary.updated > 0) removeAllOrphanActors(db);
  return summary;
}

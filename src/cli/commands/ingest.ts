import { promises as fs } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { readInputs, isUrl } from "../../ingest/sources.js";
import { openStore, resolveDbPath } from "../../store/database.js";
import { ingestItems, type IngestSummary } from "../../store/ingestArticles.js";
import { getPipeline } from "../../pipeline/stages.js";
import { createProgress } from "../progress.js";
import { defaultWorkerCount, PipelinePool } from "../../pipeline/workerPool.js";

export interface IngestOptions {
  readonly db?: string;
  readonly encoding?: string;
  readonly follow: boolean;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly workers?: string;
}

export function parseWorkers(value: string | undefined): number {
  if (value === undefined || value === "auto") return defaultWorkerCount();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new Error("E_USAGE: --workers must be a whole number from 0 to 64, or auto");
  return n;
}

async function totalBytes(inputs: readonly string[]): Promise<number | null> {
  let total = 0;
  const add = async (path: string): Promise<void> => {
    const stat = await fs.stat(path).catch(() => null);
    if (!stat) return;
    if (stat.isFile()) total += stat.size;
    else if (stat.isDirectory()) for (const name of await fs.readdir(path)) await add(join(path, name));
  };
  for (const input of inputs) {
    if (input === "-" || isUrl(input)) return null;
    await add(input);
  }
  return total;
}

export function summaryLine(summary: IngestSummary): string {
  return `stored ${summary.stored}, re-extracted ${summary.updated}, skipped as duplicate ${summary.duplicates}, failed ${summary.failed}`;
}

export async function runIngest(inputs: readonly string[], options: IngestOptions): Promise<number> {
  const workers = parseWorkers(options.workers);
  const dbPath = resolveDbPath(options.db);
  const db = openStore(dbPath);
  const pool = workers > 0 ? new PipelinePool(workers) : undefined;
  const progress = createProgress(await totalBytes(inputs), !options.quiet && Boolean(process.stderr.isTTY));
  const items = readInputs(inputs, { ...(options.encoding ? { encoding: options.encoding } : {}), followFeedLinks: options.follow, onBytes: (n) => progress.addBytes(n) });
  let summary: IngestSummary;
  try {
    summary = await ingestItems(db, getPipeline(), items, () => progress.tick(), pool);
  } finally {
    progress.stop();
    await pool?.close();
    db.close();
  }
  for (const problem of summary.problems) process.stderr.write(`${problem.code}: ${problem.origin}: ${problem.message}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify({ db: dbPath, ...summary })}\n`);
  else process.stdout.write(`${summaryLine(summary)} (store: ${dbPath})\n`);
  return summary.failed > 0 ? 1 : 0;
}

export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description("read articles (files, folders, JSON Lines, HTML, RSS/Atom feeds, URLs, - for stdin), extract them and store them")
    .argument("<inputs...>", "paths, folders, URLs, or - for stdin")
    .option("--db <file>", "the store (default: $NEWSGRAPH_DB or ./newsgraph.db)")
    .option("--encoding <label>", "encoding of plain-text files that are not UTF-8, e.g. latin1")
    .option("--no-follow", "do not fetch the page of a feed item that has no content")
    .option("--json", "print the summary as JSON")
    .option("-q, --quiet", "no progress bar")
    .option("--workers <n>", "threads that run the pipeline; 0 runs it on the main thread (default: auto, cores - 1)")
    .addHelpText(
      "after",
      `
Each article is stored once, keyed by a hash of its text; ingesting it again is skipped,
unless the pipeline changed since, then it is re-extracted. One bad input never stops the
batch: it is reported on stderr with its position, and the exit code is 1.

Examples:
  newsgraph ingest samples/
  newsgraph ingest articles.jsonl --db news.db
  newsgraph ingest https://www.voanews.com/api/zkiqpe-vomx-tpey_y
  cat story.txt | newsgraph ingest -`,
    )
    .action(async (inputs: string[], options: IngestOptions) => {
      process.exitCode = await runIngest(inputs, options);
    });
}

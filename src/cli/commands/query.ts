import type { Command } from "commander";
import { openStore, resolveDbPath } from "../../store/database.js";
import { listArticles } from "../../store/articles.js";
import { listActors, listEvents, listQuotes } from "../../store/queries.js";
import { formatRows, OUTPUT_FORMATS, type OutputFormat } from "../output.js";

const WHAT = ["articles", "events", "actors", "quotes"] as const;
type What = (typeof WHAT)[number];

export interface QueryOptions {
  readonly db?: string;
  readonly format: OutputFormat;
  readonly search?: string;
  readonly source?: string;
  readonly from?: string;
  readonly to?: string;
  readonly actor?: string;
  readonly country?: string;
  readonly code?: string;
  readonly status?: string;
  readonly speaker?: string;
  readonly limit: string;
  readonly offset: string;
}

const ARTICLE_COLUMNS = ["id", "date", "source", "title", "datelinePlace", "sentenceCount", "tokenCount", "externalId"];

export function runQuery(what: What, options: QueryOptions): number {
  if (!WHAT.includes(what)) throw new Error(`E_USAGE: query what? one of ${WHAT.join(", ")}`);
  if (!OUTPUT_FORMATS.includes(options.format)) throw new Error(`E_USAGE: --format must be one of ${OUTPUT_FORMATS.join(", ")}`);
  const limit = Number(options.limit);
  const offset = Number(options.offset);
  if (!Number.isInteger(limit) || limit < 1) throw new Error("E_USAGE: --limit must be a positive whole number");
  if (!Number.isInteger(offset) || offset < 0) throw new Error("E_USAGE: --offset must be a whole number, 0 or more");
  for (const [flag, value] of [["--from", options.from], ["--to", options.to]] as const) {
    if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`E_USAGE: ${flag} must be a date YYYY-MM-DD`);
  }
  const db = openStore(resolveDbPath(options.db), { readonly: true });
  try {
    let rows: Record<string, unknown>[];
    let columns: string[] | undefined;
    switch (what) {
      case "articles":
        rows = listArticles(db, { q: options.search, source: options.source, from: options.from, to: options.to, limit, offset }) as unknown as Record<string, unknown>[];
        columns = options.search ? [...ARTICLE_COLUMNS, "snippet"] : ARTICLE_COLUMNS;
        break;
      case "events":
        rows = listEvents(db, { actor: options.actor, country: options.country, code: options.code, from: options.from, to: options.to, status: options.status, limit, offset });
        break;
      case "actors":
        rows = listActors(db, { q: options.search ?? options.actor, country: options.country, limit, offset });
        break;
      case "quotes":
        rows = listQuotes(db, { speaker: options.speaker ?? options.actor, limit, offset });
        break;
    }
    process.stdout.write(formatRows(rows, options.format, options.format === "table" ? columns : undefined));
  } finally {
    db.close();
  }
  return 0;
}

export function registerQuery(program: Command): void {
  program
    .command("query")
    .description("list what the store holds: articles, events, actors or quotes, with filters")
    .argument("<what>", WHAT.join("|"))
    .option("--db <file>", "the store (default: $NEWSGRAPH_DB or ./newsgraph.db)")
    .option("--format <format>", `output: ${OUTPUT_FORMATS.join("|")}`, "table")
    .option("-s, --search <words>", "articles: full-text search; actors: name contains")
    .option("--source <agency>", "articles from this source, e.g. AP")
    .option("--from <date>", "on or after YYYY-MM-DD")
    .option("--to <date>", "on or before YYYY-MM-DD")
    .option("--actor <name>", "events involving this actor, e.g. \"Kristi Noem\"")
    .option("--country <code>", "events involving this ISO 3166-1 alpha-3 country, e.g. COL")
    .option("--code <cameo>", "events with this CAMEO code or root, e.g. 04")
    .option("--status <status>", "asserted|planned|negated|hypothetical")
    .option("--speaker <name>", "quotes by this speaker")
    .option("--limit <n>", "at most this many rows", "50")
    .option("--offset <n>", "skip this many rows", "0")
    .addHelpText(
      "after",
      `
Examples:
  newsgraph query articles --search "deportation flights" --format table
  newsgraph query articles --source AP --from 2025-03-01 --format csv > ap.csv
  newsgraph query events --actor "Kristi Noem" --format json`,
    )
    .action((what: What, options: QueryOptions) => {
      process.exitCode = runQuery(what, options);
    });
}

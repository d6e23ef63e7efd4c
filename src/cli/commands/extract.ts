import type { Command } from "commander";
import { readInputs } from "../../ingest/sources.js";
import { contentHash } from "../../store/articles.js";
import { rawToDoc } from "../../store/ingestArticles.js";
import { getPipeline } from "../../pipeline/stages.js";
import { toEvalDocument } from "../../eval/evalFormat.js";
import { formatRows, OUTPUT_FORMATS, type OutputFormat } from "../output.js";
import type { IngestItem } from "../../ingest/types.js";

export interface ExtractOptions {
  readonly format: OutputFormat;
  readonly encoding?: string;
  readonly tokens?: boolean;
}

/** Extract every input and write documents in the FORMAT.md shape; returns the exit code. */
export async function runExtract(inputs: readonly string[], options: ExtractOptions, items?: AsyncIterable<IngestItem>): Promise<number> {
  const pipeline = getPipeline();
  const source = items ?? readInputs(inputs.length ? inputs : ["-"], options.encoding ? { encoding: options.encoding } : {});
  const collected: Record<string, unknown>[] = [];
  let failed = 0;
  let first = true;
  if (options.format === "json") process.stdout.write("[");
  for await (const item of source) {
    if (item.kind === "problem") {
      failed++;
      process.stderr.write(`${item.problem.code}: ${item.problem.origin}: ${item.problem.message}\n`);
      continue;
    }
    const doc = pipeline.run(rawToDoc(item.article, contentHash(item.article.text)));
    const record = toEvalDocument(doc, { tokens: options.tokens ?? false });
    if (options.format === "jsonl") process.stdout.write(`${JSON.stringify(record)}\n`);
    else if (options.format === "json") {
      process.stdout.write(`${first ? "\n" : ",\n"}${JSON.stringify(record)}`);
      first = false;
    } else {
      collected.push({
        id: record.id,
        date: record.date,
        source: record.source,
        dateline: record.dateline?.place ?? null,
        sentences: record.sentences?.length ?? 0,
        tokens: doc.layers.tokens?.count ?? 0,
        first_sentence: record.sentences?.[0] ? record.text.slice(record.sentences[0].start, record.sentences[0].end) : "",
      });
    }
  }
  if (options.format === "json") process.stdout.write(first ? "]\n" : "\n]\n");
  if (options.format === "table" || options.format === "csv") process.stdout.write(formatRows(collected, options.format));
  return failed > 0 ? 1 : 0;
}

export function registerExtract(program: Command): void {
  program
    .command("extract")
    .description("run the pipeline without storing; write one document per article in the annotation format (../shared/eval/FORMAT.md)")
    .argument("[inputs...]", "files or folders (JSON Lines {id, date, text}, text, HTML, feeds); stdin when none")
    .option("--format <format>", `output: ${OUTPUT_FORMATS.join("|")}`, "jsonl")
    .option("--encoding <label>", "encoding of plain-text inputs that are not UTF-8")
    .option("--tokens", "also write every token's span")
    .addHelpText(
      "after",
      `
The jsonl output is the contract every evaluation uses: one JSON object per line with
id, date, text and the layers (sentences, ...), offsets in UTF-16 code units into text.

Examples:
  echo '{"id":"a","date":"2025-03-28","text":"Noem met Petro.It went well."}' | newsgraph extract
  newsgraph extract stories.jsonl > predicted.jsonl && node ../shared/eval/score.mjs --gold gold.jsonl --pred predicted.jsonl`,
    )
    .action(async (inputs: string[], options: ExtractOptions) => {
      if (!OUTPUT_FORMATS.includes(options.format)) throw new Error(`E_USAGE: --format must be one of ${OUTPUT_FORMATS.join(", ")}`);
      process.exitCode = await runExtract(inputs, options);
    });
}

import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { createDoc } from "../../model/document.js";
import { getPipeline } from "../../pipeline/stages.js";
import { toEvalDocument } from "../../eval/evalFormat.js";
import { formatReport, score, type ScoreReport } from "../../eval/score.js";

export interface EvalOptions {
  readonly gold: string;
  readonly map?: "conll";
  readonly types?: string;
  readonly json?: boolean;
  readonly pred?: string;
}

export function readDocuments(path: string): Record<string, unknown>[] {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8").trim();
  } catch (error) {
    throw new Error(`E_EVAL_INPUT: cannot read ${path}: ${(error as Error).message}`);
  }
  if (!raw) return [];
  if (raw.startsWith("[")) return JSON.parse(raw) as Record<string, unknown>[];
  if (raw.startsWith("{") && !raw.includes("\n{")) return [JSON.parse(raw) as Record<string, unknown>];
  return raw
    .split("\n")
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`E_EVAL_INPUT: ${path}:${i + 1} is not valid JSON (${(error as Error).message})`);
      }
    });
}

/** Extract each gold document's text with the pipeline and score the result against the gold layers. */
export function evaluate(gold: readonly Record<string, unknown>[], options: Omit<EvalOptions, "gold" | "json">): { report: ScoreReport; seconds: number } {
  const pipeline = getPipeline();
  const started = process.hrtime.bigint();
  const predicted = options.pred
    ? readDocuments(options.pred)
    : gold.map((g) => {
        const doc = createDoc(String(g["text"] ?? ""), { id: String(g["id"]), date: (g["date"] as string | null) ?? null });
        return toEvalDocument(pipeline.run(doc)) as unknown as Record<string, unknown>;
      });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const report = score(gold, predicted, { map: options.map, types: options.types?.split(",").map((t) => t.trim()) });
  return { report, seconds };
}

export function registerEval(program: Command): void {
  program
    .command("eval")
    .description("extract the texts of a gold file and score the result (same rules as ../shared/eval/score.mjs)")
    .requiredOption("--gold <file>", "gold annotations, JSON Lines in the format of ../shared/eval/FORMAT.md")
    .option("--pred <file>", "score this prediction file instead of extracting")
    .option("--map <scheme>", "fold entity types: conll (PER, ORG, LOC, MISC)")
    .option("--types <list>", "score only these entity types, e.g. PERSON,GPE")
    .option("--json", "print the report as JSON")
    .addHelpText(
      "after",
      `
Examples:
  newsgraph eval --gold ../shared/examples/seed.gold.json
  newsgraph eval --gold ../shared/data/sbd/golden_rules.gold.jsonl`,
    )
    .action((options: EvalOptions) => {
      const gold = readDocuments(options.gold);
      const { report, seconds } = evaluate(gold, options);
      if (options.json) process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
      else process.stdout.write(`${formatReport(report)}\n(extracted in ${seconds.toFixed(2)} s)\n`);
    });
}

// npm run eval: every evaluation newsgraph is held to, in one run, through `newsgraph eval`.
// Gold files are read from ../shared (never copied into the repository); a missing one is skipped.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.NEWSGRAPH_SHARED || join(root, "..", "shared");
const cli = join(root, "dist", "cli", "main.js");

// [what, gold file under shared/, extra flags]
const EVALUATIONS = [
  ["Sentence boundaries: pragmatic_segmenter's 52 English Golden Rules", "data/sbd/golden_rules.gold.jsonl", []],
  ["The seed story (all layers)", "examples/seed.gold.json", []],
  ["The seed story, entity types of issue 3", "examples/seed.gold.json", ["--types", "PERSON,ORG,GPE,LOC,NORP,FAC"]],
  ["CoNLL-2003 English development set (testa), 4 types", "data/ner/conll2003/conll2003_dev.gold.jsonl", ["--map", "conll"]],
  ["TimeBank 1.2 (TIMEX3)", "data/timex/timebank.gold.jsonl", []],
  ["AQUAINT (TIMEX3)", "data/timex/aquaint.gold.jsonl", []],
  ["PolNeAR development set (quotes)", "data/quotes/polnear_dev.gold.jsonl", []],
  ["PLOVER gold-standard sentences (CAMEO manual examples)", "data/events/plover/plover_gsr.gold.jsonl", []],
];

const only = process.argv.slice(2);
let failed = false;
for (const [title, gold, flags] of EVALUATIONS) {
  if (only.length && !only.some((o) => gold.includes(o) || title.toLowerCase().includes(o.toLowerCase()))) continue;
  const path = join(shared, gold);
  console.log(`\n## ${title}\n$ newsgraph eval --gold ../shared/${gold}${flags.length ? ` ${flags.join(" ")}` : ""}`);
  if (!existsSync(path)) {
    console.log(`(skipped: ${path} is not here)`);
    continue;
  }
  const result = spawnSync(process.execPath, [cli, "eval", "--gold", path, ...flags], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(result.stdout);
  if (result.status !== 0) {
    failed = true;
    process.stderr.write(result.stderr);
  }
}
// The dates bar is set on TimeBank and AQUAINT together (1,822 expressions): the combined figure, and where the
// remaining errors are, from scripts/timex-errors.mjs (same scoring).
if (!only.length || only.some((o) => "timex dates combined".includes(o.toLowerCase()))) {
  console.log("\n## TimeBank 1.2 + AQUAINT together (TIMEX3), with the errors sorted by kind\n$ node scripts/timex-errors.mjs");
  const result = spawnSync(process.execPath, [join(root, "scripts", "timex-errors.mjs")], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(result.stdout);
  if (result.status !== 0) {
    failed = true;
    process.stderr.write(result.stderr);
  }
}
process.exitCode = failed ? 1 : 0;

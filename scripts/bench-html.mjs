// Article-body extraction quality of src/ingest/html.ts on the Scrapinghub/Zyte article-extraction benchmark
// (https://github.com/scrapinghub/article-extraction-benchmark, MIT; 181 news and blog pages with hand-made
// ground truth). The metric is the benchmark's own (evaluate.py): 4-token shingles, tokens are Python's `\w+`;
// each page's TP/FP/FN counts are normalised to sum 1; precision and recall are means over pages, F1 is computed
// from those two means. Readability.js 0.6.0 scores F1 0.947 (precision 0.914, recall 0.982) in the benchmark's README.
//
// Usage: npm run build && node scripts/bench-html.mjs [--data DIR] [--worst N]
// The dataset stays outside the repository (its pages belong to their publishers); default DIR ../shared/data/html beside the checkout.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { readHtmlArticle } from "../dist/ingest/html.js";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const dataDir = option("--data", join(dirname(fileURLToPath(import.meta.url)), "..", "..", "shared", "data", "html"));
const worst = Number(option("--worst", "0"));
const pagesDir = join(dataDir, "aeb-html");
const truthPath = join(dataDir, "ground-truth.json");

if (!existsSync(pagesDir) || !existsSync(truthPath)) {
  console.log(`bench-html: no benchmark at ${dataDir} (expected aeb-html/ and ground-truth.json); nothing to do.`);
  process.exit(0);
}

// Python's re `\w` (str.isalnum() or "_"): letters and numbers of every script, not combining marks.
const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

/** Shingle counts, as evaluate.py's _ngrams: a text shorter than 4 tokens is one shingle of all its tokens. */
function shingles(text) {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map();
  const n = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    const shingle = tokens.slice(i, i + SHINGLE);
    if (shingle.length === 0) continue;
    const key = shingle.join("\u0000");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** evaluate.py's string_shingle_matching: TP, FP, FN over shingles, normalised to sum 1. */
function shingleMatching(truth, predicted) {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0, fp = 0, fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionScore({ tp, fp, fn }) {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallScore({ tp, fp, fn }) {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

const truth = JSON.parse(readFileSync(truthPath, "utf8"));
const files = readdirSync(pagesDir).filter((f) => f.endsWith(".html.gz")).sort();
const pages = files.map((file) => ({
  id: file.slice(0, -".html.gz".length),
  // The benchmark's pages are UTF-8 (its README: "gzip-compressed and utf-8 encoded").
  html: gunzipSync(readFileSync(join(pagesDir, file))).toString("utf8"),
}));

const results = [];
const problems = [];
const start = performance.now();
for (const page of pages) {
  const expected = truth[page.id];
  if (!expected) continue;
  let text = "";
  try {
    text = readHtmlArticle(page.html, `${page.id}.html.gz`, expected.url ?? null).text;
  } catch (error) {
    // A page with no article found counts as an empty prediction, as evaluate.py scores a missing articleBody.
    problems.push(error instanceof Error ? error.message : String(error));
  }
  results.push({ id: page.id, counts: shingleMatching(expected.articleBody ?? "", text) });
}
const seconds = (performance.now() - start) / 1000;

// evaluate.py's metrics_from_tp_fp_fns: a page enters precision only if it predicted something (tp + fp > 0),
// recall only if it has ground truth (tp + fn > 0).
const withPrediction = results.filter(({ counts }) => counts.tp + counts.fp > 0);
const withTruth = results.filter(({ counts }) => counts.tp + counts.fn > 0);
const precision = mean(withPrediction.map(({ counts }) => precisionScore(counts)));
const recall = mean(withTruth.map(({ counts }) => recallScore(counts)));
const f1 = (2 * precision * recall) / (precision + recall);

console.log(`pages      ${results.length} (${problems.length} without an article)`);
console.log(`precision  ${precision.toFixed(3)}`);
console.log(`recall     ${recall.toFixed(3)}`);
console.log(`F1         ${f1.toFixed(3)}   (Readability.js 0.6.0 in the benchmark README: 0.947)`);
console.log(`speed      ${(results.length / seconds).toFixed(1)} pages/s (${seconds.toFixed(2)} s, parse + extract only)`);
for (const problem of problems) console.log(`  ${problem}`);
if (worst > 0) {
  const scored = results.map(({ id, counts }) => {
    const p = precisionScore(counts);
    const r = recallScore(counts);
    return { id, p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
  });
  scored.sort((a, b) => a.f - b.f);
  for (const { id, p, r, f } of scored.slice(0, worst)) {
    console.log(`  ${id}  P=${p.toFixed(3)} R=${r.toFixed(3)} F1=${f.toFixed(3)}`);
  }
}

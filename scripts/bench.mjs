// npm run bench: the full newsgraph pipeline against compromise and wink-nlp, in one run,
// on the same real articles (the bundled seed story and 89 VOA stories), each read in
// full by every system. Prints MB/s and articles/s per system and newsgraph's lead.
//
//   node scripts/bench.mjs [--rounds N] [--json]
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
// Each system reads the corpus at least `rounds` times and for at least `seconds` seconds (JIT warmed up first).
const rounds = Number(args[args.indexOf("--rounds") + 1]) || 3;
const minSeconds = Number(args[args.indexOf("--seconds") + 1]) || 3;

const { getPipeline } = await import(join(root, "dist", "pipeline", "stages.js"));
const { createDoc } = await import(join(root, "dist", "model", "document.js"));

const seed = readFileSync(join(root, "samples", "seed", "000_e054da4499c08992.txt"), "utf8").replace(/^\s*date \S+\s*/, "");
const voa = readFileSync(join(root, "samples", "voa", "voa_stories.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l).text);
const texts = [seed, ...voa];
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

const pipeline = getPipeline();
const nlp = (await import("compromise")).default;
const winkNLP = require("wink-nlp");
const winkModel = require("wink-eng-lite-web-model");
const wink = winkNLP(winkModel);
const its = wink.its;

// Each system does comparable work and its output is consumed, so nothing is optimised away.
const systems = {
  newsgraph: (text) => {
    const doc = pipeline.run(createDoc(text, { id: "bench" }));
    return (doc.layers.sentences?.length ?? 0) + (doc.layers.tokens?.count ?? 0);
  },
  compromise: (text) => {
    const doc = nlp(text);
    return doc.sentences().length + doc.people().out("array").length + doc.places().out("array").length + doc.organizations().out("array").length;
  },
  "wink-nlp": (text) => {
    const doc = wink.readDoc(text);
    return doc.sentences().length() + doc.entities().out(its.value).length + doc.tokens().length();
  },
};

function time(run) {
  let sink = 0;
  for (const t of texts) sink += run(t); // warm-up: one full round
  const samples = [];
  const began = performance.now();
  while (samples.length < rounds || performance.now() - began < minSeconds * 1000) {
    const start = performance.now();
    for (const t of texts) sink += run(t);
    samples.push((performance.now() - start) / 1000);
  }
  samples.sort((a, b) => a - b);
  const seconds = samples[Math.floor(samples.length / 2)];
  return { seconds, mbPerSecond: bytes / 1e6 / seconds, articlesPerSecond: texts.length / seconds, sink };
}

const results = {};
for (const [name, run] of Object.entries(systems)) results[name] = time(run);

const lead = (other) => results.newsgraph.mbPerSecond / results[other].mbPerSecond;
const report = {
  corpus: { articles: texts.length, megabytes: +(bytes / 1e6).toFixed(3), rounds },
  node: process.version,
  systems: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { mbPerSecond: +v.mbPerSecond.toFixed(2), articlesPerSecond: +v.articlesPerSecond.toFixed(1) }])),
  newsgraphVsCompromise: +lead("compromise").toFixed(1),
  newsgraphVsWink: +lead("wink-nlp").toFixed(1),
};
if (args.includes("--json")) console.log(JSON.stringify(report, null, 1));
else {
  console.log(`corpus: ${texts.length} articles, ${report.corpus.megabytes} MB, median round of at least ${rounds} rounds and ${minSeconds} s, Node ${process.version}`);
  for (const [name, v] of Object.entries(report.systems)) console.log(`${name.padEnd(12)} ${String(v.mbPerSecond).padStart(8)} MB/s ${String(v.articlesPerSecond).padStart(9)} articles/s`);
  console.log(`newsgraph is ${report.newsgraphVsCompromise}x compromise and ${report.newsgraphVsWink}x wink-nlp (full pipeline: frame, sentences, tokens)`);
}
if (lead("compromise") < 5) {
  console.error(`newsgraph is only ${lead("compromise").toFixed(1)}x compromise; the budget is 5x`);
  process.exitCode = 1;
}

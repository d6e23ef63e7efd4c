// npm run bench: the full newsgraph pipeline against compromise and wink-nlp, in one run,
// on the same real articles (the bundled seed story and 89 VOA stories), each read in
// full by every system. Prints MB/s and articles/s per system and newsgraph's lead.
//
//   node scripts/bench.mjs [--rounds N] [--seconds S] [--warmup W] [--json]
//
// How it measures:
// - Each system runs in a worker thread of its own, so each has its own heap: no system pays for the garbage
//   another left (compromise allocates several hundred MB per round), and none is slowed by another's caches.
// - The systems take turns, one full round of the corpus each, cycle after cycle, one at a time: a machine whose
//   speed drifts (other load, clock changes) slows all of them alike within a cycle, so each cycle's ratio is
//   fair. newsgraph's lead is the median of the per-cycle ratios.
// - Each system first reads the corpus `--warmup` times (3 by default), so that the JIT and every system's caches
//   are in the steady state a long ingest runs in.
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function corpus() {
  const seed = readFileSync(join(root, "samples", "seed", "000_e054da4499c08992.txt"), "utf8").replace(/^\s*date \S+\s*/, "");
  const voa = readFileSync(join(root, "samples", "voa", "voa_stories.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l).text);
  return [seed, ...voa];
}

// Each system does comparable work and its output is consumed, so nothing is optimised away.
async function loadSystem(name) {
  const require = createRequire(import.meta.url);
  if (name === "newsgraph") {
    const { getPipeline } = await import(join(root, "dist", "pipeline", "stages.js"));
    const { createDoc } = await import(join(root, "dist", "model", "document.js"));
    const pipeline = getPipeline();
    const run = (text) => {
      const doc = pipeline.run(createDoc(text, { id: "bench" }));
      return (doc.layers.sentences?.length ?? 0) + (doc.layers.tokens?.count ?? 0) + (doc.layers.events?.length ?? 0);
    };
    return { run, describe: pipeline.stages.map((s) => s.name).join(", ") };
  }
  if (name === "compromise") {
    const nlp = (await import("compromise")).default;
    const run = (text) => {
      const doc = nlp(text);
      return doc.sentences().length + doc.people().out("array").length + doc.places().out("array").length + doc.organizations().out("array").length;
    };
    return { run, describe: "sentences, people, places, organizations" };
  }
  const winkNLP = require("wink-nlp");
  const wink = winkNLP(require("wink-eng-lite-web-model"));
  const its = wink.its;
  const run = (text) => {
    const doc = wink.readDoc(text);
    return doc.sentences().length() + doc.entities().out(its.value).length + doc.tokens().length();
  };
  return { run, describe: "sentences, entities, tokens" };
}

if (!isMainThread) {
  // A system's worker: warm up, then one timed round per request.
  const texts = corpus();
  const system = await loadSystem(workerData.name);
  let sink = 0;
  for (let r = 0; r < workerData.warmup; r++) for (const t of texts) sink += system.run(t);
  parentPort.postMessage({ ready: true, describe: system.describe });
  parentPort.on("message", () => {
    const start = performance.now();
    for (const t of texts) sink += system.run(t);
    parentPort.postMessage({ seconds: (performance.now() - start) / 1000, sink });
  });
} else {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  // At least `rounds` cycles and `seconds` seconds.
  const rounds = option("--rounds", 5);
  const minSeconds = option("--seconds", 20);
  const warmup = option("--warmup", 3);
  const texts = corpus();
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const names = ["newsgraph", "compromise", "wink-nlp"];

  const workers = {};
  const described = {};
  for (const name of names) {
    // Started and warmed up one at a time, so that no warm-up runs beside another.
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { name, warmup } });
    const first = await new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    described[name] = first.describe;
    workers[name] = worker;
  }
  const round = (name) =>
    new Promise((resolve, reject) => {
      workers[name].once("message", (m) => resolve(m.seconds));
      workers[name].once("error", reject);
      workers[name].postMessage("round");
    });

  const samples = Object.fromEntries(names.map((n) => [n, []]));
  const began = performance.now();
  let cycles = 0;
  while (cycles < rounds || performance.now() - began < minSeconds * 1000) {
    for (const name of names) samples[name].push(await round(name));
    cycles++;
  }
  for (const worker of Object.values(workers)) await worker.terminate();

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const results = Object.fromEntries(
    names.map((name) => {
      const seconds = median(samples[name]);
      return [name, { mbPerSecond: bytes / 1e6 / seconds, articlesPerSecond: texts.length / seconds }];
    }),
  );
  const lead = (other) => median(samples[other].map((seconds, i) => seconds / samples.newsgraph[i]));
  const report = {
    corpus: { articles: texts.length, megabytes: +(bytes / 1e6).toFixed(3), cycles, warmup },
    node: process.version,
    systems: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { mbPerSecond: +v.mbPerSecond.toFixed(2), articlesPerSecond: +v.articlesPerSecond.toFixed(1) }])),
    newsgraphVsCompromise: +lead("compromise").toFixed(1),
    newsgraphVsWink: +lead("wink-nlp").toFixed(1),
    perCycleVsCompromise: samples.compromise.map((seconds, i) => +(seconds / samples.newsgraph[i]).toFixed(2)),
    seconds: Object.fromEntries(names.map((n) => [n, samples[n].map((x) => +x.toFixed(3))])),
  };
  if (args.includes("--json")) console.log(JSON.stringify(report, null, 1));
  else {
    console.log(`corpus: ${texts.length} articles, ${report.corpus.megabytes} MB; ${cycles} cycles (each system reads the corpus once per cycle, in a worker thread of its own, after ${warmup} warm-up rounds); Node ${process.version}`);
    for (const [name, v] of Object.entries(report.systems)) console.log(`${name.padEnd(12)} ${String(v.mbPerSecond).padStart(8)} MB/s ${String(v.articlesPerSecond).padStart(9)} articles/s   (${described[name]})`);
    console.log(`per-cycle lead over compromise: ${report.perCycleVsCompromise.join(" ")}`);
    console.log(`newsgraph is ${report.newsgraphVsCompromise}x compromise and ${report.newsgraphVsWink}x wink-nlp (median of the cycles)`);
  }
  if (lead("compromise") < 5) {
    console.error(`newsgraph is only ${lead("compromise").toFixed(1)}x compromise; the budget is 5x`);
    process.exitCode = 1;
  }
}

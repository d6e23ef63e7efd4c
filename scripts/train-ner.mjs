// npm run train:ner: reproduce the entity model in models/ner/ from the corpora in ../shared/data/ner
// (CoNLL-2003 train; GMB and CrossNER for harvested names; their text plus TimeBank/AQUAINT, PolNeAR and the
// VOA stories for word classes). Deterministic: the same corpora and seed give the same files.
//
//   node scripts/train-ner.mjs [--shared DIR] [--out DIR] [--epochs N] [--seed N] [--runs N] [--rows-log2 N]
//                              [--clusters 64,256,512] [--cluster-iterations N] [--clusters-from FILE]
//
// Runs from the compiled code in dist/ (npm run build first; npm run train:ner does both).
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);

const { trainNer } = await import(join(root, "dist", "entities", "trainNer.js"));
const began = Date.now();
const result = trainNer({
  shared: option("--shared", process.env.NEWSGRAPH_SHARED || join(root, "..", "shared")),
  out: option("--out", join(root, "models", "ner")),
  version: "ner@1",
  epochs: Number(option("--epochs", 12)),
  seed: Number(option("--seed", 20250328)),
  runs: Number(option("--runs", 4)),
  minWeight: Number(option("--min-weight", 500)),
  rowsLog2: Number(option("--rows-log2", 18)),
  clusterSizes: option("--clusters", "64,256,512").split(",").map(Number),
  clusterIterations: Number(option("--cluster-iterations", 6)),
  clusterMinCount: Number(option("--cluster-min-count", 3)),
  clustersFrom: option("--clusters-from", undefined),
  // Wall-clock and CPU seconds: the machine may be shared, and CPU time is what the run costs.
  log: (message) => console.log(`[${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s, cpu ${(process.cpuUsage().user / 1e6).toFixed(0).padStart(4)} s] ${message}`),
});
if (!result.dev) console.log("(CoNLL dev set not found: no score printed)");

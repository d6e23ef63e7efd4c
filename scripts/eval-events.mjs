// Scores the events stage against a gold file, either through the whole pipeline or on the gold file's own
// entity and timex layers (to measure the events stage apart from the stages before it), and can list every
// gold and predicted event side by side.
//
//   npm run build && node scripts/eval-events.mjs --gold ../shared/examples/seed.gold.json [--layers gold|pipeline] [--show]
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const goldPath = opt("--gold", join(root, "..", "shared", "examples", "seed.gold.json"));
const layers = opt("--layers", "gold");
const show = args.includes("--show");

const { readDocuments } = await import(join(root, "dist", "cli", "commands", "evaluate.js"));
const { score, formatReport } = await import(join(root, "dist", "eval", "score.js"));
const { toEvalDocument } = await import(join(root, "dist", "eval", "evalFormat.js"));
const { goldLayersDoc, SEED_ACTORS } = await import(join(root, "dist", "events", "testing.js"));
const { events } = await import(join(root, "dist", "events", "codeEvents.js"));
const { getPipeline, DEFAULT_CONFIG } = await import(join(root, "dist", "pipeline", "stages.js"));
const { createDoc } = await import(join(root, "dist", "model", "document.js"));

const gold = readDocuments(goldPath);
const started = performance.now();
const predicted = gold.map((g) => {
  let doc;
  if (layers === "gold") doc = events.run(goldLayersDoc(g, g.id === "seed-000" ? SEED_ACTORS : []), DEFAULT_CONFIG);
  else {
    doc = getPipeline().run(createDoc(String(g.text), { id: String(g.id), date: g.date ?? null }));
    if (!doc.layers.events) doc = events.run(doc, DEFAULT_CONFIG);
  }
  return toEvalDocument(doc);
});
const seconds = (performance.now() - started) / 1000;
console.log(formatReport(score(gold, predicted, {})));
console.log(`(${layers} layers, ${seconds.toFixed(2)} s)`);
if (show) {
  const fmt = (a) => (a ? `${a.name}${a.country ? `/${a.country}` : ""}${a.role ? `/${a.role}` : ""}` : "-");
  const loc = (l) => (l == null ? "-" : typeof l === "string" ? l : l.country);
  gold.forEach((g, i) => {
    const p = predicted[i];
    const text = String(g.text);
    const gev = g.events ?? [];
    const pev = p.events ?? [];
    if (!gev.length && !pev.length) return;
    console.log(`\n== ${g.id}`);
    for (const e of gev) console.log(`  G ${e.cameo ?? e.plover}${e.optional ? "?" : ""} ${fmt(e.source)} -> ${fmt(e.target)} ${e.date ?? "-"} ${loc(e.location)} ${e.status} | ${text.slice(e.evidence.start, e.evidence.end).slice(0, 110)}`);
    for (const e of pev) console.log(`  P ${e.cameo} ${e.plover} ${fmt(e.source)} -> ${fmt(e.target)} ${e.date ?? "-"} ${loc(e.location)} ${e.status} | ${text.slice(e.evidence.start, e.evidence.end).slice(0, 90)} [${e.rule}]`);
  });
}

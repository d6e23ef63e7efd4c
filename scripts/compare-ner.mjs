// Entity recognition compared in one run on the same gold file (CoNLL-2003 dev by default):
// newsgraph's trained tagger, compromise (people/places/organizations) and wink-nlp (its entity
// types, mapped where they can be). Exact span and type, types folded to CoNLL's PER/ORG/LOC/MISC
// (the rules of ../shared/eval/score.mjs --map conll).
//
//   node scripts/compare-ner.mjs [--gold FILE] [--json]
//
// Two overall columns: all four CoNLL types, and PER/ORG/LOC only (compromise has no MISC).
// compromise's spans are given the benefit of the doubt: white space and a space-separated
// punctuation token at either end are trimmed ("Brussels ." -> "Brussels").
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const goldPath = args.includes("--gold") ? args[args.indexOf("--gold") + 1] : join(root, "..", "shared", "data", "ner", "conll2003", "conll2003_dev.gold.jsonl");

const { createDoc } = await import(join(root, "dist", "model", "document.js"));
const { score } = await import(join(root, "dist", "eval", "score.js"));
const { defaultNerModel } = await import(join(root, "dist", "entities", "recognizeEntities.js"));
const { buildPipeline } = await import(join(root, "dist", "pipeline", "pipeline.js"));
const { STAGES } = await import(join(root, "dist", "pipeline", "stages.js"));

const gold = readFileSync(goldPath, "utf8").trim().split("\n").map((line) => JSON.parse(line));

// newsgraph: the stages up to and including entities (dates and quotes are not part of this comparison).
const upToEntities = buildPipeline(STAGES.slice(0, STAGES.findIndex((s) => s.name === "entities") + 1), { version: "compare" });
defaultNerModel(); // load outside the timing, as the other systems' models are

const nlp = (await import("compromise")).default;
const wink = require("wink-nlp")(require("wink-eng-lite-web-model"));
const its = wink.its;

/** Trim white space and space-separated punctuation tokens off a span's ends. */
function trim(text, start, end) {
  for (;;) {
    const before = [start, end];
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    const head = /^[^\p{L}\p{N}]+(?=\s)/u.exec(text.slice(start, end));
    if (head) start += head[0].length;
    const tail = /(?<=\s)[^\p{L}\p{N}]+$/u.exec(text.slice(start, end));
    if (tail) end -= tail[0].length;
    if (before[0] === start && before[1] === end) return [start, end];
  }
}

const systems = {
  newsgraph: (text) => {
    const doc = upToEntities.run(createDoc(text, { id: "compare" }));
    return doc.layers.entities.map((e) => ({ start: e.start, end: e.end, type: e.type }));
  },
  compromise: (text) => {
    const doc = nlp(text);
    const out = [];
    for (const [method, type] of [["people", "PERSON"], ["places", "GPE"], ["organizations", "ORG"]]) {
      for (const match of doc[method]().json({ offset: true })) {
        const [start, end] = trim(text, match.offset.start, match.offset.start + match.offset.length);
        if (end > start) out.push({ start, end, type });
      }
    }
    return out;
  },
  "wink-nlp": (text) => {
    // wink-eng-lite-web-model's entity types are DATE, TIME, CARDINAL, ORDINAL, MONEY, PERCENT, DURATION, EMAIL,
    // URL, HASHTAG, MENTION, EMOJI...: none is a person, organisation or place; they are kept under their own
    // names, which --map conll folds to MISC (so they count as MISC predictions).
    const doc = wink.readDoc(text);
    const values = doc.tokens().out();
    const spaces = doc.tokens().out(its.precedingSpaces);
    const starts = [];
    const ends = [];
    let at = 0;
    values.forEach((value, i) => {
      at += spaces[i].length;
      const found = text.indexOf(value, at);
      const start = found >= 0 && found - at < 4 ? found : at;
      starts.push(start);
      ends.push(start + value.length);
      at = start + value.length;
    });
    const out = [];
    const details = doc.entities().out(its.detail);
    doc.entities().out(its.span).forEach(([first, last], i) => out.push({ start: starts[first], end: ends[last], type: details[i].type }));
    return out;
  },
};

const results = {};
for (const [name, run] of Object.entries(systems)) {
  const began = performance.now();
  const predicted = gold.map((g) => ({ id: g.id, entities: run(g.text) }));
  const seconds = (performance.now() - began) / 1000;
  const all = score(gold, predicted, { map: "conll" }).entities;
  const three = score(gold, predicted, { map: "conll", types: ["PER", "ORG", "LOC"] }).entities;
  results[name] = { all: all.overall, three: three.overall, perType: all.perType, seconds };
}

if (args.includes("--json")) console.log(JSON.stringify({ gold: goldPath, results }, null, 1));
else {
  const f = (x) => x.toFixed(3);
  console.log(`gold: ${goldPath} (${gold.length} documents); exact span and type, --map conll`);
  console.log("| system | P | R | F1 | F1 PER/ORG/LOC | PER | ORG | LOC | MISC | seconds |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const [name, r] of Object.entries(results)) {
    const t = (type) => f(r.perType[type]?.f1 ?? 0);
    console.log(`| ${name} | ${f(r.all.precision)} | ${f(r.all.recall)} | ${f(r.all.f1)} | ${f(r.three.f1)} | ${t("PER")} | ${t("ORG")} | ${t("LOC")} | ${t("MISC")} | ${r.seconds.toFixed(1)} |`);
  }
}

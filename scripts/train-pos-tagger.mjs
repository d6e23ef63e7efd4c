// Trains the part-of-speech tagger (src/syntax/posTagger.ts) on the POS columns of CoNLL-2003's English
// training set and nine tenths of the Groningen Meaning Bank sample (../shared/data/ner/gmb, Voice of America news),
// writes data/syntax/pos-tagger.tsv, and prints its accuracy on CoNLL's eng.testa and GMB's held-out tenth.
//
//   npm run build && node scripts/train-pos-tagger.mjs [--shared DIR] [--epochs N]
//
// Both corpora are for research use: only the trained weights are committed, never the text
// (../shared/data/README.md: "Models trained from them may be committed, with the script that reproduces them").
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const shared = args.includes("--shared") ? args[args.indexOf("--shared") + 1] : process.env.NEWSGRAPH_SHARED || join(root, "..", "shared");
const epochs = args.includes("--epochs") ? Number(args[args.indexOf("--epochs") + 1]) : 6;
const { PosTrainer, serializeModel, parseModel, tagWords } = await import(join(root, "dist", "syntax", "posTagger.js"));

function readConll(path) {
  const sentences = [];
  let words = [];
  let tags = [];
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    if (!line.trim() || line.startsWith("-DOCSTART-")) {
      if (words.length) sentences.push({ words, tags });
      words = [];
      tags = [];
      continue;
    }
    const [word, tag] = line.split(" ");
    words.push(word);
    tags.push(tag);
  }
  if (words.length) sentences.push({ words, tags });
  return sentences;
}

// The Groningen Meaning Bank sample (mostly Voice of America news; tags largely automatic): its tags written as
// CoNLL writes them. The last tenth of its sentences is held out for measuring.
const GMB_TAG = { "``": '"', "''": '"', LRB: "(", RRB: ")", ";": ":" };
function readGmb(path) {
  const sentences = [];
  let current = null;
  const lines = readFileSync(path, "latin1").split(/\r?\n/).slice(1);
  for (const line of lines) {
    if (!line) continue;
    const m = /^(Sentence: \d+)?,(.*),([^,]*),([^,]*)$/.exec(line);
    if (!m) continue;
    if (m[1] || !current) {
      current = { words: [], tags: [] };
      sentences.push(current);
    }
    const word = m[2].replace(/^"(.*)"$/, "$1").replace(/""/g, '"');
    current.words.push(word);
    current.tags.push(GMB_TAG[m[3]] ?? m[3]);
  }
  return sentences;
}

const conll = join(shared, "data", "ner", "conll2003");
const gmb = readGmb(join(shared, "data", "ner", "gmb", "ner_dataset.csv"));
const gmbCut = Math.floor(gmb.length * 0.9);
const train = [...readConll(join(conll, "eng.train")), ...gmb.slice(0, gmbCut)];
const devSets = { "CoNLL eng.testa": readConll(join(conll, "eng.testa")), "GMB held-out tenth": gmb.slice(gmbCut) };
const tagSet = [...new Set(train.flatMap((s) => s.tags))].sort();

// A fixed shuffle per epoch (a small LCG), so the committed model is reproducible.
let seed = 12345;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const trainer = new PosTrainer(tagSet);
trainer.buildLexicon(train);
for (let e = 0; e < epochs; e++) {
  const order = [...train];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  console.log(`epoch ${e + 1}: training accuracy ${(trainer.epoch(order) * 100).toFixed(2)}%`);
}
const model = trainer.averaged(Number(process.env.MIN_WEIGHT ?? 1.5));
const text = serializeModel(model, [
  "Part-of-speech tagger weights (averaged perceptron, src/syntax/posTagger.ts), Penn Treebank tags.",
  "Trained by scripts/train-pos-tagger.mjs on the POS columns of CoNLL-2003 English eng.train (Tjong Kim Sang & De Meulder 2003;",
  "Reuters RCV1 text) and 90% of the Groningen Meaning Bank sample (Bos et al. 2017; VOA news), both research data whose text",
  "is not redistributed, only these weights. Do not edit by hand.",
  "Lines: tags = the tag list; lex = word always seen with one tag -> tag index; f = feature -> tag:weight pairs.",
]);
mkdirSync(join(root, "data", "syntax"), { recursive: true });
writeFileSync(join(root, "data", "syntax", "pos-tagger.tsv"), text);
const reloaded = parseModel(text);
console.log(`features ${model.weights.size}, lexicon ${model.lexicon.size}, file ${(text.length / 1e6).toFixed(2)} MB`);
for (const [name, dev] of Object.entries(devSets)) {
  let right = 0;
  let total = 0;
  for (const s of dev) {
    const predicted = tagWords(reloaded, s.words);
    predicted.forEach((t, i) => {
      total++;
      if (t === s.tags[i]) right++;
    });
  }
  console.log(`${name}: accuracy ${((right / total) * 100).toFixed(2)}% of ${total} tokens`);
}

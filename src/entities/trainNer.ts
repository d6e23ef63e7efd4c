// Training the entity tagger (scripts/train-ner.mjs calls this): read the corpora in
// ../shared/data/ner, induce word classes from unlabelled text, harvest gazetteer names from
// GMB and CrossNER, then train the averaged perceptron on CoNLL-2003 train for a fixed number
// of epochs in a seeded order. The same seed and corpora give the same model, byte for byte.
//
// The CoNLL development set is read only to report its score at the end (never to choose
// anything automatically); the unlabelled text for the word classes leaves it out as well.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { createDoc, type Doc } from "../model/document.js";
import { buildPipeline, type Pipeline } from "../pipeline/pipeline.js";
import { frame } from "../text/frame.js";
import { sentences as sentenceStage } from "../text/sentences.js";
import { tokens as tokenStage, tokenize } from "../text/tokenize.js";
import { labelCount, decodeSpans, encodeSpans, type TokenSpan } from "./bilou.js";
import { ClusterTable } from "./clusterTable.js";
import { documentText, iobSpans, readConll, readGmb, readJsonlTexts, readTabBio, type TaggedDocument } from "./corpora.js";
import type { GazetteerCategory, GazetteerEntry } from "./gazetteer.js";
import type { NerResources, TokenSequence } from "./features.js";
import { buildGazetteer, compileNames, ownGazetteerNames, saveNerModel, worldCountryEntries } from "./nerModel.js";
import { PerceptronTrainer, rankWeights, sparsify, type LinearChainModel } from "./perceptron.js";
import { entityTokens } from "./recognizeEntities.js";
import { Tagger } from "./tagger.js";
import { normalizeString } from "./textHash.js";
import { buildCorpus, exchangeClusters } from "./wordClusters.js";

export interface TrainOptions {
  /** The shared folder holding data/ner, data/timex, data/quotes, examples/voa. */
  readonly shared: string;
  /** Where the model is written (models/ner). */
  readonly out: string;
  readonly version: string;
  readonly epochs: number;
  readonly seed: number;
  /**
   * Perceptrons trained in different seeded orders whose averaged weights are averaged again:
   * the tagger is linear, so this is an ensemble at no cost at run time. One run's CoNLL dev F1
   * moves by about 0.3 with the order alone; the average of four is steadier.
   */
  readonly runs: number;
  /** Weights smaller than this, in 16-bit units of the largest (32767), are not stored. */
  readonly minWeight: number;
  readonly rowsLog2: number;
  /** Class counts of the word-class levels, coarse to fine. */
  readonly clusterSizes: readonly number[];
  readonly clusterIterations: number;
  /** Words seen fewer times get no class. */
  readonly clusterMinCount: number;
  /** Read the word classes from this clusters.tsv instead of inducing them (for quick experiments on features). */
  readonly clustersFrom?: string | undefined;
  readonly log: (message: string) => void;
}

export const CONLL_CLASSES = ["PER", "ORG", "LOC", "MISC"] as const;

/** A document ready for the tagger, with gold labels. */
export interface LabelledSequence {
  readonly seq: TokenSequence;
  readonly gold: Int32Array;
  readonly goldSpans: readonly TokenSpan[];
}

/** Deterministic 32-bit generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** The stages before entities, as the pipeline runs them. */
export function preEntityPipeline(): Pipeline {
  return buildPipeline([frame, sentenceStage, tokenStage], { version: "train" });
}

/** Run the text stages over a tagged document and map its gold entities onto the tagger's tokens. */
export function labelDocument(pipeline: Pipeline, doc: TaggedDocument, classes: readonly string[]): LabelledSequence & { readonly misaligned: number } {
  const { text, entities } = documentText(doc);
  const processed: Doc = pipeline.run(createDoc(text, { id: doc.id }));
  const seq = entityTokens(processed);
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  for (let t = 0; t < seq.count; t++) {
    byStart.set(seq.starts[t] as number, t);
    byEnd.set(seq.ends[t] as number, t);
  }
  const spans: TokenSpan[] = [];
  let misaligned = 0;
  for (const e of entities) {
    const first = byStart.get(e.start);
    const last = byEnd.get(e.end);
    const cls = classes.indexOf(e.type);
    if (first === undefined || last === undefined || cls < 0) {
      misaligned++;
      continue;
    }
    spans.push({ first, last: last + 1, cls });
  }
  const gold = new Int32Array(seq.count);
  encodeSpans(spans, gold);
  return { seq, gold, goldSpans: spans, misaligned };
}

/** Token strings of a text as the tokenizer splits it, sentence by sentence, normalised as the cluster table keys are. */
function textSentences(pipeline: Pipeline, text: string): string[][] {
  const doc = pipeline.run(createDoc(text, { id: "text" }));
  const seq = entityTokens(doc);
  const out: string[][] = [];
  let current: string[] = [];
  for (let t = 0; t < seq.count; t++) {
    if (seq.sentenceStarts[t] && current.length) {
      out.push(current);
      current = [];
    }
    current.push(normalizeString(text.slice(seq.starts[t], seq.ends[t])));
  }
  if (current.length) out.push(current);
  return out;
}

/** Pre-tokenized sentences, re-split by our tokenizer so that the classes cover the tokens the tagger will see. */
function tokenSentences(docs: readonly TaggedDocument[]): string[][] {
  const out: string[][] = [];
  for (const doc of docs) {
    for (const sentence of doc.sentences) {
      const text = sentence.tokens.join(" ");
      const tokens = tokenize(text);
      const words: string[] = [];
      for (let t = 0; t < tokens.count; t++) words.push(normalizeString(text.slice(tokens.starts[t], tokens.ends[t])));
      out.push(words);
    }
  }
  return out;
}

/** Induce word classes at each granularity and write clusters.tsv; returns the table. */
export function induceWordClasses(sentences: readonly (readonly string[])[], options: TrainOptions): ClusterTable {
  const corpus = buildCorpus(sentences, options.clusterMinCount);
  options.log(`word classes: ${corpus.ids.length} tokens, ${corpus.words.length} word types`);
  const levels: Int32Array[] = [];
  for (const classes of options.clusterSizes) {
    const started = Date.now();
    const moves: number[] = [];
    levels.push(exchangeClusters(corpus, { classes, iterations: options.clusterIterations, minCount: options.clusterMinCount, progress: (_, moved) => moves.push(moved) }));
    options.log(`  ${classes} classes: words moved per iteration ${moves.join(", ")}`);
    options.log(`  ${classes} classes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const lines = [
    "# Word classes for the entity tagger: word, then its class at each granularity (" + options.clusterSizes.join(", ") + " classes).",
    "# Induced by scripts/train-ner.mjs (src/entities/wordClusters.ts, exchange algorithm) from the unlabelled text of",
    "# CoNLL-2003 train, GMB, CrossNER politics, TimeBank/AQUAINT, PolNeAR and the VOA stories (not the CoNLL dev set).",
    "# Digits are written as 0. Derived data, compiled into lexicon.bin.gz, which the tagger loads; this copy is for reading.",
    "# Regenerate with npm run train:ner, do not edit.",
  ];
  const words: string[] = [];
  const ids: number[] = [];
  for (let w = 1; w < corpus.words.length; w++) {
    const word = corpus.words[w] as string;
    if (word.startsWith("<") && word.endsWith(">") && word.length > 2) continue; // a shape class of rare words
    const row = levels.map((level) => level[w] as number);
    lines.push(`${word}\t${row.join("\t")}`);
    words.push(word);
    for (const id of row) ids.push(id + 1);
  }
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, "clusters.tsv"), `${lines.join("\n")}\n`);
  return ClusterTable.fromWords(words, Int32Array.from(ids), options.clusterSizes.length);
}

const GMB_CATEGORIES: Readonly<Record<string, GazetteerCategory>> = { per: "corpus-person", org: "corpus-org", geo: "corpus-gpe", gpe: "corpus-norp", eve: "corpus-misc", art: "corpus-misc" };
const CROSSNER_CATEGORIES: Readonly<Record<string, GazetteerCategory>> = {
  politician: "corpus-person",
  person: "corpus-person",
  politicalparty: "corpus-org",
  organisation: "corpus-org",
  country: "corpus-gpe",
  location: "corpus-loc",
  election: "corpus-misc",
  event: "corpus-misc",
  misc: "corpus-misc",
};

/**
 * Names harvested from GMB and CrossNER: a name seen at least twice, with one category for at
 * least 80% of its mentions. GMB writes titles inside person names ("President Mahmoud
 * Ahmadinejad"); leading title words are dropped, and the first word of a remaining two-word
 * name is also kept as a first name.
 */
export function harvestGazetteer(sources: readonly { docs: readonly TaggedDocument[]; categories: Readonly<Record<string, GazetteerCategory>> }[], titles: ReadonlySet<string>): GazetteerEntry[] {
  const counts = new Map<string, Map<GazetteerCategory, number>>();
  const count = (name: string, category: GazetteerCategory): void => {
    let byCategory = counts.get(name);
    if (!byCategory) counts.set(name, (byCategory = new Map()));
    byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
  };
  for (const { docs, categories } of sources) {
    for (const doc of docs) {
      for (const sentence of doc.sentences) {
        for (const span of iobSpans(sentence.tags)) {
          const category = categories[span.type];
          if (!category) continue;
          let words = sentence.tokens.slice(span.first, span.last);
          // "The Kremlin" at a sentence start: the article is no part of the name.
          if (words.length > 1 && /^the$/i.test(words[0] as string)) words = words.slice(1);
          if (category === "corpus-person") {
            while (words.length > 1 && titles.has((words[0] as string).toLowerCase())) words = words.slice(1);
            if (words.length >= 2 && /^\p{Lu}\p{Ll}+$/u.test(words[0] as string)) count(words[0] as string, "first-name");
          }
          const name = words.join(" ");
          if (!/\p{Lu}/u.test(name) || name.length < 2) continue;
          count(name, category);
        }
      }
    }
  }
  const entries: GazetteerEntry[] = [];
  for (const name of [...counts.keys()].sort()) {
    const byCategory = counts.get(name) as Map<GazetteerCategory, number>;
    const named = [...byCategory].filter(([c]) => c !== "first-name");
    const total = named.reduce((n, [, c]) => n + c, 0);
    const [top, topCount] = named.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ["first-name", 0];
    if (total >= 2 && topCount >= 0.8 * total) entries.push({ name, category: top as GazetteerCategory });
    const first = byCategory.get("first-name") ?? 0;
    if (first >= 2 && (byCategory.get("corpus-person") ?? 0) <= first) entries.push({ name, category: "first-name" });
  }
  return entries;
}

export interface Evaluation {
  readonly tp: number;
  readonly pred: number;
  readonly gold: number;
  readonly f1: number;
  readonly perClass: Readonly<Record<string, { tp: number; pred: number; gold: number; f1: number }>>;
}

function f1(tp: number, pred: number, gold: number): number {
  return tp === 0 ? 0 : (2 * tp) / (pred + gold);
}

/** Exact span-and-class F1 of a tagger over labelled sequences (the tagger's own classes, before OntoNotes typing). */
export function evaluateTagger(tagger: Tagger, data: readonly LabelledSequence[], classes: readonly string[]): Evaluation {
  const per = classes.map(() => ({ tp: 0, pred: 0, gold: 0 }));
  for (const { seq, goldSpans } of data) {
    const predicted = decodeSpans(tagger.tag(seq).labels, 0, seq.count);
    const gold = new Set(goldSpans.map((s) => `${s.first}:${s.last}:${s.cls}`));
    for (const s of goldSpans) (per[s.cls] as { gold: number }).gold++;
    for (const s of predicted) {
      const p = per[s.cls] as { tp: number; pred: number };
      p.pred++;
      if (gold.has(`${s.first}:${s.last}:${s.cls}`)) p.tp++;
    }
  }
  const sum = (k: "tp" | "pred" | "gold"): number => per.reduce((n, p) => n + p[k], 0);
  return {
    tp: sum("tp"),
    pred: sum("pred"),
    gold: sum("gold"),
    f1: f1(sum("tp"), sum("pred"), sum("gold")),
    perClass: Object.fromEntries(classes.map((c, i) => {
      const p = per[i] as { tp: number; pred: number; gold: number };
      return [c, { ...p, f1: f1(p.tp, p.pred, p.gold) }];
    })),
  };
}

export interface TrainResult {
  readonly model: LinearChainModel;
  readonly tagger: Tagger;
  readonly dev: Evaluation | null;
  readonly seconds: number;
}

export function trainNer(options: TrainOptions): TrainResult {
  const started = Date.now();
  const { log, shared } = options;
  const ner = join(shared, "data", "ner");
  const pipeline = preEntityPipeline();

  log("reading corpora");
  const train = readConll(join(ner, "conll2003", "eng.train"));
  const gmb = readGmb(join(ner, "gmb", "ner_dataset.csv"));
  const crossner = [...readTabBio(join(ner, "crossner-politics", "train.txt")), ...readTabBio(join(ner, "crossner-politics", "dev.txt"))];
  const texts = [
    join(shared, "data", "timex", "timebank.gold.jsonl"),
    join(shared, "data", "timex", "aquaint.gold.jsonl"),
    join(shared, "data", "quotes", "polnear_dev.gold.jsonl"),
    join(shared, "examples", "voa", "voa_stories.jsonl"),
  ].flatMap((path) => (existsSync(path) ? readJsonlTexts(path) : []));

  let clusters: ClusterTable;
  if (options.clustersFrom) {
    const tsv = readFileSync(options.clustersFrom, "utf8");
    clusters = ClusterTable.parse(tsv);
    mkdirSync(options.out, { recursive: true });
    writeFileSync(join(options.out, "clusters.tsv"), tsv);
    log(`word classes read from ${options.clustersFrom}`);
  } else {
    const unlabelled = [...tokenSentences(train), ...tokenSentences(gmb), ...tokenSentences(crossner), ...texts.flatMap((text) => textSentences(pipeline, text))];
    clusters = induceWordClasses(unlabelled, options);
  }

  const titles = new Set(ownGazetteerNames("title").map((name) => name.toLowerCase()));
  const harvested = harvestGazetteer(
    [
      { docs: gmb, categories: GMB_CATEGORIES },
      { docs: crossner, categories: CROSSNER_CATEGORIES },
    ],
    titles,
  );
  writeFileSync(
    join(options.out, "gazetteer.tsv"),
    [
      "# Names harvested by scripts/train-ner.mjs from the GMB (Groningen Meaning Bank, VOA news) and CrossNER politics",
      "# (Wikipedia, MIT) training annotations: a name seen at least twice with one category for 80% of its mentions.",
      "# Derived data like the weights, compiled into lexicon.bin.gz, which the tagger loads; this copy is for reading.",
      "# Regenerate with npm run train:ner, do not edit (add names to data/entities/ner-gazetteer.tsv instead).",
      "name\tcategory",
      ...harvested.map((e) => `${e.name}\t${e.category}`),
    ].join("\n") + "\n",
  );
  log(`gazetteer: ${harvested.length} harvested names, ${worldCountryEntries().length} from world-countries`);
  const names = compileNames(harvested);
  const resources: NerResources = { clusters, gazetteer: buildGazetteer(names) };

  const classes = CONLL_CLASSES;
  let misaligned = 0;
  const labelled = train.map((doc) => {
    const l = labelDocument(pipeline, doc, classes);
    misaligned += l.misaligned;
    return l;
  });
  log(`training: ${labelled.length} documents, ${labelled.reduce((n, l) => n + l.seq.count, 0)} tokens, ${misaligned} entities not on token boundaries`);

  const rows = 1 << options.rowsLog2;
  const labels = labelCount(classes.length);
  const sum = new Float32Array(rows * labels);
  const transitionSum = new Float32Array((labels + 1) * labels);
  for (let run = 0; run < options.runs; run++) {
    const trainer = new PerceptronTrainer(rows, labels);
    const trainingTagger = new Tagger(trainer, classes, resources);
    const random = seededRandom(options.seed + run);
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const t0 = Date.now();
      let errors = 0;
      let total = 0;
      for (const item of shuffle([...labelled], random)) {
        const { labels: predicted } = trainingTagger.tag(item.seq, { trainer, gold: item.gold });
        for (let t = 0; t < predicted.length; t++) if (predicted[t] !== item.gold[t]) errors++;
        total += predicted.length;
      }
      if (epoch === 1 || epoch === options.epochs) log(`run ${run + 1}/${options.runs}, epoch ${epoch}: ${((1 - errors / total) * 100).toFixed(2)}% tokens right while learning (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
    const averaged = trainer.averaged();
    if (averaged.weights.kind !== "dense") throw new Error("a trainer averages to dense weights");
    const values = averaged.weights.values;
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (values[i] as number) / options.runs;
    for (let i = 0; i < transitionSum.length; i++) transitionSum[i] = (transitionSum[i] as number) + (averaged.transitions[i] as number) / options.runs;
  }
  const model = sparsify({ labels, rows, weights: { kind: "dense", values: sum }, transitions: transitionSum }, options.minWeight);
  // Scored as the pipeline will read it: the stored weights, ranked (perceptron.ts rankWeights).
  if (model.weights.kind !== "sparse") throw new Error("sparsify returns sparse weights");
  const tagger = new Tagger({ ...model, weights: rankWeights(model.weights, rows, labels) }, classes, resources);

  let dev: Evaluation | null = null;
  const devPath = join(ner, "conll2003", "eng.testa");
  if (existsSync(devPath)) {
    const devData = readConll(devPath).map((doc) => labelDocument(pipeline, doc, classes));
    dev = evaluateTagger(tagger, devData, classes);
    log(`CoNLL dev (testa), tagger classes: F1 ${dev.f1.toFixed(4)} ` + Object.entries(dev.perClass).map(([c, p]) => `${c} ${p.f1.toFixed(4)}`).join(" "));
  }
  const seconds = (Date.now() - started) / 1000;
  saveNerModel(options.out, model, { clusters, names }, {
    version: options.version,
    classes,
    training: {
      data: "CoNLL-2003 eng.train (IOB1 converted to BILOU)",
      wordClasses: `exchange algorithm, ${options.clusterSizes.join("/")} classes, ${options.clusterIterations} iterations, min count ${options.clusterMinCount}`,
      gazetteers: "world-countries, data/entities/ner-gazetteer.tsv, models/ner/gazetteer.tsv",
      epochs: options.epochs,
      runs: `${options.runs}, seeds ${options.seed}..${options.seed + options.runs - 1}, weights averaged`,
      rows: `2^${options.rowsLog2}`,
      minWeight: `${options.minWeight} of 32767`,
      devF1: dev ? Math.round(dev.f1 * 10000) / 10000 : null,
    },
  });
  log(`model written to ${options.out} in ${seconds.toFixed(0)} s`);
  return { model, tagger, dev, seconds };
}

// The trained entity model on disk (models/ner/, written by `npm run train:ner`) and the
// resources its features read:
//
//   models/ner/model.json     header: version, classes, table size, weight scale, transitions, training record
//   models/ner/weights.bin.gz the non-zero emission weights, row by row (perceptron.ts encodeSparse), gzipped
//   models/ner/lexicon.bin.gz the derived lexicons, compiled for a fast load: word classes induced
//                             from unlabelled text (wordClusters.ts) and names harvested from the GMB
//                             and CrossNER corpora, both keyed by their hashes
//   models/ner/clusters.tsv,  the same two lexicons as text, for people to read and diff (the
//   models/ner/gazetteer.tsv  tagger does not load them)
//
// plus the hand-kept gazetteer data/entities/ner-gazetteer.tsv and world-countries' names,
// capitals and demonyms. The gazetteers are evidence the tagger weighs: editing a list changes
// what the model sees without retraining.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { dataDir, packageRoot } from "../model/dataFiles.js";
import { ClusterTable } from "./clusterTable.js";
import { HashTable } from "./textHash.js";
import { GAZETTEER_CATEGORIES, Gazetteer, categoryBit, isGazetteerCategory, type GazetteerCategory, type GazetteerEntry } from "./gazetteer.js";
import type { NerResources } from "./features.js";
import { decodeSparse, encodeSparse, rankWeights, type LinearChainModel, type SparseWeights } from "./perceptron.js";
import { Tagger } from "./tagger.js";

export const NER_MODEL_DIR = join(packageRoot, "models", "ner");

export interface NerModelHeader {
  readonly format: 1;
  /** Goes into every mention's provenance: "ner@1". */
  readonly version: string;
  /** The entity classes the tagger predicts, in label order. */
  readonly classes: readonly string[];
  readonly rows: number;
  readonly labels: number;
  /** Non-zero weights stored. */
  readonly entries: number;
  readonly scale: number;
  readonly transitions: readonly number[];
  /** How the model was trained: corpora, epochs, seed, figures; for people, not for the code. */
  readonly training: Readonly<Record<string, unknown>>;
}

export interface LoadedNerModel {
  readonly header: NerModelHeader;
  readonly tagger: Tagger;
}

export class NerModelError extends Error {
  readonly code = "E_NER_MODEL";
}

interface WorldCountry {
  readonly name: { readonly common: string; readonly official: string };
  readonly altSpellings: readonly string[];
  readonly capital: readonly string[];
  readonly demonyms?: { readonly eng?: { readonly f: string; readonly m: string } };
}

/** "Colombian" -> "Colombians", "Iraqi" -> "Iraqis"; "Chinese", "French", "Swiss" have no plural in -s. */
export function demonymPlural(demonym: string): string | null {
  return /(an|i)$/.test(demonym) && !/ese$/.test(demonym) ? `${demonym}s` : null;
}

/** Country names, capitals and English demonyms (with plurals) from world-countries (ODbL). */
export function worldCountryEntries(): GazetteerEntry[] {
  const countries = createRequire(import.meta.url)("world-countries") as readonly WorldCountry[];
  const entries: GazetteerEntry[] = [];
  for (const c of countries) {
    entries.push({ name: c.name.common, category: "country" }, { name: c.name.official, category: "country" });
    // Two-letter codes ("CO", "IN", "AM") would match ordinary words once lower-cased.
    for (const alt of c.altSpellings) if (alt.length >= 4) entries.push({ name: alt, category: "country" });
    for (const capital of c.capital) entries.push({ name: capital, category: "capital" });
    const demonyms = c.demonyms?.eng;
    if (demonyms) {
      for (const d of new Set([demonyms.m, demonyms.f])) {
        if (!d) continue;
        for (const form of d.split(/,\s*/)) {
          entries.push({ name: form, category: "demonym" });
          const plural = demonymPlural(form);
          if (plural) entries.push({ name: plural, category: "demonym" });
        }
      }
    }
  }
  return entries;
}

/**
 * Add the rows of a name<TAB>category file (comment lines, then a header line, then rows) to a
 * gazetteer, reading names where they stand in the file.
 */
export function addGazetteerTsv(gazetteer: Gazetteer, tsv: string, file: string): void {
  let at = 0;
  let header = true;
  let line = 0;
  while (at < tsv.length) {
    let end = tsv.indexOf("\n", at);
    if (end < 0) end = tsv.length;
    line++;
    let stop = end;
    if (stop > at && tsv.charCodeAt(stop - 1) === 0x0d) stop--;
    if (stop > at && tsv.charCodeAt(at) !== 0x23 /* # */) {
      const tab = tsv.indexOf("\t", at);
      if (header) {
        if (tsv.slice(at, stop) !== "name\tcategory") throw new NerModelError(`E_NER_GAZETTEER: ${file}:${line} should be the header "name<TAB>category"`);
        header = false;
      } else {
        const category = tab > at && tab < stop ? tsv.slice(tab + 1, stop).trim() : "";
        if (!isGazetteerCategory(category)) {
          throw new NerModelError(`E_NER_GAZETTEER: ${file}:${line} has category "${category}", which is not one of the categories in src/entities/gazetteer.ts (${GAZETTEER_CATEGORIES.join(", ")}); fix the row`);
        }
        gazetteer.addRange(tsv, at, tab, categoryBit(category));
      }
    }
    at = end + 1;
  }
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** Names harvested at training time, compiled to their sequence hashes (Gazetteer.hashes) and category bits. */
export interface HarvestedNames {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly bits: Int32Array;
}

/**
 * The gazetteer the tagger reads: world-countries' names, capitals and demonyms, the hand-kept
 * data/entities/ner-gazetteer.tsv (read as text, so an edit needs no retraining), and the
 * harvested names.
 */
export function buildGazetteer(harvested: HarvestedNames): Gazetteer {
  const countries = worldCountryEntries();
  const own = readFileSync(join(dataDir, "entities", "ner-gazetteer.tsv"), "utf8");
  const gazetteer = new Gazetteer(countries.length + countLines(own) + harvested.a.length);
  for (const entry of countries) gazetteer.add(entry.name, entry.category);
  addGazetteerTsv(gazetteer, own, "data/entities/ner-gazetteer.tsv");
  for (let i = 0; i < harvested.a.length; i++) gazetteer.addHashed(harvested.a[i] as number, harvested.b[i] as number, harvested.bits[i] as number);
  return gazetteer;
}

/** Compile harvested names to hashes (with any gazetteer: the hashes do not depend on its content). */
export function compileNames(entries: readonly GazetteerEntry[]): HarvestedNames {
  const hasher = new Gazetteer(0);
  const a: number[] = [];
  const b: number[] = [];
  const bits: number[] = [];
  for (const entry of entries) {
    const hashes = hasher.hashes(entry.name);
    if (!hashes) continue;
    a.push(hashes[0]);
    b.push(hashes[1]);
    bits.push(categoryBit(entry.category));
  }
  return { a: Int32Array.from(a), b: Int32Array.from(b), bits: Int32Array.from(bits) };
}

/**
 * lexicon.bin.gz: a JSON header line (levels, words, names), then little-endian arrays: the
 * words' two hashes (int32 each), their classes (uint16, levels per word), the names' two
 * sequence hashes and category bits (int32 each).
 */
export function encodeLexicon(clusters: ClusterTable, names: HarvestedNames): Buffer {
  const { keysA, keysB, rows, classes } = clusters.toArrays();
  const words = clusters.size;
  const wordA = new Int32Array(words);
  const wordB = new Int32Array(words);
  for (let slot = 0; slot < rows.length; slot++) {
    const row = rows[slot] as number;
    if (row < 0) continue;
    wordA[row] = keysA[slot] as number;
    wordB[row] = keysB[slot] as number;
  }
  const header = Buffer.from(`${JSON.stringify({ format: 1, levels: clusters.levels, words, names: names.a.length })}\n`);
  const parts = [header, wordA, wordB, Uint16Array.from(classes), names.a, names.b, names.bits].map((part) =>
    Buffer.isBuffer(part) ? part : Buffer.from(part.buffer, part.byteOffset, part.byteLength),
  );
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

function copyInts<T extends Int32Array | Uint16Array>(bytes: Uint8Array, at: number, into: T): T {
  new Uint8Array(into.buffer).set(bytes.subarray(at, at + into.byteLength));
  return into;
}

export function decodeLexicon(gzipped: Uint8Array, file: string): { readonly clusters: ClusterTable; readonly names: HarvestedNames } {
  const bytes = gunzipSync(gzipped);
  const newline = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.subarray(0, newline).toString("utf8")) as { format: number; levels: number; words: number; names: number };
  const { levels, words, names } = header;
  if (header.format !== 1 || newline + 1 + words * (8 + 2 * levels) + names * 12 !== bytes.length) {
    throw new NerModelError(`E_NER_MODEL: ${file} is not a lexicon this code reads (format ${header.format}, ${bytes.length} bytes); retrain with npm run train:ner`);
  }
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new NerModelError("E_NER_MODEL: lexicon.bin.gz is little-endian; this machine is big-endian");
  let at = newline + 1;
  const wordA = copyInts(bytes, at, new Int32Array(words));
  at += words * 4;
  const wordB = copyInts(bytes, at, new Int32Array(words));
  at += words * 4;
  const classes16 = copyInts(bytes, at, new Uint16Array(words * levels));
  at += words * levels * 2;
  const a = copyInts(bytes, at, new Int32Array(names));
  at += names * 4;
  const b = copyInts(bytes, at, new Int32Array(names));
  at += names * 4;
  const bits = copyInts(bytes, at, new Int32Array(names));
  const table = new HashTable(words);
  for (let w = 0; w < words; w++) table.set(wordA[w] as number, wordB[w] as number, w);
  const clusters = ClusterTable.fromArrays(...tableArrays(table), Int32Array.from(classes16), levels);
  return { clusters, names: { a, b, bits } };
}

function tableArrays(table: HashTable): [Int32Array, Int32Array, Int32Array] {
  const { keysA, keysB, values } = table.toArrays();
  return [keysA, keysB, values];
}

/** The hand-kept entries of one category (data/entities/ner-gazetteer.tsv). */
export function ownGazetteerNames(category: GazetteerCategory): string[] {
  return readFileSync(join(dataDir, "entities", "ner-gazetteer.tsv"), "utf8")
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => line.split("\t"))
    .filter((cells) => cells[1]?.trim() === category)
    .map((cells) => cells[0] as string);
}

function readModelFile(dir: string, name: string): Buffer {
  try {
    return readFileSync(join(dir, name));
  } catch (error) {
    throw new NerModelError(`E_NER_MODEL: cannot read ${join(dir, name)} (${(error as Error).message}); run npm run train:ner to build the entity model`);
  }
}

export function loadNerModel(dir: string = NER_MODEL_DIR): LoadedNerModel {
  const header = JSON.parse(readModelFile(dir, "model.json").toString("utf8")) as NerModelHeader;
  if (header.format !== 1) throw new NerModelError(`E_NER_MODEL: ${join(dir, "model.json")} has format ${String(header.format)}, this code reads format 1; retrain with npm run train:ner`);
  let weights: SparseWeights;
  try {
    weights = decodeSparse(gunzipSync(readModelFile(dir, "weights.bin.gz")), header.rows, header.entries, header.scale);
  } catch (error) {
    if (error instanceof NerModelError) throw error;
    throw new NerModelError(`E_NER_MODEL: ${join(dir, "weights.bin.gz")} does not match model.json (${(error as Error).message}); retrain with npm run train:ner`);
  }
  const model: LinearChainModel = { labels: header.labels, rows: header.rows, weights: rankWeights(weights, header.rows, header.labels), transitions: Float32Array.from(header.transitions) };
  const lexicon = decodeLexicon(readModelFile(dir, "lexicon.bin.gz"), join(dir, "lexicon.bin.gz"));
  const resources: NerResources = { clusters: lexicon.clusters, gazetteer: buildGazetteer(lexicon.names) };
  return { header, tagger: new Tagger(model, header.classes, resources) };
}

/** Write a sparse model, its header and its compiled lexicons. */
export function saveNerModel(dir: string, model: LinearChainModel, resources: { readonly clusters: ClusterTable; readonly names: HarvestedNames }, header: Omit<NerModelHeader, "rows" | "labels" | "entries" | "scale" | "transitions" | "format">): void {
  const weights = model.weights;
  if (weights.kind !== "sparse") throw new NerModelError("E_NER_MODEL: sparsify the model before saving it");
  mkdirSync(dir, { recursive: true });
  const full: NerModelHeader = {
    format: 1,
    ...header,
    rows: model.rows,
    labels: model.labels,
    entries: weights.values.length,
    scale: weights.scale,
    transitions: Array.from(model.transitions, (x) => Math.round(x * 1e4) / 1e4),
  };
  writeFileSync(join(dir, "model.json"), `${JSON.stringify(full, null, 1)}\n`);
  writeFileSync(join(dir, "weights.bin.gz"), gzipSync(encodeSparse(weights, model.rows), { level: 9 }));
  writeFileSync(join(dir, "lexicon.bin.gz"), encodeLexicon(resources.clusters, resources.names));
}

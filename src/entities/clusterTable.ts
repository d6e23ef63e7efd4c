// Word classes induced from unlabelled news text (see wordClusters.ts), looked up by a token's
// hashes. Each word has a class at several granularities (coarse to fine); class 0 means "not
// in the table". The file is models/ner/clusters.tsv: `word<TAB>class…`, written by
// scripts/train-ner.mjs.
import { CASE_EXACT, HashTable, SEED_A, SEED_B, hashPair, hashString } from "./textHash.js";

export class ClusterTable {
  private readonly table: HashTable;
  /** classes[row * levels + level], 1-based; 0 = unknown. */
  private readonly classes: Int32Array;
  readonly levels: number;
  readonly size: number;

  /** `classes` are 1-based, `levels` per row; `table` maps a word's two exact hashes to its row. */
  constructor(table: HashTable, classes: Int32Array, levels: number, size: number) {
    if (classes.length !== size * levels) throw new RangeError("ClusterTable: one class per word and level");
    this.table = table;
    this.classes = classes;
    this.levels = levels;
    this.size = size;
  }

  /** A table from words and their 1-based classes (levels consecutive per word). */
  static fromWords(words: readonly string[], classes: Int32Array, levels: number): ClusterTable {
    const table = new HashTable(words.length);
    words.forEach((word, row) => table.set(hashString(word, CASE_EXACT, SEED_A), hashString(word, CASE_EXACT, SEED_B), row));
    return new ClusterTable(table, classes, levels, words.length);
  }

  /** The arrays to store the table compactly (see fromArrays). */
  toArrays(): { readonly keysA: Int32Array; readonly keysB: Int32Array; readonly rows: Int32Array; readonly classes: Int32Array } {
    const { keysA, keysB, values } = this.table.toArrays();
    return { keysA, keysB, rows: values, classes: this.classes };
  }

  static fromArrays(keysA: Int32Array, keysB: Int32Array, rows: Int32Array, classes: Int32Array, levels: number): ClusterTable {
    return new ClusterTable(HashTable.fromArrays(keysA, keysB, rows), classes, levels, classes.length / levels);
  }

  /** The table row of a word given its two hashes, or -1. */
  row(hashA: number, hashB: number): number {
    return this.table.get(hashA, hashB);
  }

  /** The 1-based class of a row at a level; 0 for row -1. */
  classOf(row: number, level: number): number {
    return row < 0 ? 0 : (this.classes[row * this.levels + level] as number);
  }

  /**
   * Parse clusters.tsv in one scan over its characters: words are hashed where they stand in the
   * file (no string per line), numbers read digit by digit. About 30,000 lines load in a few ms.
   */
  static parse(tsv: string): ClusterTable {
    let lines = 0;
    for (let i = tsv.indexOf("\n"); i >= 0; i = tsv.indexOf("\n", i + 1)) lines++;
    lines++;
    let levels = 0;
    let table: HashTable | null = null;
    let classes = new Int32Array(0);
    let rows = 0;
    let at = 0;
    const pair = new Int32Array(2);
    while (at < tsv.length) {
      let end = tsv.indexOf("\n", at);
      if (end < 0) end = tsv.length;
      // Comment lines only head the file: "#" is also a word ("#MeToo").
      if (end > at && (rows > 0 || tsv.charCodeAt(at) !== 0x23) /* # */) {
        const tab = tsv.indexOf("\t", at);
        if (tab < 0 || tab > end) throw new Error(`E_NER_CLUSTERS: clusters.tsv line "${tsv.slice(at, Math.min(end, at + 40))}" has no classes; retrain with npm run train:ner`);
        if (levels === 0) {
          for (let i = tab; i < end; i++) if (tsv.charCodeAt(i) === 0x09) levels++;
          table = new HashTable(lines);
          classes = new Int32Array(lines * levels);
        }
        let level = 0;
        let value = 0;
        for (let i = tab + 1; i <= end; i++) {
          const c = i < end ? tsv.charCodeAt(i) : 0x09;
          if (c === 0x09 || c === 0x0d) {
            if (level < levels) classes[rows * levels + level] = value + 1;
            level++;
            value = 0;
            if (c === 0x0d) break;
          } else value = value * 10 + (c - 0x30);
        }
        if (level !== levels) throw new Error(`E_NER_CLUSTERS: clusters.tsv line "${tsv.slice(at, tab)}" has ${level} classes, expected ${levels}; retrain with npm run train:ner`);
        hashPair(tsv, at, tab, CASE_EXACT, pair);
        (table as HashTable).set(pair[0] as number, pair[1] as number, rows);
        rows++;
      }
      at = end + 1;
    }
    return new ClusterTable(table ?? new HashTable(1), classes.subarray(0, rows * levels), levels, rows);
  }
}

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ClusterTable } from "./clusterTable.js";
import { Gazetteer, categoryBit } from "./gazetteer.js";
import { addGazetteerTsv, compileNames, decodeLexicon, demonymPlural, encodeLexicon, NerModelError } from "./nerModel.js";
import { compoundParts } from "./recognizeEntities.js";
import { CASE_EXACT, SEED_A, SEED_B, hashString } from "./textHash.js";

describe("entity model files", () => {
  const plurals: ReadonlyArray<readonly [string, string | null]> = [
    ["Colombian", "Colombians"],
    ["Iraqi", "Iraqis"],
    ["Chinese", null],
    ["French", null],
    ["Swiss", null],
  ];
  for (const [demonym, plural] of plurals) {
    it(`pluralises the demonym ${demonym} as ${String(plural)}`, () => assert.equal(demonymPlural(demonym), plural));
  }

  it("reads a name<TAB>category file and says which row is wrong", () => {
    const gazetteer = new Gazetteer(8);
    addGazetteerTsv(gazetteer, "# a comment\nname\tcategory\nTren de Aragua\torg\nKharkiv\tplace-gpe\n", "test.tsv");
    assert.equal(gazetteer.lookupText("tren de aragua"), categoryBit("org"));
    assert.throws(() => addGazetteerTsv(new Gazetteer(4), "name\tcategory\nKharkiv\tcity\n", "test.tsv"), (error: unknown) => error instanceof NerModelError && /test\.tsv:2 has category "city"/.test(error.message));
  });

  it("stores word classes and harvested names in lexicon.bin.gz and reads them back", () => {
    const clusters = ClusterTable.fromWords(["Noem", "Colombia", "#"], Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), 3);
    const names = compileNames([{ name: "Tren de Aragua", category: "corpus-org" }]);
    const back = decodeLexicon(encodeLexicon(clusters, names), "test");
    const row = back.clusters.row(hashString("Colombia", CASE_EXACT, SEED_A), hashString("Colombia", CASE_EXACT, SEED_B));
    assert.deepEqual([0, 1, 2].map((level) => back.clusters.classOf(row, level)), [4, 5, 6]);
    assert.deepEqual([...back.names.bits], [categoryBit("corpus-org")]);
  });
});

describe("compound words", () => {
  const gazetteer = Gazetteer.of([
    { name: "U.S.", category: "country" },
    { name: "Russia", category: "country" },
    { name: "Ukraine", category: "country" },
    { name: "Canadian", category: "demonym" },
    { name: "Moscow", category: "capital" },
  ]);
  const cases: ReadonlyArray<readonly [string, readonly string[] | null]> = [
    ["U.S.-designated", ["U.S./GPE"]],
    ["Russia-Ukraine", ["Russia/GPE", "Ukraine/GPE"]],
    ["Canadian-made", ["Canadian/NORP"]],
    ["Pro-Moscow", ["Moscow/GPE"]],
    ["IS-Somalia", null], // an organisation: "IS" is no place
    ["al-Shabab", null],
    ["hand-in-hand", null],
  ];
  for (const [word, expected] of cases) {
    it(`splits ${word} into ${JSON.stringify(expected)}`, () => {
      const parts = compoundParts(word, 0, word.length, gazetteer);
      assert.deepEqual(parts && parts.map((p) => `${word.slice(p.start, p.end)}/${p.type}`), expected);
    });
  }
});

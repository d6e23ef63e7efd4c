// Our scorer must print the same figures as ../shared/eval/score.mjs, layer by layer.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { score } from "./score.js";
import { SHARED, tempDir } from "../cli/testing.js";

const scorer = join(SHARED, "eval", "score.mjs");
const seedGold = join(SHARED, "examples", "seed.gold.json");
const present = existsSync(scorer) && existsSync(seedGold);

type Json = Record<string, unknown>;

/** A prediction that gets some of everything wrong, in the ways systems do. */
function perturb(gold: Json): Json {
  const entities = (gold["entities"] as Json[]).filter((_, i) => i % 5 !== 0).map((e, i) => (i % 7 === 0 ? { ...e, type: "ORG" } : e));
  const timexes = (gold["timexes"] as Json[]).map((t, i) => (i === 1 ? { ...t, value: "2024-01" } : i === 2 ? { ...t, end: (t["end"] as number) - 7 } : t));
  const quotes = (gold["quotes"] as Json[]).map((q, i) => (i === 2 ? { ...q, speaker: "Gustavo Petro" } : q));
  const events = (gold["events"] as Json[]).filter((_, i) => i % 4 !== 1).map((e, i) => (i % 3 === 0 ? { ...e, date: null, status: "planned" } : i % 5 === 0 ? { ...e, source: { name: "Nobody" } } : e));
  const sentences = (gold["sentences"] as Json[]).filter((_, i) => i !== 3);
  return { id: gold["id"], text: gold["text"], sentences, entities, timexes, quotes, events };
}

describe("score", () => {
  it("agrees with score.mjs on every layer of a perturbed seed", { skip: !present && "../shared not present" }, () => {
    const gold = JSON.parse(readFileSync(seedGold, "utf8")) as Json;
    const predicted = perturb(gold);
    const dir = tempDir();
    const predPath = join(dir, "pred.jsonl");
    writeFileSync(predPath, JSON.stringify(predicted));
    for (const extra of [[], ["--map", "conll"], ["--types", "PERSON,GPE"]]) {
      const reference = JSON.parse(spawnSync(process.execPath, [scorer, "--gold", seedGold, "--pred", predPath, "--json", ...extra], { encoding: "utf8" }).stdout) as Json;
      const options = extra[0] === "--map" ? { map: "conll" as const } : extra[0] === "--types" ? { types: ["PERSON", "GPE"] } : {};
      const ours = JSON.parse(JSON.stringify(score([gold], [predicted], options))) as Json;
      delete (ours["sentences"] as Json)["documentsExactCount"];
      assert.deepEqual(ours, reference, extra.join(" "));
    }
  });

  it("counts a missing prediction as all missed", () => {
    const report = score([{ id: "a", text: "One. Two.", sentences: [{ start: 0, end: 4 }, { start: 5, end: 9 }] }], []);
    assert.equal(report.predicted, 0);
    assert.equal(report.sentences?.boundaries.recall, 0);
  });
});

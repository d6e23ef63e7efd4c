import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sharedDir } from "../model/dataFiles.js";
import { score } from "../eval/score.js";
import { timexPatterns } from "./timePatterns.js";
import { NORMALISER_NAMES } from "./resolveTimexes.js";
import { timeDoc } from "./testing.js";

describe("timexes: the patterns file", () => {
  it("names a known normaliser (or a fixed =VALUE) in every row", () => {
    for (const p of timexPatterns().patterns) {
      assert.ok(p.normaliser.startsWith("=") || NORMALISER_NAMES.includes(p.normaliser), `${p.id}: unknown normaliser "${p.normaliser}"`);
      assert.ok(p.reason.length > 0, `${p.id}: give a reason`);
    }
  });
});

const seedPath = join(sharedDir, "examples", "seed.gold.json");

describe("timexes: the seed story (2025-03-28, a Friday)", { skip: !existsSync(seedPath) && "../shared is not beside the checkout" }, () => {
  it("finds all 7 expressions with their gold values", () => {
    const gold = JSON.parse(readFileSync(seedPath, "utf8")) as { text: string; date: string; timexes: { start: number; end: number; text: string; value: string }[] };
    const found = timeDoc(gold.text, gold.date).layers.timexes ?? [];
    assert.deepEqual(
      found.map((t) => [t.start, t.end, t.text, t.value]),
      gold.timexes.map((t) => [t.start, t.end, t.text, t.value]),
    );
    // "Later in the day" is anchored to "Thursday morning"; "On Friday, Noem is set to visit" looks forward
    const later = found.find((t) => t.text === "Later in the day");
    assert.equal(later?.anchor, found.findIndex((t) => t.text === "Thursday morning"));
    assert.equal(found.find((t) => t.text === "Friday")?.direction, "future");
  });
});

// TimeBank 1.2 + AQUAINT (TempEval-3 training data, TE3 scoring as ../shared/eval/score.mjs). The bars the issue
// sets are relaxed span F1 >= 0.90 and value F1 >= 0.85; the relaxed bar holds, the value bar does not yet. The value
// floors below are regression guards just under what the stage reaches today (TimeBank 0.854, AQUAINT 0.781, combined
// 0.830), not the goal: raise them as it improves. scripts/timex-errors.mjs shows where the rest of the errors are.
const FLOORS = {
  timebank: { relaxed: 0.9, value: 0.85 },
  aquaint: { relaxed: 0.9, value: 0.775 },
  combined: { relaxed: 0.9, value: 0.825 },
} as const;

const timexDir = join(sharedDir, "data", "timex");

describe("timexes: TimeBank and AQUAINT figures", { skip: !existsSync(timexDir) && "../shared/data/timex is not beside the checkout" }, () => {
  const all = { gold: [] as Record<string, unknown>[], pred: [] as Record<string, unknown>[] };
  for (const corpus of ["timebank", "aquaint"] as const) {
    it(`${corpus}: relaxed F1 >= ${FLOORS[corpus].relaxed}, value F1 >= ${FLOORS[corpus].value}`, () => {
      const gold = readFileSync(join(timexDir, `${corpus}.gold.jsonl`), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
      const pred = gold.map((g) => {
        const doc = timeDoc(String(g["text"]), (g["date"] as string | null) ?? null);
        return { id: g["id"], timexes: (doc.layers.timexes ?? []).map((t) => ({ start: t.start, end: t.end, value: t.value })) };
      });
      all.gold.push(...gold);
      all.pred.push(...pred);
      const t = score(gold, pred).timexes;
      assert.ok(t, "timexes scored");
      assert.ok(t.relaxed.f1 >= FLOORS[corpus].relaxed, `relaxed F1 ${t.relaxed.f1}`);
      assert.ok(t.value.f1 >= FLOORS[corpus].value, `value F1 ${t.value.f1}`);
    });
  }
  it(`combined (1,822 expressions): relaxed F1 >= ${FLOORS.combined.relaxed}, value F1 >= ${FLOORS.combined.value}`, () => {
    const t = score(all.gold, all.pred).timexes;
    assert.ok(t, "timexes scored");
    assert.equal(t.relaxed.gold, 1822);
    assert.ok(t.relaxed.f1 >= FLOORS.combined.relaxed, `relaxed F1 ${t.relaxed.f1}`);
    assert.ok(t.value.f1 >= FLOORS.combined.value, `value F1 ${t.value.f1}`);
  });
});

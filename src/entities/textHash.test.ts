import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CASE_EXACT, CASE_LOWER, CASE_TITLE, HashTable, SEED_A, hashString, normalizeString } from "./textHash.js";

describe("token hashes", () => {
  const same: ReadonlyArray<readonly [string, string, number]> = [
    ["’s", "'s", CASE_EXACT], // news writes curly apostrophes, CoNLL straight ones
    ["1996-08-30", "2025-03-28", CASE_EXACT], // digits are one class
    ["“", '"', CASE_EXACT],
    ["LEICESTERSHIRE", "Leicestershire", CASE_TITLE],
    ["NOEM", "noem", CASE_LOWER],
    ["ÉLYSÉE", "élysée", CASE_LOWER],
  ];
  for (const [a, b, mode] of same) {
    it(`hashes ${JSON.stringify(a)} like ${JSON.stringify(b)} (mode ${mode})`, () => {
      assert.equal(hashString(a, mode as 0, SEED_A), hashString(b, mode as 0, SEED_A));
    });
  }

  it("keeps case apart when asked to", () => {
    assert.notEqual(hashString("US", CASE_EXACT, SEED_A), hashString("us", CASE_EXACT, SEED_A));
  });

  it("writes the normalised form the cluster file uses", () => {
    assert.equal(normalizeString("Colombia’s 25 — "), "Colombia's 00 - ");
  });

  it("stores and finds pairs of hashes", () => {
    const table = new HashTable(4);
    table.set(1, 2, 7);
    table.or(1, 2, 8);
    table.set(-5, 9, 0);
    assert.equal(table.get(1, 2), 15);
    assert.equal(table.get(-5, 9), 0);
    assert.equal(table.get(1, 3), -1);
    assert.equal(table.size, 2);
  });
});

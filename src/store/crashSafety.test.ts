// kill -9 in the middle of an ingest: the store stays consistent, and the next run
// completes it without duplicates. This is the test that does exactly that.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { newsgraph, newsgraphAsync, tempDir } from "../cli/testing.js";
import { packageRoot } from "../model/dataFiles.js";

// Enough that the kill lands mid-way, few enough that the re-run stays quick with the full pipeline.
const ARTICLES = 400;

function countArticles(path: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe("crash safety", () => {
  it("survives kill -9 mid-ingest; the next run completes it without duplicates", async () => {
    const dir = tempDir();
    // 400 distinct real articles: the VOA stories, each numbered so its hash differs.
    const voa = readFileSync(join(packageRoot, "samples", "voa", "voa_stories.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; text: string; title: string });
    const lines: string[] = [];
    for (let i = 0; i < ARTICLES; i++) {
      const story = voa[i % voa.length] as { id: string; text: string; title: string };
      lines.push(JSON.stringify({ id: `${story.id}-${i}`, title: story.title, text: `(${i}) ${story.text}` }));
    }
    const input = join(dir, "many.jsonl");
    writeFileSync(input, `${lines.join("\n")}\n`);
    const db = join(dir, "crash.db");

    const child = newsgraphAsync(["ingest", input, "--db", db, "--quiet"]);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    // Wait until some articles are committed, then kill without warning.
    const deadline = Date.now() + 120_000;
    while (countArticles(db) < 25 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    child.kill("SIGKILL");
    assert.equal(await exited, "SIGKILL");

    const stored = countArticles(db);
    assert.ok(stored >= 25 && stored < ARTICLES, `killed mid-way: ${stored} of ${ARTICLES} stored`);

    const check = new Database(db);
    assert.equal((check.pragma("integrity_check", { simple: true }) as string), "ok");
    // Every stored article has its sentences: no half-written article.
    const orphans = check.prepare("SELECT count(*) AS n FROM articles a WHERE a.sentence_count != (SELECT count(*) FROM annotations s WHERE s.article_id = a.id AND s.layer = 'sentence')").get() as { n: number };
    assert.equal(orphans.n, 0);
    check.close();

    const rerun = newsgraph(["ingest", input, "--db", db, "--quiet"]);
    assert.equal(rerun.status, 0, rerun.stderr);
    const match = /stored (\d+), re-extracted 0, skipped as duplicate (\d+), failed 0/.exec(rerun.stdout);
    assert.ok(match, rerun.stdout);
    assert.equal(Number(match[1]) + Number(match[2]), ARTICLES);
    assert.ok(Number(match[2]) >= stored, "everything committed before the kill is skipped, not stored again");

    const final = new Database(db, { readonly: true });
    assert.equal((final.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n, ARTICLES);
    assert.equal((final.prepare("SELECT count(DISTINCT hash) AS n FROM articles").get() as { n: number }).n, ARTICLES);
    final.close();
  });
});

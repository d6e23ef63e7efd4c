import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { openStore, schemaVersion } from "./database.js";
import { contentHash, getArticle, listArticles, storeCounts, toFtsQuery } from "./articles.js";
import { ingestArticle } from "./ingestArticles.js";
import { buildPipeline } from "../pipeline/pipeline.js";
import { STAGES } from "../pipeline/stages.js";
import type { RawArticle } from "../ingest/types.js";

const article = (text: string, extra: Partial<RawArticle> = {}): RawArticle => ({ id: null, text, date: "2025-03-28", title: null, source: null, url: null, origin: "test", ...extra });
const seedLike = "U.S. Homeland Security Secretary Kristi Noem visited Colombia on Thursday.Her trip comes amid a souring in relations.AP";

describe("store", () => {
  it("migrates a new store to the latest schema with WAL", () => {
    const db = openStore(":memory:");
    assert.ok(schemaVersion(db) >= 1);
    assert.equal(storeCounts(db).articles, 0);
  });

  it("stores an article once, however often it is ingested, and re-extracts it when the pipeline version changes", () => {
    const db = openStore(":memory:");
    const v1 = buildPipeline(STAGES, { version: "v1" });
    const v2 = buildPipeline(STAGES, { version: "v2" });
    assert.equal(ingestArticle(db, v1, article(seedLike)).outcome, "stored");
    assert.equal(ingestArticle(db, v1, article(seedLike)).outcome, "duplicate");
    // the same words, wrapped differently, are the same article
    assert.equal(ingestArticle(db, v1, article(seedLike.replace(" visited ", "\n visited "))).outcome, "duplicate");
    const { outcome, articleId } = ingestArticle(db, v2, article(seedLike));
    assert.equal(outcome, "updated");
    assert.equal(storeCounts(db).articles, 1);
    const stored = getArticle(db, articleId);
    assert.equal(stored?.pipelineVersion, "v2");
    assert.equal(stored?.source, "AP", "the trailing credit becomes the source");
    assert.equal(stored?.sentenceCount, 2);
    assert.equal(stored?.annotations.filter((a) => a.layer === "sentence").length, 2, "old annotations replaced, not duplicated");
    assert.ok(stored && stored.tokenCount > 10);
  });

  it("finds articles by full-text search, words with punctuation included", () => {
    const db = openStore(":memory:");
    const pipeline = buildPipeline(STAGES, { version: "t" });
    ingestArticle(db, pipeline, article(seedLike, { title: "Noem in Colombia" }));
    ingestArticle(db, pipeline, article("Rain fell on Dakar on Monday, flooding roads."));
    assert.deepEqual(listArticles(db, { q: "Colombia" }).map((a) => a.title), ["Noem in Colombia"]);
    assert.equal(listArticles(db, { q: "U.S." }).length, 1);
    assert.equal(listArticles(db, { q: "Noem's" }).length, 0);
    assert.equal(listArticles(db, { q: "flooding" }).length, 1);
    assert.equal(toFtsQuery("U.S. visit"), '"U.S." "visit"');
  });

  it("hashes content, not spacing", () => {
    assert.equal(contentHash("a  b\nc "), contentHash("a b c"));
    assert.notEqual(contentHash("a b c"), contentHash("a b d"));
  });
});

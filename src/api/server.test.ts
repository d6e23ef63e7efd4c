import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildServer } from "./server.js";
import { openStore } from "../store/database.js";
import { ingestArticle } from "../store/ingestArticles.js";
import { getPipeline } from "../pipeline/stages.js";
import { readPlainText } from "../ingest/plainText.js";
import { packageRoot } from "../model/dataFiles.js";

describe("HTTP API", () => {
  let app: FastifyInstance;
  let seedId: number;
  before(() => {
    const db = openStore(":memory:");
    const seedPath = join(packageRoot, "samples", "seed", "000_e054da4499c08992.txt");
    seedId = ingestArticle(db, getPipeline(), readPlainText(readFileSync(seedPath, "utf8"), seedPath, "000_e054da4499c08992")).articleId;
    ingestArticle(db, getPipeline(), { id: "x", text: "Floods closed roads in Accra on Monday.", date: "2024-06-03", title: "Floods in Accra", source: "VOA", url: null, origin: "test" });
    app = buildServer(db);
  });

  it("answers the health route with the store's counts", async () => {
    const response = await app.inject({ url: "/api/health" });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().status, "ok");
    assert.equal(response.json().articles, 2);
  });

  it("lists articles newest first and searches them", async () => {
    const all = (await app.inject({ url: "/api/articles" })).json();
    assert.deepEqual(all.items.map((a: { date: string }) => a.date), ["2025-03-28", "2024-06-03"]);
    const found = (await app.inject({ url: "/api/articles?q=Sarabia" })).json();
    assert.equal(found.items.length, 1);
    assert.equal(found.items[0].source, "AP");
    assert.match(found.items[0].snippet, /\[Sarabia\]/);
  });

  it("returns one article with its layers", async () => {
    const article = (await app.inject({ url: `/api/articles/${seedId}` })).json();
    assert.equal(article.annotations.filter((a: { layer: string }) => a.layer === "sentence").length, 15);
    const credit = article.annotations.find((a: { layer: string }) => a.layer === "credit");
    assert.equal(article.text.slice(credit.start, credit.end), "AP");
  });

  it("answers bad parameters with 400 and a message, unknown ids with 404", async () => {
    for (const url of ["/api/articles?limit=0", "/api/articles?limit=100000", "/api/articles?from=yesterday", "/api/articles?color=red", "/api/events?country=Colombia", "/api/articles/abc"]) {
      const response = await app.inject({ url });
      assert.equal(response.statusCode, 400, url);
      assert.ok(response.json().error.length > 5, url);
    }
    assert.equal((await app.inject({ url: "/api/articles/99999" })).statusCode, 404);
    assert.equal((await app.inject({ url: "/api/nothing" })).statusCode, 404);
  });
});

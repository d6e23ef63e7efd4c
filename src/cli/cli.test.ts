// The command as a user runs it: real files, a real store, the real exit codes.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createServer } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { newsgraph, newsgraphAsyncResult, tempDir, SHARED } from "./testing.js";
import { packageRoot } from "../model/dataFiles.js";

const SEED = join(packageRoot, "samples", "seed", "000_e054da4499c08992.txt");
const VOA = join(packageRoot, "samples", "voa", "voa_stories.jsonl");

describe("newsgraph ingest", () => {
  let dir: string;
  before(() => {
    dir = tempDir();
  });

  it("stores the seed story once: source AP, date 2025-03-28, 15 sentences", () => {
    const db = join(dir, "seed.db");
    const first = newsgraph(["ingest", SEED, "--db", db]);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /stored 1, re-extracted 0, skipped as duplicate 0, failed 0/);
    const again = newsgraph(["ingest", SEED, "--db", db]);
    assert.match(again.stdout, /stored 0, re-extracted 0, skipped as duplicate 1, failed 0/);
    const rows = JSON.parse(newsgraph(["query", "articles", "--db", db, "--format", "json"]).stdout) as Record<string, unknown>[];
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.["source"], "AP");
    assert.equal(rows[0]?.["date"], "2025-03-28");
    assert.equal(rows[0]?.["sentenceCount"], 15);
    const store = new Database(db, { readonly: true });
    const text = (store.prepare("SELECT text FROM articles").get() as { text: string }).text;
    assert.ok(text.startsWith("U.S. Homeland Security"), "the date header is metadata, not text");
    assert.ok(text.endsWith("Wednesday.AP"), "the text is kept as it arrived");
    store.close();
  });

  it("uses NEWSGRAPH_DB, else ./newsgraph.db in the working directory", () => {
    const cwd = tempDir();
    assert.equal(newsgraph(["ingest", SEED], { cwd }).status, 0);
    assert.ok(existsSync(join(cwd, "newsgraph.db")));
    const envDb = join(cwd, "env.db");
    assert.equal(newsgraph(["ingest", SEED], { cwd, env: { NEWSGRAPH_DB: envDb } }).status, 0);
    assert.ok(existsSync(envDb));
  });

  it("reads a folder recursively and JSON Lines, and finds articles by search", () => {
    const folder = join(dir, "corpus");
    mkdirSync(join(folder, "nested"), { recursive: true });
    copyFileSync(SEED, join(folder, "seed.txt"));
    copyFileSync(VOA, join(folder, "nested", "voa.jsonl"));
    const db = join(dir, "corpus.db");
    const result = newsgraph(["ingest", folder, "--db", db]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /stored 90,/);
    const found = JSON.parse(newsgraph(["query", "articles", "--db", db, "--search", "Islamic State", "--format", "json"]).stdout) as { title: string }[];
    assert.ok(found.some((a) => a.title === "Iraq says key Islamic State leader is dead"));
    const csv = newsgraph(["query", "articles", "--db", db, "--format", "csv", "--limit", "3"]).stdout.trim().split("\r\n");
    assert.equal(csv.length, 4, "header and three rows");
  });

  it("keeps going past bad inputs, names each one, and exits 1 with a summary", () => {
    const bad = join(dir, "bad");
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, "a-binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    writeFileSync(join(bad, "b-latin1.txt"), Buffer.from("Caf\xe9 owners in Bogot\xe1 protested on Monday.", "latin1"));
    writeFileSync(join(bad, "c-empty.txt"), "");
    writeFileSync(join(bad, "d-articles.jsonl"), ['{"id":"ok1","text":"Rain fell in Dakar on Monday."}', '{"id":"broken", "text": "no closing', '{"id":"ok2","text":"Floods closed roads in Accra."}', '{"id":"no-text"}'].join("\n"));
    writeFileSync(join(bad, "e-feed.rss"), '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</title></channel></rss>');
    writeFileSync(join(bad, "f-nothing.html"), "<html><head><title>Login</title></head><body><nav><a href='/'>Home</a></nav></body></html>");
    writeFileSync(join(bad, "g-good.txt"), "date 2025-01-02\nThe ministers met in Nairobi on Tuesday. They signed a trade deal.");
    const db = join(dir, "bad.db");
    const result = newsgraph(["ingest", bad, "--db", db]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /stored 3, re-extracted 0, skipped as duplicate 0, failed 7/);
    assert.match(result.stderr, /E_INPUT_BINARY: .*a-binary\.txt: is a binary file/);
    assert.match(result.stderr, /E_INPUT_ENCODING: .*b-latin1\.txt: is not valid UTF-8 .*--encoding latin1/);
    assert.match(result.stderr, /E_INPUT_EMPTY: .*c-empty\.txt: is empty/);
    assert.match(result.stderr, /E_JSONL_PARSE: .*d-articles\.jsonl:2: is not valid JSON/);
    assert.match(result.stderr, /E_JSONL_RECORD: .*d-articles\.jsonl:4: .*neither "text" nor "html"/);
    assert.match(result.stderr, /E_FEED_XML: .*e-feed\.rss/);
    assert.match(result.stderr, /E_HTML_NO_ARTICLE: .*f-nothing\.html/);
    // the hint works: the latin-1 file reads with --encoding
    const fixed = newsgraph(["ingest", join(bad, "b-latin1.txt"), "--db", db, "--encoding", "latin1"]);
    assert.equal(fixed.status, 0, fixed.stderr);
    const found = JSON.parse(newsgraph(["query", "articles", "--db", db, "--search", "Bogotá", "--format", "json"]).stdout) as unknown[];
    assert.equal(found.length, 1);
  });

  it("reads a .json file as one JSON document: an article record (a gold file of the annotation format) or an array of them", () => {
    const folder = join(dir, "json");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "one.json"), JSON.stringify({ id: "one", date: "2025-03-28", text: "Noem visited Colombia on Thursday.", sentences: [] }, null, 2));
    writeFileSync(join(folder, "many.json"), JSON.stringify([{ id: "a", text: "Rain fell in Dakar on Monday." }, { id: "b" }, { id: "c", text: "Floods closed roads in Accra." }], null, 2));
    writeFileSync(join(folder, "broken.json"), '{"id": "x", "text": ');
    const result = newsgraph(["extract", join(folder, "one.json"), join(folder, "many.json"), join(folder, "broken.json")]);
    const docs = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { id: string; timexes?: { value: string }[] });
    assert.deepEqual(docs.map((d) => d.id), ["one", "a", "c"]);
    assert.equal(docs[0]?.timexes?.[0]?.value, "2025-03-27", "the record's date is the article's");
    assert.match(result.stderr, /E_JSONL_RECORD: .*many\.json#2: .*neither "text" nor "html"/);
    assert.match(result.stderr, /E_JSON_PARSE: .*broken\.json: is not valid JSON/);
  });

  it("refuses a 50 MB text file as one article, quickly and without reading it whole", () => {
    const big = join(dir, "big.txt");
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, "All work and no play makes Jack a dull boy. "));
    const started = Date.now();
    const result = newsgraph(["ingest", big, SEED, "--db", join(dir, "big.db")]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /E_INPUT_TOO_LARGE: .*big\.txt: is 52 MB, more than any article; split it/);
    assert.match(result.stdout, /stored 1, .* failed 1/);
    // It is refused from its size alone; the time is the seed's extraction and start-up.
    assert.ok(Date.now() - started < 30_000);
  });

  it("reports a feed URL that does not answer", async () => {
    // a port that was free a moment ago: nothing answers there
    const server = createServer().listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    server.close();
    await once(server, "close");
    const url = `http://127.0.0.1:${port}/feed.xml`;
    const result = newsgraph(["ingest", url, SEED, "--db", join(dir, "url.db")]);
    assert.equal(result.status, 1);
    assert.ok(result.stderr.includes(`E_FETCH: ${url}: `), result.stderr);
    assert.match(result.stderr, /does not answer/);
    assert.match(result.stdout, /stored 1, .* failed 1/);
  });
});

describe("newsgraph ingest from a feed URL", () => {
  it("reads a feed's items, follows an item with no content to its page, and stores each once", async () => {
    const page = `<!doctype html><html><head><title>Talks in Nairobi</title><meta property="article:published_time" content="2025-06-11T08:00:00Z"></head>
      <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Talks in Nairobi</h1>
      <p>NAIROBI, Kenya (AP) — Kenya's president met Ethiopia's prime minister in Nairobi on Wednesday to discuss a border dispute that has simmered for years.</p>
      <p>The two leaders agreed to reopen the crossing at Moyale and to meet again in Addis Ababa next month, officials said after the talks ended.</p></article>
      <footer>Copyright</footer></body></html>`;
    const server = createServer((request, response) => {
      if (request.url === "/feed.xml") {
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        response.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
        response.end(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>World</title>
          <item><title>Floods in Accra</title><guid>accra-1</guid><pubDate>Mon, 03 Jun 2024 10:00:00 +0000</pubDate>
            <content:encoded><![CDATA[<p>Floods closed roads in Accra on Monday.</p><p>Schools stayed shut.</p>]]></content:encoded></item>
          <item><title>Talks in Nairobi</title><guid>nairobi-2</guid><link>${base}/talks.html</link></item>
        </channel></rss>`);
      } else if (request.url === "/talks.html") {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end(page);
      } else {
        response.writeHead(404).end();
      }
    }).listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
      const db = join(tempDir(), "feed.db");
      const first = await newsgraphAsyncResult(["ingest", url, "--db", db]);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /stored 2, re-extracted 0, skipped as duplicate 0, failed 0/);
      const again = await newsgraphAsyncResult(["ingest", url, "--db", db]);
      assert.match(again.stdout, /stored 0, re-extracted 0, skipped as duplicate 2, failed 0/);
      const rows = JSON.parse(newsgraph(["query", "articles", "--db", db, "--format", "json"]).stdout) as { title: string; date: string; source: string | null; datelinePlace: string | null }[];
      const talks = rows.find((r) => r.title === "Talks in Nairobi");
      assert.equal(talks?.date, "2025-06-11");
      assert.equal(talks?.source, "AP", "the dateline's agency");
      assert.equal(talks?.datelinePlace, "NAIROBI, Kenya");
      assert.equal(rows.find((r) => r.title === "Floods in Accra")?.date, "2024-06-03");
    } finally {
      server.close();
    }
  });
});

describe("newsgraph extract", () => {
  it("writes the seed in the evaluation format, offsets into the text as given", () => {
    const gold = JSON.parse(newsgraph(["extract", SEED]).stdout) as { text: string; date: string; source: string; sentences: { start: number; end: number }[]; credit: { text: string } };
    assert.equal(gold.date, "2025-03-28");
    assert.equal(gold.source, "AP");
    assert.equal(gold.credit.text, "AP");
    assert.equal(gold.sentences.length, 15);
    const last = gold.sentences[14] as { start: number; end: number };
    assert.equal(gold.text.slice(last.start, last.end), "Despite efforts by Sheinbaum, Trump announced a 25 percent tariff on auto imports on Wednesday.");
  });

  it("reads JSON Lines on stdin and keeps ids, in order; --format json is one array", () => {
    const input = ['{"id":"b","date":"2025-03-28","text":"Noem met Petro.It went well."}', '{"id":"a","date":null,"text":"One sentence."}'].join("\n");
    const lines = newsgraph(["extract", "--format", "jsonl"], { input }).stdout.trim().split("\n").map((l) => JSON.parse(l) as { id: string; sentences: unknown[] });
    assert.deepEqual(lines.map((d) => [d.id, d.sentences.length]), [["b", 2], ["a", 1]]);
    const array = JSON.parse(newsgraph(["extract", "--format", "json"], { input }).stdout) as unknown[];
    assert.equal(array.length, 2);
  });
});

describe("newsgraph eval", () => {
  const goldenRules = join(SHARED, "data", "sbd", "golden_rules.gold.jsonl");
  it("prints the Golden Rules figure: at least 51 of 52 exactly right", { skip: !existsSync(goldenRules) && "../shared not present" }, () => {
    const result = newsgraph(["eval", "--gold", goldenRules, "--json"]);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { sentences: { documentsExactCount: number } };
    assert.ok(report.sentences.documentsExactCount >= 51, `${report.sentences.documentsExactCount}/52`);
  });
  const seedGold = join(SHARED, "examples", "seed.gold.json");
  it("prints the seed's sentence figure: every boundary right", { skip: !existsSync(seedGold) && "../shared not present" }, () => {
    const result = newsgraph(["eval", "--gold", seedGold]);
    assert.match(result.stdout, /sentences: boundaries\s+P 1\.000\s+R 1\.000\s+F1 1\.000\s+\(tp 15, pred 15, gold 15\)/);
  });
});

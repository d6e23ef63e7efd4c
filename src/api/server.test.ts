import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildServer } from "./server.js";
import { openStore } from "../store/database.js";
import { contentHash, saveDoc } from "../store/articles.js";
import { createDoc, withLayers } from "../model/document.js";
import { readPlainText } from "../ingest/plainText.js";
import { sharedDir } from "../model/dataFiles.js";
import { foundationPipeline, saveCityStory, saveSeed, saveSentencesOnly, seedDoc, SEED_PATH, SEED_VISIT_EVIDENCE } from "./testing/seedFixture.js";
import type { ActorDetail, ArticleDetail, EventDetail, EventRow, Page, Relations, Timeline, CountryCount, Network, PlaceCount, QuoteRow, ActorRow } from "./types.js";

const TOKEN = "test-token-0123456789";

/** A store with the seed (hand-built fact layers) and one more article with sentences only. */
function seededStore() {
  const db = openStore(":memory:");
  const seedId = saveSeed(db);
  const accraId = saveSentencesOnly(db, { id: "x", text: "Floods closed roads in Accra on Monday.", date: "2024-06-03", title: "Floods in Accra", source: "VOA" });
  return { db, seedId, accraId };
}

describe("HTTP API: articles", () => {
  let app: FastifyInstance;
  let seedId: number;
  let accraId: number;
  before(() => {
    const store = seededStore();
    ({ seedId, accraId } = store);
    app = buildServer(store.db);
  });

  it("answers the health route with the store's counts and says ingest is closed", async () => {
    const response = await app.inject({ url: "/api/health" });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().status, "ok");
    assert.equal(response.json().articles, 2);
    assert.equal(response.json().events, 17);
    assert.equal(response.json().ingest, false);
  });

  it("lists articles newest first with a total, and searches them", async () => {
    const all = (await app.inject({ url: "/api/articles" })).json();
    assert.deepEqual(all.items.map((a: { date: string }) => a.date), ["2025-03-28", "2024-06-03"]);
    assert.equal(all.total, 2);
    const found = (await app.inject({ url: "/api/articles?q=Sarabia" })).json();
    assert.equal(found.items.length, 1);
    assert.equal(found.total, 1);
    assert.equal(found.items[0].source, "AP");
    assert.match(found.items[0].snippet, /\[Sarabia\]/);
    assert.equal((await app.inject({ url: "/api/articles?source=VOA" })).json().items[0].id, accraId);
  });

  it("returns one article with every layer, its events linked to event rows, its quotes and actors", async () => {
    const article = (await app.inject({ url: `/api/articles/${seedId}` })).json() as ArticleDetail;
    assert.equal(article.layers["sentence"], 15);
    assert.equal(article.layers["entity"], 42);
    assert.equal(article.layers["timex"], 7);
    assert.equal(article.layers["quote"], 3);
    const credit = article.annotations.find((a) => a.layer === "credit");
    assert.equal(article.text.slice(credit?.start, credit?.end), "AP");
    const timex = article.annotations.find((a) => a.layer === "timex" && a["text"] === "January");
    assert.equal(timex?.["value"], "2025-01");
    assert.deepEqual(timex?.provenance, { stage: "test-fixture", rule: "seed-gold-timexes" });
    assert.equal(article.events.length, 17);
    const visit = article.events[0];
    assert.equal(visit?.evidence, SEED_VISIT_EVIDENCE);
    assert.equal(visit?.trigger, "visited");
    assert.equal(visit?.source, "Kristi Noem");
    assert.ok(visit?.sentence?.text.startsWith(SEED_VISIT_EVIDENCE), "the sentence holding the evidence");
    assert.equal(visit?.provenance?.rule, "seed-gold-events");
    assert.equal(article.quotes.length, 3);
    assert.equal(article.quotes[2]?.speaker, "Laura Sarabia");
    assert.equal(article.actors[0]?.name, "Kristi Noem", "the most mentioned actor first");
  });

  it("shows an article with sentences only, its fact layers plainly empty", async () => {
    const article = (await app.inject({ url: `/api/articles/${accraId}` })).json() as ArticleDetail;
    assert.equal(article.layers["sentence"], 1);
    assert.equal(article.layers["entity"], undefined);
    assert.deepEqual([article.events.length, article.quotes.length, article.actors.length], [0, 0, 0]);
  });
});

describe("HTTP API: events and their aggregates", () => {
  let app: FastifyInstance;
  let seedId: number;
  before(() => {
    const store = seededStore();
    seedId = store.seedId;
    app = buildServer(store.db);
  });
  const events = async (query: string) => (await app.inject({ url: `/api/events?${query}` })).json() as Page<EventRow>;

  it("returns Kristi Noem's visits and meetings for ?actor=Kristi Noem (the issue's example), by name or alias", async () => {
    const page = await events("actor=Kristi%20Noem");
    assert.equal(page.total, 10);
    assert.ok(page.items.every((e) => e.source === "Kristi Noem"));
    assert.deepEqual([...new Set(page.items.map((e) => e.cameo))].sort(), ["030", "040", "042", "057"]);
    assert.equal((await events("actor=noem")).total, 10, "alias, any case");
    assert.equal(page.items[0]?.status, "planned", "latest first: the planned visit to Mexico on Friday");
  });

  // Each filter on its own, against the seed's 17 events: [query, how many match].
  const filterCases: readonly (readonly [string, number])[] = [
    ["", 17],
    ["country=COL", 7],
    ["country=col", 7],
    ["dyad=USA-COL", 7],
    ["dyad=COL-USA", 7],
    ["location=SLV", 2],
    ["code=04", 9],
    ["code=042", 3],
    ["root=17", 2],
    ["plover=COERCE", 3],
    ["plover=consult", 9],
    ["status=planned", 2],
    ["from=2025-03-27&to=2025-03-27", 6],
    ["from=2025-01-01&to=2025-01-31", 1],
    ["from=2025-03-28", 2],
    ["q=biometric", 1],
    ["q=Sheinbaum", 2],
    [`article=${1}`, 17],
    ["actor=Nobody", 0],
    ["actor=Kristi%20Noem&country=SLV", 2],
  ];
  for (const [query, count] of filterCases) {
    it(`filters events: ${query || "(none)"} -> ${count}`, async () => {
      const page = await events(query);
      assert.equal(page.total, count);
      assert.equal(page.items.length, Math.min(count, 50));
    });
  }

  it("pages events with limit and offset", async () => {
    const first = await events("limit=5");
    const second = await events("limit=5&offset=5");
    assert.equal(first.items.length, 5);
    assert.equal(first.total, 17);
    assert.equal(new Set([...first.items, ...second.items].map((e) => e.id)).size, 10);
  });

  it("sorts by the newest report, or by date with undated events last, and carries the first report's evidence", async () => {
    const page = await events("limit=100&sort=date");
    const dated = page.items.map((e) => e.day !== null);
    assert.deepEqual(dated, [...dated].sort((a, b) => Number(b) - Number(a)));
    const visit = page.items.find((e) => e.cameo === "042" && e.targetCountry === "COL");
    assert.equal(visit?.evidence, SEED_VISIT_EVIDENCE);
    assert.equal(visit?.articleId, seedId);
    assert.equal(visit?.rule, "seed-gold-events");
  });

  it("lists the newest reports first by default, however old the event they report", async () => {
    const store = seededStore();
    const text = "Colombia recalled its ambassador from Washington last December.";
    const recall = withLayers(createDoc(text, { id: "recall", date: "2025-04-02", title: "Recall" }), {
      sentences: [{ start: 0, end: text.length, provenance: { stage: "test" } }],
      events: [{
        start: 0, end: 36, cameo: "161", goldstein: -4, plover: "REDUCE", ploverMode: null,
        source: { name: "Colombia", country: "COL", sector: null, code: "COL", person: false, actor: null },
        target: { name: "United States", country: "USA", sector: null, code: "USA", person: false, actor: null },
        date: "2024-12", location: null, status: "asserted", trigger: { start: 9, end: 17 }, provenance: { stage: "test", rule: "hand-built" },
      }],
    });
    saveDoc(store.db, recall, contentHash(text), "t");
    const other = buildServer(store.db);
    const reported = (await other.inject({ url: "/api/events?limit=2" })).json() as Page<EventRow>;
    assert.equal(reported.items[0]?.date, "2024-12", "reported on 2025-04-02, the newest article");
    const byDate = (await other.inject({ url: "/api/events?limit=2&sort=date" })).json() as Page<EventRow>;
    assert.equal(byDate.items[0]?.date, "2025-03-28");
  });

  it("returns one event with its reports, the sentence around each and the rule", async () => {
    const visit = (await events("code=042&country=COL")).items[0];
    const detail = (await app.inject({ url: `/api/events/${visit?.id}` })).json() as EventDetail;
    assert.equal(detail.reports.length, 1);
    const report = detail.reports[0];
    assert.equal(report?.evidence, SEED_VISIT_EVIDENCE);
    assert.equal(report?.trigger, "visited");
    assert.equal(report?.sentence?.start, 0);
    assert.ok(report?.sentence?.text.includes("three Latin American nations"));
    assert.deepEqual(report?.provenance, { stage: "test-fixture", rule: "seed-gold-events" });
    assert.equal((await app.inject({ url: "/api/events/99999" })).statusCode, 404);
  });

  it("counts events over time, saying which are undated or dated more coarsely than a bar", async () => {
    const day = (await app.inject({ url: "/api/events/timeline?interval=day" })).json() as Timeline;
    assert.equal(day.total, 17);
    assert.equal(day.undated, 5);
    assert.deepEqual(
      day.buckets.map((b) => [b.period, b.count, b.coarse]),
      [["2025-01-01", 1, 1], ["2025-03-26", 3, 0], ["2025-03-27", 6, 0], ["2025-03-28", 2, 0]],
    );
    const month = (await app.inject({ url: "/api/events/timeline?interval=month&actor=Noem" })).json() as Timeline;
    assert.deepEqual(month.buckets.map((b) => [b.period, b.start, b.end, b.count]), [["2025-03", "2025-03-01", "2025-03-31", 10]]);
    const week = (await app.inject({ url: "/api/events/timeline?interval=week" })).json() as Timeline;
    assert.deepEqual(week.buckets.map((b) => [b.period, b.start, b.end]), [["2025-W01", "2024-12-30", "2025-01-05"], ["2025-W13", "2025-03-24", "2025-03-30"]]);
  });

  it("answers a dyad with counts each way and mean Goldstein per month", async () => {
    const usaCol = (await app.inject({ url: "/api/relations?a=USA&b=COL&interval=month" })).json() as Relations;
    assert.equal(usaCol.aName, "United States");
    assert.equal(usaCol.bName, "Colombia");
    assert.equal(usaCol.total, 7);
    assert.deepEqual(usaCol.buckets.map((b) => [b.period, b.count, b.aToB, b.bToA, b.goldsteinMean]), [["2025-01", 1, 1, 0, -5], ["2025-03", 6, 6, 0, 2.82]]);
    const colUsa = (await app.inject({ url: "/api/relations?a=col&b=usa&interval=day" })).json() as Relations;
    assert.deepEqual(colUsa.buckets.map((b) => [b.period, b.aToB, b.bToA]), [["2025-01-01", 0, 1], ["2025-03-27", 0, 6]]);
    const none = (await app.inject({ url: "/api/relations?a=FRA&b=DEU" })).json() as Relations;
    assert.deepEqual([none.total, none.buckets.length, none.goldsteinMean], [0, 0, null]);
  });

  it("counts events per country, where they happened and who took part, with the map's numeric code", async () => {
    const { items } = (await app.inject({ url: "/api/map" })).json() as { items: CountryCount[] };
    const col = items.find((c) => c.country === "COL");
    assert.deepEqual(col, { country: "COL", located: 6, involved: 7, name: "Colombia", numeric: "170" });
    assert.equal(items.find((c) => c.country === "USA")?.involved, 17, "every event in the seed has an American side");
    assert.equal((await app.inject({ url: "/api/map?actor=Noem" })).json().items.find((c: CountryCount) => c.country === "VEN"), undefined);
  });

  it("links actors by events, the most active first", async () => {
    const graph = (await app.inject({ url: "/api/network" })).json() as Network;
    assert.equal(graph.nodes[0]?.name, "Kristi Noem");
    assert.equal(graph.nodes[0]?.events, 10);
    const sarabia = graph.nodes.find((n) => n.name === "Laura Sarabia");
    const link = graph.links.find((l) => [l.source, l.target].includes(sarabia?.id ?? -1));
    assert.equal(link?.count, 2, "a meeting and an agreement");
    const small = (await app.inject({ url: "/api/network?nodes=3" })).json() as Network;
    assert.equal(small.nodes.length, 3);
    assert.ok(small.links.every((l) => small.nodes.some((n) => n.id === l.source) && small.nodes.some((n) => n.id === l.target)));
  });

  it("lists the values the filters can take", async () => {
    const facets = (await app.inject({ url: "/api/facets" })).json();
    assert.deepEqual(facets.plover[0], { value: "CONSULT", count: 9 });
    assert.deepEqual(facets.status.map((f: { value: string }) => f.value), ["asserted", "planned"]);
    assert.equal((await app.inject({ url: "/api/countries" })).json().items.find((c: { code: string }) => c.code === "COL").numeric, "170");
  });
});

describe("HTTP API: places on the map", () => {
  let app: FastifyInstance;
  before(() => {
    const db = openStore(":memory:");
    saveSeed(db);
    saveCityStory(db);
    app = buildServer(db);
  });

  it("lists the named places events happened in, with their coordinates, the busiest first", async () => {
    const response = await app.inject({ url: "/api/places" });
    assert.equal(response.statusCode, 200);
    const { items } = response.json() as { items: PlaceCount[] };
    assert.equal(items.length, 1, "the seed's events happened in countries, not in named cities");
    const place = items[0] as PlaceCount;
    assert.equal(place.place, "Mexico City");
    assert.equal(place.country, "MEX");
    assert.equal(place.events, 1);
    assert.ok(Math.abs(place.lat - 19.43) < 0.1 && Math.abs(place.lon + 99.13) < 0.1, `${place.lat}, ${place.lon}`);
  });

  it("takes the event filters, and a place lists the events there", async () => {
    assert.deepEqual((await app.inject({ url: "/api/places?actor=Noem" })).json().items, []);
    assert.equal((await app.inject({ url: "/api/places?actor=Marco%20Rubio" })).json().items.length, 1);
    const there = (await app.inject({ url: "/api/events?place=mexico%20city" })).json() as Page<EventRow>;
    assert.equal(there.total, 1);
    assert.equal(there.items[0]?.source, "Marco Rubio");
    assert.equal(there.items[0]?.place, "Mexico City");
  });
});

describe("HTTP API: actors and quotes", () => {
  let app: FastifyInstance;
  before(() => {
    app = buildServer(seededStore().db);
  });

  it("finds an actor by part of a name or alias, and shows aliases, roles, timeline and quotes", async () => {
    const page = (await app.inject({ url: "/api/actors?q=noem" })).json() as Page<ActorRow>;
    assert.equal(page.total, 1);
    const noem = page.items[0];
    assert.deepEqual(noem?.aliases, ["Kristi Noem", "Noem"]);
    assert.deepEqual([noem?.events, noem?.articles, noem?.quotes], [10, 1, 2]);
    const detail = (await app.inject({ url: `/api/actors/${noem?.id}` })).json() as ActorDetail;
    assert.deepEqual(detail.roles, [{ role: "Secretary of Homeland Security", articles: 1 }]);
    assert.equal(detail.timeline.length, 10);
    assert.equal(detail.timeline[0]?.day, "2025-03-26", "oldest first: El Salvador on Wednesday");
    assert.equal(detail.timeline[9]?.day, "2025-03-28");
    assert.ok(detail.timeline.every((e) => e.as === "source"));
    assert.equal(detail.quoteList.length, 2);
    assert.equal(detail.articleList[0]?.title, "Noem visits Colombia, El Salvador and Mexico");
    assert.equal((await app.inject({ url: "/api/actors/99999" })).statusCode, 404);
  });

  it("filters actors by country and type", async () => {
    const col = (await app.inject({ url: "/api/actors?country=COL&type=PERSON" })).json() as Page<ActorRow>;
    assert.deepEqual(col.items.map((a) => a.name).sort(), ["Gustavo Petro", "Laura Sarabia"]);
  });

  it("lists quotes by speaker name, alias or actor id, and by words quoted", async () => {
    const quotes = async (query: string) => (await app.inject({ url: `/api/quotes?${query}` })).json() as Page<QuoteRow>;
    assert.equal((await quotes("speaker=Noem")).total, 2);
    assert.equal((await quotes("speaker=Laura%20Sarabia")).items[0]?.quote, "human rights and dignity of migrants are actually respected.");
    assert.equal((await quotes("q=frank")).total, 1);
    assert.equal((await quotes("")).total, 3);
    const sarabiaId = (await quotes("speaker=Sarabia")).items[0]?.speakerActorId;
    assert.equal((await quotes(`actorId=${sarabiaId}`)).total, 1);
  });
});

describe("HTTP API: exports", () => {
  let app: FastifyInstance;
  before(() => {
    app = buildServer(seededStore().db);
  });

  it("exports events as CSV, one row per event, as a download", async () => {
    const response = await app.inject({ url: "/api/events?actor=Noem&format=csv" });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers["content-type"] as string, /^text\/csv/);
    assert.match(response.headers["content-disposition"] as string, /attachment; filename="events\.csv"/);
    const lines = response.body.trimEnd().split("\r\n");
    assert.equal(lines.length, 11);
    assert.match(lines[0] ?? "", /^id,date,day,cameo,goldstein,plover,/);
    assert.ok(lines.some((line) => line.includes(`"${SEED_VISIT_EVIDENCE}"`) || line.includes(SEED_VISIT_EVIDENCE)));
  });

  // Every list answers as CSV and JSON Lines: [route, rows expected].
  const lists: readonly (readonly [string, number])[] = [
    ["/api/articles", 2],
    ["/api/events", 17],
    ["/api/actors", 15],
    ["/api/quotes", 3],
    ["/api/events/timeline", 4],
    ["/api/relations?a=USA&b=COL", 2],
    ["/api/map", 5],
  ];
  for (const [url, rows] of lists) {
    it(`exports ${url} as jsonl and csv`, async () => {
      const sep = url.includes("?") ? "&" : "?";
      const jsonl = await app.inject({ url: `${url}${sep}format=jsonl` });
      assert.equal(jsonl.statusCode, 200);
      assert.match(jsonl.headers["content-type"] as string, /^application\/x-ndjson/);
      const records = jsonl.body.trimEnd().split("\n").map((line) => JSON.parse(line) as unknown);
      assert.equal(records.length, rows);
      const csv = await app.inject({ url: `${url}${sep}format=csv` });
      assert.equal(csv.body.trimEnd().split("\r\n").length, rows + 1, "a header and one line per row");
    });
  }

  it("bounds pages: 500 rows as json, 10,000 as an export", async () => {
    assert.equal((await app.inject({ url: "/api/events?limit=501" })).statusCode, 400);
    assert.match((await app.inject({ url: "/api/events?limit=501" })).json().error, /format=csv or jsonl/);
    assert.equal((await app.inject({ url: "/api/events?limit=5000&format=csv" })).statusCode, 200);
    assert.equal((await app.inject({ url: "/api/events?limit=10001&format=csv" })).statusCode, 400);
  });
});

describe("HTTP API: bad requests are 400s with a message, never 500s", () => {
  let app: FastifyInstance;
  before(() => {
    app = buildServer(seededStore().db);
  });

  const bad: readonly string[] = [
    "/api/articles?limit=0",
    "/api/articles?limit=100000",
    "/api/articles?limit=ten",
    "/api/articles?offset=-1",
    "/api/articles?from=yesterday",
    "/api/articles?color=red",
    "/api/articles?format=xml",
    '/api/articles?q=%22unbalanced',
    "/api/articles?q=Noem%20AND",
    "/api/articles/abc",
    "/api/articles/0",
    "/api/articles/1.5",
    "/api/events?country=Colombia",
    "/api/events?dyad=USA",
    "/api/events?code=4",
    "/api/events?code=04a",
    "/api/events?root=042",
    "/api/events?plover=CON%20SULT",
    "/api/events?status=maybe",
    "/api/events?sort=random",
    "/api/events?from=2025-13",
    "/api/events?actorId=-3",
    "/api/events?limit=1&limit=2",
    "/api/events/abc",
    "/api/events/timeline?interval=hour",
    "/api/relations",
    "/api/relations?a=USA",
    "/api/relations?a=USA&b=Colombia",
    "/api/actors?type=person",
    "/api/actors/x",
    "/api/quotes?speaker=",
    "/api/network?nodes=1",
    "/api/network?nodes=100000",
    "/api/map?country=1",
    "/api/places?limit=0",
    "/api/places?place=",
  ];
  for (const url of bad) {
    it(`400: ${url}`, async () => {
      const response = await app.inject({ url });
      assert.equal(response.statusCode, 400, response.body);
      const body = response.json();
      assert.ok(body.error.length > 10, body.error);
      assert.match(body.code, /^E_/);
    });
  }

  it("names the parameter at fault", async () => {
    assert.match((await app.inject({ url: "/api/events?country=Colombia" })).json().error, /^country: must be a 3-letter/);
    assert.match((await app.inject({ url: "/api/articles?color=red" })).json().error, /unknown parameter "color"/);
  });

  it("answers unknown routes and ids with 404", async () => {
    assert.equal((await app.inject({ url: "/api/articles/99999" })).statusCode, 404);
    assert.equal((await app.inject({ url: "/api/nothing" })).statusCode, 404);
    assert.equal((await app.inject({ url: "/assets/../package.json" })).statusCode, 404);
    assert.equal((await app.inject({ url: "/assets/%E0%A4%A" })).statusCode < 500, true);
  });
});

describe("HTTP API: ingest only with the token", () => {
  const article = { text: "Kenya's President William Ruto visited Uganda on Tuesday.", title: "Ruto in Uganda", date: "2025-04-01", source: "VOA" };

  it("refuses POST /api/articles on a read-only server (no token) with 403, whatever the body", async () => {
    const app = buildServer(openStore(":memory:"));
    const response = await app.inject({ method: "POST", url: "/api/articles", payload: article, headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().code, "E_READ_ONLY");
    assert.equal((await app.inject({ method: "POST", url: "/api/articles", payload: { nonsense: 1 } })).statusCode, 403);
  });

  it("with a token: 401 without it or with another, 201 with it, 200 for the same text again", async () => {
    const db = openStore(":memory:");
    const app = buildServer(db, { token: TOKEN, pipeline: foundationPipeline() });
    assert.equal((await app.inject({ url: "/api/health" })).json().ingest, true);
    const post = (headers: Record<string, string>, payload: unknown = article) => app.inject({ method: "POST", url: "/api/articles", payload: payload as object, headers });
    const none = await post({});
    assert.equal(none.statusCode, 401);
    assert.match(none.headers["www-authenticate"] as string, /^Bearer/);
    assert.equal((await post({ authorization: "Bearer wrong-token-000000" })).statusCode, 401);
    assert.equal((await post({ authorization: TOKEN })).statusCode, 401, "the scheme is required");
    assert.equal((await post({ authorization: "Bearer" })).statusCode, 401);
    const stored = await post({ authorization: `Bearer ${TOKEN}` });
    assert.equal(stored.statusCode, 201);
    assert.equal(stored.json().outcome, "stored");
    const again = await post({ authorization: `Bearer ${TOKEN}` });
    assert.deepEqual([again.statusCode, again.json().outcome], [200, "duplicate"]);
    const stored2 = (await app.inject({ url: `/api/articles/${stored.json().articleId}` })).json() as ArticleDetail;
    assert.equal(stored2.title, "Ruto in Uganda");
    assert.equal(stored2.layers["sentence"], 1);
  });

  it("validates the body (after the token) and bounds its size", async () => {
    const app = buildServer(openStore(":memory:"), { token: TOKEN, pipeline: foundationPipeline() });
    const headers = { authorization: `Bearer ${TOKEN}` };
    for (const payload of [{}, { text: "" }, { text: "x", date: "soon" }, { text: "x", extra: 1 }, { text: 5 }]) {
      const response = await app.inject({ method: "POST", url: "/api/articles", payload, headers });
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
    }
    const notJson = await app.inject({ method: "POST", url: "/api/articles", payload: "{not json", headers: { ...headers, "content-type": "application/json" } });
    assert.equal(notJson.statusCode, 400);
    const huge = await app.inject({ method: "POST", url: "/api/articles", payload: { text: "a ".repeat(2_100_000) }, headers });
    assert.equal(huge.statusCode, 413);
    const tooLong = await app.inject({ method: "POST", url: "/api/articles", payload: { text: "a".repeat(1_000_001) }, headers });
    assert.equal(tooLong.statusCode, 400);
  });

  it("keeps every other route read-only: no PUT, PATCH or DELETE", async () => {
    const app = buildServer(openStore(":memory:"), { token: TOKEN, pipeline: foundationPipeline() });
    for (const method of ["PUT", "PATCH", "DELETE"] as const) {
      assert.equal((await app.inject({ method, url: "/api/articles/1", headers: { authorization: `Bearer ${TOKEN}` } })).statusCode, 404);
    }
  });
});

describe("OpenAPI and the web UI's files", () => {
  it("describes every route with its parameters at /openapi.json", async () => {
    const app = buildServer(openStore(":memory:"));
    const doc = (await app.inject({ url: "/openapi.json" })).json();
    assert.equal(doc.openapi, "3.1.0");
    const paths = Object.keys(doc.paths).sort();
    for (const path of ["/api/health", "/api/articles", "/api/articles/{id}", "/api/events", "/api/events/{id}", "/api/events/timeline", "/api/relations", "/api/actors", "/api/actors/{id}", "/api/quotes", "/api/map", "/api/places", "/api/network", "/api/facets", "/api/countries"]) {
      assert.ok(paths.includes(path), path);
    }
    const params = doc.paths["/api/events"].get.parameters.map((p: { name: string }) => p.name);
    for (const name of ["actor", "country", "dyad", "code", "root", "plover", "from", "to", "status", "q", "limit", "offset", "format"]) assert.ok(params.includes(name), name);
    assert.deepEqual(doc.paths["/api/articles"].post.security, [{ bearer: [] }]);
    assert.equal(doc.paths["/api/relations"].get.parameters.find((p: { name: string }) => p.name === "a").required, true);
    assert.equal(doc.paths["/api/articles/{id}"].get.parameters[0].in, "path");
  });

  it("serves the built UI at / and its hashed assets, nothing else from disk", async () => {
    const web = mkdtempSync(join(tmpdir(), "newsgraph-web-"));
    mkdirSync(join(web, "assets"));
    writeFileSync(join(web, "index.html"), "<!doctype html><title>newsgraph</title>");
    writeFileSync(join(web, "assets", "app-abc123.js"), "console.log(1)");
    const app = buildServer(openStore(":memory:"), { webRoot: web });
    const index = await app.inject({ url: "/" });
    assert.equal(index.statusCode, 200);
    assert.match(index.headers["content-type"] as string, /^text\/html/);
    assert.match(index.headers["content-security-policy"] as string, /default-src 'self'/);
    const script = await app.inject({ url: "/assets/app-abc123.js" });
    assert.match(script.headers["content-type"] as string, /^text\/javascript/);
    assert.match(script.headers["cache-control"] as string, /immutable/);
    assert.equal((await app.inject({ url: "/assets/other.js" })).statusCode, 404);
    assert.equal((await app.inject({ url: "/assets/..%2Findex.html" })).statusCode, 404);
  });

  it("says how to build the UI when it is not built", async () => {
    const app = buildServer(openStore(":memory:"), { webRoot: join(tmpdir(), "no-such-newsgraph-web") });
    assert.match((await app.inject({ url: "/" })).body, /npm run build/);
  });
});

describe("seed fixture", () => {
  it("is the seed's own text and, where the shared gold is present, its events' evidence", (t) => {
    const doc = seedDoc();
    assert.equal(doc.text, readPlainText(readFileSync(SEED_PATH, "utf8"), SEED_PATH, null).text);
    const goldPath = join(sharedDir, "examples", "seed.gold.json");
    if (!existsSync(goldPath)) {
      t.skip(`no ${goldPath}`);
      return;
    }
    const gold = JSON.parse(readFileSync(goldPath, "utf8")) as { events: { cameo: string; evidence: { start: number; end: number } }[]; timexes: { start: number; value: string }[] };
    assert.deepEqual(
      doc.layers.events?.map((e) => [e.cameo, e.start, e.end]),
      gold.events.map((e) => [e.cameo, e.evidence.start, e.evidence.end]),
    );
    assert.deepEqual(doc.layers.timexes?.map((x) => [x.start, x.value]), gold.timexes.map((x) => [x.start, x.value]));
  });
});

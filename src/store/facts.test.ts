// The store's contract for the extraction layers: one actor per name and country across
// articles, one event per (source, target, code, day, status) with every report of it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "./database.js";
import { saveDoc, contentHash, getArticle } from "./articles.js";
import { removeAllOrphanActors } from "./facts.js";
import { listActors, listEvents, listQuotes } from "./queries.js";
import { createDoc, withLayers, type Doc, type DocActor, type NewsEvent } from "../model/document.js";

const P = { stage: "test", rule: "hand-built" } as const;
const noem = (mentions: number[]): DocActor => ({ index: 0, name: "Kristi Noem", type: "PERSON", country: "USA", role: "Secretary of Homeland Security", sector: "GOV", code: "USAGOV", mentions, aliases: ["Kristi Noem", "Noem"], provenance: P });

function article(text: string, evidenceEnd: number): Doc {
  const visit: NewsEvent = {
    start: 0,
    end: evidenceEnd,
    cameo: "042",
    goldstein: 1.9,
    plover: "CONSULT",
    ploverMode: "visit",
    source: { name: "Kristi Noem", country: "USA", sector: "GOV", code: "USAGOV", person: true, actor: 0 },
    target: { name: "Colombia", country: "COL", sector: null, code: "COL", person: false, actor: null },
    date: "2025-03-27",
    location: { name: "Bogotá", country: "COL", lat: 4.61, lon: -74.08 },
    status: "asserted",
    trigger: { start: text.indexOf("visited"), end: text.indexOf("visited") + 7 },
    provenance: P,
  };
  return withLayers(createDoc(text, { id: String(evidenceEnd), date: "2025-03-28" }), {
    entities: [{ start: text.indexOf("Noem") - 7, end: text.indexOf("Noem") + 4, type: "PERSON", text: "Kristi Noem", actor: 0, country: "USA", provenance: P }],
    actors: [noem([0])],
    events: [visit],
    quotes: [{ start: text.indexOf("“") + 1, end: text.indexOf("”"), text: "", speaker: { name: "Kristi Noem", start: null, end: null, actor: 0 }, provenance: P }],
  });
}

describe("store: actors, events, quotes", () => {
  it("keeps one actor and one event across two articles reporting the same visit, with both reports", () => {
    const db = openStore(":memory:");
    const a = "Kristi Noem visited Colombia on Thursday. “We are committed,” she said.";
    const b = "U.S. Secretary Kristi Noem visited Colombia on Thursday, officials said. “A frank talk,” Noem said.";
    saveDoc(db, article(a, 40), contentHash(a), "t");
    const second = saveDoc(db, article(b, 52), contentHash(b), "t");
    const actors = listActors(db, { q: "Noem" });
    assert.equal(actors.length, 1);
    assert.deepEqual(JSON.parse(actors[0]?.["aliases"] as string), ["Kristi Noem", "Noem"]);
    const events = listEvents(db, { actor: "Kristi Noem" });
    assert.equal(events.length, 1, "one event, not one per report");
    assert.equal(events[0]?.["mentions"], 2);
    assert.equal(events[0]?.["target"], "Colombia");
    assert.equal(events[0]?.["evidence"], a.slice(0, 40));
    assert.equal(listEvents(db, { actor: "Noem" }).length, 1, "found by alias");
    assert.equal(listEvents(db, { country: "COL" }).length, 1);
    assert.equal(listQuotes(db, { speaker: "Noem" }).length, 2);
    const stored = getArticle(db, second.articleId);
    const entity = stored?.annotations.find((x) => x.layer === "entity");
    assert.equal(entity?.["actorId"], actors[0]?.["id"], "mentions carry the global actor id");
  });

  it("drops an event when the only article reporting it is re-extracted without it", () => {
    const db = openStore(":memory:");
    const a = "Kristi Noem visited Colombia on Thursday. “We are committed,” she said.";
    saveDoc(db, article(a, 40), contentHash(a), "v1");
    saveDoc(db, withLayers(article(a, 40), { events: [] }), contentHash(a), "v2");
    assert.equal(listEvents(db).length, 0);
    assert.equal(listQuotes(db).length, 1, "quotes replaced, not duplicated");
  });

  it("drops an actor no article names any more when a newer pipeline names it otherwise, and keeps one another article names", () => {
    const db = openStore(":memory:");
    const a = "Kristi Noem visited Colombia on Thursday. “We are committed,” she said.";
    const b = "U.S. Secretary Kristi Noem visited Colombia on Thursday, officials said. “A frank talk,” Noem said.";
    saveDoc(db, article(a, 40), contentHash(a), "v1");
    saveDoc(db, article(b, 52), contentHash(b), "v1");
    // v2 reads the visit's target of article a as "the Colombian government": "Colombia" is still named by article b
    const renamed = (doc: Doc): Doc => {
      const visit = doc.layers.events?.[0] as NewsEvent;
      return withLayers(doc, { events: [{ ...visit, target: { name: "Colombian government", country: "COL", sector: "GOV", code: "COLGOV", person: false, actor: null } }] });
    };
    saveDoc(db, renamed(article(a, 40)), contentHash(a), "v2");
    assert.ok(listActors(db, { q: "Colombia" }).some((x) => x["name"] === "Colombia"), "article b still names Colombia");
    saveDoc(db, renamed(article(b, 52)), contentHash(b), "v2");
    const names = listActors(db).map((x) => x["name"]);
    assert.ok(!names.includes("Colombia"), `no article names "Colombia" any more: ${names.join(", ")}`);
    assert.ok(names.includes("Colombian government") && names.includes("Kristi Noem"));
  });

  it("keeps one person across articles when one article could not tell the person's country, in either order", () => {
    const person = (country: string | null): DocActor => ({ ...noem([0]), country, role: null, sector: null, code: country });
    const doc = (text: string, country: string | null): Doc => withLayers(article(text, 40), { actors: [person(country)] });
    const a = "Kristi Noem visited Colombia on Thursday. “We are committed,” she said.";
    const b = "Kristi Noem visited Colombia again on Friday. “We are committed,” she said.";
    const c = "Kristi Noem visited Colombia once more on Monday. “We are committed,” she said.";
    for (const order of [[["USA", a], [null, b]], [[null, a], ["USA", b]]] as const) {
      const db = openStore(":memory:");
      for (const [country, text] of order) saveDoc(db, doc(text, country), contentHash(text), "v1");
      const found = listActors(db, { q: "Noem" });
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0]?.["country"], "USA");
    }
    // a store made before this rule, with the person twice: re-extracting the countryless article merges them
    {
      const db = openStore(":memory:");
      saveDoc(db, doc(a, null), contentHash(a), "v1");
      db.prepare("INSERT INTO actors (name, country, type, aliases) VALUES ('Kristi Noem', 'USA', 'PERSON', '[]')").run();
      saveDoc(db, doc(a, null), contentHash(a), "v2");
      const found = listActors(db, { q: "Noem" });
      assert.deepEqual(found.map((x) => x["country"]), ["USA"], JSON.stringify(found));
    }
    // two people of one name in two countries: a third article without a country joins neither
    const db = openStore(":memory:");
    saveDoc(db, doc(a, "USA"), contentHash(a), "v1");
    saveDoc(db, doc(b, "COL"), contentHash(b), "v1");
    saveDoc(db, doc(c, null), contentHash(c), "v1");
    assert.equal(listActors(db, { q: "Noem" }).length, 3);
  });

  it("sweeps actors an older version left without evidence, after an ingest that re-extracted articles", () => {
    const db = openStore(":memory:");
    const a = "Kristi Noem visited Colombia on Thursday. “We are committed,” she said.";
    saveDoc(db, article(a, 40), contentHash(a), "v1");
    db.prepare("INSERT INTO actors (name, country, aliases) VALUES ('least 50 militants', 'SOM', '[]')").run();
    assert.equal(removeAllOrphanActors(db), 1);
    assert.deepEqual(listActors(db).map((x) => x["name"]).sort(), ["Colombia", "Kristi Noem"]);
  });
});

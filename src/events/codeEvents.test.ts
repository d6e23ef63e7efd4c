import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sharedDir } from "../model/dataFiles.js";
import type { NewsEvent } from "../model/document.js";
import { createDoc } from "../model/document.js";
import { toEvalDocument } from "../eval/evalFormat.js";
import { score } from "../eval/score.js";
import { getPipeline } from "../pipeline/stages.js";
import { codeDocument } from "./codeEvents.js";
import { eventDoc, goldLayersDoc, SEED_ACTORS, type HandLayers } from "./testing.js";

// Real news sentences: the seed story (AP, samples/seed) and Voice of America stories (public domain,
// ../shared/examples/voa), with their names and times given as the entity and date stages should find them, so that
// these tests measure the events stage alone.

interface Expected {
  /** A CAMEO code, or a two-digit root when the sub-code is the dictionary's business. */
  readonly cameo: string;
  /** Source and target by a word of their names (or null: none named). */
  readonly source: string | null;
  readonly target: string | null;
  readonly status?: NewsEvent["status"];
  readonly date?: string | null;
  readonly location?: string | null;
}

const found = (events: readonly NewsEvent[], e: Expected) =>
  events.find(
    (x) =>
      x.cameo.startsWith(e.cameo) &&
      (e.source === null ? x.source === null : Boolean(x.source?.name.includes(e.source))) &&
      (e.target === null ? x.target === null : Boolean(x.target?.name.includes(e.target))) &&
      (e.status === undefined || x.status === e.status) &&
      (e.date === undefined || x.date === e.date) &&
      (e.location === undefined || (x.location?.country ?? null) === e.location),
  );
const show = (events: readonly NewsEvent[]) => events.map((x) => `${x.cameo} ${x.source?.name ?? "-"} -> ${x.target?.name ?? "-"} ${x.status} ${x.date ?? "-"} ${x.location?.country ?? "-"}`).join("; ");

const SEED_DATE = "2025-03-28";
const NOEM: HandLayers["actors"] = SEED_ACTORS;

// [text, layers, the events it must hold, how many events in all (undefined: at least those)]
const cases: readonly (readonly [string, HandLayers, readonly Expected[], number?])[] = [
  [
    // The visit, and not the purpose clause "to discuss": one event.
    "U.S. Homeland Security Secretary Kristi Noem visited Colombia on Thursday as part of a tour of three Latin American nations to discuss immigration, crime and deportation.",
    { date: SEED_DATE, entities: [["U.S.", "GPE", "USA"], ["Kristi Noem", "PERSON"], ["Colombia", "GPE", "COL"], ["Latin American", "NORP"]], timexes: [["Thursday", "2025-03-27"]], actors: NOEM },
    [{ cameo: "042", source: "Noem", target: "Colombia", status: "asserted", date: "2025-03-27", location: "COL" }],
    1,
  ],
  [
    // A passive in a reduced relative: the by-phrase is the source.
    "Noem also visited the country's massive prison complex for alleged gang members, where hundreds of Venezuelans deported by the U.S. government are being held.",
    { date: SEED_DATE, entities: [["Noem", "PERSON"], ["Venezuelans", "NORP", "VEN"], ["U.S.", "GPE", "USA"]], actors: NOEM },
    // no time expression in the sentence or the ones before it: undated, never the publication date
    [{ cameo: "174", source: "government", target: "Venezuelans", status: "asserted", date: null }],
    1,
  ],
  [
    // Coordinated objects: one meeting each.
    "Later in the day, Noem met with police and Colombia's leftist President Gustavo Petro.",
    { date: SEED_DATE, entities: [["Noem", "PERSON"], ["Colombia", "GPE", "COL"], ["Gustavo Petro", "PERSON"]], timexes: [["Later in the day", "2025-03-27"]], actors: NOEM },
    [
      { cameo: "040", source: "Noem", target: "police", date: "2025-03-27" },
      { cameo: "040", source: "Noem", target: "Petro", date: "2025-03-27" },
    ],
    2,
  ],
  [
    // A dated noun ("Noem's Wednesday visit") is an event; "The visit marks a contrast" is not a new one; the relative
    // "where" takes the visit's place and day; the background "his crackdown on gangs" is no event.
    "The visit marks a contrast to Noem's Wednesday visit to El Salvador, where she met with President Nayib Bukele, a populist who has gained right-wing admiration in the United States due to his crackdown on gangs.",
    {
      date: SEED_DATE,
      entities: [["Noem", "PERSON"], ["El Salvador", "GPE", "SLV"], ["Nayib Bukele", "PERSON"], ["United States", "GPE", "USA"]],
      timexes: [["Wednesday", "2025-03-26"]],
      actors: NOEM,
    },
    [
      { cameo: "042", source: "Noem", target: "El Salvador", date: "2025-03-26", location: "SLV" },
      { cameo: "040", source: "Noem", target: "Bukele", date: "2025-03-26", location: "SLV" },
    ],
    2,
  ],
  [
    // "is set to" plans both coordinated verbs; the meeting is where the visit is.
    "On Friday, Noem is set to visit Mexico and meet with President Claudia Sheinbaum.",
    { date: SEED_DATE, entities: [["Noem", "PERSON"], ["Mexico", "GPE", "MEX"], ["Claudia Sheinbaum", "PERSON"]], timexes: [["Friday", "2025-03-28"]], actors: NOEM },
    [
      { cameo: "042", source: "Noem", target: "Mexico", status: "planned", date: "2025-03-28", location: "MEX" },
      { cameo: "040", source: "Noem", target: "Sheinbaum", status: "planned", date: "2025-03-28", location: "MEX" },
    ],
    2,
  ],
  [
    // "no new event" for the second clause; the first is negated.
    "Russia has not agreed to the ceasefire, but Trump said Tuesday that he had representatives on their way to Moscow for discussions.",
    { date: "2025-03-14", entities: [["Russia", "GPE", "RUS"], ["Trump", "PERSON", "USA"], ["Moscow", "GPE", "RUS"]], timexes: [["Tuesday", "2025-03-11"]] },
    [{ cameo: "03", source: "Russia", target: null, status: "negated" }],
    1,
  ],
  [
    "The risk for China is not limited to chips, because the Trump administration could impose restrictions on the Chinese AI model.",
    { entities: [["China", "GPE", "CHN"], ["Trump", "PERSON", "USA"], ["Chinese", "NORP", "CHN"]] },
    [{ cameo: "172", source: "Trump administration", target: "Chinese", status: "hypothetical" }],
    1,
  ],
  [
    // Reported future under a condition: a threat (CAMEO 1312), declared.
    "Trump said in his social media post that if Europe follows through on its 50% tariff on U.S.-distilled whiskey, he will impose the 200% tariff on all wines coming out of France.",
    { entities: [["Trump", "PERSON", "USA"], ["Europe", "LOC", "EUR"], ["U.S.", "GPE", "USA"], ["France", "GPE", "FRA"]] },
    [{ cameo: "1312", source: "Trump", target: null, status: "asserted" }],
    1,
  ],
  [
    "Speaking at the Atlantic Council, a foreign policy think tank in Washington, on Tuesday, National Security Adviser Robert O’Brien said the president would meet with Kim if there is a prospect of making a deal.",
    { entities: [["Atlantic Council", "ORG", "USA"], ["Washington", "GPE", "USA"], ["Robert O’Brien", "PERSON", "USA"], ["Kim", "PERSON", "PRK"]], timexes: [["Tuesday", "2019-11-19"]] },
    [{ cameo: "040", source: "president", target: "Kim", status: "hypothetical" }],
    1,
  ],
  [
    // A demand with its content in a that-clause: the content is no event of its own.
    "In addition, Trump demanded that Ottawa “must immediately drop their Anti-American Farmer Tariff of 250% to 390% on various U.S. dairy products.”",
    { entities: [["Trump", "PERSON", "USA"], ["Ottawa", "GPE", "CAN"], ["U.S.", "GPE", "USA"]] },
    [{ cameo: "100", source: "Trump", target: "Ottawa" }],
    1,
  ],
  [
    "Last month, ICE at one point deported 177 detainees from Guantanamo Bay to Honduras.",
    { date: "2025-03-14", entities: [["ICE", "ORG", "USA"], ["Guantanamo Bay", "GPE", "CUB"], ["Honduras", "GPE", "HND"]], timexes: [["Last month", "2025-02"]] },
    [{ cameo: "174", source: "ICE", target: "detainees", date: "2025-02" }],
    1,
  ],
  [
    "The United States and others have accused Beijing of genocide over its treatment of the Uyghurs.",
    { entities: [["The United States", "GPE", "USA"], ["Beijing", "GPE", "CHN"], ["Uyghurs", "NORP", "CHN"]] },
    [{ cameo: "112", source: "United States", target: "Beijing" }],
    1,
  ],
  [
    "But in 2022, authorities arrested Zamora and later froze the newspaper’s assets.",
    { entities: [["Zamora", "PERSON", "GTM"]], timexes: [["2022", "2022"]] },
    [{ cameo: "173", source: "authorities", target: "Zamora", date: "2022" }],
  ],
  [
    "Canada imposed new tariffs on $20.7 billion worth of U.S. exports.",
    { entities: [["Canada", "GPE", "CAN"], ["U.S.", "GPE", "USA"]] },
    [{ cameo: "163", source: "Canada", target: "U.S." }],
    1,
  ],
  [
    // A support verb and its noun: "led ... talks with"; the place in the clause.
    "Secretary of State Marco Rubio led more than eight hours of peace talks with Ukrainian officials in Jeddah, Saudi Arabia, to reach the agreement.",
    { entities: [["Marco Rubio", "PERSON", "USA"], ["Ukrainian", "NORP", "UKR"], ["Jeddah", "GPE", "SAU"], ["Saudi Arabia", "GPE", "SAU"]] },
    [{ cameo: "040", source: "Rubio", target: "Ukrainian officials", location: "SAU" }],
    1,
  ],
  [
    // Reported speech: "they" is the subject of "say"; the place after an agent noun gives its country.
    "Security forces in Somalia say they killed all six attackers who laid siege to a hotel in the central town of Beledweyne.",
    { entities: [["Somalia", "GPE", "SOM"], ["Beledweyne", "GPE", "SOM"]] },
    [{ cameo: "190", source: "Security forces", target: "attackers" }],
  ],
  [
    // Coordinated subjects with a target: one event each.
    "The United States, United Nations and international rights groups strongly condemned Thailand for sending Uyghurs back to China.",
    { entities: [["The United States", "GPE", "USA"], ["United Nations", "ORG", "UNO"], ["Thailand", "GPE", "THA"], ["Uyghurs", "NORP", "CHN"], ["China", "GPE", "CHN"]] },
    [
      { cameo: "111", source: "United States", target: "Thailand" },
      { cameo: "111", source: "United Nations", target: "Thailand" },
    ],
  ],
  [
    // A passive with "from": the deporting country.
    "Tensions between the two countries rose in January over accepting flights of immigrants deported from the United States.",
    { date: SEED_DATE, entities: [["United States", "GPE", "USA"]], timexes: [["January", "2025-01"]] },
    [{ cameo: "174", source: "United States", target: "immigrants", date: "2025-01" }],
    1,
  ],
];

// Sentences that state no event: background, opinion, a reference back to an event told before, agentless passives.
const negatives: readonly (readonly [string, HandLayers])[] = [
  ["Her trip comes amid a souring in relations between the Trump administration and the Colombian government — long the United States’ closest ally in the region.", { entities: [["Trump", "PERSON", "USA"], ["Colombian", "NORP", "COL"], ["United States", "GPE", "USA"]] }],
  ["Petro and U.S. President Donald Trump, both populists, share diametrically opposed views over key issues like combating crime and the American government’s role in Latin America.", { entities: [["Petro", "PERSON", "COL"], ["U.S.", "GPE", "USA"], ["Donald Trump", "PERSON", "USA"], ["American", "NORP", "USA"], ["Latin America", "LOC"]] }],
  ["Sarabia emphasized the importance of recognizing the “human rights and dignity of migrants are actually respected.”", { entities: [["Sarabia", "PERSON", "COL"]] }],
  ["The visit marks a contrast.", {}],
  ["These deportations are being challenged in court.", {}],
  ["A preliminary assessment from Malawi’s Department of Disaster Management Affairs released Thursday showed that the cyclone had so far affected more than 11,000 people.", { entities: [["Malawi", "GPE", "MWI"], ["Department of Disaster Management Affairs", "ORG", "MWI"]], timexes: [["Thursday", "2025-03-13"]] }],
  ["The White House did not reply to VOA’s email requesting comment on whether the Trump administration had any specific plans to help secure Lai’s release.", { entities: [["White House", "ORG", "USA"], ["VOA", "ORG", "USA"], ["Trump", "PERSON", "USA"], ["Lai", "PERSON", "HKG"]] }],
  ["“What began as a plea for reform was met with staggering brutality, leading to one of the most harrowing conflicts of our time,” Pederson said.", { entities: [["Pederson", "PERSON", "NOR"]] }],
  ["Analysts say the economy is likely to slow this year as tariffs bite.", {}],
  // forces of nature are no actors: nothing political happened
  ["Malawi avoided a hit from Dikeledi but was struck by Cyclone Chido in December.", { entities: [["Malawi", "GPE", "MWI"], ["Dikeledi", "PERSON"], ["Cyclone Chido", "ORG"]], timexes: [["December", "2024-12"]] }],
  ["Rescuers fought the wildfire for three days.", {}],
];

describe("codeEvents: real news sentences", () => {
  for (const [text, layers, expected, count] of cases) {
    it(text, () => {
      const events = codeDocument(eventDoc(text, layers));
      for (const e of expected) assert.ok(found(events, e), `missing ${JSON.stringify(e)} in: ${show(events)}`);
      if (count !== undefined) assert.equal(events.length, count, show(events));
      for (const e of events) {
        assert.ok(e.plover, "every event has a PLOVER type");
        assert.ok(e.goldstein !== null, "every event has a Goldstein score");
        assert.ok(e.start < e.end && text.slice(e.start, e.end).length > 0, "evidence is a span of the text");
        assert.match(e.provenance.rule ?? "", /./, "every event says which rule coded it");
      }
    });
  }
});

describe("codeEvents: no event", () => {
  for (const [text, layers] of negatives) it(text, () => assert.deepEqual(codeDocument(eventDoc(text, layers)).map((e) => e.cameo), [], show(codeDocument(eventDoc(text, layers)))));
});

describe("codeEvents: discourse", () => {
  it("takes a plural description to mean the last meeting's participants, and dates it by the narrative", () => {
    const text =
      "Noem sat down Thursday morning with Colombian Foreign Minister Laura Sarabia, and said they had a frank discussion. Sarabia emphasized the importance of migrants. The officials also signed an agreement that would expand the sharing of biometric data.";
    const events = codeDocument(
      eventDoc(text, { date: SEED_DATE, entities: [["Noem", "PERSON"], ["Colombian", "NORP", "COL"], ["Laura Sarabia", "PERSON"], ["Sarabia", "PERSON"]], timexes: [["Thursday morning", "2025-03-27TMO"]], actors: NOEM }),
    );
    assert.ok(found(events, { cameo: "040", source: "Noem", target: "Sarabia", date: "2025-03-27" }), show(events));
    assert.ok(found(events, { cameo: "057", source: "Noem", target: "Sarabia", date: "2025-03-27" }), show(events));
    assert.equal(events.filter((e) => e.cameo.startsWith("04")).length, 1, `"they had a frank discussion" is the same meeting: ${show(events)}`);
  });

  it("names an unnamed agent without the words that count it, so that the same agent is one actor across stories", () => {
    const text = "Somali forces killed at least 50 al-Shabab militants on Monday. Six militants attacked the base.";
    const events = codeDocument(eventDoc(text, { date: "2025-03-14", entities: [["Somali", "NORP", "SOM"], ["al-Shabab", "ORG", "SOM"]], timexes: [["Monday", "2025-03-10"]] }));
    assert.ok(events.some((e) => e.target?.name === "al-Shabab militants"), show(events));
    assert.ok(events.some((e) => e.source?.name === "militants"), show(events));
  });

  it("takes a hotel met at for the place, not for the other side: the two groups met each other", () => {
    const text = "Local elders and government officials were meeting at the Qahira Hotel when gunmen stormed it.";
    const events = codeDocument(eventDoc(text, { date: "2025-03-11", entities: [["Qahira Hotel", "ORG", "SOM"]] }));
    assert.ok(found(events, { cameo: "040", source: "elders", target: "officials" }), show(events));
    assert.ok(!events.some((e) => e.target?.name.includes("Hotel")), show(events));
  });

  it("takes 'they' after talks between two countries to mean both, and dates a past agreement by the talks, not by the meeting it plans", () => {
    const text = "Iran and the United States held talks in Oman on Saturday. They agreed to meet again next week.";
    const events = codeDocument(
      eventDoc(text, { date: "2025-03-14", entities: [["Iran", "GPE", "IRN"], ["United States", "GPE", "USA"], ["Oman", "GPE", "OMN"]], timexes: [["Saturday", "2025-03-08"], ["next week", "2025-W12"]] }),
    );
    assert.ok(found(events, { cameo: "040", source: "Iran", target: "United States", date: "2025-03-08" }), show(events));
    assert.ok(found(events, { cameo: "030", source: "Iran", target: "United States", date: "2025-03-08" }), show(events));
  });

  it("does not take a country visited for a party to the talks: 'they' after a visit stays unresolved", () => {
    const text = "Noem visited Colombia on Thursday. They signed an agreement.";
    const events = codeDocument(eventDoc(text, { date: SEED_DATE, entities: [["Noem", "PERSON"], ["Colombia", "GPE", "COL"]], timexes: [["Thursday", "2025-03-27"]], actors: NOEM }));
    assert.deepEqual(events.map((e) => e.cameo), ["042"], show(events));
  });
});

const seedPath = join(sharedDir, "examples", "seed.gold.json");
const gsrPath = join(sharedDir, "data", "events", "plover", "plover_gsr.gold.jsonl");

describe("codeEvents: the seed story", { skip: !existsSync(seedPath) && "no ../shared" }, () => {
  const gold = JSON.parse(readFileSync(seedPath, "utf8")) as Record<string, unknown>;
  it("on the gold entity and timex layers: events full F1 >= 0.9", () => {
    const doc = goldLayersDoc(gold, SEED_ACTORS);
    const predicted = toEvalDocument({ ...doc, layers: { ...doc.layers, events: codeDocument(doc) } });
    const report = score([gold], [predicted as unknown as Record<string, unknown>], {});
    assert.ok((report.events?.full.f1 ?? 0) >= 0.9, JSON.stringify(report.events));
  });
  it("through the whole pipeline: events full F1 >= 0.9", () => {
    const doc = getPipeline().run(createDoc(String(gold["text"]), { id: String(gold["id"]), date: String(gold["date"]) }));
    const report = score([gold], [toEvalDocument(doc) as unknown as Record<string, unknown>], {});
    assert.ok((report.events?.full.f1 ?? 0) >= 0.9, JSON.stringify(report.events));
  });
});

describe("codeEvents: PLOVER gold-standard records (CAMEO manual examples)", { skip: !existsSync(gsrPath) && "no ../shared" }, () => {
  it("PLOVER type F1 >= 0.70 through the whole pipeline", () => {
    const gold = readFileSync(gsrPath, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const pipeline = getPipeline();
    const predicted = gold.map((g) => toEvalDocument(pipeline.run(createDoc(String(g["text"]), { id: String(g["id"]), date: String(g["date"]) }))) as unknown as Record<string, unknown>);
    const report = score(gold, predicted, {});
    assert.ok((report.events?.plover.f1 ?? 0) >= 0.7, JSON.stringify(report.events?.plover));
  });
});

describe("codeEvents: places on the map", () => {
  it("an event in a named city carries the city's coordinates; one in a country carries only the country", () => {
    const text =
      "BEIJING (AP) — U.S. Secretary of State Marco Rubio met Chinese Foreign Minister Wang Yi in Beijing on Tuesday. " +
      "On Wednesday, Rubio visited Vietnam.";
    const doc = getPipeline().run(createDoc(text, { id: "map", date: "2025-07-10" }));
    const events = doc.layers.events ?? [];
    const meeting = events.find((e) => e.cameo.startsWith("04") && e.location?.name?.toLowerCase() === "beijing");
    assert.ok(meeting?.location, JSON.stringify(events.map((e) => [e.cameo, e.location])));
    assert.ok(Math.abs((meeting.location.lat ?? 0) - 39.9) < 0.1 && Math.abs((meeting.location.lon ?? 0) - 116.4) < 0.1, JSON.stringify(meeting.location));
    const visit = events.find((e) => e.location?.country === "VNM");
    assert.ok(visit?.location, JSON.stringify(events.map((e) => [e.cameo, e.location])));
    assert.equal(visit.location.lat, null, "a country is no point on the map");
  });
});

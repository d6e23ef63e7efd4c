// End-to-end: the built web UI in Debian's chromium (driven by playwright-core; no browser
// download), served by the real server over a store holding the seed with hand-built fact
// layers (src/api/testing/seedFixture.ts). Each view is opened, the click-through from a chart
// bar to an event to its highlighted sentence is walked, and screenshots are saved to
// test-output/screenshots (or $NEWSGRAPH_SCREENSHOTS; `npm run screenshots` writes docs/screenshots).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import type { FastifyInstance } from "fastify";
import { openStore } from "../store/database.js";
import { buildServer } from "../api/server.js";
import { DEFAULT_WEB_ROOT } from "../api/staticUi.js";
import { saveCityStory, saveSeed, saveSentencesOnly, SEED_VISIT_EVIDENCE } from "../api/testing/seedFixture.js";
import { packageRoot } from "../model/dataFiles.js";

const CHROMIUM = process.env["NEWSGRAPH_CHROMIUM"] || "/usr/bin/chromium";
const SHOTS = resolve(packageRoot, process.env["NEWSGRAPH_SCREENSHOTS"] || join("test-output", "screenshots"));
// The flags a closed network needs: without the background-networking ones chromium keeps
// trying to reach Google's hosts at every start.
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const TIMEOUT = 15_000;

/** On a developer's machine without chromium the suite is skipped and says why; in CI it must run. */
function skipReason(): string | false {
  const missing = !existsSync(CHROMIUM) ? `no chromium at ${CHROMIUM} (apt-get install chromium)` : !existsSync(join(DEFAULT_WEB_ROOT, "index.html")) ? "the web UI is not built (npm run build)" : null;
  if (!missing) return false;
  if (process.env["CI"]) throw new Error(`E_E2E_SETUP: ${missing}; CI must run the browser tests`);
  return missing;
}

interface Served {
  readonly app: FastifyInstance;
  readonly base: string;
}

async function serve(seeded: boolean, more: (db: ReturnType<typeof openStore>) => void = () => {}): Promise<Served> {
  const db = openStore(":memory:");
  more(db);
  if (seeded) {
    saveSeed(db);
    saveSentencesOnly(db, { id: "accra", text: "Floods closed roads in Accra on Monday. Officials said the roads would reopen within a week.", date: "2024-06-03", title: "Floods in Accra", source: "VOA" });
  } else {
    saveSentencesOnly(db, { id: "accra", text: "Floods closed roads in Accra on Monday.", date: "2024-06-03", title: "Floods in Accra", source: "VOA" });
  }
  const app = buildServer(db);
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, base };
}

describe("web UI in chromium", { skip: skipReason() }, () => {
  let served: Served;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const offsite: string[] = [];
  const pageErrors: string[] = [];

  const shot = async (name: string) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
  };
  const open = async (hash: string) => {
    await page.goto(`${served.base}/#${hash}`);
  };
  const text = (selector: string) => page.locator(selector).first().innerText({ timeout: TIMEOUT });
  /** The count once it settles at `expected` (a list re-renders after its fetch), or the last count seen. */
  const countOf = async (selector: string, expected: number) => {
    const deadline = Date.now() + TIMEOUT;
    let count = await page.locator(selector).count();
    while (count !== expected && Date.now() < deadline) {
      await page.waitForTimeout(100);
      count = await page.locator(selector).count();
    }
    return count;
  };

  before(async () => {
    served = await serve(/*seeded=*/ true);
    profile = mkdtempSync(join(tmpdir(), "newsgraph-chromium-"));
    // launchPersistentContext takes the new, empty profile directory the machine notes ask for.
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 860 } });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(TIMEOUT);
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(served.base) && !url.startsWith("data:")) offsite.push(url);
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
  });

  after(async () => {
    await context?.close();
    await served?.app.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("Home: shows the seed's latest events and a chart of counts over time", async () => {
    await open("/");
    await page.locator("table.events tr.event-row").first().waitFor();
    assert.equal(await page.locator("svg.chart .bar:not(.empty)").count(), 4, "4 days: Jan (month-dated), Mar 26, 27, 28");
    assert.equal(await page.locator("svg.chart .bar").count(), 87, "and the empty days between, so time runs evenly");
    assert.equal(await countOf("table.events tr.event-row", 17), 17);
    assert.match(await text("table.events tr.event-row"), /Kristi Noem/);
    await shot("home");
  });

  it("click-through: a chart bar lists its events, an event shows its sentence, the reader highlights it", async () => {
    await open("/");
    await page.locator('svg.chart .bar[data-period="2025-03-27"]').click();
    await page.waitForURL(/from=2025-03-27&to=2025-03-27|to=2025-03-27/);
    assert.equal(await countOf("table.events tr.event-row", 6), 6, "the six events of Thursday, March 27");
    await page.locator("a.open-event", { hasText: SEED_VISIT_EVIDENCE }).click();

    await page.locator("mark.evidence").waitFor();
    assert.equal(await text("mark.evidence"), SEED_VISIT_EVIDENCE);
    assert.equal(await text("mark.evidence strong.trigger"), "visited");
    assert.match(await text("article.report footer"), /seed-gold-events/);
    await shot("event");

    await page.locator("a.read-in-article").first().click();
    await page.locator("p.block.focused").waitFor();
    const focused = await page.locator(".seg.focus").allInnerTexts();
    assert.equal(focused.join(""), SEED_VISIT_EVIDENCE, "the evidence, highlighted in the article");
    const sentence = page.locator("p.block.focused");
    assert.deepEqual([await sentence.getAttribute("data-start"), await sentence.getAttribute("data-end")], ["0", "170"], "inside its sentence, the first");
    assert.match(await text("aside.details"), /CONSULT[\s\S]*rule seed-gold-events/, "the event's details pinned, with its rule");
    await shot("article");
  });

  it("Article reader: hovering a span shows its layer, fields and the rule that produced it; layers toggle", async () => {
    const id = (await page.url()).match(/#\/article\/(\d+)/)?.[1] ?? "1";
    await open(`/article/${id}`);
    await page.locator(".seg.ent-PERSON", { hasText: "Laura Sarabia" }).first().hover();
    const details = await text("aside.details");
    assert.match(details, /PERSON[\s\S]*Laura Sarabia/);
    assert.match(details, /rule seed-gold-entities/);
    const legend = await text(".legend");
    assert.match(legend, /Entities\s*42/);
    assert.match(legend, /Dates\s*7/);
    assert.match(legend, /Quotes\s*3/);
    assert.match(legend, /Events\s*17/);
    await page.locator(".seg.k-timex", { hasText: "January" }).hover();
    assert.match(await text("aside.details"), /2025-01/);
    const before = await page.locator(".seg.k-entity").count();
    await page.locator(".layer-toggle.k-entity input").uncheck();
    assert.equal(await page.locator(".seg.k-entity").count(), 0);
    assert.ok(before > 40);
    await page.locator(".layer-toggle.k-entity input").check();
  });

  it("Article reader: an article with sentences only says plainly which layers are empty", async () => {
    await open("/articles");
    await page.locator("a.title", { hasText: "Floods in Accra" }).click();
    await page.locator(".legend").waitFor();
    assert.match(await text(".legend"), /Entities\s*none stored/);
    assert.match(await text(".legend"), /Events\s*none stored/);
    assert.match(await text(".reader-lists"), /No events stored for this article/);
  });

  it("Actor page: clicking Kristi Noem shows her roles, aliases, timeline and quotes", async () => {
    await open("/");
    await page.locator("table.events a", { hasText: "Kristi Noem" }).first().click();
    await page.locator("svg.actor-timeline circle.dot").first().waitFor();
    assert.match(await text("h1"), /Kristi Noem/);
    assert.match(await text(".facts-grid"), /Secretary of Homeland Security/);
    assert.match(await text(".facts-grid"), /Noem/);
    assert.equal(await countOf("svg.actor-timeline circle.dot", 10), 10);
    assert.equal(await page.locator("ul.quotes li").count(), 2);
    await shot("actor");
    await page.locator("svg.actor-timeline circle.dot").first().click();
    await page.locator("mark.evidence").waitFor();
    assert.equal(await text("mark.evidence"), "Noem's Wednesday visit to El Salvador", "the earliest dot: El Salvador, Wednesday");
  });

  it("Dyad view: USA and Colombia per month, a point lists its events, an event its sentence", async () => {
    await open("/dyad?a=USA&b=COL&interval=month");
    await page.locator("svg.chart .bar").first().waitFor();
    assert.equal(await page.locator("svg.chart .bar").count(), 3, "January to March, February empty");
    assert.equal(await page.locator("svg.chart .bar:not(.empty)").count(), 2);
    assert.equal(await page.locator("svg.chart circle.point").count(), 2);
    await page.locator('svg.chart circle.point[data-period="2025-03"]').click();
    await page.waitForURL(/period=2025-03/);
    assert.equal(await countOf("table.events tr.event-row", 6), 6);
    await shot("dyad");
    await page.locator("a.open-event", { hasText: "biometric" }).click();
    assert.match(await text("mark.evidence"), /signed an agreement/);
  });

  it("Map: colours countries by events from world-atlas shapes; a country lists its events", async () => {
    await open("/map");
    await page.locator('svg.map path.country[data-country="COL"]').waitFor();
    assert.ok((await page.locator("svg.map path.country").count()) > 150, "Natural Earth 110m countries");
    assert.equal(await page.locator("svg.map path.country.has-events").count(), 5, "USA, COL, SLV, MEX, VEN");
    await shot("map");
    await page.locator('svg.map path.country[data-country="COL"]').click({ force: true });
    await page.waitForURL(/country=COL/);
    assert.equal(await countOf("table.events tr.event-row", 7), 7);
  });

  it("Network: actors linked by events, sized by count; a node opens the actor", async () => {
    await open("/network");
    await page.locator("svg.network g.node").first().waitFor();
    const nodes = await page.locator("svg.network g.node").count();
    assert.ok(nodes >= 10, `${nodes} nodes`);
    assert.ok((await page.locator("svg.network line.link").count()) >= 10);
    const radius = async (name: string) => Number(await page.locator("svg.network g.node", { hasText: name }).first().locator("circle").getAttribute("r"));
    assert.ok((await radius("Kristi Noem")) > (await radius("Nayib Bukele")), "sized by event count");
    await shot("network");
    await page.locator("svg.network g.node", { hasText: "Laura Sarabia" }).first().click();
    await page.waitForURL(/#\/actor\/\d+/);
    assert.match(await text("h1"), /Laura Sarabia/);
  });

  it("Articles: full-text search marks the matching words", async () => {
    await open("/articles?q=biometric");
    await page.locator(".snippet mark").first().waitFor();
    assert.equal(await text(".snippet mark"), "biometric");
  });

  it("Search boxes: typing a name and pressing Enter lists what matches", async () => {
    await open("/actors");
    await page.getByLabel("Name or alias").fill("Noem");
    await page.getByLabel("Name or alias").press("Enter");
    await page.waitForURL(/#\/actors\?q=Noem/);
    await page.locator("a", { hasText: "Kristi Noem" }).first().waitFor();
    await open("/articles");
    await page.getByLabel("Search the text").fill("biometric");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/#\/articles\?q=biometric/);
    assert.equal(await text(".snippet mark"), "biometric");
  });

  it("Filters: what the user typed survives the page redrawing before they submit it", async () => {
    await open("/");
    await page.locator("table.events tr.event-row").first().waitFor();
    await page.getByLabel("Actor", { exact: true }).fill("Sarabia");
    await page.locator(".segmented a", { hasText: "week" }).click();
    await page.waitForURL(/interval=week/);
    await page.locator("svg.chart .bar").first().waitFor();
    assert.equal(await page.getByLabel("Actor", { exact: true }).inputValue(), "Sarabia", "the chart's redraw kept the typed name");
    await page.getByLabel("Actor", { exact: true }).press("Enter");
    await page.waitForURL(/actor=Sarabia/);
    assert.equal(await countOf("table.events tr.event-row", 2), 2, "her meeting and the agreement she signed");
  });

  it("fetched nothing from any other host and threw no error", () => {
    assert.deepEqual(offsite, [], "every request went to the newsgraph server");
    assert.deepEqual(pageErrors, []);
  });
});

describe("web UI in chromium, on a store without events", { skip: skipReason() }, () => {
  it("says plainly that the event layer is empty, on every view that needs it", async () => {
    const served = await serve(/*seeded=*/ false);
    const profile = mkdtempSync(join(tmpdir(), "newsgraph-chromium-"));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 720 } });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(TIMEOUT);
      await page.goto(`${served.base}/#/`);
      await page.locator(".notice", { hasText: "No events in the store yet" }).waitFor();
      assert.match(await page.locator(".notice").first().innerText(), /1 article/);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, "empty-home.png") });
      await page.goto(`${served.base}/#/network`);
      await page.locator(".notice", { hasText: "no network to draw" }).waitFor();
      await page.goto(`${served.base}/#/dyad`);
      await page.locator(".notice", { hasText: "Fewer than two countries" }).waitFor();
      await page.goto(`${served.base}/#/map`);
      await page.locator(".notice", { hasText: "every country is blank" }).waitFor();
      assert.equal(await page.locator("svg.map path.country.has-events").count(), 0);
    } finally {
      await context.close();
      await served.app.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe("web UI in chromium, on a store with an event in a named city", { skip: skipReason() }, () => {
  it("puts the city on the map as a point; a click lists its events, with the place as a removable filter", async () => {
    const served = await serve(/*seeded=*/ true, saveCityStory);
    const profile = mkdtempSync(join(tmpdir(), "newsgraph-chromium-"));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 720 } });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(TIMEOUT);
      await page.goto(`${served.base}/#/map`);
      const dot = page.locator('svg.map circle.place[data-place="Mexico City"]');
      await dot.waitFor();
      assert.equal(await page.locator("svg.map circle.place").count(), 1, "the seed's events are placed in countries only");
      assert.match(await dot.locator("title").textContent() ?? "", /Mexico City \(MEX\): 1 event/);
      // the point lies inside Mexico's shape on the map, not somewhere else
      const box = await dot.boundingBox();
      const mexico = await page.locator('svg.map path.country[data-country="MEX"]').boundingBox();
      assert.ok(box && mexico && box.x + box.width / 2 > mexico.x && box.x + box.width / 2 < mexico.x + mexico.width && box.y + box.height / 2 > mexico.y && box.y + box.height / 2 < mexico.y + mexico.height, "inside Mexico");
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, "map-places.png") });
      await dot.click();
      await page.waitForURL(/place=Mexico(%20|\+)City/);
      await page.locator("table.events tr.event-row").first().waitFor();
      assert.equal(await page.locator("table.events tr.event-row").count(), 1);
      assert.match(await page.locator("table.events tr.event-row").first().innerText(), /Marco Rubio/);
      const chip = page.locator('.active-filters .chip[data-filter="place"]');
      assert.match(await chip.innerText(), /place Mexico City/);
      await chip.locator("a").click();
      await page.waitForURL((url) => !url.hash.includes("place="));
      await page.locator(".active-filters").waitFor({ state: "detached" });
    } finally {
      await context.close();
      await served.app.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

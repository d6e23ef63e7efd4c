import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { packageRoot, sharedDir } from "../model/dataFiles.js";
import { readHtmlArticle } from "./html.js";
import { normaliseDate } from "./dates.js";
import { IngestError } from "./types.js";

// Hand-written pages modelled on the markup of a newspaper CMS and a WordPress blog (not copied from any site).
function fixture(name: string): string {
  return readFileSync(join(packageRoot, "src", "ingest", "fixtures", name), "utf8");
}

interface PageCase {
  readonly file: string;
  readonly title: string;
  readonly date: string;
  readonly source: string;
  readonly url: string;
  readonly paragraphs: readonly string[];
}

const pages: readonly PageCase[] = [
  {
    // og:* and article:published_time; canonical link relative to og:url; a site header showing today's date;
    // entities (&nbsp; &#8220; &amp;) in the body; an ad slot, a related-stories aside and a footer around it.
    file: "news-article.html",
    title: "Council approves $4.2 million for Harbor Street bridge repairs",
    date: "2024-03-12",
    source: "The Riverton Ledger",
    url: "https://www.rivertonledger.example/news/2024/03/12/harbor-street-bridge-repairs/",
    paragraphs: [
      "The Riverton City Council voted 6-1 on Tuesday to spend $4.2 million repairing the Harbor Street bridge, ending a two-month closure that has pushed commuter traffic onto the narrow streets of the Old Mill neighborhood.",
      "“We heard from hundreds of residents who are tired of waiting,” said Council Member Ruth Alvarez, who chairs the public works committee. “This gets the bridge open before the school year starts.”",
      "Engineers found corrosion in two steel girders during a routine inspection in January, and the state Department of Transportation ordered the bridge limited to a single lane. Repairs will be paid for with money from the city’s capital reserve fund & a state infrastructure grant.",
      "What happens next",
      "The work is expected to take about 14 weeks. The city will close the bridge completely for the first three weeks while crews replace the damaged girders.",
      "Buses on Route 4 will detour along Canal Avenue.",
      "The Old Mill footbridge will stay open to pedestrians and cyclists.",
      "“The longer we wait, the more it costs,” City Engineer Tom Becker told the council.",
      "Council Member Greg Hollis cast the only vote against the plan, saying the city should have sought a second bid before approving the contract.",
    ],
  },
  {
    // Yoast-style JSON-LD @graph is the only date and the only publisher (referenced by @id); og:url, no canonical;
    // a <br> inside a paragraph; the post navigation and "Posted in" footer left out.
    file: "blog-post.html",
    title: "Why our allotment switched to rainwater",
    date: "2023-06-04",
    source: "Greenhill Growers Association",
    url: "https://greenhillgrowers.example/2023/06/why-we-switched-to-rainwater/",
    paragraphs: [
      "Last summer the water company put a hosepipe ban in place for six weeks, and half of our plots lost their beans. This spring the committee agreed to stop relying on mains water altogether.",
      "We now have eleven water butts fed from the roofs of the sheds and the polytunnel. Together they hold about 2,300 litres, which our treasurer reckons is enough for a dry fortnight in July.\nFitting them took four Saturday mornings and cost £640, most of it covered by a parish grant.",
      "Tips if you want to do the same",
      "Fit a diverter on the downpipe rather than cutting it.",
      "Put a lid on every butt: mosquito larvae arrive within days.",
      "If you have questions, come and find us at the open day on 24 June.",
    ],
  },
];

describe("readHtmlArticle on whole pages", () => {
  for (const page of pages) {
    it(`reads ${page.file}`, () => {
      const article = readHtmlArticle(fixture(page.file), page.file);
      assert.equal(article.title, page.title);
      assert.equal(article.date, page.date);
      assert.equal(article.source, page.source);
      assert.equal(article.url, page.url);
      assert.equal(article.origin, page.file);
      assert.deepEqual(article.text.split("\n\n"), page.paragraphs);
    });

    it(`leaves plain text only in ${page.file}`, () => {
      const { text } = readHtmlArticle(fixture(page.file), page.file);
      assert.doesNotMatch(text, /&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i, "an HTML entity is left");
      assert.doesNotMatch(text, /<\/?[a-z][^>]*>/i, "a tag is left");
      assert.doesNotMatch(text, /[ \t\u00a0]{2}|\n{3}|^\s|\s$/, "whitespace is not collapsed");
    });
  }

  it("prefers the url it is given over the page's canonical link", () => {
    const article = readHtmlArticle(fixture("news-article.html"), "saved.html", "https://example.org/a?utm=1");
    assert.equal(article.url, "https://example.org/a?utm=1");
  });
});

// A page that holds only a date in one place, and enough story for Readability to find.
const BODY =
  "<p>The county water board said on Monday that the reservoir had reached its lowest level since records began, " +
  "and asked households to cut their use by a fifth until the autumn rains arrive in the hills.</p>";
const page = (head: string, body = `<article>${BODY}</article>`): string =>
  `<!DOCTYPE html><html><head><title>Reservoir</title>${head}</head><body>${body}</body></html>`;

const dateCases: ReadonlyArray<readonly [string, string, string | null]> = [
  ["Open Graph article:published_time", page('<meta property="article:published_time" content="2021-08-02T23:10:00+02:00">'), "2021-08-02"],
  ["meta name=pubdate, compact", page('<meta name="pubdate" content="20210802">'), "2021-08-02"],
  ["Dublin Core dc.date, any case", page('<meta name="DC.date" content="2021/8/2">'), "2021-08-02"],
  ["schema.org microdata on a <time>", page("", `<article><time itemprop="datePublished" datetime="2021-08-02">2 Aug</time>${BODY}</article>`), "2021-08-02"],
  [
    "JSON-LD datePublished inside @graph",
    page('<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","datePublished":"2021-08-02T06:00:00Z"}]}</script>'),
    "2021-08-02",
  ],
  [
    "JSON-LD with a trailing comma",
    page('<script type="application/ld+json">{"@type":"NewsArticle","articleSection":["Local",],"datePublished":"2021-08-02"}</script>'),
    "2021-08-02",
  ],
  ["<time> in the article header", page("", `<article><header><h1>Reservoir</h1><time datetime="2021-08-02T09:00">Monday</time></header>${BODY}</article>`), "2021-08-02"],
  [
    "publication wins over modification whatever the order",
    page('<meta property="article:modified_time" content="2022-01-05"><meta name="date" content="2021-08-02">'),
    "2021-08-02",
  ],
  ["modification date when it is all there is", page('<meta property="article:modified_time" content="2022-01-05T10:00:00Z">'), "2022-01-05"],
  // negative cases: no date, or none that dates the article
  ["no metadata", page(""), null],
  ["the site header's date of today", page("", `<header class="site"><time datetime="2024-05-01">Today</time></header><article>${BODY}</article>`), null],
  ["JSON-LD's placeholder 0001-01-01", page('<script type="application/ld+json">{"@type":"Article","datePublished":"0001-01-01T00:00:00Z"}</script>'), null],
];

describe("readHtmlArticle dates", () => {
  for (const [name, html, expected] of dateCases) {
    it(name, () => {
      assert.equal(readHtmlArticle(html, name).date, expected);
    });
  }
});

const normaliseCases: ReadonlyArray<readonly [string, string | null]> = [
  ["2019-11-19T08:03:00-05:00", "2019-11-19"], // the publisher's day, not UTC's
  ["2019-11-19T23:30:00.000Z", "2019-11-19"],
  ["2019-11-19", "2019-11-19"],
  ["20191119", "2019-11-19"],
  ["2019/11/9", "2019-11-09"],
  ["Tue, 19 Nov 2019 13:03:00 GMT", "2019-11-19"],
  ["November 19, 2019", "2019-11-19"],
  ["2019", null],
  ["2019-02-30", null],
  ["0001-01-01T00:00:00Z", null],
  ["yesterday", null],
  ["", null],
];

describe("normaliseDate", () => {
  for (const [value, expected] of normaliseCases) {
    it(`reads ${JSON.stringify(value)}`, () => {
      assert.equal(normaliseDate(value), expected);
    });
  }
});

const noArticle: ReadonlyArray<readonly [string, string]> = [
  ["an empty page", ""],
  ["a page of whitespace", "  \n\t "],
  ["an empty document", "<!DOCTYPE html><html><head><title>x</title></head><body></body></html>"],
  ["a login wall", fixture("login-wall.html")],
  ["a page with only navigation", fixture("nav-only.html")],
];

describe("readHtmlArticle without an article", () => {
  for (const [name, html] of noArticle) {
    it(`rejects ${name} with E_HTML_NO_ARTICLE`, () => {
      assert.throws(
        () => readHtmlArticle(html, "page.html"),
        (error: unknown) =>
          error instanceof IngestError && error.code === "E_HTML_NO_ARTICLE" && error.origin === "page.html",
      );
    });
  }
});

// The Scrapinghub article-extraction benchmark, when this machine has it (scripts/bench-html.mjs scores all of it).
const BENCHMARK = join(sharedDir, "data", "html");

describe("readHtmlArticle on a benchmark page", () => {
  const available = existsSync(join(BENCHMARK, "ground-truth.json"));
  it("contains the first sentence of the ground truth", { skip: available ? false : `no benchmark at ${BENCHMARK}` }, () => {
    const truth = JSON.parse(readFileSync(join(BENCHMARK, "ground-truth.json"), "utf8")) as Record<
      string,
      { readonly articleBody: string; readonly url?: string }
    >;
    const file = readdirSync(join(BENCHMARK, "aeb-html")).filter((f) => f.endsWith(".html.gz")).sort()[0];
    assert.ok(file, "the benchmark has no pages");
    const expected = truth[file.slice(0, -".html.gz".length)];
    assert.ok(expected, `no ground truth for ${file}`);
    const html = gunzipSync(readFileSync(join(BENCHMARK, "aeb-html", file))).toString("utf8");
    const article = readHtmlArticle(html, file, expected.url ?? null);
    const firstSentence = /^.+?[.!?]["”’]?(?=\s|$)/su.exec(expected.articleBody.trim())?.[0] ?? expected.articleBody;
    assert.ok(
      article.text.includes(firstSentence.replace(/\s+/g, " ")),
      `${file}: ${JSON.stringify(firstSentence)} not in ${JSON.stringify(article.text.slice(0, 300))}`,
    );
  });
});

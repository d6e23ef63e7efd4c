import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../model/dataFiles.js";
import { feedDate, isFeed, readFeed, type FeedItem } from "./feed.js";
import { IngestError } from "./types.js";

function fixture(name: string): string {
  return readFileSync(join(packageRoot, "src", "ingest", "fixtures", name), "utf8");
}

/** Reads a fixture and checks that its items match, field by field, in order. */
function expectItems(name: string, origin: string, expected: readonly FeedItem[]): void {
  const { items } = readFeed(fixture(name), origin);
  assert.equal(items.length, expected.length, `${name}: item count`);
  expected.forEach((want, index) => assert.deepEqual(items[index], want, `${name} item ${index + 1}`));
}

describe("isFeed", () => {
  const feeds: readonly [string, string][] = [
    ["RSS 2.0 fixture", fixture("rss-content-encoded.xml")],
    ["Atom fixture", fixture("atom.xml")],
    ["RSS 1.0 fixture", fixture("rdf.xml")],
    ["BOM, comment and DOCTYPE before <rss>", '\uFEFF<?xml version="1.0"?>\n<!-- generator: x -->\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel/></rss>'],
    ["Atom with a prefix on nothing but the namespace", '<feed xml:lang="en" xmlns="http://www.w3.org/2005/Atom"></feed>'],
  ];
  for (const [label, text] of feeds) it(`accepts ${label}`, () => assert.equal(isFeed(text), true));

  const notFeeds: readonly [string, string][] = [
    ["an HTML page", "<!DOCTYPE html>\n<html><head><title>RSS feeds</title></head><body><rss>not really</rss></body></html>"],
    ["a <feed> without the Atom namespace", '<feed xmlns="http://example.com/other"><entry/></feed>'],
    ["plain RDF/XML", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description/></rdf:RDF>'],
    ["JSON", '{"items": []}'],
    ["empty text", ""],
  ];
  for (const [label, text] of notFeeds) it(`rejects ${label}`, () => assert.equal(isFeed(text), false));
});

describe("readFeed", () => {
  it("RSS 2.0 with content:encoded prefers the full content and keeps an item with none", () =>
    expectItems("rss-content-encoded.xml", "https://www.voiceofafrica.example/api/feed.xml", [
      {
        id: "https://www.voiceofafrica.example/a/7812345.html",
        title: "Kenya's parliament passes finance bill after heated debate",
        url: "https://www.voiceofafrica.example/a/kenya-parliament-finance-bill/7812345.html",
        // 21:40 -0400 on June 10 is June 11 in UTC; the publisher's day is kept.
        date: "2025-06-10",
        html:
          "<p>NAIROBI, KENYA &mdash; Kenya's parliament on Tuesday passed a finance bill that raises taxes on mobile money transfers, after a debate that ran past midnight.</p>\n" +
          '<p>"We had no other choice," Finance Minister John Mbadi told reporters outside the chamber.</p>',
        text: null,
        origin: "https://www.voiceofafrica.example/api/feed.xml#1",
      },
      {
        id: "https://www.voiceofafrica.example/a/7811002.html",
        // Numeric references are XML, decoded here; "&amp;#8217;" is HTML's to decode later.
        title: "Ghana\u2019s cocoa farmers await rain as prices climb & stocks fall",
        url: "https://www.voiceofafrica.example/a/ghana-cocoa-rain/7811002.html",
        date: "2025-06-09",
        html: "<p>KUMASI, GHANA \u2014 Cocoa farmers in Ghana&#8217;s Ashanti region said on Monday the dry spell had cut their yields by a third.</p>",
        text: null,
        origin: "https://www.voiceofafrica.example/api/feed.xml#2",
      },
      {
        id: "https://www.voiceofafrica.example/a/7810977.html",
        title: "Photos: Lagos flooding",
        url: "https://www.voiceofafrica.example/a/lagos-flooding-photos/7810977.html",
        date: "2025-06-08",
        html: null,
        text: null,
        origin: "https://www.voiceofafrica.example/api/feed.xml#3",
      },
    ]));

  it("RSS 2.0 with description only: plain text as text, escaped HTML as html", () =>
    expectItems("rss-description-only.xml", "top-news.xml", [
      {
        id: "4f1c2a9e7b3d4c0e9a1f2b3c4d5e6f70",
        title: "Fed holds rates steady, signals two cuts later this year",
        url: "https://apnews.example/article/federal-reserve-rates-inflation-4f1c2a9e",
        date: "2025-06-18",
        html: null,
        text: "WASHINGTON (AP) \u2014 The Federal Reserve kept its key interest rate unchanged Wednesday, and policymakers forecast two rate cuts later this year.",
        origin: "top-news.xml#1",
      },
      {
        id: "91ab",
        title: "Storms knock out power to 300,000 in Texas",
        url: "https://apnews.example/article/texas-storms-power-outages-91ab",
        // dc:date when there is no pubDate; 23:55 -05:00 stays June 17.
        date: "2025-06-17",
        html: '<p>HOUSTON (AP) \u2014 Severe storms knocked out power to more than 300,000 homes and businesses in the Houston area late Tuesday, <a href="https://apnews.example/hub/weather">officials said</a>.</p>',
        text: null,
        origin: "top-news.xml#2",
      },
      {
        // A guid without isPermaLink="false" is the link when there is no <link>.
        id: "https://apnews.example/article/year-in-review-00017",
        // Not parsed as the number 2025.
        title: "2025",
        url: "https://apnews.example/article/year-in-review-00017",
        // RFC 822's two-digit year.
        date: "2025-06-17",
        html: null,
        // "AT&T" after XML decoding is not an HTML entity: still plain text.
        text: "AT&T and Verizon reported outages across the Southeast on Tuesday morning.",
        origin: "top-news.xml#3",
      },
    ]));

  it("Atom: html, xhtml and text constructs, alternate links, published before updated", () =>
    expectItems("atom.xml", "https://ledger.example/world/atom.xml", [
      {
        id: "tag:ledger.example,2025-06-12:/world/monsoon-early-qa",
        title: "Q&A: Why the monsoon came early",
        url: "https://ledger.example/world/2025/06/12/monsoon-early-qa",
        date: "2025-06-12",
        html:
          "<p>NEW DELHI \u2014 The monsoon reached Kerala on May 24, eight days ahead of its usual date, the India Meteorological Department said.</p>\n" +
          "<p>&ldquo;It is the earliest onset since 2009,&rdquo; a spokesperson said.</p>",
        text: null,
        origin: "https://ledger.example/world/atom.xml#1",
      },
      {
        id: "tag:ledger.example,2025-06-11:/world/chile-runoff",
        title: "Chile votes in runoff for president",
        // Relative href resolved against the feed's address.
        url: "https://ledger.example/world/2025/06/11/chile-runoff",
        date: "2025-06-11",
        // XHTML is markup already: the wrapping div goes, "&amp;" stays for the HTML reader.
        html: "<p>SANTIAGO, Chile \u2014 Chileans voted on Sunday in a runoff between <b>two candidates</b> &amp; a record turnout was expected.</p>",
        text: null,
        origin: "https://ledger.example/world/atom.xml#2",
      },
      {
        id: "https://ledger.example/world/2025/06/10/prisoner-exchange",
        title: "Ukraine and Russia exchange prisoners",
        url: "https://ledger.example/world/2025/06/10/prisoner-exchange",
        date: "2025-06-10",
        html: null,
        text: "KYIV \u2014 Ukraine and Russia exchanged 390 prisoners each on Tuesday, officials from both countries said.",
        origin: "https://ledger.example/world/atom.xml#3",
      },
      {
        id: "tag:ledger.example,2025-06-09:/world/video/valencia",
        title: "Video: Flooding in Valencia",
        url: "https://ledger.example/world/video/valencia",
        date: "2025-06-09",
        // content src="…video.mp4" is out-of-line media, not text.
        html: null,
        text: null,
        origin: "https://ledger.example/world/atom.xml#4",
      },
      {
        // Shaped like a WordPress Atom feed: CDATA inside html constructs, kept verbatim for the HTML reader.
        id: "https://ledger.example/?p=48213",
        title: "Spain’s wildfire season starts early",
        url: "https://ledger.example/world/2025/06/08/spain-wildfires",
        date: "2025-06-08",
        html:
          "<p>BARCELONA, Spain &#8212; Firefighters battled three blazes in Catalonia on Sunday.</p>\n" +
          '<p>Officials said <a href="/world/tag/wildfires">the season</a> had started a month early.</p>',
        text: null,
        origin: "https://ledger.example/world/atom.xml#5",
      },
    ]));

  it("Atom read from a file keeps a relative link as written", () => {
    const second = readFeed(fixture("atom.xml"), "world.atom").items[1];
    assert.equal(second?.url, "/world/2025/06/11/chile-runoff");
  });

  it("RSS 1.0 (RDF): items beside the channel, rdf:about as id, dc:date", () =>
    expectItems("rdf.xml", "harbour.rdf", [
      {
        id: "https://harbourtimes.example/news/2025/06/port-strike-ends",
        title: "Port strike ends after nine days",
        url: "https://harbourtimes.example/news/2025/06/port-strike-ends",
        date: "2025-06-06",
        html: "<p>HALIFAX \u2014 Dock workers voted on Friday to accept a 6% raise, ending a strike that had idled the port for nine days.</p>",
        text: null,
        origin: "harbour.rdf#1",
      },
      {
        id: "https://harbourtimes.example/news/2025/06/ferry-fares",
        title: "Ferry fares to rise in July",
        url: "https://harbourtimes.example/news/2025/06/ferry-fares",
        date: "2025-06-05",
        html: null,
        text: "The provincial ferry operator will raise fares by 4% on July 1, it said on Thursday.",
        origin: "harbour.rdf#2",
      },
    ]));

  it("broken XML throws E_FEED_XML with the line and column", () => {
    assert.throws(
      () => readFeed(fixture("broken.xml"), "sahel.xml"),
      (error: unknown) => {
        assert.ok(error instanceof IngestError);
        assert.equal(error.code, "E_FEED_XML");
        assert.equal(error.origin, "sahel.xml");
        assert.match(error.message, /^E_FEED_XML: sahel\.xml: the feed is not well-formed XML at line 9, column \d+ \(.*descripton.*\); /);
        return true;
      },
    );
  });

  const notFeeds: readonly [string, string, RegExp][] = [
    ["valid XML that is not a feed", "<html><body><p>Hi</p></body></html>", /root element is <html>/],
    ["a truncated feed", '<rss version="2.0"><channel><item><title>Cut', /not well-formed XML at line 1/],
    ["an empty body", " \n", /the feed is empty/],
    ["text that is not XML", "Service temporarily unavailable", /not well-formed XML at line 1/],
  ];
  for (const [label, xml, message] of notFeeds) {
    it(`throws E_FEED_XML for ${label}`, () =>
      assert.throws(() => readFeed(xml, "x.xml"), (error: unknown) => error instanceof IngestError && error.code === "E_FEED_XML" && message.test(error.message)));
  }

  it("a feed with no items reads as no items", () => {
    assert.deepEqual(readFeed('<rss version="2.0"><channel><title>Quiet</title></channel></rss>', "q.xml"), { items: [] });
  });
});

describe("feedDate", () => {
  const cases: readonly [string, string | null][] = [
    ["Tue, 10 Jun 2025 14:03:00 GMT", "2025-06-10"],
    ["Tue, 10 Jun 2025 23:59:00 -0800", "2025-06-10"],
    ["10 Jun 2025 14:03 EST", "2025-06-10"],
    ["Mon, 9 June 2025 08:00:00 +0000", "2025-06-09"],
    ["Wed, 02 Oct 02 13:00:00 GMT", "2002-10-02"],
    ["Sun, 31 Dec 99 23:00:00 GMT", "1999-12-31"],
    ["2025-06-12T06:00:00+05:30", "2025-06-12"],
    ["2025-06-12", "2025-06-12"],
    ["  2025-06-12T00:00:00Z  ", "2025-06-12"],
  ];
  for (const [raw, expected] of cases) it(`${raw} -> ${expected}`, () => assert.equal(feedDate(raw), expected));

  const invalid: readonly string[] = ["", "yesterday", "2025-06", "2025-02-30T10:00:00Z", "Thu, 31 Apr 2025 10:00:00 GMT", "Tue, 10 Foo 2025 10:00:00 GMT", "1749564180"];
  for (const raw of invalid) it(`"${raw}" gives null`, () => assert.equal(feedDate(raw), null));
});

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { packageRoot } from "../model/dataFiles.js";
import { decodeBody, fetchUrl } from "./fetch.js";
import { isFeed, readFeed } from "./feed.js";
import { IngestError } from "./types.js";

const LOOPBACK = "127.0.0.1";
const feedXml = readFileSync(join(packageRoot, "src", "ingest", "fixtures", "rss-content-encoded.xml"), "utf8");

// "Café in São Paulo — 5 °C" is written as latin1 bytes; the em dash is not in latin1, so it is "-" here.
const latin1Html = '<html><head><title>Caf\u00e9</title></head><body><p>Caf\u00e9 in S\u00e3o Paulo - 5 \u00b0C</p></body></html>';
// windows-1252 byte 0x93/0x94 are curly quotes, declared only by <meta>.
const cp1252Bytes = Buffer.concat([
  Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>', "latin1"),
  Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x61, 0x69, 0x64, 0x65]),
  Buffer.from("</p></body></html>", "latin1"),
]);
const latin1Feed = `<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="2.0"><channel><item><title>Bogot\u00e1 vota</title></item></channel></rss>`;

const BIG_LIMIT = 64 * 1024;
const CHUNK = Buffer.alloc(16 * 1024, "a");

const userAgents: string[] = [];

function route(req: IncomingMessage, res: ServerResponse): void {
  userAgents.push(req.headers["user-agent"] ?? "");
  // A client that gives up (timeout, size cap) resets the socket; that is expected here.
  res.on("error", () => undefined);
  switch (req.url) {
    case "/feed.xml":
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
      res.end(feedXml);
      return;
    case "/old-feed":
      res.writeHead(301, { location: "/feed.xml" });
      res.end();
      return;
    case "/gone":
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<h1>Not Found</h1>");
      return;
    case "/broken":
      res.writeHead(503, "Service Unavailable");
      res.end();
      return;
    case "/slow": {
      // Headers only after 2 s: longer than the test's timeout, short enough not to hold the run.
      const timer = setTimeout(() => res.end("late"), 2_000);
      res.on("close", () => clearTimeout(timer));
      return;
    }
    case "/slow-body": {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><body><p>First paragraph.</p>");
      const timer = setTimeout(() => res.end("</body></html>"), 2_000);
      res.on("close", () => clearTimeout(timer));
      return;
    }
    case "/latin1":
      res.writeHead(200, { "content-type": "text/html; charset=ISO-8859-1" });
      res.end(Buffer.from(latin1Html, "latin1"));
      return;
    case "/cp1252-meta":
      res.writeHead(200, { "content-type": "text/html" });
      res.end(cp1252Bytes);
      return;
    case "/latin1-feed":
      res.writeHead(200, { "content-type": "application/xml" });
      res.end(Buffer.from(latin1Feed, "latin1"));
      return;
    case "/big-streamed": {
      // No Content-Length: the cap must be enforced while reading.
      res.writeHead(200, { "content-type": "text/html" });
      let sent = 0;
      const pump = (): void => {
        while (sent < BIG_LIMIT * 16 && !res.destroyed) {
          sent += CHUNK.length;
          if (!res.write(CHUNK)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
      return;
    }
    case "/big-declared":
      res.writeHead(200, { "content-type": "text/html", "content-length": String(BIG_LIMIT * 4) });
      res.end(Buffer.alloc(BIG_LIMIT * 4, "b"));
      return;
    default:
      res.writeHead(404);
      res.end();
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, LOOPBACK, () => resolve((server.address() as AddressInfo).port)));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Asserts that fetching fails with E_FETCH for this URL and a message matching `message`. */
async function rejectsWith(url: string, message: RegExp, options?: { timeoutMs?: number; maxBytes?: number }): Promise<void> {
  await assert.rejects(fetchUrl(url, options), (error: unknown) => {
    assert.ok(error instanceof IngestError, `expected IngestError, got ${String(error)}`);
    assert.equal(error.code, "E_FETCH");
    assert.equal(error.origin, url);
    assert.match(error.message, message);
    return true;
  });
}

describe("fetchUrl", () => {
  const server = createServer(route);
  let base = "";
  let closedPortUrl = "";

  before(async () => {
    base = `http://${LOOPBACK}:${await listen(server)}`;
    // A port that was just free and is closed again: nothing answers there.
    const probe = createServer();
    closedPortUrl = `http://${LOOPBACK}:${await listen(probe)}/feed.xml`;
    await close(probe);
  });
  after(() => close(server));

  it("fetches a feed, names newsgraph in the User-Agent, and the body reads as a feed", async () => {
    const before = userAgents.length;
    const fetched = await fetchUrl(`${base}/feed.xml`);
    assert.equal(fetched.contentType, "application/rss+xml; charset=utf-8");
    assert.equal(fetched.finalUrl, `${base}/feed.xml`);
    assert.equal(fetched.body, feedXml);
    assert.ok(isFeed(fetched.body));
    assert.equal(readFeed(fetched.body, fetched.finalUrl).items.length, 3);
    assert.match(userAgents[before] ?? "", /^newsgraph\//);
  });

  it("follows a redirect and reports the final URL", async () => {
    const fetched = await fetchUrl(`${base}/old-feed`);
    assert.equal(fetched.finalUrl, `${base}/feed.xml`);
    assert.equal(fetched.body, feedXml);
  });

  const decoding: readonly [string, string, string][] = [
    ["/latin1", "charset from the Content-Type header", "Caf\u00e9 in S\u00e3o Paulo - 5 \u00b0C"],
    ["/cp1252-meta", "charset from <meta http-equiv>", "\u201cHi\u201d \u2013 aide"],
    ["/latin1-feed", "encoding from the XML declaration", "Bogot\u00e1 vota"],
  ];
  for (const [path, label, expected] of decoding) {
    it(`decodes by ${label}`, async () => {
      const { body } = await fetchUrl(`${base}${path}`);
      assert.ok(body.includes(expected), `${JSON.stringify(expected)} not in ${JSON.stringify(body)}`);
    });
  }

  it("reports an HTTP error status", () => rejectsWith(`${base}/gone`, /: the server answered 404 Not Found; check the address/));
  it("reports a server error as one to retry later", () => rejectsWith(`${base}/broken`, /answered 503 Service Unavailable; .*try again later/));
  it("times out waiting for headers", () => rejectsWith(`${base}/slow`, /did not answer within 0\.2 s/, { timeoutMs: 200 }));
  it("times out while the body trickles in", () => rejectsWith(`${base}/slow-body`, /did not answer within 0\.2 s/, { timeoutMs: 200 }));
  it("stops a streamed body past maxBytes", () => rejectsWith(`${base}/big-streamed`, /larger than 65536 bytes/, { maxBytes: BIG_LIMIT }));
  it("refuses a declared Content-Length past maxBytes", () => rejectsWith(`${base}/big-declared`, /larger than 65536 bytes/, { maxBytes: BIG_LIMIT }));
  it("reports a closed port as not answering", () => rejectsWith(closedPortUrl, /does not answer: the connection was refused; check the address or your network/));

  const refused: readonly [string, RegExp][] = [
    ["file:///etc/hostname", /uses file:, but only http: and https:/],
    ["ftp://127.0.0.1/feed.xml", /uses ftp:, but only http: and https:/],
    ["www.example.com/feed.xml", /is not a valid URL/],
  ];
  for (const [url, message] of refused) it(`refuses ${url} without connecting`, () => rejectsWith(url, message));
});

describe("decodeBody", () => {
  const cases: readonly [string, Uint8Array, string, string][] = [
    ["UTF-8 by default", Buffer.from("S\u00e3o Paulo", "utf8"), "text/html", "S\u00e3o Paulo"],
    ["a UTF-8 BOM over a wrong header", Buffer.from("\uFEFFS\u00e3o", "utf8"), "text/html; charset=iso-8859-1", "S\u00e3o"],
    ["a quoted charset", Buffer.from("S\u00e3o", "latin1"), 'text/html; charset="latin1"', "S\u00e3o"],
    ["an unknown charset as UTF-8", Buffer.from("S\u00e3o", "utf8"), "text/html; charset=utf8mb4", "S\u00e3o"],
    ["<meta charset=utf-16> in an ASCII page as UTF-8", Buffer.from('<meta charset="utf-16"><p>S\u00e3o</p>', "utf8"), "", '<meta charset="utf-16"><p>S\u00e3o</p>'],
  ];
  for (const [label, bytes, contentType, expected] of cases) it(`decodes ${label}`, () => assert.equal(decodeBody(bytes, contentType), expected));
});

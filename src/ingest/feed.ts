// Reads news feeds — RSS 2.0, Atom 1.0 and RSS 1.0 (RDF) — into one item shape. The caller turns each item
// into a RawArticle (or a problem, when an item carries no content); this module only reads what the feed says.
//
// Entities are decoded here, by XML's rules only: the five predefined entities and numeric references.
// fast-xml-parser's default decoder leaves numeric references alone unless its deprecated `htmlEntities` is on,
// and "Trump&#8217;s" must reach the title as "Trump’s". Entities a DOCTYPE declares are left as written, which
// also keeps entity-expansion attacks out.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { IngestError } from "./types.js";

export interface FeedItem {
  /** RSS guid, Atom id, or RDF rdf:about. */
  readonly id: string | null;
  readonly title: string | null;
  readonly url: string | null;
  /** YYYY-MM-DD, the calendar day as the publisher wrote it (see `feedDate`). */
  readonly date: string | null;
  /** The item's content when it is markup (content:encoded, Atom type="html"/"xhtml", an HTML description). */
  readonly html: string | null;
  /** The item's content when it is plain text. At most one of `html` and `text` is set; neither when the item has none. */
  readonly text: string | null;
  /** `${origin}#${n}`, n counting items from 1 in document order. */
  readonly origin: string;
}

export interface Feed {
  readonly items: readonly FeedItem[];
}

const ATOM_NS = "http://www.w3.org/2005/Atom";
/** RSS 1.0 and its ancestor RSS 0.90, both RDF documents. */
const RDF_RSS_NS = ["http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/"];

/** True when the text is an RSS, Atom or RSS 1.0 (RDF) feed, judged by its root element. */
export function isFeed(text: string): boolean {
  const root = rootTag(text);
  if (!root) return false;
  return feedKind(root.name, root.tag) !== null;
}

type FeedKind = "rss" | "atom" | "rdf";

function feedKind(rootName: string, rootTag: string): FeedKind | null {
  if (rootName === "rss") return "rss";
  // Atom requires its namespace; a bare <feed> is some other vocabulary.
  if (rootName === "feed" && rootTag.includes(ATOM_NS)) return "atom";
  // rdf:RDF is also plain RDF/XML; only the RSS 1.0 / 0.90 namespaces make it a feed.
  if (rootName === "rdf:RDF" && RDF_RSS_NS.some((ns) => rootTag.includes(ns))) return "rdf";
  return null;
}

/** The first start tag after the prolog (BOM, XML declaration, comments, processing instructions, DOCTYPE). */
function rootTag(text: string): { readonly name: string; readonly tag: string } | null {
  // The root of a real feed comes within a few hundred characters; an internal DOCTYPE subset can be longer.
  const head = text.slice(0, 65_536).replace(/^\uFEFF/, "");
  const prolog = /^\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)/i;
  let rest = head;
  for (let match = prolog.exec(rest); match; match = prolog.exec(rest)) rest = rest.slice(match[0].length);
  const start = /^\s*<([A-Za-z_][\w.:-]*)(?:\s[^>]*)?\/?>/.exec(rest);
  return start?.[1] ? { name: start[1], tag: start[0] } : null;
}

/** Reads every item of a feed, in document order. Throws IngestError E_FEED_XML when the XML is broken or not a feed. */
export function readFeed(xml: string, origin: string): Feed {
  if (xml.trim() === "") {
    throw new IngestError("E_FEED_XML", origin, "the feed is empty; check the address, or fetch it again if the server was busy");
  }
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) {
    const { line, col, msg } = verdict.err;
    // The validator gives a column for most errors but not all (a document that ends too early).
    const where = typeof col === "number" ? `line ${line}, column ${col}` : `line ${line}`;
    throw new IngestError(
      "E_FEED_XML",
      origin,
      `the feed is not well-formed XML at ${where} (${msg.replace(/\.$/, "")}); ` +
        `the server may have sent a truncated file or an HTML page — open it in a browser, or fix the XML and read the saved file`,
    );
  }
  const root = rootTag(xml);
  const kind = root ? feedKind(root.name, root.tag) : null;
  if (!root || !kind) {
    throw new IngestError(
      "E_FEED_XML",
      origin,
      `the root element is <${root?.name ?? "?"}>, not <rss>, an Atom <feed> or an RSS 1.0 <rdf:RDF>; ` +
        `pass the site's feed address (often linked as /feed, /rss or /atom.xml)`,
    );
  }

  let doc: XmlNode;
  try {
    doc = asNode(newParser().parse(xml)) ?? {};
  } catch (error) {
    throw new IngestError(
      "E_FEED_XML",
      origin,
      `the feed could not be read as XML (${error instanceof Error ? error.message : String(error)}); check the file, or report it with the feed attached`,
    );
  }

  const base = /^https?:/i.test(origin) ? origin : null;
  const read = { rss: readRssItem, atom: readAtomEntry, rdf: readRssItem }[kind];
  const nodes =
    kind === "rss"
      ? all(child(child(doc, "rss"), "channel")).flatMap((channel) => all(child(channel, "item")))
      : kind === "atom"
        ? all(child(child(doc, "feed"), "entry"))
        : // RSS 1.0 puts items beside the channel, as children of rdf:RDF.
          all(child(child(doc, "rdf:RDF"), "item"));

  const items = nodes.map((node, index) => ({ ...read(node, base), origin: `${origin}#${index + 1}` }));
  return { items };
}

// ---- XML access ---------------------------------------------------------------------------------------------------

/** A parsed element: child elements by name (repeated ones as arrays), attributes as "@_name", text as "#text". */
interface XmlNode {
  readonly [name: string]: unknown;
}

/** Atom text constructs that may hold XHTML markup, kept raw so that markup is not lost to the object tree. */
const RAW_ATOM_ELEMENTS = ["feed.entry.content", "feed.entry.summary", "feed.entry.title"];

function newParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    // Guids such as "12345" and titles such as "2024" stay strings.
    parseTagValue: false,
    parseAttributeValue: false,
    // Untrimmed, so "Reported by <![CDATA[<b>VOA</b>]]>" keeps its space; fields are trimmed when read.
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    stopNodes: RAW_ATOM_ELEMENTS,
    entityDecoder: {
      setExternalEntities: () => undefined,
      addInputEntities: () => undefined,
      reset: () => undefined,
      setXmlVersion: () => undefined,
      decode: decodeXmlEntities,
    },
  });
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML's own entities and numeric references; anything else ("&nbsp;" in a sloppy feed) stays as written. */
function decodeXmlEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|([A-Za-z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return XML_ENTITIES[name] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? "", 16);
    const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff));
    return allowed ? String.fromCodePoint(code) : whole;
  });
}

/** Raw element content (a stop node): CDATA sections verbatim, entities decoded elsewhere. */
function decodeRawXml(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith("<![CDATA[") ? part.slice(9, -3) : decodeXmlEntities(part)))
    .join("");
}

function asNode(value: unknown): XmlNode | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as XmlNode) : null;
}

/** The child elements called `name`; the parser gives one as a value and several as an array. */
function all(value: unknown): XmlNode[] {
  const list = Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value];
  // A leaf element arrives as its text; wrap it so callers see elements only.
  return list.map((item) => asNode(item) ?? { "#text": typeof item === "string" ? item : "" });
}

/** The value under `name` when `node` is an element; what `all` takes. */
function child(node: unknown, name: string): unknown {
  return asNode(node)?.[name];
}

/** The text of the first element called `name`, trimmed; null when absent or blank. */
function textOf(node: XmlNode, name: string): string | null {
  const first = all(node[name])[0];
  return first ? nonBlank(first["#text"]) : null;
}

function attr(node: XmlNode, name: string): string | null {
  return nonBlank(node[`@_${name}`]);
}

function nonBlank(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

// ---- Items --------------------------------------------------------------------------------------------------------

interface Body {
  readonly html: string | null;
  readonly text: string | null;
}

const NO_BODY: Body = { html: null, text: null };

type ItemFields = Omit<FeedItem, "origin">;

/** RSS 2.0 <item>, and RSS 1.0 <item> (the same elements, plus rdf:about for its id). */
function readRssItem(item: XmlNode, base: string | null): ItemFields {
  const guid = all(item["guid"])[0];
  const guidText = guid ? nonBlank(guid["#text"]) : null;
  // A guid is the item's permalink unless it says isPermaLink="false" (RSS 2.0 spec).
  const guidIsLink = guid !== undefined && attr(guid, "isPermaLink") !== "false" && /^https?:\/\//i.test(guidText ?? "");
  const link = textOf(item, "link") ?? (guidIsLink ? guidText : null);
  const full = markupBody(textOf(item, "content:encoded"));
  return {
    id: guidText ?? attr(item, "rdf:about"),
    title: textOf(item, "title"),
    url: link ? absoluteUrl(link, base) : null,
    date: feedDate(textOf(item, "pubDate")) ?? feedDate(textOf(item, "dc:date")),
    // content:encoded is the full article; description is often a teaser.
    ...(hasBody(full) ? full : markupBody(textOf(item, "description"))),
  };
}

function readAtomEntry(entry: XmlNode, base: string | null): ItemFields {
  const content = all(entry["content"])[0];
  // content with src="…" points elsewhere; there is nothing to read here, so the summary stands in.
  const full = content && attr(content, "src") === null ? atomBody(content) : NO_BODY;
  const summary = all(entry["summary"])[0];
  const title = all(entry["title"])[0];
  const href = alternateLink(all(entry["link"]));
  return {
    id: textOf(entry, "id"),
    title: title ? atomTitle(title) : null,
    url: href ? absoluteUrl(href, base) : null,
    date: feedDate(textOf(entry, "published")) ?? feedDate(textOf(entry, "updated")),
    ...(hasBody(full) ? full : summary ? atomBody(summary) : NO_BODY),
  };
}

/** The entry's own page: rel="alternate" (the default rel), preferring type="text/html". */
function alternateLink(links: readonly XmlNode[]): string | null {
  const alternates = links.filter((link) => (attr(link, "rel") ?? "alternate") === "alternate" && attr(link, "href"));
  const chosen = alternates.find((link) => (attr(link, "type") ?? "text/html") === "text/html") ?? alternates[0];
  return chosen ? attr(chosen, "href") : null;
}

/** An Atom text construct (content, summary), kept raw by the parser: type is text (default), html, xhtml or a MIME type. */
function atomBody(node: XmlNode): Body {
  const raw = typeof node["#text"] === "string" ? node["#text"] : "";
  const type = (attr(node, "type") ?? "text").toLowerCase();
  if (type === "xhtml") return { html: nonBlank(unwrapXhtmlDiv(raw)), text: null };
  if (type === "html" || type === "text/html") return markupBody(nonBlank(decodeRawXml(raw)));
  if (type === "text" || type.startsWith("text/")) return { html: null, text: nonBlank(decodeRawXml(raw)) };
  // application/pdf, base64 media: not an article text.
  return NO_BODY;
}

function atomTitle(node: XmlNode): string | null {
  const body = atomBody(node);
  if (body.text !== null) return body.text;
  // An HTML or XHTML title: "Q&amp;A: <em>Why</em> rates rose" reads as "Q&A: Why rates rose".
  return body.html === null ? null : nonBlank(decodeXmlEntities(body.html.replace(/<[^>]*>/g, "")).replace(/\s+/g, " "));
}

/** Atom xhtml content is one <div xmlns="http://www.w3.org/1999/xhtml"> wrapping the markup; the div is not content. */
function unwrapXhtmlDiv(raw: string): string {
  const match = /^\s*<(?:[\w.-]+:)?div\b[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?div>\s*$/.exec(raw);
  return match?.[1] ?? raw;
}

const MARKUP_TAG = /<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>|<!--/;
const HTML_ENTITY = /&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});/;

/**
 * Content that is HTML by contract (content:encoded, type="html") or by habit (RSS description).
 * Without tags or entities it is plain text, and the caller can skip HTML extraction:
 * `<description>Flooding closed roads in Lagos on Monday.</description>`.
 */
function markupBody(value: string | null): Body {
  if (value === null) return NO_BODY;
  return MARKUP_TAG.test(value) || HTML_ENTITY.test(value) ? { html: value, text: null } : { html: null, text: value };
}

function hasBody(body: Body): boolean {
  return body.html !== null || body.text !== null;
}

function absoluteUrl(href: string, base: string | null): string {
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    // A relative link in a feed read from a file has no base to resolve against; keep it as written.
    return href;
  }
}

// ---- Dates --------------------------------------------------------------------------------------------------------

/** RFC 822 month names: fixed by the format (RSS pubDate), not a lexicon to edit. */
const RFC822_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * The publication day as YYYY-MM-DD, read from the date as written rather than converted to UTC:
 * "Tue, 10 Jun 2025 21:30:00 -0400" is June 10 where it was published (and where the article's "today" is),
 * though it is June 11 in UTC.
 * Accepts RFC 822 (RSS pubDate, with 2- or 4-digit years and full month names, which real feeds use)
 * and ISO 8601 / W3C-DTF (Atom, dc:date). Anything else gives null rather than a guess.
 */
export function feedDate(raw: string | null): string | null {
  if (raw === null) return null;
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(raw);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const rfc = /(?:^|[\s,])(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4}|\d{2})(?!\d)/.exec(raw);
  if (rfc) {
    const month = RFC822_MONTHS.indexOf((rfc[2] ?? "").slice(0, 3).toLowerCase()) + 1;
    const written = Number(rfc[3]);
    // RFC 822 wrote years with two digits; RFC 1123 made it four. "10 Jun 25" is 2025.
    const year = (rfc[3] ?? "").length === 2 ? (written < 50 ? 2000 + written : 1900 + written) : written;
    if (month > 0) return calendarDate(year, month, Number(rfc[1]));
  }
  return null;
}

function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Rejects "2025-02-30" and "31 Apr 2025" instead of rolling them into the next month.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

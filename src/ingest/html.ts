// Reads one HTML page into a RawArticle: the main text found by Readability.js (on a linkedom DOM), serialised as
// plain paragraphs, plus the date, title, site and URL the page's metadata states.
//
// Metadata is read before Readability runs, because Readability edits the document it is given (it strips headers,
// scripts and bylines, where the <time> and JSON-LD live).
import { normaliseDate } from "./dates.js";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { readList } from "../model/dataFiles.js";
import { IngestError, type RawArticle } from "./types.js";

// linkedom's own typings point at the DOM lib, which this package does not load (lib is ES2023 only); these are the
// few members used here, which linkedom implements as browsers do.
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

interface DomElement extends DomNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  closest(selectors: string): DomElement | null;
}

interface DomDocument {
  readonly documentElement: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Below this many characters of text outside links, what Readability found is not an article but a login wall,
 * a cookie notice or a list of links. 140 is the length Readability itself needs before it scores a paragraph
 * (`isProbablyReaderable`'s minContentLength); a one-paragraph news brief is longer.
 */
const MIN_ARTICLE_CHARS = 140;

const NO_ARTICLE_FIX = "fetch the article's own URL, or save the page from a browser after logging in";

/**
 * The article in `html`. `origin` names the input in messages ("page.html", a URL); `url`, when given, is the
 * article's address and wins over the page's canonical link.
 * Throws IngestError E_HTML_NO_ARTICLE when the page holds no article.
 */
export function readHtmlArticle(html: string, origin: string, url?: string | null): RawArticle {
  if (html.trim() === "") throw new IngestError("E_HTML_NO_ARTICLE", origin, `the page is empty; ${NO_ARTICLE_FIX}`);
  const document = parseDocument(html);
  const meta = readMetadata(document);

  // The serializer hands back the article's element itself, so the text is read from the DOM rather than from an
  // HTML string parsed a second time.
  const reader = new Readability<DomElement>(document, { serializer: (node) => node as DomElement });
  const article = reader.parse();
  const content = article?.content ?? null;
  const length = content ? ownTextLength(content) : 0;
  if (!content || length < MIN_ARTICLE_CHARS) {
    throw new IngestError(
      "E_HTML_NO_ARTICLE",
      origin,
      `no article found: ${length} characters of text outside links, fewer than ${MIN_ARTICLE_CHARS} ` +
        `(a login or subscription wall, or a page of navigation?); ${NO_ARTICLE_FIX}`,
    );
  }

  return {
    id: null,
    text: plainText(content),
    date: meta.date,
    title: cleanInline(article?.title) ?? meta.title,
    source: meta.source ?? cleanInline(article?.siteName),
    url: nonEmpty(url) ?? meta.url,
    origin,
  };
}

/**
 * The text of an HTML fragment that is all article, such as a feed item's content: no
 * boilerplate to remove, so no Readability, only the same paragraph-preserving serialisation.
 */
export function htmlFragmentToText(html: string): string {
  const document = parseDocument(html);
  const body = document.querySelector("body");
  return body ? plainText(body) : "";
}

function parseDocument(html: string): DomDocument {
  // linkedom builds the tree it is given and adds nothing: without a <body> tag its document.body is a new, empty
  // element and Readability, which starts from document.body, finds nothing. Wrap fragments ("<p>…</p>") first.
  const source = /<body[\s>]/i.test(html)
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html.replace(/<!DOCTYPE[^>]*>|<\/?html[^>]*>/gi, "")}</body></html>`;
  return parseHTML(source).document as DomDocument;
}

// ---------------------------------------------------------------------------------------------------------------
// Text: block elements become paragraphs separated by a blank line; inside a paragraph, whitespace collapses to one
// space as a browser renders it, and <br> keeps its line break.

/** Elements that start and end a paragraph of their own. */
const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "CAPTION", "CENTER", "DD", "DETAILS", "DIALOG", "DIV", "DL", "DT",
  "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HGROUP", "HR",
  "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TBODY", "TFOOT", "THEAD", "TR", "UL",
]);
/** Table cells stay on their row's line, separated by a space. */
const CELL_TAGS = new Set(["TD", "TH"]);
/**
 * Elements whose text a browser does not show as text. An <iframe>'s or <video>'s children are fallback markup that
 * some editors fill with escaped HTML: '<iframe src="…youtube…">&amp;lt;span data-mce-type="bookmark"…</iframe>'.
 */
const SKIP_TAGS = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "MATH", "SELECT", "TEXTAREA", "BUTTON",
  "IFRAME", "OBJECT", "EMBED", "VIDEO", "AUDIO", "CANVAS",
]);

/** A line break kept inside a paragraph; "\n\n" between paragraphs is added at the end. */
const LINE_BREAK = "\n";

function plainText(root: DomElement): string {
  const paragraphs: string[] = [];
  let parts: string[] = [];

  const flush = (): void => {
    if (parts.length === 0) return;
    // Lines of one block: a single <br> keeps a line break, an empty line (<br><br>) starts a new paragraph.
    let lines: string[] = [];
    for (const raw of parts.join("").split(LINE_BREAK)) {
      const line = collapseWhitespace(raw);
      if (line !== "") lines.push(line);
      else if (lines.length > 0) {
        paragraphs.push(lines.join(LINE_BREAK));
        lines = [];
      }
    }
    if (lines.length > 0) paragraphs.push(lines.join(LINE_BREAK));
    parts = [];
  };

  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      // Source newlines are whitespace, not line breaks: only <br> makes a line break.
      parts.push((node.nodeValue ?? "").replace(/\n/g, " "));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === "BR") {
      parts.push(LINE_BREAK);
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    if (CELL_TAGS.has(tag)) parts.push(" ");
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child) walk(child);
    }
    if (block) flush();
  };

  walk(root);
  flush();
  return paragraphs.join("\n\n");
}

/**
 * The length of the text outside links, buttons and forms: what a reader would read as the article. A nav-only page
 * and a "subscribe to continue" wall have almost none.
 */
function ownTextLength(root: DomElement): number {
  let length = 0;
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      length += collapseWhitespace(node.nodeValue ?? "").length;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = node.nodeName.toUpperCase();
    if (tag === "A" || tag === "FORM" || SKIP_TAGS.has(tag)) return;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child) walk(child);
    }
  };
  walk(root);
  return length;
}

/**
 * Collapses runs of whitespace (including no-break and other Unicode spaces, which JavaScript's \s covers) to one
 * space, and drops the invisible characters pages put inside words: soft hyphens, zero-width spaces, byte-order marks.
 */
function collapseWhitespace(text: string): string {
  return text.replace(/[\u00ad\u200b\u2060\ufeff]/g, "").replace(/\s+/g, " ").trim();
}

function cleanInline(value: string | null | undefined): string | null {
  return nonEmpty(value == null ? null : collapseWhitespace(value));
}

function nonEmpty(value: string | null | undefined): string | null {
  return value != null && value.trim() !== "" ? value : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Metadata

interface PageMetadata {
  readonly date: string | null;
  readonly title: string | null;
  readonly source: string | null;
  readonly url: string | null;
}

type DateKind = "published" | "modified";

interface DateMetaName {
  readonly kind: DateKind;
  /** Lower case, as matched against property, name and itemprop. */
  readonly name: string;
}

const DATE_META_FILE = "ingest/html-date-meta.txt";

function dateMetaNames(): readonly DateMetaName[] {
  return readList(DATE_META_FILE).map((line) => {
    const [kind, name] = line.split(/\s+/);
    if ((kind !== "published" && kind !== "modified") || !name) {
      throw new Error(`data/${DATE_META_FILE}: "${line}" should be "published NAME" or "modified NAME"`);
    }
    return { kind, name: name.toLowerCase() };
  });
}

function readMetadata(document: DomDocument): PageMetadata {
  const metas = metaValues(document);
  const jsonLd = readJsonLd(document);
  const names = dateMetaNames();

  const fromMeta = (kind: DateKind): string | null => {
    for (const { name } of names.filter((n) => n.kind === kind)) {
      for (const value of metas.get(name) ?? []) {
        const date = normaliseDate(value);
        if (date) return date;
      }
    }
    return null;
  };
  // Publication before modification, whichever place states it: a page updated years later is still dated by
  // when it was published.
  const date =
    fromMeta("published") ??
    jsonLdDate(jsonLd, "datePublished") ??
    headerTimeDate(document) ??
    fromMeta("modified") ??
    jsonLdDate(jsonLd, "dateModified");

  return {
    date,
    title: cleanInline(first(metas.get("og:title"))),
    source: cleanInline(first(metas.get("og:site_name"))) ?? jsonLdPublisher(jsonLd),
    url: canonicalUrl(document, first(metas.get("og:url"))),
  };
}

/**
 * Every <meta> value by its lower-cased property, name and itemprop, in page order; and the itemprop values of other
 * elements (schema.org microdata: <time itemprop="datePublished" datetime="…">), read from content or datetime.
 */
function metaValues(document: DomDocument): ReadonlyMap<string, readonly string[]> {
  const values = new Map<string, string[]>();
  const add = (key: string | null, value: string | null): void => {
    if (!key || value == null || value.trim() === "") return;
    for (const name of key.toLowerCase().split(/\s+/)) {
      if (name === "") continue;
      const list = values.get(name);
      if (list) list.push(value.trim());
      else values.set(name, [value.trim()]);
    }
  };
  const metas = document.querySelectorAll("meta");
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i];
    if (!meta) continue;
    const content = meta.getAttribute("content");
    add(meta.getAttribute("property"), content);
    add(meta.getAttribute("name"), content);
    add(meta.getAttribute("itemprop"), content);
  }
  const items = document.querySelectorAll("[itemprop]");
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item || item.tagName.toUpperCase() === "META") continue;
    add(item.getAttribute("itemprop"), item.getAttribute("content") ?? item.getAttribute("datetime"));
  }
  return values;
}

/** The datetime of a <time> in the article's header: a <header> inside <article> or <main>, or one holding the <h1>. */
function headerTimeDate(document: DomDocument): string | null {
  const headers = document.querySelectorAll("header");
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i];
    if (!header) continue;
    // The site's own <header> often shows today's date: only the one around the headline dates the article.
    if (!header.closest("article, main") && !header.querySelector("h1")) continue;
    const time = header.querySelector("time[datetime]");
    const date = time ? normaliseDate(time.getAttribute("datetime") ?? "") : null;
    if (date) return date;
  }
  const pubdate = document.querySelector("time[pubdate][datetime]");
  return pubdate ? normaliseDate(pubdate.getAttribute("datetime") ?? "") : null;
}

function canonicalUrl(document: DomDocument, ogUrl: string | undefined): string | null {
  const base = absoluteUrl(ogUrl ?? "", undefined);
  const links = document.querySelectorAll("link[href]");
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    if (!link) continue;
    const rel = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    if (!rel.includes("canonical")) continue;
    const url = absoluteUrl(link.getAttribute("href") ?? "", base ?? undefined);
    if (url) return url;
  }
  return base;
}

function absoluteUrl(href: string, base: string | undefined): string | null {
  if (href.trim() === "") return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// JSON-LD (schema.org): every object of every ld+json script, nested ones and @graph members included.

type JsonObject = Readonly<Record<string, unknown>>;

interface JsonLd {
  readonly objects: readonly JsonObject[];
  readonly byId: ReadonlyMap<string, JsonObject>;
}

function readJsonLd(document: DomDocument): JsonLd {
  const objects: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) collect(item);
    } else if (isObject(value)) {
      objects.push(value);
      // A reference ({"@id": "#org"}) often comes before the node it names: only a node with more than its @id
      // is registered under that id.
      const id = value["@id"];
      if (typeof id === "string" && Object.keys(value).length > 1 && !byId.has(id)) byId.set(id, value);
      for (const child of Object.values(value)) collect(child);
    }
  };
  const scripts = document.querySelectorAll("script");
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i];
    if (!script || (script.getAttribute("type") ?? "").trim().toLowerCase() !== "application/ld+json") continue;
    // Some CMSs wrap the JSON in <!-- --> or CDATA markers.
    const json = (script.textContent ?? "").replace(/^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$/g, "");
    const parsed = parseLenientJson(json);
    if (parsed !== undefined) collect(parsed);
  }
  return { objects, byId };
}

/**
 * JSON.parse, retried once on the two defects hand-edited JSON-LD templates often have: a trailing comma
 * ('"articleSection": ["Science", ],') and raw line breaks inside strings. Undefined when it still does not parse:
 * the block is skipped, and the page's other metadata may still date it.
 */
function parseLenientJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    try {
      // Control characters outside strings are whitespace, so a space keeps the JSON's meaning there too.
      return JSON.parse(json.replace(/[\u0000-\u001f]+/g, " ").replace(/,\s*([\]}])/g, "$1"));
    } catch {
      return undefined;
    }
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// schema.org's Article and its subtypes (NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting, Report…).
const ARTICLE_TYPE = /Article$|BlogPosting$|^Report$/;

function isArticle(object: JsonObject): boolean {
  const type = object["@type"];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === "string" && ARTICLE_TYPE.test(t));
}

/** Article objects first: a WebPage or a BreadcrumbList on the same page may carry other dates. */
function articlesFirst(jsonLd: JsonLd): readonly JsonObject[] {
  return [...jsonLd.objects.filter(isArticle), ...jsonLd.objects.filter((o) => !isArticle(o))];
}

function jsonLdDate(jsonLd: JsonLd, property: "datePublished" | "dateModified"): string | null {
  for (const object of articlesFirst(jsonLd)) {
    const value = object[property];
    for (const item of Array.isArray(value) ? value : [value]) {
      const date = typeof item === "string" ? normaliseDate(item) : null;
      if (date) return date;
    }
  }
  return null;
}

function jsonLdPublisher(jsonLd: JsonLd): string | null {
  for (const object of articlesFirst(jsonLd)) {
    const publisher = object["publisher"];
    for (const item of Array.isArray(publisher) ? publisher : [publisher]) {
      if (typeof item === "string" && item.trim() !== "") return cleanInline(item);
      if (!isObject(item)) continue;
      // {"@id": "#org"} points at the Organization elsewhere in the @graph.
      const id = item["@id"];
      const target = typeof id === "string" ? jsonLd.byId.get(id) ?? item : item;
      const name = target["name"] ?? item["name"];
      if (typeof name === "string" && name.trim() !== "") return cleanInline(name);
    }
  }
  return null;
}


function first<T>(values: readonly T[] | undefined): T | undefined {
  return values?.[0];
}


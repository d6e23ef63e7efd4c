// Everything `newsgraph ingest` and `extract` accept, turned into one stream of articles
// and problems: files by format, folders (recursively, in name order), stdin, and URLs
// of pages or feeds. One bad input yields a problem and the stream goes on.
import { createReadStream, promises as fs } from "node:fs";
import { basename, extname, join } from "node:path";
import { checkArticleText, decodeBytes, MAX_ARTICLE_CHARS } from "./decode.js";
import { parseArticleRecord, readJsonLines } from "./jsonLines.js";
import { readPlainText } from "./plainText.js";
import { htmlFragmentToText, readHtmlArticle } from "./html.js";
import { isFeed, readFeed, type FeedItem } from "./feed.js";
import { fetchUrl } from "./fetch.js";
import { IngestError, type IngestItem, type RawArticle } from "./types.js";

export interface SourceOptions {
  /** Text encoding of plain files, when not UTF-8. */
  readonly encoding?: string;
  /** Fetch an item's page when a feed item carries no content of its own. */
  readonly followFeedLinks?: boolean;
  /** Called with the number of input bytes consumed, for progress bars. */
  readonly onBytes?: (bytes: number) => void;
}

type Format = "jsonl" | "html" | "feed" | "text";

const EXTENSION_FORMATS: Readonly<Record<string, Format>> = {
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".rss": "feed",
  ".atom": "feed",
  ".txt": "text",
  ".text": "text",
};

/** Files a folder walk reads; others (images, archives) are left alone silently. */
const FOLDER_EXTENSIONS = new Set([...Object.keys(EXTENSION_FORMATS), ".xml", ".json"]);

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** What a text is, from its first characters. */
export function sniffFormat(text: string): Format {
  const head = text.slice(0, 2048).trimStart();
  if (head.startsWith("{")) return "jsonl";
  if (head.startsWith("<")) {
    if (isFeed(head)) return "feed";
    return "html";
  }
  return "text";
}

export async function* readInputs(inputs: readonly string[], options: SourceOptions = {}): AsyncGenerator<IngestItem> {
  for (const input of inputs) {
    if (input === "-") yield* readStdin(options);
    else if (isUrl(input)) yield* readUrl(input, options);
    else yield* readPath(input, options);
  }
}

async function* readPath(path: string, options: SourceOptions): AsyncGenerator<IngestItem> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch {
    yield problem("E_INPUT_MISSING", path, "does not exist; check the path");
    return;
  }
  if (stat.isDirectory()) {
    for (const file of await walk(path)) yield* readFile(file, options);
    return;
  }
  yield* readFile(path, options);
}

async function walk(dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile() && FOLDER_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(path);
  }
  return found;
}

async function* readFile(path: string, options: SourceOptions): AsyncGenerator<IngestItem> {
  const ext = extname(path).toLowerCase();
  // JSON Lines stream line by line: a 50 MB file never sits in memory whole.
  if (EXTENSION_FORMATS[ext] === "jsonl") {
    yield* readJsonLinesStream(createReadStream(path, { highWaterMark: 1 << 20 }), path, options);
    return;
  }
  const stat = await fs.stat(path);
  // Anything but JSON Lines is one article (or one feed); past 4 bytes a character it cannot be one article.
  if (stat.size > MAX_ARTICLE_CHARS * 4 && EXTENSION_FORMATS[ext] !== "feed" && ext !== ".xml") {
    options.onBytes?.(stat.size);
    yield problem("E_INPUT_TOO_LARGE", path, `is ${(stat.size / 1e6).toFixed(0)} MB, more than any article; split it into articles, one per file or one per JSON Lines record`);
    return;
  }
  const bytes = await fs.readFile(path);
  options.onBytes?.(bytes.length);
  let content: string;
  try {
    content = decodeBytes(bytes, path, options.encoding ? { encoding: options.encoding } : {});
  } catch (error) {
    yield toProblem(error);
    return;
  }
  // A .json file is one JSON document: an article record, or an array of them (a gold file of the annotation format
  // is one). JSON Lines keep their own extension, or are sniffed when the extension says nothing.
  if (ext === ".json") {
    yield* readJsonDocument(content, path);
    return;
  }
  const format = EXTENSION_FORMATS[ext] ?? sniffFormat(content);
  if (format === "jsonl") {
    yield* readJsonLinesStream([Buffer.from(content)], path, {});
    return;
  }
  yield* readContent(content, format, path, null, basename(path, ext), options);
}

function* readJsonDocument(content: string, path: string): Generator<IngestItem> {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    yield problem("E_JSON_PARSE", path, `is not valid JSON (${(error as Error).message}); a .json file holds one article record or an array of them (JSON Lines: name it .jsonl)`);
    return;
  }
  const records = Array.isArray(value) ? value : [value];
  for (let i = 0; i < records.length; i++) {
    const origin = Array.isArray(value) ? `${path}#${i + 1}` : path;
    try {
      const { article, html } = parseArticleRecord(records[i], origin);
      if (article) yield* withHtml({ kind: "article", article, html });
    } catch (error) {
      yield toProblem(error);
    }
  }
}

/** A record that gave markup instead of text goes through the HTML reader. */
function* withHtml(item: IngestItem & { readonly html?: string | null }): Generator<IngestItem> {
  if (item.kind === "article" && item.html) yield attempt(() => readHtmlArticle(item.html as string, item.article.origin, item.article.url), item.article);
  else yield item.kind === "article" ? { kind: "article", article: item.article } : item;
}

async function* readJsonLinesStream(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, name: string, options: SourceOptions): AsyncGenerator<IngestItem> {
  const counted = (async function* () {
    for await (const chunk of chunks) {
      options.onBytes?.(chunk.length);
      yield chunk;
    }
  })();
  for await (const item of readJsonLines(counted, name)) yield* withHtml(item);
}

async function* readStdin(options: SourceOptions): AsyncGenerator<IngestItem> {
  const chunks: Buffer[] = [];
  let first: Buffer | null = null;
  // Sniff on the first chunk; JSON Lines then stream, anything else is read whole.
  const stream = process.stdin[Symbol.asyncIterator]();
  const head = await stream.next();
  if (head.done) {
    yield problem("E_INPUT_EMPTY", "stdin", "is empty; pipe an article, JSON Lines, HTML or a feed into it");
    return;
  }
  first = head.value as Buffer;
  const rest = { [Symbol.asyncIterator]: () => stream };
  if (first.toString("utf8", 0, Math.min(first.length, 64)).trimStart().startsWith("{")) {
    yield* readJsonLinesStream(
      (async function* () {
        yield first as Buffer;
        for await (const chunk of rest) yield chunk as Buffer;
      })(),
      "stdin",
      options,
    );
    return;
  }
  chunks.push(first);
  for await (const chunk of rest) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  options.onBytes?.(bytes.length);
  let content: string;
  try {
    content = decodeBytes(bytes, "stdin", options.encoding ? { encoding: options.encoding } : {});
  } catch (error) {
    yield toProblem(error);
    return;
  }
  yield* readContent(content, sniffFormat(content), "stdin", null, "stdin", options);
}

async function* readUrl(url: string, options: SourceOptions): AsyncGenerator<IngestItem> {
  let page;
  try {
    page = await fetchUrl(url);
  } catch (error) {
    yield toProblem(error);
    return;
  }
  options.onBytes?.(page.body.length);
  const format: Format = /xml|rss|atom/i.test(page.contentType) || isFeed(page.body.slice(0, 2048).trimStart()) ? "feed" : sniffFormat(page.body);
  yield* readContent(page.body, format, url, page.finalUrl, null, options);
}

async function* readContent(content: string, format: Format, origin: string, url: string | null, id: string | null, options: SourceOptions): AsyncGenerator<IngestItem> {
  switch (format) {
    case "text":
      yield attempt(() => readPlainText(content, origin, id));
      return;
    case "html":
      yield attempt(() => ({ ...readHtmlArticle(content, origin, url), id }));
      return;
    case "feed": {
      let items: readonly FeedItem[];
      try {
        items = readFeed(content, origin).items;
      } catch (error) {
        yield toProblem(error);
        return;
      }
      for (const item of items) yield* readFeedItem(item, options);
      return;
    }
    case "jsonl":
      yield* readJsonLinesStream([Buffer.from(content)], origin, {});
      return;
  }
}

async function* readFeedItem(item: FeedItem, options: SourceOptions): AsyncGenerator<IngestItem> {
  const meta = { id: item.id, date: item.date, title: item.title, url: item.url };
  // A feed item's content is all article (no navigation to strip): its text is taken whole.
  const text = item.html ? htmlFragmentToText(item.html) : item.text;
  if (text && text.trim()) {
    yield attempt(() => {
      checkArticleText(text, item.origin);
      return { id: item.id, text: text.trim(), date: item.date, title: item.title, source: null, url: item.url, origin: item.origin };
    });
    return;
  }
  if (item.url && options.followFeedLinks !== false) {
    for await (const fetched of readUrl(item.url, options)) {
      yield fetched.kind === "article" ? { kind: "article", article: { ...fetched.article, ...definedOnly(meta), origin: item.origin } } : fetched;
    }
    return;
  }
  yield problem("E_FEED_ITEM_EMPTY", item.origin, "has no content and no link to follow; nothing to read");
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

function attempt(read: () => RawArticle, base?: RawArticle): IngestItem {
  try {
    const article = read();
    return { kind: "article", article: base ? { ...article, id: base.id ?? article.id, date: base.date ?? article.date, title: base.title ?? article.title, source: base.source ?? article.source, origin: base.origin } : article };
  } catch (error) {
    return toProblem(error);
  }
}

function problem(code: string, origin: string, message: string): IngestItem {
  return { kind: "problem", problem: { code, origin, message } };
}

function toProblem(error: unknown): IngestItem {
  if (error instanceof IngestError) return { kind: "problem", problem: error.toProblem() };
  const message = error instanceof Error ? error.message : String(error);
  return problem("E_INTERNAL", "input", `could not be read: ${message}; please report this with the input`);

}

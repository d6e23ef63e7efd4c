// Fetches one article page or feed over HTTP(S) and decodes it to a string. Every failure becomes an
// IngestError("E_FETCH", url, …) that says what happened in the user's terms and what to try.
import { STATUS_CODES } from "node:http";
import { IngestError } from "./types.js";

export interface FetchOptions {
  /** Covers the whole exchange, headers and body. Default 15 s. */
  readonly timeoutMs?: number;
  /** The body is streamed and the download stopped as soon as it passes this. Default 50 MB. */
  readonly maxBytes?: number;
}

export interface Fetched {
  readonly body: string;
  /** The Content-Type header as the server sent it ("text/html; charset=ISO-8859-1"), or "" when there was none. */
  readonly contentType: string;
  /** After redirects: the address relative links in the body resolve against. */
  readonly finalUrl: string;
}

export const DEFAULT_FETCH_OPTIONS = Object.freeze({ timeoutMs: 15_000, maxBytes: 50 * 1024 * 1024 });

const USER_AGENT = "newsgraph/0.1 (news article ingest)";
const ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.9, */*;q=0.5";

export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_OPTIONS.timeoutMs;
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH_OPTIONS.maxBytes;
  const fail = (message: string): IngestError => new IngestError("E_FETCH", url, message);

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw fail("is not a valid URL; write it in full, e.g. https://www.example.com/news/story.html");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw fail(`uses ${parsed.protocol}, but only http: and https: addresses can be fetched; for a file on disk pass its path instead`);
  }

  try {
    const response = await fetch(parsed, {
      headers: { "user-agent": USER_AGENT, accept: ACCEPT },
      redirect: "follow",
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw fail(statusMessage(response.status, response.statusText));
    }
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel();
      throw fail(tooLargeMessage(maxBytes));
    }
    const bytes = await readCapped(response, maxBytes);
    if (bytes === null) throw fail(tooLargeMessage(maxBytes));
    const contentType = response.headers.get("content-type") ?? "";
    return { body: decodeBody(bytes, contentType), contentType, finalUrl: response.url || parsed.href };
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw fail(networkMessage(error, parsed, timeoutMs));
  }
}

/** The body's bytes, or null as soon as it passes maxBytes (the rest is never downloaded). */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function statusMessage(status: number, statusText: string): string {
  const answered = `the server answered ${status} ${statusText || STATUS_CODES[status] || ""}`.trimEnd();
  if (status === 404 || status === 410) return `${answered}; check the address — the page may have moved or been taken down`;
  if (status === 401 || status === 403) return `${answered}; the site refuses this request (a login, paywall or bot block) — save the page from a browser and ingest the file`;
  if (status === 429) return `${answered}; the site is rate-limiting requests — wait a while before fetching from it again`;
  if (status >= 500) return `${answered}; the site has a problem of its own — try again later`;
  return `${answered}; check the address`;
}

function tooLargeMessage(maxBytes: number): string {
  return `the response is larger than ${formatBytes(maxBytes)}, more than any article or feed needs; check the address, or raise maxBytes if it is right`;
}

function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${bytes} bytes`;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** undici reports network failures as TypeError("fetch failed") with the system error as its cause. */
function networkMessage(error: unknown, url: URL, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError") {
    return `the server did not answer within ${seconds(timeoutMs)}; try again later, or allow more time (timeoutMs)`;
  }
  const cause = error instanceof Error ? error.cause : undefined;
  const code = errorCode(cause);
  const host = url.host;
  switch (code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `${host} does not answer: no such host was found; check the address or your network`;
    case "ECONNREFUSED":
      return `${host} does not answer: the connection was refused; check the address or your network`;
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
      return `${host} closed the connection before answering; try again later, or check your network`;
    case "ETIMEDOUT":
    case "UND_ERR_CONNECT_TIMEOUT":
      return `${host} does not answer: the connection timed out; check the address or your network`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `${host} does not answer: it cannot be reached from this network; check the address or your network`;
    default:
      break;
  }
  if (code?.startsWith("CERT_") || code?.includes("SELF_SIGNED") || code?.startsWith("UNABLE_TO_")) {
    return `${host}'s TLS certificate was rejected (${code}); the site's certificate is invalid or this machine's clock or CA store is wrong`;
  }
  const detail = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  // The fetch standard blocks ports used by other protocols (1, 25, 6000, …): "bad port".
  if (detail === "bad port") return `port ${url.port} is one that fetch refuses to contact; use the site's usual http(s) port`;
  return `could not be fetched (${code ? `${code}: ` : ""}${detail}); check the address or your network`;
}

function errorCode(cause: unknown): string | undefined {
  if (typeof cause !== "object" || cause === null) return undefined;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === "string") return code;
  // Connecting to a name with several addresses fails with an AggregateError of the attempts.
  if (cause instanceof AggregateError) return errorCode(cause.errors[0]);
  return undefined;
}

// ---- Character set ------------------------------------------------------------------------------------------------

/**
 * Decodes by, in order: a byte-order mark, the Content-Type charset, an in-document declaration
 * (<meta charset>, <meta http-equiv="Content-Type">, <?xml encoding?>), else UTF-8 — the HTML standard's order.
 * TextDecoder maps labels as browsers do: "latin1" and "iso-8859-1" decode as windows-1252.
 */
export function decodeBody(bytes: Uint8Array, contentType: string): string {
  const label = bomCharset(bytes) ?? charsetParam(contentType) ?? declaredCharset(bytes) ?? "utf-8";
  let decoded: { readonly encoding: string; readonly text: string };
  try {
    const decoder = new TextDecoder(label);
    decoded = { encoding: decoder.encoding, text: decoder.decode(bytes) };
  } catch {
    // An unknown label ("charset=none", "utf8mb4") is a server mistake; UTF-8 is the likeliest truth.
    decoded = { encoding: "utf-8", text: new TextDecoder("utf-8").decode(bytes) };
  }
  return decoded.encoding === "windows-1252" ? fixWindows1252(decoded.text) : decoded.text;
}

/**
 * WHATWG index-windows-1252 for bytes 0x80–0x9F. Node 20's TextDecoder decodes windows-1252 (and so "latin1" and
 * "iso-8859-1") as ISO-8859-1, turning the curly quotes of "\x93Hi\x94" into C1 controls (nodejs/node#56542).
 * Mapping those code points afterwards is right on a fixed Node too: there, they come only from the five
 * undefined bytes, which map to themselves.
 */
const WINDOWS_1252_C1 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1.charAt(c.charCodeAt(0) - 0x80));
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return null;
}

function charsetParam(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

/** Looks in the first 4 KB, where browsers look (the HTML standard says 1024 bytes; real pages run longer heads). */
function declaredCharset(bytes: Uint8Array): string | null {
  // Bytes above 0x7F do not matter for finding an ASCII declaration; latin1 maps each byte to one character.
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  // A page that declares UTF-16 in a tag we could read as ASCII is not UTF-16 (HTML standard: use UTF-8).
  if (meta) return /^utf-?16/i.test(meta) ? "utf-8" : meta;
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return xml?.[1] ?? null;
}

// Bytes to text, with a clear error for what is not text: binary files, invalid UTF-8,
// empty input, an article too large to be one. Nothing here guesses silently.
import { IngestError } from "./types.js";

export interface DecodeOptions {
  /** A WHATWG encoding label ("utf-8", "latin1", "windows-1252"); utf-8 is checked strictly. */
  readonly encoding?: string;
}

/** No news article is this long; a file over it is a dump or a mistake, not an article. */
export const MAX_ARTICLE_CHARS = 5_000_000;

export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.1;
}

export function decodeBytes(bytes: Uint8Array, origin: string, options: DecodeOptions = {}): string {
  if (looksBinary(bytes)) {
    throw new IngestError("E_INPUT_BINARY", origin, "is a binary file, not text; pass news as .txt, .html, .jsonl or a feed");
  }
  const encoding = (options.encoding ?? "utf-8").toLowerCase();
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: encoding === "utf-8" || encoding === "utf8", ignoreBOM: false }).decode(bytes);
  } catch (error) {
    if (error instanceof RangeError && /encoding/i.test(error.message)) {
      throw new IngestError("E_INPUT_ENCODING", origin, `unknown encoding "${encoding}"; use a WHATWG label such as utf-8, latin1 or windows-1252`);
    }
    const at = firstInvalidUtf8(bytes);
    throw new IngestError(
      "E_INPUT_ENCODING",
      origin,
      `is not valid UTF-8 (byte ${at}); re-save it as UTF-8 or pass --encoding latin1 (or the file's encoding)`,
    );
  }
  return text;
}

export function checkArticleText(text: string, origin: string): void {
  if (text.trim().length === 0) throw new IngestError("E_INPUT_EMPTY", origin, "is empty; there is no article to read");
  if (text.length > MAX_ARTICLE_CHARS) {
    throw new IngestError(
      "E_INPUT_TOO_LARGE",
      origin,
      `is ${(text.length / 1e6).toFixed(1)} million characters, more than any article (limit ${MAX_ARTICLE_CHARS / 1e6} million); ` +
        "split it into articles, one per file or one per JSON Lines record",
    );
  }
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return i;
}

// JSON Lines: one article per line, {id?, date?, title?, source?, url?, text | html}.
// Read as a stream of byte lines, so a 50 MB file never sits in memory whole, and a
// broken line is reported as file:line while the lines around it are read.
import { z } from "zod";
import { checkArticleText, firstInvalidUtf8 } from "./decode.js";
import { normaliseDate } from "./dates.js";
import { IngestError, type IngestItem, type RawArticle } from "./types.js";

const dateLike = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const day = recordDate(value);
    if (day === undefined) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a date; use YYYY-MM-DD` });
      return z.NEVER;
    }
    return day;
  });

const articleRecord = z
  .object({
    id: z.union([z.string(), z.number()]).optional().nullable(),
    date: dateLike.optional().nullable(),
    published: dateLike.optional().nullable(),
    title: z.string().optional().nullable(),
    source: z.string().optional().nullable(),
    url: z.string().optional().nullable(),
    text: z.string().optional().nullable(),
    html: z.string().optional().nullable(),
  })
  .refine((r) => typeof r.text === "string" || typeof r.html === "string", { message: 'has neither "text" nor "html"' });

export type ArticleRecord = z.infer<typeof articleRecord>;

/** "" or null -> null (no date); a real date -> YYYY-MM-DD; anything else -> undefined (a record error). */
function recordDate(value: string): string | null | undefined {
  return value === "" ? null : (normaliseDate(value) ?? undefined);
}

export interface JsonLineArticle {
  readonly article: RawArticle | null;
  /** Markup to run through the HTML reader when the record has `html` but no `text`. */
  readonly html: string | null;
}

/** One JSON Lines record, validated; throws IngestError naming `origin` (file:line). */
export function parseJsonLine(line: string, origin: string): JsonLineArticle {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new IngestError("E_JSONL_PARSE", origin, `is not valid JSON (${(error as Error).message}); fix or remove this line`);
  }
  return parseArticleRecord(value, origin);
}

/** One article record already parsed from JSON (a JSON Lines line, or an object of a .json file), validated. */
export function parseArticleRecord(value: unknown, origin: string): JsonLineArticle {
  const parsed = articleRecord.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length ? `field "${issue.path.join(".")}" ` : "";
    throw new IngestError("E_JSONL_RECORD", origin, `${where}${issue?.message ?? "is not an article record"}; expected {id?, date?, title?, source?, url?, text | html}`);
  }
  const record = parsed.data;
  const id = record.id == null ? null : String(record.id);
  const date = record.date ?? record.published ?? null;
  if (typeof record.text === "string") {
    checkArticleText(record.text, origin);
    return {
      article: { id, text: record.text, date, title: record.title ?? null, source: record.source ?? null, url: record.url ?? null, origin },
      html: null,
    };
  }
  return { article: { id, text: "", date, title: record.title ?? null, source: record.source ?? null, url: record.url ?? null, origin }, html: record.html ?? null };
}

/** Split a byte stream into lines (LF or CRLF) and decode each strictly as UTF-8. */
export async function* byteLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<{ line: string | null; number: number; bytes: number; badByte: number }> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let pending: Uint8Array[] = [];
  let number = 0;
  const emit = (parts: Uint8Array[]) => {
    const bytes = parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    const view = bytes.subarray(0, end);
    number++;
    try {
      return { line: decoder.decode(view), number, bytes: bytes.length + 1, badByte: -1 };
    } catch {
      return { line: null, number, bytes: bytes.length + 1, badByte: firstInvalidUtf8(view) };
    }
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] !== 0x0a) continue;
      pending.push(chunk.subarray(from, i));
      yield emit(pending);
      pending = [];
      from = i + 1;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
  if (pending.some((p) => p.length > 0)) yield emit(pending);
}

/** Articles and problems from a JSON Lines stream; `name` is the file name used in messages. */
export async function* readJsonLines(chunks: AsyncIterable<Uint8Array>, name: string): AsyncGenerator<IngestItem & { readonly html?: string | null }> {
  for await (const { line, number, badByte } of byteLines(chunks)) {
    const origin = `${name}:${number}`;
    if (line === null) {
      yield { kind: "problem", problem: { code: "E_INPUT_ENCODING", origin, message: `is not valid UTF-8 (byte ${badByte} of the line); re-save the file as UTF-8` } };
      continue;
    }
    if (line.trim() === "") continue;
    try {
      const { article, html } = parseJsonLine(line, origin);
      if (article) yield { kind: "article", article, html };
    } catch (error) {
      if (error instanceof IngestError) yield { kind: "problem", problem: error.toProblem() };
      else throw error;
    }
  }
}

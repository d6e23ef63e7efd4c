// A processed document in the annotation format of ../shared/eval/FORMAT.md: the contract
// `newsgraph extract --format jsonl` keeps, so any gold file can be scored against it.
// Layers the pipeline does not produce are left out, never emitted empty.
import type { Doc } from "../model/document.js";

export interface EvalSpan {
  readonly start: number;
  readonly end: number;
}

export interface EvalDocument {
  readonly id: string;
  readonly date: string | null;
  readonly text: string;
  readonly source: string | null;
  readonly title?: string | null;
  readonly url?: string | null;
  readonly dateline?: { readonly start: number; readonly end: number; readonly text: string; readonly place: string | null; readonly agency: string | null } | null;
  readonly credit?: { readonly start: number; readonly end: number; readonly text: string } | null;
  readonly sentences?: readonly EvalSpan[];
  readonly tokens?: readonly EvalSpan[];
}

export interface EvalFormatOptions {
  /** Also emit every token span (large); off by default. */
  readonly tokens?: boolean;
}

export function toEvalDocument(doc: Doc, options: EvalFormatOptions = {}): EvalDocument {
  const { layers, text } = doc;
  const out: Record<string, unknown> = {
    id: doc.meta.id,
    date: doc.meta.date,
    text,
    source: doc.meta.source,
  };
  if (doc.meta.title) out["title"] = doc.meta.title;
  if (doc.meta.url) out["url"] = doc.meta.url;
  if (layers.dateline !== undefined) {
    const d = layers.dateline;
    out["dateline"] = d ? { start: d.start, end: d.end, text: text.slice(d.start, d.end).trim(), place: d.place, agency: d.agency } : null;
  }
  if (layers.credit !== undefined) {
    const c = layers.credit;
    out["credit"] = c ? { start: c.start, end: c.end, text: text.slice(c.start, c.end) } : null;
  }
  if (layers.sentences) out["sentences"] = layers.sentences.map((s) => ({ start: s.start, end: s.end }));
  if (options.tokens && layers.tokens) {
    const t = layers.tokens;
    const spans: EvalSpan[] = [];
    for (let i = 0; i < t.count; i++) spans.push({ start: t.starts[i] as number, end: t.ends[i] as number });
    out["tokens"] = spans;
  }
  return out as unknown as EvalDocument;
}

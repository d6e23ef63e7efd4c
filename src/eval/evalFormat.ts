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
  readonly entities?: readonly { readonly start: number; readonly end: number; readonly text: string; readonly type: string; readonly country?: string; readonly actor?: number }[];
  readonly actors?: readonly { readonly name: string; readonly type: string; readonly country: string | null; readonly role: string | null; readonly sector: string | null; readonly code: string | null; readonly aliases: readonly string[] }[];
  readonly timexes?: readonly { readonly start: number; readonly end: number; readonly text: string; readonly value: string; readonly timex_type: string }[];
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
  if (layers.events) {
    // FORMAT.md's events: actors as {name, country, role (CAMEO sector), person}; a place as its country code, or
    // {name, country, lat, lon} when a place is named; evidence = the words that state the event; rule = provenance.
    const actor = (a: import("../model/document.js").EventActor | null) => (a ? { name: a.name, country: a.country, role: a.sector, person: a.person } : null);
    out["events"] = layers.events.map((e) => ({
      cameo: e.cameo,
      goldstein: e.goldstein,
      plover: e.plover,
      ploverMode: e.ploverMode,
      source: actor(e.source),
      target: actor(e.target),
      date: e.date,
      location: e.location && (e.location.name || e.location.lat !== null) ? e.location : (e.location?.country ?? null),
      status: e.status,
      evidence: { start: e.start, end: e.end },
      trigger: text.slice(e.trigger.start, e.trigger.end),
      rule: e.provenance.rule ?? null,
    }));
  }
  // entities: country and actor come from later stages; emitted only when set
  if (layers.entities) {
    out["entities"] = layers.entities.map((e) => ({
      start: e.start,
      end: e.end,
      text: e.text,
      type: e.type,
      ...(e.country !== null ? { country: e.country } : {}),
      ...(e.actor !== null ? { actor: e.actor } : {}),
    }));
  }
  // actors: one per real-world actor in the article; mentions point here by `actor` (an index into this array)
  if (layers.actors) out["actors"] = layers.actors.map((a) => ({ name: a.name, type: a.type, country: a.country, role: a.role, sector: a.sector, code: a.code, aliases: a.aliases }));
  if (layers.timexes) out["timexes"] = layers.timexes.map((t) => ({ start: t.start, end: t.end, text: t.text, value: t.value, timex_type: t.type }));
  // quotes: the speaker as {name, start, end} when a mention names it near the quote, else the name, or null
  if (layers.quotes) {
    out["quotes"] = layers.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      text: q.text,
      speaker: q.speaker && q.speaker.start !== null && q.speaker.end !== null ? { name: q.speaker.name, start: q.speaker.start, end: q.speaker.end } : (q.speaker?.name ?? null),
    }));
  }
  if (options.tokens && layers.tokens) {
    const t = layers.tokens;
    const spans: EvalSpan[] = [];
    for (let i = 0; i < t.count; i++) spans.push({ start: t.starts[i] as number, end: t.ends[i] as number });
    out["tokens"] = spans;
  }
  return out as unknown as EvalDocument;
}

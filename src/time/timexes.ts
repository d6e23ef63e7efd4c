// The timexes stage: TimeML TIMEX3 expressions with values resolved against the article's date.
// Propose (findTimexes: patterns near time words, then refiners), then resolve (resolveTimexes: values, anchoring
// to the dates the text has mentioned). The dateline is scanned with the body: "WASHINGTON, April 26 -" dates the
// story, and it lies outside layers.body; only a trailing agency credit is left out.
import type { Doc, Timex, TokenLayer } from "../model/document.js";
import { withLayers } from "../model/document.js";
import type { Stage } from "../pipeline/pipeline.js";
import { tokenize } from "../text/tokenize.js";
import { parseIsoDate } from "./calendar.js";
import { findTimexes } from "./findTimexes.js";
import { resolveTimexes } from "./resolveTimexes.js";

export function extractTimexes(doc: Doc): Timex[] {
  const { text, layers } = doc;
  if (!layers.tokens) return [];
  const tokens = layers.dateline ? withDatelineTokens(text, layers.dateline, layers.tokens) : layers.tokens;
  const end = layers.credit ? layers.credit.start : text.length;
  const scan = { start: 0, end };
  const sentences = layers.sentences ?? [];
  const bounds = { starts: sentences.map((s) => s.start), ends: sentences.map((s) => s.end) };
  const { words, candidates } = findTimexes(text, tokens, scan, bounds);
  return resolveTimexes(candidates, { dct: parseIsoDate(doc.meta.date), words, dateline: layers.dateline ?? null }, text);
}

/** The token layer covers the body only; the dateline's words are tokenized here and put in front. */
function withDatelineTokens(text: string, dateline: { start: number; end: number }, body: TokenLayer): TokenLayer {
  const head = tokenize(text, dateline);
  const starts = new Int32Array(head.count + body.count);
  const ends = new Int32Array(head.count + body.count);
  starts.set(head.starts.subarray(0, head.count));
  ends.set(head.ends.subarray(0, head.count));
  let n = head.count;
  for (let i = 0; i < body.count; i++) {
    if ((body.starts[i] as number) < dateline.end) continue;
    starts[n] = body.starts[i] as number;
    ends[n] = body.ends[i] as number;
    n++;
  }
  return { count: n, starts: starts.subarray(0, n), ends: ends.subarray(0, n), provenance: body.provenance };
}

export const timexes: Stage = {
  name: "timexes",
  // the dateline is scanned too and the credit left out, so the frame's layers are read as well
  requires: ["dateline", "credit", "sentences", "tokens"],
  provides: ["timexes"],
  run(doc: Doc): Doc {
    return withLayers(doc, { timexes: extractTimexes(doc) });
  },
};

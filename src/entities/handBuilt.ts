// Hand-built documents for the entity stages' tests: the text layers the pipeline makes (frame, sentences, tokens)
// and an `entities` layer written by hand or taken from a gold file, so that countries, roles and actors can be
// tested on exactly the mentions a case needs, whatever the entity model finds.
import type { Doc, EntityMention, EntityType } from "../model/document.js";
import { createDoc, withLayers } from "../model/document.js";
import { buildPipeline } from "../pipeline/pipeline.js";
import { frame } from "../text/frame.js";
import { sentences } from "../text/sentences.js";
import { tokens } from "../text/tokenize.js";

const textLayers = buildPipeline([frame, sentences, tokens], { version: "test" });

export interface GoldEntity {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: string;
  readonly country?: string | null;
}

/** A document whose entities are the given gold mentions, with no country or actor yet (gold countries are answers). */
export function goldDoc(text: string, gold: readonly GoldEntity[], id = "gold"): Doc {
  const entities = gold.map((g): EntityMention => ({ start: g.start, end: g.end, text: g.text, type: g.type as EntityType, actor: null, country: null, provenance: { stage: "gold" } }));
  return withLayers(textLayers.run(createDoc(text, { id })), { entities });
}

/**
 * "[U.S.|GPE] Secretary [Kristi Noem|PERSON] visited [Colombia|GPE]." -> the text without the marks, and one
 * entity mention per mark.
 */
export function handBuiltDoc(marked: string, id = "hand"): Doc {
  const gold: GoldEntity[] = [];
  let text = "";
  let last = 0;
  for (const m of marked.matchAll(/\[([^\]|]+)\|([A-Z]+)\]/g)) {
    text += marked.slice(last, m.index);
    const name = m[1] as string;
    gold.push({ start: text.length, end: text.length + name.length, text: name, type: m[2] as string });
    text += name;
    last = (m.index as number) + m[0].length;
  }
  text += marked.slice(last);
  return goldDoc(text, gold, id);
}

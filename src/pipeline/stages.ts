// The pipeline's stages, in order. Adding a stage is one import and one line here.
// Orderings that matter:
// - frame first: it marks the body (dateline and agency credit outside it), which every later stage reads;
// - sentences before anything that works sentence by sentence;
// - quotes after entities/actors/corefs: it reads those layers when present (names, pronouns, titles);
// - events last: its sources and targets are the actors, its dates the timexes, a quote's "we" its speaker.
import { buildPipeline, type Pipeline, type PipelineConfig, type Stage } from "./pipeline.js";
import { frame } from "../text/frame.js";
import { sentences } from "../text/sentences.js";
import { tokens } from "../text/tokenize.js";
import { entities } from "../entities/recognizeEntities.js";
import { countries } from "../entities/countries.js";
import { roles } from "../entities/roles.js";
import { actors } from "../entities/actors.js";
import { timexes } from "../time/timexes.js";
import { quotes } from "../quotes/quotes.js";
import { events } from "../events/codeEvents.js";

// countries -> roles -> actors: roles read the countries of the names around a title, actors merge the roles per actor.
export const STAGES: readonly Stage[] = [frame, sentences, tokens, entities, countries, roles, actors, timexes, quotes, events];

/**
 * Bump when any stage's output changes: articles stored by an older version are
 * re-extracted when ingested again.
 */
export const PIPELINE_VERSION = "2026.11.29-17";

export const DEFAULT_CONFIG: PipelineConfig = Object.freeze({ version: PIPELINE_VERSION });

let defaultPipeline: Pipeline | undefined;

export function getPipeline(): Pipeline {
  defaultPipeline ??= buildPipeline(STAGES, DEFAULT_CONFIG);
  return defaultPipeline;
}

// The pipeline's stages, in order. Adding a stage is one import and one line here.
// Orderings that matter:
// - frame first: it marks the body (dateline and agency credit outside it), which every later stage reads;
// - sentences before anything that works sentence by sentence.
import { buildPipeline, type Pipeline, type PipelineConfig, type Stage } from "./pipeline.js";
import { frame } from "../text/frame.js";
import { sentences } from "../text/sentences.js";
import { tokens } from "../text/tokenize.js";

export const STAGES: readonly Stage[] = [frame, sentences, tokens];

/**
 * Bump when any stage's output changes: articles stored by an older version are
 * re-extracted when ingested again.
 */
export const PIPELINE_VERSION = "2026.11.29-1";

export const DEFAULT_CONFIG: PipelineConfig = Object.freeze({ version: PIPELINE_VERSION });

let defaultPipeline: Pipeline | undefined;

export function getPipeline(): Pipeline {
  defaultPipeline ??= buildPipeline(STAGES, DEFAULT_CONFIG);
  return defaultPipeline;
}

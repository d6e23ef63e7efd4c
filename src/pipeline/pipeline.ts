// A pipeline of small stages. Each stage declares the layers it needs and the
// layers it provides (like spaCy's requires/assigns); the order is checked once,
// when the pipeline is built, not on every document.
import type { Doc, LayerName } from "../model/document.js";

export interface PipelineConfig {
  /** Bumped whenever a stage's output can change; stored articles extracted by an older version are re-extracted. */
  readonly version: string;
}

export interface Stage {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly provides: readonly LayerName[];
  readonly run: (doc: Doc, config: PipelineConfig) => Doc;
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  readonly config: PipelineConfig;
  readonly run: (doc: Doc) => Doc;
}

export class PipelineOrderError extends Error {
  readonly code = "E_PIPELINE_ORDER";
}

export function buildPipeline(stages: readonly Stage[], config: PipelineConfig): Pipeline {
  const available = new Set<LayerName>();
  for (const stage of stages) {
    for (const need of stage.requires) {
      if (!available.has(need)) {
        throw new PipelineOrderError(
          `E_PIPELINE_ORDER: stage "${stage.name}" needs layer "${need}", which no earlier stage provides; ` +
            `move it after the stage that provides "${need}"`,
        );
      }
    }
    for (const layer of stage.provides) available.add(layer);
  }
  const frozen = Object.freeze({ ...config });
  const list = Object.freeze([...stages]);
  return {
    stages: list,
    config: frozen,
    run(doc: Doc): Doc {
      let current = doc;
      for (const stage of list) current = stage.run(current, frozen);
      return current;
    },
  };
}

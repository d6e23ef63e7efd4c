// Test helpers for the time stages: a pipeline of just the stages timexes need, and a one-line runner.
import { createDoc, type Doc } from "../model/document.js";
import { buildPipeline } from "../pipeline/pipeline.js";
import { frame } from "../text/frame.js";
import { sentences } from "../text/sentences.js";
import { tokens } from "../text/tokenize.js";
import { timexes } from "./timexes.js";

const pipeline = buildPipeline([frame, sentences, tokens, timexes], { version: "test" });

/** The article `text` of date `date` with frame, sentences, tokens and timexes. */
export function timeDoc(text: string, date: string | null): Doc {
  return pipeline.run(createDoc(text, { id: "test", date }));
}

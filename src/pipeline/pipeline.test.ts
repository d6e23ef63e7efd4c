import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildPipeline, PipelineOrderError, type Stage } from "./pipeline.js";
import { createDoc, withLayers } from "../model/document.js";

const body: Stage = { name: "body", requires: [], provides: ["body"], run: (doc) => withLayers(doc, { body: { start: 0, end: doc.text.length } }) };
const sentences: Stage = { name: "sentences", requires: ["body"], provides: ["sentences"], run: (doc) => withLayers(doc, { sentences: [{ start: 0, end: doc.text.length, provenance: { stage: "sentences" } }] }) };

describe("pipeline", () => {
  it("refuses, when built, a stage placed before the stage it needs", () => {
    assert.throws(() => buildPipeline([sentences, body], { version: "t" }), (error: unknown) => error instanceof PipelineOrderError && /sentences.*needs layer "body"/.test(error.message));
  });
  it("runs stages in order, adding layers and never changing the text", () => {
    const pipeline = buildPipeline([body, sentences], { version: "t" });
    const doc = createDoc("Hello world.", { id: "a" });
    const out = pipeline.run(doc);
    assert.equal(out.text, doc.text);
    assert.deepEqual(out.layers.body, { start: 0, end: 12 });
    assert.equal(out.layers.sentences?.length, 1);
    assert.deepEqual(doc.layers, {}, "the input document is not mutated");
  });
});

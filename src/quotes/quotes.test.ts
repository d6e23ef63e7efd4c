import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sharedDir } from "../model/dataFiles.js";
import { createDoc, type Doc } from "../model/document.js";
import { buildPipeline, type Pipeline } from "../pipeline/pipeline.js";
import { getPipeline, STAGES, DEFAULT_CONFIG } from "../pipeline/stages.js";
import { frame } from "../text/frame.js";
import { sentences } from "../text/sentences.js";
import { tokens } from "../text/tokenize.js";
import { toEvalDocument } from "../eval/evalFormat.js";
import { score } from "../eval/score.js";
import { evaluate, readDocuments } from "../cli/commands/evaluate.js";
import { quotes, quotesOnText } from "./quotes.js";

const seedPath = join(sharedDir, "examples/seed.gold.json");
const polnearPath = join(sharedDir, "data/quotes/polnear_dev.gold.jsonl");
const bundledSeed = join(import.meta.dirname, "..", "..", "samples", "seed", "000_e054da4499c08992.txt");

// The seed story, reviewed by eye: every quote with its speaker (gold: ../shared/examples/seed.gold.json).
const SEED_QUOTES = [
  { text: "frank discussion and a candid discussion", speaker: "Kristi Noem" },
  {
    text: "We're committed to working hand-in-hand with our Colombian partners to enhance not only border security but also that we will support the enforcement of our criminal laws,",
    speaker: "Kristi Noem",
  },
  { text: "human rights and dignity of migrants are actually respected.", speaker: "Laura Sarabia" },
] as const;

function seedText(): string {
  if (existsSync(seedPath)) return String((JSON.parse(readFileSync(seedPath, "utf8")) as { text: string }).text);
  return readFileSync(bundledSeed, "utf8").replace(/^\s*date \S+\s*/, "");
}

const textOnly = buildPipeline([frame, sentences, tokens, quotesOnText], { version: "test" });

describe("quotes stage", () => {
  it("declares what it needs and adds, and runs after the stages whose layers it reads", () => {
    assert.deepEqual(quotes.provides, ["quotes"]);
    for (const need of ["sentences", "tokens"] as const) assert.ok(quotes.requires.includes(need));
    const at = STAGES.indexOf(quotes);
    assert.ok(at >= 0, "registered");
    STAGES.forEach((stage, i) => {
      if (stage.provides.some((layer) => layer === "entities" || layer === "actors" || layer === "corefs")) assert.ok(i < at, `${stage.name} runs before quotes`);
    });
    assert.doesNotThrow(() => buildPipeline(STAGES, DEFAULT_CONFIG));
  });

  for (const [label, pipeline] of [
    ["the default pipeline (entities and actors)", () => getPipeline()],
    ["the text layers only", () => textOnly],
  ] as const) {
    it(`finds every seed quote with its speaker with ${label}`, () => {
      const doc: Doc = (pipeline() as Pipeline).run(createDoc(seedText(), { id: "seed" }));
      const found = doc.layers.quotes ?? [];
      assert.deepEqual(
        found.map((q) => ({ text: q.text, speaker: q.speaker?.name ?? null })),
        SEED_QUOTES.map((q) => ({ ...q })),
      );
      for (const q of found) {
        assert.equal(doc.text.slice(q.start, q.end), q.text);
        assert.ok(q.speaker && q.speaker.start !== null && q.speaker.end !== null, "a mention near the quote");
        assert.equal(doc.text.slice(q.speaker.start, q.speaker.end), q.speaker.name.split(" ").pop());
      }
    });
  }

  it("scores 1.0 on the seed gold, span and speaker", { skip: !existsSync(seedPath) }, () => {
    const gold = readDocuments(seedPath);
    const predicted = gold.map((g) => toEvalDocument(getPipeline().run(createDoc(String(g["text"]), { id: String(g["id"]) }))) as unknown as Record<string, unknown>);
    const report = score(gold, predicted);
    assert.equal(report.quotes?.span.f1, 1);
    assert.equal(report.quotes?.spanAndSpeaker.f1, 1);
  });

  // The figure of issue 5: `newsgraph eval --gold ../shared/data/quotes/polnear_dev.gold.jsonl`.
  it("reaches the PolNeAR dev bars: span F1 >= 0.85, span+speaker F1 >= 0.75", { skip: !existsSync(polnearPath) }, () => {
    const { report } = evaluate(readDocuments(polnearPath), {});
    const q = report.quotes;
    assert.ok(q, "the quotes layer is scored");
    assert.ok(q.span.f1 >= 0.85, `span F1 ${q.span.f1}`);
    assert.ok(q.spanAndSpeaker.f1 >= 0.75, `span+speaker F1 ${q.spanAndSpeaker.f1}`);
  });
});

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildPipeline } from "../pipeline/pipeline.js";
import { createDoc, withLayers, type DocActor, type Doc, type EntityMention } from "../model/document.js";
import { frame } from "../text/frame.js";
import { sentences } from "../text/sentences.js";
import { tokens } from "../text/tokenize.js";
import { ATTRIBUTION_RULES, attributeQuotes, type AttributionRuleId } from "./attributeQuotes.js";

// A hand-built document with the text layers only: names are resolved by the attributor's own fallbacks
// (surnames, the gender of given names, titles), as before the entity and actor stages are there.
const textLayers = buildPipeline([frame, sentences, tokens], { version: "test" });
const docOf = (text: string): Doc => textLayers.run(createDoc(text, { id: "test" }));

interface Case {
  readonly text: string;
  /** The quoted words to look at (the first quote that starts with them). */
  readonly quote: string;
  /** The speaker's name, or null. */
  readonly name: string | null;
  /** The words of the mention near the quote that name the speaker. */
  readonly mention: string | null;
  readonly rule: AttributionRuleId;
}

const cases: readonly Case[] = [
  // the seed story
  {
    text: "U.S. Homeland Security Secretary Kristi Noem visited Colombia on Thursday.Noem sat down Thursday morning with Colombian Foreign Minister Laura Sarabia, and said they had a “frank discussion and a candid discussion” about deportations, crime and immigration.",
    quote: "frank discussion",
    name: "Kristi Noem",
    mention: "Noem",
    rule: "said-before-quote",
  },
  {
    text: "U.S. Homeland Security Secretary Kristi Noem visited Colombia.“We're committed to working hand-in-hand with our Colombian partners,” Noem said.",
    quote: "We're committed",
    name: "Kristi Noem",
    mention: "Noem",
    rule: "said-after-quote",
  },
  {
    text: "Noem met Colombian Foreign Minister Laura Sarabia.Sarabia emphasized the importance of recognizing the “human rights and dignity of migrants are actually respected.”",
    quote: "human rights",
    name: "Laura Sarabia",
    mention: "Sarabia",
    rule: "said-before-quote",
  },
  // the cue's subject after the quote: inverted, with a title and party, with an appositive, an organisation
  { text: "“The talks were useful,” said Colombia's presidential office.", quote: "The talks", name: "Colombia's presidential office", mention: "Colombia's presidential office", rule: "said-after-quote" },
  { text: "“Mitt Romney was prepared,” Sen. Claire McCaskill (D-Mo.) said.", quote: "Mitt Romney", name: "Claire McCaskill", mention: "Claire McCaskill", rule: "said-after-quote" },
  {
    text: "John Smith leads the union. “We are not going to stop,” Smith, a spokesman for the strikers, said Friday.",
    quote: "We are not",
    name: "John Smith",
    mention: "Smith",
    rule: "said-after-quote",
  },
  { text: "“It was the least bad outcome,” Mr. Morgan of the Sierra Club said.", quote: "It was", name: "Morgan", mention: "Morgan", rule: "said-after-quote" },
  {
    text: "“The only way Wall Street will change will be if executives face jail time” for criminal behavior, Elizabeth Warren said.",
    quote: "The only way",
    name: "Elizabeth Warren",
    mention: "Elizabeth Warren",
    rule: "said-after-quote",
  },
  // a pronoun: the last person named before it whose gender fits, a subject first
  { text: "Laura Sarabia met Gustavo Petro in Bogota. “We agreed on the data,” she said.", quote: "We agreed", name: "Laura Sarabia", mention: "she", rule: "said-after-quote" },
  { text: "Hillary Clinton says she appreciated Alicia Machado’s courage through what she calls a “war of some pretty unpleasant words.”", quote: "war of", name: "Hillary Clinton", mention: "she", rule: "said-before-quote" },
  // a title: the article's holder of it
  {
    text: "Noem met police and Colombia's leftist President Gustavo Petro. “We will cooperate,” the president said.",
    quote: "We will",
    name: "Gustavo Petro",
    mention: "the president",
    rule: "said-after-quote",
  },
  // according to, a dash, a colon, an inverted cue
  { text: "“Talks went well,” according to the Foreign Ministry.", quote: "Talks", name: "Foreign Ministry", mention: "Foreign Ministry", rule: "according-to" },
  { text: "According to Colombia's presidential office, the talks were “frank and useful.”", quote: "frank", name: "Colombia's presidential office", mention: "Colombia's presidential office", rule: "according-to" },
  { text: "“Maybe we can build a wall around Donald Trump.” ― Steve Quinlan", quote: "Maybe", name: "Steve Quinlan", mention: "Steve Quinlan", rule: "dash-after-quote" },
  { text: "Donald Trump spoke in Ohio. He said:\n\n“We have a situation in our inner cities.”", quote: "We have", name: "Donald Trump", mention: "He", rule: "colon-before-quote" },
  { text: "Said Ellis: “I don't get the sense she's the least bit interested in tax reform.”", quote: "I don't", name: "Ellis", mention: "Ellis", rule: "said-before-quote" },
  // a relative pronoun, a participle, a possessive, a naming verb, a progressive
  {
    text: "Mitch McConnell met him, and McConnell, who in 2010 said the GOP's goal was to make Obama a “one-term president,” agreed.",
    quote: "one-term",
    name: "Mitch McConnell",
    mention: "McConnell, who",
    rule: "said-before-quote",
  },
  { text: "Trump defended the remark, saying, “I don't regret it.”", quote: "I don't", name: "Trump", mention: "Trump", rule: "said-before-quote" },
  { text: "Politifact checked Donald Trump’s claim that there have been “thousands of shootings” in Chicago.", quote: "thousands", name: "Donald Trump", mention: "Donald Trump", rule: "said-before-quote" },
  { text: "Trump called Alicia Machado “disgusting” and “a con.”", quote: "a con", name: "Trump", mention: "Trump", rule: "said-before-quote" },
  { text: "He’s claiming that voting fraud is “a big, big problem in this country.”", quote: "a big", name: "He", mention: "He", rule: "said-before-quote" },
  // no cue of its own: the quote beside it, the sentence before, the paragraph before
  { text: "“We are ready,” Laura Sarabia said. “We will go.”", quote: "We will go", name: "Laura Sarabia", mention: "Laura Sarabia", rule: "continuing-speaker" },
  { text: "The talks ended, Adam Schiff said. “The other factor is the timing.”", quote: "The other", name: "Adam Schiff", mention: "Adam Schiff", rule: "continuing-speaker" },
  {
    text: "“Nothing has changed,” Elizabeth Warren said.\n\n“The only way Wall Street will change is if executives face jail time.”",
    quote: "The only way",
    name: "Elizabeth Warren",
    mention: "Elizabeth Warren",
    rule: "continuing-speaker",
  },
  // one cue for several quotes: skipping the quoted words between, or sharing the cue of the quote beside
  { text: "Cruz called Trump a “pathological liar” who is “utterly amoral.”", quote: "utterly", name: "Cruz", mention: "Cruz", rule: "said-before-quote" },
  { text: "“Yes” and “no,” Laura Sarabia said.", quote: "Yes", name: "Laura Sarabia", mention: "Laura Sarabia", rule: "shared-cue" },
  // nobody: a passive naming verb, no cue
  { text: "On her discharge papers, in a box labeled “medical problem,” a doctor had typed notes.", quote: "medical", name: null, mention: null, rule: "no-speaker" },
  { text: "Protesters filled the square.\n\n“What curfew?”", quote: "What curfew", name: null, mention: null, rule: "no-speaker" },
];

describe("attributeQuotes", () => {
  for (const c of cases) {
    it(`${c.rule}: ${JSON.stringify(c.text.slice(0, 70))} -> ${c.name}`, () => {
      const quotes = attributeQuotes(docOf(c.text));
      const q = quotes.find((x) => x.text.startsWith(c.quote));
      assert.ok(q, `no quote starting with ${JSON.stringify(c.quote)} in ${JSON.stringify(quotes.map((x) => x.text))}`);
      assert.equal(q.speaker?.name ?? null, c.name);
      const mention = q.speaker && q.speaker.start !== null && q.speaker.end !== null ? c.text.slice(q.speaker.start, q.speaker.end) : null;
      assert.equal(mention, c.mention);
      assert.equal(q.provenance.rule, c.rule);
      assert.equal(q.provenance.stage, "quotes");
    });
  }

  it("names every rule it uses in ATTRIBUTION_RULES", () => {
    const ids = new Set(ATTRIBUTION_RULES.map((r) => r.id));
    for (const c of cases) assert.ok(ids.has(c.rule), c.rule);
  });

  it("takes the speaker from the actors and corefs layers when they are there", () => {
    const text = "U.S. Homeland Security Secretary Kristi Noem visited Colombia. “We are ready,” she said. “We will go,” the secretary added.";
    const base = docOf(text);
    const noem = text.indexOf("Kristi Noem");
    const she = text.indexOf("she said");
    const entity: EntityMention = { start: noem, end: noem + 11, type: "PERSON", text: "Kristi Noem", actor: 0, country: "USA", provenance: { stage: "entities" } };
    const actor: DocActor = {
      index: 0,
      name: "Kristi Noem",
      type: "PERSON",
      country: "USA",
      role: "Secretary of Homeland Security",
      sector: "GOV",
      code: "USAGOV",
      mentions: [0],
      aliases: ["Noem"],
      provenance: { stage: "actors" },
    };
    const doc = withLayers(base, { entities: [entity], actors: [actor], corefs: [{ start: she, end: she + 3, text: "she", actor: 0, provenance: { stage: "actors" } }] });
    const [ready, go] = attributeQuotes(doc);
    assert.deepEqual(ready?.speaker, { name: "Kristi Noem", start: she, end: she + 3, actor: 0 });
    assert.equal(go?.speaker?.name, "Kristi Noem");
    assert.equal(go?.speaker?.actor, 0);
    assert.equal(text.slice(go?.speaker?.start ?? 0, go?.speaker?.end ?? 0), "the secretary");
  });

  it("keeps an unresolved pronoun as written rather than guess a name", () => {
    const text = "“We reject the report,” they said.";
    const [q] = attributeQuotes(docOf(text));
    assert.deepEqual(q?.speaker, { name: "they", start: text.indexOf("they"), end: text.indexOf("they") + 4, actor: null });
  });
});

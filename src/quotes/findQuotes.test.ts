import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildPipeline } from "../pipeline/pipeline.js";
import { createDoc, type Doc } from "../model/document.js";
import { frame } from "../text/frame.js";
import { sentences } from "../text/sentences.js";
import { tokens } from "../text/tokenize.js";
import { findQuotes, paragraphsOf, type RejectReason } from "./findQuotes.js";

// A hand-built document with just the layers the finder reads: body, sentences, tokens.
const textLayers = buildPipeline([frame, sentences, tokens], { version: "test" });
const docOf = (text: string): Doc => textLayers.run(createDoc(text, { id: "test" }));

// [text, the quoted words found (marks excluded, inner punctuation kept), the cue next to the first quote]
const cases: readonly (readonly [string, readonly string[], string | null])[] = [
  // the seed story: paragraphs glued together, the comma inside the marks belongs to the quote
  [
    "deportations, crime and immigration.“We're committed to working hand-in-hand with our Colombian partners,” Noem said.Sarabia emphasized",
    ["We're committed to working hand-in-hand with our Colombian partners,"],
    "said",
  ],
  ["Noem said they had a “frank discussion and a candid discussion” about deportations.", ["frank discussion and a candid discussion"], "said"],
  ['"It\'s heartbreaking," Ryan said. "And this country has to find new ways."', ["It's heartbreaking,", "And this country has to find new ways."], "said"],
  // broken by "she said"
  ["“We are ready,” she said. “We will go.”", ["We are ready,", "We will go."], "said"],
  ['"My hope," he said, "is that maybe as ex-presidents we can help."', ["My hope,", "is that maybe as ex-presidents we can help."], "said"],
  // TimeBank / Penn Treebank marks
  ["``We are not going to stop,'' said Mr. Smith, a spokesman for the union.", ["We are not going to stop,"], "said"],
  // single quotes outside double ones (headlines), a nested quote stays inside its quote
  ["Lynch: ‘Be the voice that people hear,’ she told students.", ["Be the voice that people hear,"], "told"],
  ["“I’d rather live in what he calls “hell” than live in a world where he is president,” she wrote.", ["I’d rather live in what he calls “hell” than live in a world where he is president,"], "wrote"],
  ['"He told me, \'This is their lives,\' and left," she said.', ["He told me, 'This is their lives,' and left,"], "said"],
  // partial quotes of one or two words that someone is said to say
  ["Clinton called half of Donald Trump’s supporters “deplorables.”", ["deplorables."], "called"],
  ['Cruz called Trump a "pathological liar" who is "utterly amoral."', ["pathological liar", "utterly amoral."], "called"],
  // a quote that runs across paragraphs: the opening mark of the next paragraph continues it
  [
    'The New York Times reports:\n\n"In an illustration of the lack of enthusiasm, just 24 percent gave less.\n\n"Without this online network, Mrs. Clinton is being made to continue with fund-raisers."',
    ["In an illustration of the lack of enthusiasm, just 24 percent gave less.", "Without this online network, Mrs. Clinton is being made to continue with fund-raisers."],
    "reports",
  ],
  // a closing mark misused as an opening one at a paragraph's start, and a dash attribution
  ["Getty/Instagram.\n\n”Fear. I am truly afraid that he will win.” ― Edwin G. Monroy", ["Fear. I am truly afraid that he will win."], "—"],
  ["The leaders discussed security, according to Colombia's presidential office, which said the talks were “frank.”", ["frank."], "said"],
  // the cue before, in the sentence ending with a colon
  ["He said:\n\n“We have a situation where we have our inner cities, you walk down the street, you get shot.”", ["We have a situation where we have our inner cities, you walk down the street, you get shot."], "said"],
  // a short utterance that opens its sentence, or ends in ! or ?, needs no cue
  ["Protesters filled the square. “What curfew?” The crowd kept going.", ["What curfew?"], null],
];

// Texts that hold no quote: scare quotes, titles of works, apostrophes, unbalanced marks, markup.
const negatives: readonly (readonly [string, RejectReason | null])[] = [
  ["Trump said the so-called “deal” was dead.", "scare-quote"],
  ["However, the “fact-checking” website has some issues with objectivity.", "scare-quote"],
  ["He has been called a charlatan for promoting “quack” medical cures.", "scare-quote"],
  ["She watched “Face the Nation” on Sunday.", "title-of-work"],
  ["Sanders told MSNBC's \"Morning Joe\" that nobody would question her intelligence.", "title-of-work"],
  ["Angela Davis talks about mass incarceration in the documentary “13th.”", "title-of-work"],
  ["On Tuesday’s episode of “The Steve Harvey Morning Show,” the former secretary of state spoke.", "title-of-work"],
  ["He joined the “Commander-in-Chief” forum sponsored by NBC News.", "title-of-work"],
  ["Noem's visit and Colombia’s reply came in the ’90s style of rock ’n’ roll diplomacy.", null],
  ["The Clintons’ foundation and the Bushes' library both opened in '05.", null],
  ['He said "we are ready and walked out.', null],
  ["“We are ready, she said, and left.\n\nNothing else happened.", null],
  ['<tweet tweet-id="783499116076687360"><tweet/>.', "no-letters"],
  ['The poll asked "" and got no answer.', null],
  ["Rep. Robert C. \"Bobby\" Scott threw open his family's back yard.", "nickname"],
];

describe("findQuotes", () => {
  for (const [text, expected, cue] of cases) {
    it(`finds ${JSON.stringify(expected)} in ${JSON.stringify(text.slice(0, 60))}`, () => {
      const found = findQuotes(docOf(text));
      assert.deepEqual(
        found.map((q) => q.text),
        expected,
      );
      for (const q of found) assert.equal(text.slice(q.start, q.end), q.text, "offsets into the original text");
      const first = found[0];
      const firstCue = first ? (first.cueAfter ?? first.cuesBefore[0] ?? null) : null;
      assert.equal(firstCue ? (firstCue.kind === "dash" ? "—" : text.slice(firstCue.start, firstCue.end)) : null, cue);
    });
  }

  for (const [text, reason] of negatives) {
    it(`finds no quote in ${JSON.stringify(text.slice(0, 60))}`, () => {
      const reasons: RejectReason[] = [];
      assert.deepEqual(findQuotes(docOf(text), { onRejected: (_span, why) => reasons.push(why) }), []);
      if (reason) assert.deepEqual(reasons, [reason]);
    });
  }

  it("gives the parts of a quote across paragraphs one chain and their own paragraphs", () => {
    const found = findQuotes(docOf('Caddell continued:\n\n"The health issue is partisan.\n\n"This is in their heads," said Caddell.'));
    assert.equal(found.length, 2);
    assert.equal(found[0]?.chain, found[1]?.chain);
    assert.notEqual(found[0]?.paragraph, found[1]?.paragraph);
    assert.equal(found[0]?.close, null);
  });

  it("splits glued paragraphs for the continuation rules", () => {
    const doc = docOf("Her trip comes amid tensions.“We're committed,” Noem said.Sarabia emphasized the point.");
    assert.deepEqual(
      paragraphsOf(doc).map((p) => doc.text.slice(p.start, p.end).trim()),
      ["Her trip comes amid tensions.", "“We're committed,” Noem said.", "Sarabia emphasized the point."],
    );
  });

  it("does not count a noun as a cue: “Trump's late-night tweets”", () => {
    const [q] = findQuotes(docOf("Clinton says Trump’s flurry of late-night tweets was “unhinged, even for him.”"));
    assert.deepEqual(
      q?.cuesBefore.map((c) => c.lemma),
      ["say"],
    );
  });
});

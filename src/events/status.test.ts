import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseSentence } from "../syntax/shallowParse.js";
import { analyzeClauses } from "./clauses.js";
import { statusOfVerb } from "./status.js";
import { textDoc } from "./testing.js";

function status(text: string, verb: string) {
  const doc = textDoc(text);
  const s = parseSentence(doc, (doc.layers.sentences ?? [])[0] as { start: number; end: number });
  const clauses = analyzeClauses(s, new Uint8Array(s.words.length));
  const g = s.groups.findIndex((x) => s.words[x.main] === verb);
  assert.ok(g >= 0, `no verb "${verb}"`);
  return statusOfVerb(s, clauses, g);
}

describe("status", () => {
  // [sentence, verb, status, intent]
  const cases: readonly (readonly [string, string, string, boolean])[] = [
    ["Noem visited Colombia on Thursday.", "visited", "asserted", false],
    ["On Friday, Noem is set to visit Mexico and meet with President Claudia Sheinbaum.", "visit", "planned", false],
    ["On Friday, Noem is set to visit Mexico and meet with President Claudia Sheinbaum.", "meet", "planned", false],
    ["The officials did not sign the agreement.", "sign", "negated", false],
    ["Canada could impose sanctions on Russia.", "impose", "hypothetical", false],
    ["The European Community may halt its mediation if the fighting goes on.", "halt", "hypothetical", false],
    ["If Russia invades Ukraine, the United States will impose sanctions.", "invades", "hypothetical", false],
    ["The agreement would expand the sharing of biometric data.", "expand", "hypothetical", false],
    // The actor declares it will act: an intent (CAMEO 03 or 13), which is what happened.
    ["The rebels said they will release the hostages.", "release", "asserted", true],
    ["Syria says it is willing to withdraw its troops.", "withdraw", "asserted", true],
    ["Greece plans to impose restrictions on its labour market.", "impose", "asserted", true],
    // A schedule is not an intent.
    ["Noem is scheduled to meet President Bukele.", "meet", "planned", false],
  ];
  for (const [text, verb, expected, intent] of cases) {
    it(`${text} (${verb})`, () => {
      const r = status(text, verb);
      assert.equal(r.status, expected, JSON.stringify(r));
      assert.equal(r.intent === true, intent, JSON.stringify(r));
    });
  }
});

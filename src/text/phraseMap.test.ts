import { test } from "node:test";
import assert from "node:assert/strict";
import { PhraseMap } from "./phraseMap.js";

test("PhraseMap finds multi-word phrases and knows which words can start or end one", () => {
  const titles = new PhraseMap<string>().set("secretary of state", "SecState").set("secretary", "Secretary").set("foreign minister", "FM");
  const words = "the foreign minister met the secretary of state".split(" ");
  assert.equal(titles.at(words, 1, 2), "FM");
  assert.equal(titles.at(words, 5, 3), "SecState");
  assert.equal(titles.at(words, 5, 1), "Secretary");
  assert.equal(titles.at(words, 0, 2), undefined, "'the foreign' is no title");
  assert.equal(titles.at(words, 7, 3), undefined, "no phrase runs past the last word");
  assert.equal(titles.longestStartingWith("secretary"), 3);
  assert.equal(titles.longestStartingWith("the"), 0, "no phrase starts with 'the': nothing to try there");
  assert.equal(titles.longestEndingWith("state"), 3);
  assert.equal(titles.longestEndingWith("minister"), 2);
  assert.equal(titles.longest, 3);
});

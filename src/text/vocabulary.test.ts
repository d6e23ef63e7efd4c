import { test } from "node:test";
import assert from "node:assert/strict";
import { WordTable, vocabulary } from "./vocabulary.js";

test("a word has one id, however it is looked up, and keeps it as the vocabulary grows", () => {
  const text = "Noem met Petro; Noem left.";
  const noem = vocabulary.idOfRange(text, 0, 4);
  assert.equal(vocabulary.idOfRange(text, 16, 20), noem, "the second 'Noem' is the same word");
  assert.equal(vocabulary.id("Noem"), noem);
  assert.equal(vocabulary.text(noem), "Noem");
  assert.notEqual(vocabulary.id("noem"), noem, "ids are case-sensitive: the lower-case form is another word");
  const many = Array.from({ length: 5000 }, (_, i) => `word${i}`);
  const ids = many.map((w) => vocabulary.id(w));
  assert.equal(new Set(ids).size, many.length, "5,000 different words, 5,000 different ids");
  assert.equal(vocabulary.id("Noem"), noem, "still the same id after the table grew");
  assert.deepEqual(many.map((w) => vocabulary.id(w)), ids);
});

test("a WordTable computes what it knows of a word once", () => {
  let calls = 0;
  const lengths = new WordTable<number>((word) => {
    calls++;
    return word.length;
  });
  const id = vocabulary.id("Sheinbaum");
  assert.equal(lengths.get(id), 9);
  assert.equal(lengths.get(id), 9);
  assert.equal(calls, 1);
});

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { eventDate } from "./eventDates.js";
import { timeDoc } from "./testing.js";

const SEED =
  "Noem sat down Thursday morning with Colombian Foreign Minister Laura Sarabia. The officials also signed an agreement. " +
  "Later in the day, Noem met with police and President Gustavo Petro. On Friday, Noem is set to visit Mexico.";

describe("eventDates", () => {
  const doc = timeDoc(SEED, "2025-03-28");
  const at = (words: string) => {
    const start = SEED.indexOf(words);
    return { start, end: start + words.length };
  };
  it("dates a clause by its own timex, cut to the day", () => {
    assert.deepEqual(eventDate(doc, at("sat down"))?.value, "2025-03-27");
    assert.deepEqual(eventDate(doc, at("set to visit"))?.value, "2025-03-28");
  });
  it("dates an undated clause by the discourse: the day of the timex before it", () => {
    const d = eventDate(doc, at("signed an agreement"));
    assert.equal(d?.value, "2025-03-27");
    assert.equal(d?.how, "discourse");
    assert.equal(eventDate(doc, at("met with police"))?.value, "2025-03-27");
  });
  it("never falls back on the publication date", () => {
    const plain = timeDoc("These deportations are being challenged in court.", "2025-03-28");
    assert.equal(eventDate(plain, { start: 6, end: 17 }), null);
  });
});

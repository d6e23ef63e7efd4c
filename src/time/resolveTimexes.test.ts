import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { timeDoc } from "./testing.js";

// chrono's testSingleCase style: one fixed reference date, the seed's (Friday 2025-03-28).
const REFERENCE = "2025-03-28";

const cases: ReadonlyArray<readonly [text: string, expression: string, value: string, type?: string]> = [
  // weekdays by tense: past-tense news looks back, "will"/"is set to"/"next" look forward
  ["Noem visited Colombia on Thursday.", "Thursday", "2025-03-27"],
  ["Trump announced a 25 percent tariff on auto imports on Wednesday.", "Wednesday", "2025-03-26"],
  ["On Friday, Noem is set to visit Mexico.", "Friday", "2025-03-28"],
  ["She will meet the president on Monday.", "Monday", "2025-03-31"],
  ["Talks resume next Tuesday.", "next Tuesday", "2025-04-01"],
  ["The deal collapsed last Friday.", "last Friday", "2025-03-21"],
  ["Noem sat down Thursday morning with Sarabia.", "Thursday morning", "2025-03-27TMO", "TIME"],
  ["Protesters gathered Wednesday night.", "Wednesday night", "2025-03-26TNI", "TIME"],
  ["Al-Sharaa signed a declaration Thursday that will serve as the constitution.", "Thursday", "2025-03-27"],
  ["A report set for release Monday finds that emissions rose.", "Monday", "2025-03-31"],
  ["Trump said the tariffs would take effect Wednesday morning.", "Wednesday morning", "2025-04-02TMO", "TIME"],
  ["The tariffs took effect Wednesday.", "Wednesday", "2025-03-26"],
  // months and days, the year inferred
  ["Tensions rose in January.", "January", "2025-01"],
  ["The treaty was signed Aug. 7.", "Aug. 7", "2024-08-07"],
  ["The summit is on Aug. 7 in Geneva.", "Aug. 7", "2025-08-07"],
  ["The bombing of Aug. 7, 1998 killed 224 people.", "Aug. 7, 1998", "1998-08-07"],
  ["Voting ends Saturday, April 5.", "Saturday, April 5", "2025-04-05"],
  ["He left office in March 1996.", "March 1996", "1996-03"],
  ["The war ended in 1990.", "1990", "1990"],
  // relative to the article's date
  ["The bill passed last week.", "last week", "2025-W12"],
  ["Sales rose this year.", "this year", "2025"],
  ["Prices fell last month.", "last month", "2025-02"],
  ["It happened a year ago.", "a year ago", "2024"],
  ["They met two weeks ago.", "two weeks ago", "2025-W11"],
  ["The drought began last summer.", "last summer", "2024-SU"],
  ["He returned yesterday.", "yesterday", "2025-03-27"],
  ["The vote is tomorrow.", "tomorrow", "2025-03-29"],
  // times attached to a day
  ["The polls closed at 3 p.m. Thursday.", "3 p.m. Thursday", "2025-03-27T15:00", "TIME"],
  ["The offer expired at noon Monday.", "noon Monday", "2025-03-24T12:00", "TIME"],
  ["The offer expires at noon Monday.", "noon Monday", "2025-03-31T12:00", "TIME"],
  // durations and sets
  ["The strike lasted two weeks.", "two weeks", "P2W", "DURATION"],
  ["Talks went on for 24 hours.", "24 hours", "PT24H", "DURATION"],
  ["He served three years in prison.", "three years", "P3Y", "DURATION"],
  ["Stocks fell over the past three months.", "the past three months", "P3M", "DURATION"],
  ["They have lived there for 2 1/2 years.", "2 1/2 years", "P2Y6M", "DURATION"],
  ["It will take a few days.", "a few days", "PXD", "DURATION"],
  ["The council meets every week.", "every week", "P1W", "SET"],
  ["The agency publishes a tally daily.", "daily", "P1D", "SET"],
  ["Flights leave each Thursday.", "each Thursday", "XXXX-WXX-4", "SET"],
  // vague references
  ["The ruling is now final.", "now", "PRESENT_REF"],
  ["The company recently cut its dividend.", "recently", "PAST_REF"],
  ["Officials will decide soon.", "soon", "FUTURE_REF"],
  ["Nobody knows what the future holds.", "the future", "FUTURE_REF"],
  ["Prices reflect current market conditions.", "current", "PRESENT_REF"],
  ["Mothers matter in today's world.", "today", "PRESENT_REF"],
  ["He chose the leaders of tomorrow, not of the past.", "tomorrow", "FUTURE_REF"],
  ["Today's meeting ran late.", "Today", "2025-03-28"],
  ["Holders may buy at the then current price.", "then current", "PAST_REF"],
  ["Islam will one day be the largest religion here.", "one day", "FUTURE_REF"],
  ["They will live without power for a while.", "a while", "PXX", "DURATION"],
  ["Over the years, the town grew.", "the years", "PXY", "DURATION"],
  ["They met at 4 in the morning.", "4 in the morning", "2025-03-28T04:00", "TIME"],
  ["Earnings fell in the last half of 2024.", "the last half of 2024", "2024-H2"],
  ["The slump lasts through the first two quarters of 2026.", "the first two quarters of 2026", "2026-H1"],
  ["A hearing is set for the week of April 7.", "the week of April 7", "2025-W15"],
  ["The day before last Tuesday's hearing, he flew to Miami.", "The day before last Tuesday", "2025-03-24"],
  ["The talks ended after a day-long meeting.", "day-long", "P1D", "DURATION"],
  ["Pilgrims gathered as Easter week began.", "Easter week", "2025-W16"],
  // quarters, fiscal years, decades, centuries
  ["Profit fell in the third quarter.", "the third quarter", "2024-Q3"],
  ["Sales in fiscal 1999 rose.", "fiscal 1999", "1999"],
  ["Prices soared in the 1990s.", "the 1990s", "199"],
  ["It was the worst war of the 20th century.", "the 20th century", "19"],
  ["Earlier this year, the firm moved.", "Earlier this year", "2025"],
  ["The dispute began in early September.", "early September", "2024-09"],
];

describe("resolveTimexes: values against a fixed article date", () => {
  for (const [text, expression, value, type] of cases) {
    it(`${JSON.stringify(expression)} in ${JSON.stringify(text)} -> ${value}`, () => {
      const found = timeDoc(text, REFERENCE).layers.timexes ?? [];
      const t = found.find((x) => x.text === expression);
      assert.ok(t, `no timex "${expression}"; found ${JSON.stringify(found.map((x) => x.text))}`);
      assert.equal(t.value, value);
      if (type) assert.equal(t.type, type);
    });
  }
});

// TimeBank's practice, from its Oct.-Nov. 1989 Wall Street Journal stories, against a Thursday late in October
describe("resolveTimexes: TimeBank conventions (article of Thursday 2025-10-30)", () => {
  const conventions: ReadonlyArray<readonly [text: string, expression: string, value: string]> = [
    ["Control Data scrapped the unit this past spring.", "this past spring", "2025-SP"],
    ["The company said it expects to complete the sale by year-end.", "year-end", "2025-12-31"],
    ["The dividend would be paid on a still unspecified date in January.", "January", "2026-01"],
    ["For now, the embassy stays closed.", "now", "PRESENT_REF"],
    ["The family has until 9 a.m. Tuesday to sign.", "9 a.m. Tuesday", "2025-11-04T09:00"],
    ["In fiscal 1989, Elco earned $7.8 million.", "fiscal 1989", "1989"],
    ["Sales will be lower for the current fiscal year.", "the current fiscal year", "2025"],
    // the comparison period does not become the story's quarter
    ["Sun earned $5 million in the fiscal first quarter, up from $4 million in the 2024 period. Sun shipped 28,000 systems in the quarter.", "the quarter", "2025-Q1"],
    // in a story of the quarter, last year's figure is the year-ago quarter's; a fiscal quarter reported on has ended
    ["Net fell in the third quarter. Sales were $1.76 billion, a 13% increase from last year's $1.55 billion.", "last year", "2024-Q3"],
    ["Ralston reported a decline in fourth-quarter earnings. Sales in the latest period rose.", "the latest period", "2025-Q4"],
    // nor does an earlier quarter told in passing
    ["Net rose in the third quarter. After a flat second quarter, sales gained. Charges were taken in the year-earlier period.", "the year-earlier period", "2024-Q3"],
  ];
  for (const [text, expression, value] of conventions) {
    it(`${JSON.stringify(expression)} in ${JSON.stringify(text)} -> ${value}`, () => {
      const found = timeDoc(text, "2025-10-30").layers.timexes ?? [];
      const t = found.find((x) => x.text === expression);
      assert.ok(t, `no timex "${expression}"; found ${JSON.stringify(found.map((x) => x.text))}`);
      assert.equal(t.value, value);
    });
  }
});

describe("resolveTimexes: anchoring to the date the text last mentioned", () => {
  const anchored: ReadonlyArray<readonly [string, string, string]> = [
    ["He arrived on March 3. The next day, he left for Bogota.", "The next day", "2025-03-04"],
    ["He arrived on March 3. Two days later, he left for Bogota.", "Two days later", "2025-03-05"],
    ["Noem met Sarabia on Thursday. Later in the day, she met Petro.", "Later in the day", "2025-03-27"],
    ["The plant closed in 1995. The following year it was sold.", "The following year", "1996"],
    ["Stocks fell on Thursday, March 20. The previous Friday they had risen.", "The previous Friday", "2025-03-14"],
    ["He was last seen March 3, the day before police issued a warrant.", "the day before", "2025-03-03"],
  ];
  for (const [text, expression, value] of anchored) {
    it(`${JSON.stringify(expression)} -> ${value}`, () => {
      const found = timeDoc(text, REFERENCE).layers.timexes ?? [];
      const t = found.find((x) => x.text === expression);
      assert.ok(t, `no timex "${expression}"; found ${JSON.stringify(found.map((x) => x.text))}`);
      assert.equal(t.value, value);
      assert.notEqual(t.anchor, null, "anchored to an earlier timex");
    });
  }
});

describe("resolveTimexes: datelines and missing article dates", () => {
  it("reads the dateline's date: 'WASHINGTON, March 27 -'", () => {
    const found = timeDoc("WASHINGTON, March 27 - The Senate voted on Thursday to confirm him.", REFERENCE).layers.timexes ?? [];
    assert.deepEqual(found.map((t) => [t.text, t.value]), [["March 27", "2025-03-27"], ["Thursday", "2025-03-27"]]);
  });
  it("counts from the dateline's day when the story was filed the day before its date", () => {
    const found = timeDoc("WASHINGTON, August 13 (Xinhua) -- President Clinton said today that the attack of yesterday was cowardly.", "1998-08-14").layers.timexes ?? [];
    assert.deepEqual(found.map((t) => [t.text, t.value]), [["August 13", "1998-08-13"], ["today", "1998-08-13"], ["yesterday", "1998-08-12"]]);
  });
  it("leaves relative dates underspecified without an article date", () => {
    const found = timeDoc("Noem visited Colombia on Thursday.", null).layers.timexes ?? [];
    assert.equal(found[0]?.value, "XXXX-WXX-4");
  });
});

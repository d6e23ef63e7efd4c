import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { timeDoc } from "./testing.js";

// Text that must yield no time expression at all.
const negatives: readonly string[] = [
  "The 45-year-old was charged with murder.", // an age
  "A man aged 30 was arrested.", // an age
  "Mr. Reupke, 52 years old, will succeed him.", // an age
  "Colombia won 3-1 in Bogota.", // a score
  "About 1/2 of the voters stayed home.", // a fraction
  "Iraq imports about three-quarters of its food.", // a fraction
  "May I ask a question?", // "May" as a modal verb
  "She may resign over the affair.", // "may" as a modal verb
  "Theresa May spoke to reporters.", // "May" as a name
  "Noem sat down with Sarabia.", // "sat" is a verb, not Saturday
  "Protesters march through the capital.", // "march" as a verb
  "The March was peaceful.", // "March" as a noun
  "The second round of talks failed.", // "second" as an ordinal
  "He scored 2000 points and bought 1500 shares.", // bare numbers
  "The vote was 52 to 48.", // bare numbers
  "The agency adds 700 seats a week.", // a rate, not a duration
  "Speaking on ABC's This Week, Baker disagreed.", // a title
  "Fans rushed in as soon as the gates opened.", // a conjunction
  "Swimmers fought the current.", // "current" as a noun
  "The current account deficit widened.", // a term of economics
  "The film High Noon won awards.", // a title
  "The trickle of cash soon became a flood.", // "soon" after an event told in the past
  "He was soon released from the hospital.", // the same
  "They walked away and soon she was put in the helicopter.", // the same, with the subject between
  "He founded the now-shuttered Apple Daily newspaper.", // a name
  "He spoke on Fox News' Sunday Morning Futures show.", // a title
  "This is VOA Today.", // a programme
  "The rally was covered by USA Today and others.", // a newspaper
  "The allies rejected the last-minute Soviet plan.", // an adjective, not a time
];

describe("findTimexes: negative cases yield nothing", () => {
  for (const text of negatives) {
    it(JSON.stringify(text), () => {
      const found = timeDoc(text, "2025-03-28").layers.timexes ?? [];
      assert.deepEqual(found.map((t) => t.text), []);
    });
  }
});

// Extents as TimeBank marks them: "the" and "last" belong to the timex, modifiers too.
const extents: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["Profit fell in the third quarter.", ["the third quarter"]],
  ["Third-quarter profit fell.", ["Third-quarter"]],
  ["He was fired last week.", ["last week"]],
  ["Noem sat down Thursday morning with Sarabia.", ["Thursday morning"]],
  ["The talks will end early next year.", ["early next year"]],
  ["The firm was founded about two years ago.", ["about two years ago"]],
  ["Reservists can serve for up to 180 days.", ["up to 180 days"]],
  ["The offer expires at 5 p.m. EST, Nov. 6.", ["5 p.m. EST, Nov. 6"]],
  ["Sales fell in the year-ago quarter.", ["the year-ago quarter"]],
  ["The unit will be sold by the end of 1990.", ["the end of 1990"]],
  ["In January this year, police arrived.", ["January this year"]],
  ["Attendance dropped in nineteen ninety-six.", ["nineteen ninety-six"]],
  ["He signed a 10-year contract.", ["10-year"]],
  ["Pilots were held up until now.", ["now"]],
  ["The summit is on April 24 and 25.", ["April 24", "25"]],
  ["He works under a June agreement.", ["June"]],
  ["A decades-long feud ended.", ["decades-long"]],
  ["Visits on Oct. 3 and 5 people died.", ["Oct. 3"]],
  ["The loan may be extended for an additional year.", ["an additional year"]],
  ["Eight trading days after Oct. 12, it fell.", ["Eight trading days", "Oct. 12"]],
];

describe("findTimexes: extents", () => {
  for (const [text, expected] of extents) {
    it(JSON.stringify(text), () => {
      const found = timeDoc(text, "1998-03-04").layers.timexes ?? [];
      assert.deepEqual(found.map((t) => t.text), expected);
    });
  }
});

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { addMonths, easterSunday, formatWeek, isoWeek, nthWeekdayOfMonth, seasonOf, weekday, weekdayOnOrBefore } from "./calendar.js";

describe("calendar", () => {
  const friday = { year: 2025, month: 3, day: 28 };
  it("ISO weekdays and weeks", () => {
    assert.equal(weekday(friday), 5);
    assert.equal(formatWeek(friday), "2025-W13");
    assert.deepEqual(isoWeek({ year: 2021, month: 1, day: 3 }), { year: 2020, week: 53 });
  });
  it("weekday arithmetic", () => {
    assert.deepEqual(weekdayOnOrBefore(friday, 5, /*strict=*/ false), friday);
    assert.deepEqual(weekdayOnOrBefore(friday, 5, /*strict=*/ true), { year: 2025, month: 3, day: 21 });
  });
  it("months clamp, seasons, holidays", () => {
    assert.deepEqual(addMonths({ year: 2025, month: 1, day: 31 }, 1), { year: 2025, month: 2, day: 28 });
    assert.deepEqual(seasonOf({ year: 2025, month: 1, day: 10 }), { year: 2024, season: "WI" });
    assert.deepEqual(nthWeekdayOfMonth(1999, 11, 4, 4), { year: 1999, month: 11, day: 25 }); // Thanksgiving
    assert.deepEqual(easterSunday(2025), { year: 2025, month: 4, day: 20 });
  });
});

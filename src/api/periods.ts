// Periods for charts. Event dates are TIMEX3 values ("2025-03-27", "2025-01", "2025-W13", "2025"),
// not calendar days: filters and charts sort and bucket by the first day the value covers
// (timexDay, src/time/calendar.ts). An event dated only "2025-01" then counts from 2025-01-01, and
// a chart says that it is coarser than its bars instead of pretending it happened on the 1st.
import type { Interval } from "./params.js";

export type { Precision, TimexDay } from "../time/calendar.js";
export { timexDay } from "../time/calendar.js";
import { isoDay, isoWeekStart, pad2 as pad, type Precision } from "../time/calendar.js";

export interface Period {
  /** "2025-03-27", "2025-W13", "2025-03". */
  readonly period: string;
  /** First and last day, inclusive: what a click on the bar filters by. */
  readonly start: string;
  readonly end: string;
}

/** The bucket a day falls in. */
export function periodOf(day: string, interval: Interval): Period {
  const date = new Date(`${day}T00:00:00Z`);
  if (interval === "day") return { period: day, start: day, end: day };
  if (interval === "month") {
    const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
    return { period: day.slice(0, 7), start: `${day.slice(0, 7)}-01`, end: isoDay(last) };
  }
  // ISO week: the year of its Thursday.
  const monday = new Date(date);
  monday.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  const thursday = new Date(monday);
  thursday.setUTCDate(monday.getUTCDate() + 3);
  const week = Math.round((thursday.getTime() - isoWeekStart(thursday.getUTCFullYear(), 1).getTime()) / (7 * 86_400_000)) + 1;
  const sunday = new Date(monday);
  sunday.setUTCDate(monday.getUTCDate() + 6);
  return { period: `${thursday.getUTCFullYear()}-W${pad(week)}`, start: isoDay(monday), end: isoDay(sunday) };
}

const RANK: Readonly<Record<Precision | Interval, number>> = { day: 0, week: 1, month: 2, year: 3 };

/** True when a value dated to `precision` is vaguer than the bars it is drawn in. */
export function coarserThan(precision: Precision, interval: Interval): boolean {
  return RANK[precision] > RANK[interval];
}

// Event dates are TIMEX3 values ("2025-03-27", "2025-03-27TMO", "2025-01", "2025-W13", "2025"),
// not calendar days. Filters and charts need a day to sort and bucket by: the first day the
// value covers. An event dated only "2025-01" then counts from 2025-01-01, and a chart says
// that it is coarser than its bars instead of pretending it happened on the 1st.
import type { Interval } from "./params.js";

export type Precision = "day" | "week" | "month" | "year";

export interface TimexDay {
  readonly day: string;
  readonly precision: Precision;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const isoDay = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/** Monday of ISO week `week` of `year`. */
function isoWeekStart(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (week - 1) * 7);
  return monday;
}

/** The first day a TIMEX3 value covers, or null for values with no place on a calendar (PRESENT_REF, P2W, ""). */
export function timexDay(value: string | null | undefined): TimexDay | null {
  if (!value) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return { day: `${m[1]}-${m[2]}-${m[3]}`, precision: "day" };
  m = /^(\d{4})-W(\d{2})/.exec(value);
  if (m) return { day: isoDay(isoWeekStart(Number(m[1]), Number(m[2]))), precision: "week" };
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { day: `${m[1]}-${m[2]}-01`, precision: "month" };
  m = /^(\d{4})(?:-(?:Q[1-4]|SP|SU|FA|WI|H[12]))?$/.exec(value);
  if (m) return { day: `${m[1]}-01-01`, precision: "year" };
  return null;
}

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

// Calendar arithmetic for TIMEX3 values: days, ISO weeks, quarters, seasons, and the value strings themselves.
// Dates are plain {year, month, day} records computed through UTC milliseconds, so no time zone or daylight
// saving ever shifts a day.

export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

const DAY_MS = 86_400_000;

export function parseIsoDate(value: string | null | undefined): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? "");
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(date.year, date.month, date.day) ? date : null;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toMs(d: CalendarDate): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromMs(ms: number): CalendarDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
  return fromMs(toMs(d) + days * DAY_MS);
}

/** Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28). */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return toMs(a) - toMs(b);
}

export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

/** ISO 8601 weekday: 1 = Monday ... 7 = Sunday. */
export function weekday(d: CalendarDate): number {
  const w = new Date(toMs(d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week-numbering year and week of a date. */
export function isoWeek(d: CalendarDate): { readonly year: number; readonly week: number } {
  const thursday = addDays(d, 4 - weekday(d));
  const jan1 = { year: thursday.year, month: 1, day: 1 };
  return { year: thursday.year, week: Math.floor(daysBetween(jan1, thursday) / 7) + 1 };
}

export const pad2 = (n: number): string => String(n).padStart(2, "0");
export const pad4 = (n: number): string => String(n).padStart(4, "0");

export function formatDate(d: CalendarDate): string {
  return `${pad4(d.year)}-${pad2(d.month)}-${pad2(d.day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad4(year)}-${pad2(month)}`;
}

export function formatWeek(d: CalendarDate): string {
  const w = isoWeek(d);
  return `${pad4(w.year)}-W${pad2(w.week)}`;
}

export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** The season a date falls in, as TIMEX3 writes it; December belongs to the winter that starts in its year. */
export function seasonOf(d: CalendarDate): { readonly year: number; readonly season: Season } {
  const m = d.month;
  if (m >= 3 && m <= 5) return { year: d.year, season: "SP" };
  if (m >= 6 && m <= 8) return { year: d.year, season: "SU" };
  if (m >= 9 && m <= 11) return { year: d.year, season: "FA" };
  return { year: m === 12 ? d.year : d.year - 1, season: "WI" };
}

export type Season = "SP" | "SU" | "FA" | "WI";
export const SEASON_ORDER: readonly Season[] = ["SP", "SU", "FA", "WI"];

/** The date of the Nth (or last, n = -1) given weekday of a month. */
export function nthWeekdayOfMonth(year: number, month: number, n: number, wd: number): CalendarDate {
  if (n > 0) {
    const first = { year, month, day: 1 };
    const offset = (wd - weekday(first) + 7) % 7;
    return addDays(first, offset + (n - 1) * 7);
  }
  const last = { year, month, day: daysInMonth(year, month) };
  return addDays(last, -((weekday(last) - wd + 7) % 7));
}

/** Western Easter Sunday (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** The most recent date with this weekday on or before `from` (strictly before when `strict`). */
export function weekdayOnOrBefore(from: CalendarDate, wd: number, strict: boolean): CalendarDate {
  let back = (weekday(from) - wd + 7) % 7;
  if (strict && back === 0) back = 7;
  return addDays(from, -back);
}

/** The first date with this weekday on or after `from` (strictly after when `strict`). */
export function weekdayOnOrAfter(from: CalendarDate, wd: number, strict: boolean): CalendarDate {
  let ahead = (wd - weekday(from) + 7) % 7;
  if (strict && ahead === 0) ahead = 7;
  return addDays(from, ahead);
}

// ---------------------------------------------------------------------------------------------------------------
// The first day a TIMEX3 value covers: what an event dated "2025-01" or "2025-W13" sorts and filters by.

export type Precision = "day" | "week" | "month" | "year";

export interface TimexDay {
  readonly day: string;
  readonly precision: Precision;
}

/** "2025-03-27" for a UTC date. */
export const isoDay = (date: Date): string => `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;

/** Monday of ISO week `week` of `year`. */
export function isoWeekStart(year: number, week: number): Date {
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

// Refine: each candidate's TIMEX3 value, resolved against the article's date and against the dates the text has
// already mentioned (the discourse). Candidates are resolved in text order, so "the next day" and "Later in the day"
// count from the date just before them, while bare weekdays and months count from the article's date, looking back
// or forward by the tense of their clause.
//
// Each pattern of data/time/patterns.tsv names its normaliser here; "=VALUE" gives a fixed value.
import type { Span, Timex, TimexType } from "../model/document.js";
import {
  parseIsoDate,
  addDays,
  addMonths,
  daysBetween,
  easterSunday,
  formatDate,
  formatMonth,
  formatWeek,
  isValidDate,
  nthWeekdayOfMonth,
  pad2,
  quarterOf,
  SEASON_ORDER,
  seasonOf,
  weekday as weekdayOf,
  weekdayOnOrAfter,
  weekdayOnOrBefore,
  type CalendarDate,
  type Season,
} from "./calendar.js";
import { clauseTense, tenseMarkAt, type Tense } from "./clauseTense.js";
import type { TimexCandidate } from "./findTimexes.js";
import type { TimeWord } from "./timeWords.js";

export interface ResolveContext {
  /** The article's date, or null (relative expressions then get underspecified values: "XXXX-WXX-4"). */
  readonly dct: CalendarDate | null;
  readonly words: readonly TimeWord[];
  /** A dateline's date is the day the story was filed: it looks back. */
  readonly dateline: Span | null;
}

interface Resolution {
  readonly value: string;
  readonly type?: TimexType;
  readonly anchor?: number | null;
  readonly direction?: "past" | "future" | null;
}

/** What the text has mentioned so far, for anchored expressions. */
interface Discourse {
  /** `end`: where its expression ends in the text, for an apposition right after it ("Oct. 12, the day before ..."). */
  day: { date: CalendarDate; index: number; sentence: number; end: number } | null;
  month: { year: number; month: number; index: number } | null;
  year: { year: number; index: number } | null;
  /** `reported`: told in a past clause ("reported a decline in fourth-quarter earnings"), so it has ended. */
  quarter: { year: number; quarter: number; index: number; sentence: number; reported: boolean } | null;
}

interface Job {
  readonly c: TimexCandidate;
  readonly ctx: ResolveContext;
  readonly discourse: Discourse;
  readonly tense: () => Tense;
}

type Normaliser = (job: Job) => Resolution | null;

// ---------------------------------------------------------------------------------------------------------------
// helpers

function word(job: Job, label: string): TimeWord | undefined {
  const at = job.c.captures.get(label);
  return at === undefined ? undefined : job.ctx.words[at];
}

function classValue(job: Job, label: string, cls: string): string | undefined {
  return word(job, label)?.classes.get(cls);
}

/** The words of the pattern's own match, without the modifiers before it ("the end of" in "the end of the year"). */
function matchWords(job: Job): readonly TimeWord[] {
  return job.ctx.words.slice(job.c.core, job.c.last);
}

function hasWord(job: Job, lower: string): boolean {
  for (let i = job.c.first; i < job.c.last; i++) if (job.ctx.words[i]?.lower === lower) return true;
  return false;
}

function numberOf(w: TimeWord | undefined): number | null {
  if (!w) return null;
  if (w.num !== null) return w.num;
  if (w.classes.has("article")) return 1;
  return null;
}

const TIME_UNITS = new Set(["S", "MIN", "H"]);

/** A duration value: P2W, PT24H, P2Y6M, PXY. `n` null is "some": PXY. */
function durationValue(n: number | null, unit: string): string {
  const code = (u: string) => (u === "MIN" ? "M" : u === "DE" ? "DE" : u === "CE" ? "CE" : u === "ML" ? "ML" : u === "WE" ? "WE" : u === "FN" ? "W" : u === "Q" ? "Q" : u);
  const t = TIME_UNITS.has(unit) ? "T" : "";
  // decades are written in years, counted or not ("four decades" -> P40Y, "decades" -> PXY), as TimeBank writes them
  if (n === null) return unit === "DE" ? "PXY" : `P${t}X${code(unit)}`;
  if (unit === "FN") n *= 2;
  if (unit === "DE") return `P${fmt(n * 10)}Y`;
  if (Number.isInteger(n)) return `P${t}${n}${code(unit)}`;
  // "2 1/2 years" -> P2Y6M, "a minute and a half" -> PT1M30S
  const whole = Math.floor(n);
  const rest = n - whole;
  const smaller: Readonly<Record<string, [string, number, boolean]>> = { Y: ["M", 12, false], M: ["D", 30, false], W: ["D", 7, false], D: ["H", 24, true], H: ["M", 60, true], MIN: ["S", 60, true] };
  const s = smaller[unit];
  if (!s) return `P${t}${fmt(n)}${code(unit)}`;
  const [sub, factor, subTime] = s;
  const part = `${fmt(Math.round(rest * factor))}${sub}`;
  if (whole === 0) return `P${subTime ? "T" : ""}${part}`;
  if (!t && subTime) return `P${whole}${code(unit)}T${part}`;
  return `P${t}${whole}${code(unit)}${part}`;
}

const daysInMonthOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const fmt = (n: number) => String(Math.round(n * 100) / 100);

function underspecified(job: Job): boolean {
  return job.ctx.dct === null;
}

function inDateline(job: Job): boolean {
  const d = job.ctx.dateline;
  return !!d && job.c.start >= d.start && job.c.end <= d.end;
}

function tenseOf(job: Job): Tense {
  return inDateline(job) ? "past" : job.tense();
}

/** The year of a month (and day) mentioned without one: the article's year, moved by the clause's tense. */
function inferYear(job: Job, month: number, day: number | null): { year: number; direction: "past" | "future" | null } {
  const dct = job.ctx.dct as CalendarDate;
  const tense = tenseOf(job);
  // The closest such date to the article's, within half a year; a clear tense moves it only when it is more than a
  // month off: "extended to Nov. 6" (Oct. 30 story, past verb) stays 1989, "a record set on Aug. 6" (Feb. story) is 1997.
  // "by May", "until January" set a deadline: never moved back.
  const prev = job.ctx.words[job.c.first - 1]?.lower ?? "";
  const deadline = prev === "by" || prev === "until" || prev === "till" || prev === "through" || prev === "before";
  let year = dct.year;
  // News looks back more than forward: a date up to ~8 months before the article's is read as past, one more than
  // ~5 months after it as last year's ("$29.75 in March", said in October, is this March).
  if (day !== null && isValidDate(year, month, day)) {
    let delta = daysBetween(dct, { year, month, day });
    if (delta > 150 && tense !== "future" && !deadline) delta = daysBetween(dct, { year: --year, month, day: Math.min(day, 28) });
    else if (delta < -240) delta = daysBetween(dct, { year: ++year, month, day: Math.min(day, 28) });
    // a dateline's date is the day the story was filed: never after the article's date
    if ((tense === "past" && delta > 31 && !deadline) || (inDateline(job) && delta > 1)) year--;
    else if (tense === "future" && delta < -31) year++;
  } else {
    let delta = month - dct.month;
    if (delta >= 6 && tense !== "future" && !deadline) {
      year--;
      delta -= 12;
    } else if (delta <= -8) {
      year++;
      delta += 12;
    }
    if (tense === "past" && delta >= 2 && !deadline) year--;
    else if (tense === "future" && delta <= -2) year++;
  }
  return { year, direction: year < dct.year ? "past" : year > dct.year ? "future" : null };
}

function relOf(job: Job): number | null {
  const r = classValue(job, "rel", "rel");
  if (r === undefined) return null;
  // "this coming Sunday", "this past weekend": the second word decides
  return Number(r);
}

function podOf(job: Job): string | null {
  return classValue(job, "pod", "pod") ?? classValue(job, "pods", "pods") ?? null;
}

/** A part of the day written as a literal word of the pattern ("in the morning", "later that evening"): not a capture. */
function literalPod(job: Job): string | null {
  for (const w of matchWords(job)) {
    const p = w.classes.get("pod");
    if (p !== undefined) return p;
  }
  return null;
}

function withPod(date: string, pod: string | null): string {
  return pod ? `${date}T${pod}` : date;
}

function lastDay(job: Job): { date: CalendarDate; anchor: number | null } | null {
  if (job.discourse.day) return { date: job.discourse.day.date, anchor: job.discourse.day.index };
  return job.ctx.dct ? { date: job.ctx.dct, anchor: null } : null;
}

function previousQuarter(dct: CalendarDate): { year: number; quarter: number } {
  const q = quarterOf(dct.month) - 1;
  return q === 0 ? { year: dct.year - 1, quarter: 4 } : { year: dct.year, quarter: q };
}

/** The quarter the story reports on: the last one it named, else the last one finished before the article. */
function storyQuarter(job: Job): { year: number; quarter: number; anchor: number | null } | null {
  const q = job.discourse.quarter;
  // A quarter not finished by the article's date ("a fourth-quarter charge" in November) is a forecast, not the
  // quarter being reported on; "the latest quarter" is the last one reported.
  const dct = job.ctx.dct;
  // A fiscal quarter reported on has ended whatever the calendar says: "reported a 47% decline in fourth-quarter earnings"
  // (Ralston's fiscal year ends Sept. 30) in a November story.
  const finished = !dct || q === null || q.reported || q.year * 4 + q.quarter < dct.year * 4 + quarterOf(dct.month);
  if (q && finished && (q.reported || !hasWord(job, "latest"))) return { year: q.year, quarter: q.quarter, anchor: q.index };
  if (!job.ctx.dct) return null;
  return { ...previousQuarter(job.ctx.dct), anchor: null };
}

function quarterValue(year: number, quarter: number): string {
  return `${year}-Q${quarter}`;
}

// ---------------------------------------------------------------------------------------------------------------
// normalisers

function monthDay(job: Job): Resolution | null {
  const month = Number(classValue(job, "month", "month"));
  const dayWord = word(job, "day");
  const day = Number(dayWord?.classes.get("day") ?? dayWord?.classes.get("ordinal"));
  if (!month || !day || day > 31) return null;
  const yearWord = word(job, "year");
  if (yearWord) {
    const year = Number(yearWord.classes.get("year"));
    return isValidDate(year, month, day) ? { value: formatDate({ year, month, day }) } : null;
  }
  if (underspecified(job)) return { value: `XXXX-${pad2(month)}-${pad2(day)}` };
  const rel = relOf(job);
  if (rel === -1 || rel === 1) {
    // "last Oct. 23": the one before the article's date; "next March 3": the one after
    const dct = job.ctx.dct as CalendarDate;
    let y = dct.year;
    const before = (yy: number) => daysBetween(dct, { year: yy, month, day: Math.min(day, daysInMonthOf(yy, month)) });
    if (rel === -1 && before(y) >= 0) y--;
    if (rel === 1 && before(y) <= 0) y++;
    return isValidDate(y, month, day) ? { value: formatDate({ year: y, month, day }), direction: rel < 0 ? "past" : "future" } : null;
  }
  const { year, direction } = inferYear(job, month, day);
  // "Friday Oct. 13": the weekday names the year when only one year near the article's fits it
  const wd = classValue(job, "weekday", "weekday");
  if (wd) {
    const fits = [year, year - 1, year + 1].filter((y) => isValidDate(y, month, day) && weekdayOf({ year: y, month, day }) === Number(wd));
    if (fits.length === 1 && fits[0] !== undefined) return { value: formatDate({ year: fits[0], month, day }), direction };
  }
  return isValidDate(year, month, day) ? { value: formatDate({ year, month, day }), direction } : null;
}

function monthYear(job: Job): Resolution | null {
  const month = Number(classValue(job, "month", "month"));
  const year = Number(classValue(job, "year", "year"));
  return month && year ? { value: formatMonth(year, month) } : null;
}

function monthRelYear(job: Job): Resolution | null {
  const month = Number(classValue(job, "month", "month"));
  const rel = relOf(job) ?? 0;
  if (underspecified(job)) return { value: `XXXX-${pad2(month)}` };
  return { value: formatMonth((job.ctx.dct as CalendarDate).year + rel, month) };
}

function month(job: Job): Resolution | null {
  const m = Number(classValue(job, "month", "month"));
  if (!m) return null;
  if (underspecified(job)) return { value: `XXXX-${pad2(m)}` };
  const dct = job.ctx.dct as CalendarDate;
  const rel = relOf(job);
  if (rel === -1) return { value: formatMonth(m < dct.month ? dct.year : dct.year - 1, m), direction: "past" };
  if (rel === 1) return { value: formatMonth(m > dct.month ? dct.year : dct.year + 1, m), direction: "future" };
  if (rel === 0) return { value: formatMonth(dct.year, m) };
  const { year, direction } = inferYear(job, m, null);
  return { value: formatMonth(year, m), direction };
}

function year(job: Job): Resolution | null {
  const w = word(job, "year") ?? word(job, "num");
  const y = Number(w?.classes.get("year") ?? w?.num);
  return y >= 1000 && y <= 2199 ? { value: String(y) } : null;
}

function decade(job: Job): Resolution | null {
  const d = classValue(job, "decade", "decade");
  if (!d) return null;
  if (d.length === 3) return { value: d };
  const ref = job.ctx.dct?.year ?? 1999;
  const century = Math.floor(ref / 100);
  const value = century * 100 + Number(d) * 10 <= ref ? century : century - 1;
  return { value: `${value}${d}` };
}

function century(job: Job): Resolution | null {
  const n = Number(classValue(job, "ordinal", "ordinal"));
  return n >= 1 && n <= 30 ? { value: pad2(n - 1) } : null;
}

// TimeBank writes a fiscal year as the plain calendar year it is named by (all 7 of its fiscal years: "fiscal 1989"
// -> 1989, "the current fiscal year" -> 1989), not the guidelines' FY1989; TempEval-3 scores against that practice.
function fiscalYear(job: Job): Resolution | null {
  const y = classValue(job, "year", "year");
  if (y) return { value: y };
  const next = job.ctx.words[job.c.last]?.lower;
  if (next === "ended" || next === "ending" || next === "ends") return { value: "P1Y", type: "DURATION" };
  if (underspecified(job)) return { value: "XXXX" };
  const shift = hasWord(job, "latest") ? -1 : relOf(job) ?? 0;
  return { value: String((job.ctx.dct as CalendarDate).year + shift) };
}

function quarter(job: Job): Resolution | null {
  const unitWord = word(job, "unit");
  if (unitWord && unitWord.classes.get("unit") !== "Q") return null;
  const ordinal = classValue(job, "ordinal", "ordinal");
  const explicitYear = classValue(job, "year", "year");
  const story = storyQuarter(job);
  let q = ordinal === "L" ? 4 : ordinal ? Number(ordinal) : story?.quarter ?? null;
  if (q !== null && (q < 1 || q > 4)) return null;
  if (explicitYear) return q ? { value: quarterValue(Number(explicitYear), q) } : { value: explicitYear };
  if (underspecified(job)) return { value: q ? `XXXX-Q${q}` : "XXXX-QX" };
  const dct = job.ctx.dct as CalendarDate;
  const rel = relOf(job);
  if (q === null) q = previousQuarter(dct).quarter;
  if (rel !== null) return { value: quarterValue(dct.year + rel, q) };
  const current = quarterOf(dct.month);
  const tense = tenseOf(job);
  let y = dct.year;
  if (q > current && tense !== "future") y--;
  else if (q < current && tense === "future" && current - q >= 2) y++;
  return { value: quarterValue(y, q) };
}

function discourseQuarter(job: Job): Resolution | null {
  const story = storyQuarter(job);
  if (!story) return { value: "XXXX-QX" };
  return { value: quarterValue(story.year, story.quarter), anchor: story.anchor };
}

function yearAgo(job: Job): Resolution | null {
  const story = job.discourse.quarter ? storyQuarter(job) : null;
  if (story) return { value: quarterValue(story.year - 1, story.quarter), anchor: story.anchor };
  if (underspecified(job)) return { value: "XXXX" };
  const dct = job.ctx.dct as CalendarDate;
  if (hasWord(job, "quarter") || hasWord(job, "period")) {
    const p = previousQuarter(dct);
    return { value: quarterValue(p.year - 1, p.quarter) };
  }
  return { value: String(dct.year - 1) };
}

function half(job: Job): Resolution | null {
  const h = hasWord(job, "first") ? 1 : 2;
  const y = classValue(job, "year", "year") ?? (job.ctx.dct ? String(job.ctx.dct.year) : "XXXX");
  return { value: `${y}-H${h}` };
}

function weekendOf(date: CalendarDate): string {
  return `${formatWeek(date)}-WE`;
}

function relUnit(job: Job): Resolution | null {
  const rel = relOf(job) ?? 0;
  const unit = classValue(job, "unit", "unit");
  if (!unit) return null;
  if (unit === "Q" && rel === 0) return discourseQuarter(job);
  const direction = rel < 0 ? "past" : rel > 0 ? "future" : null;
  if (underspecified(job)) {
    const x: Readonly<Record<string, string>> = { Y: "XXXX", M: "XXXX-XX", W: "XXXX-WXX", D: "XXXX-XX-XX", WE: "XXXX-WXX-WE", Q: "XXXX-QX", DE: "XXX", CE: "XX" };
    return x[unit] ? { value: x[unit] as string, direction } : null;
  }
  const dct = job.ctx.dct as CalendarDate;
  switch (unit) {
    case "Y":
      // "a 13% increase from last year's $1.55 billion", in a story of the quarter: the year-ago quarter
      if (rel === -1 && job.discourse.quarter && quarterTalk(job) && comparesAmounts(job)) {
        const q = storyQuarter(job) as { year: number; quarter: number; anchor: number | null };
        return { value: quarterValue(q.year - 1, q.quarter), anchor: q.anchor, direction };
      }
      return { value: String(dct.year + rel), direction };
    case "M": {
      const d = addMonths({ ...dct, day: 1 }, rel);
      return { value: formatMonth(d.year, d.month), direction };
    }
    case "W":
      return { value: formatWeek(addDays(dct, 7 * rel)), direction };
    case "WE":
      return { value: weekendOf(addDays(dct, 7 * rel)), direction };
    case "D":
      return { value: formatDate(addDays(dct, rel)), direction };
    case "Q": {
      const index = dct.year * 4 + quarterOf(dct.month) - 1 + rel;
      return { value: quarterValue(Math.floor(index / 4), (index % 4) + 1), direction };
    }
    case "DE":
      return { value: String(Math.floor(dct.year / 10) + rel), direction };
    case "CE":
      return { value: pad2(Math.floor(dct.year / 100) + rel), direction };
    case "H":
    case "MIN":
      return { value: "PRESENT_REF" };
    default:
      return null;
  }
}

function weekday(job: Job): Resolution | null {
  const wd = Number(classValue(job, "weekday", "weekday"));
  if (!wd) return null;
  const pod = podOf(job);
  const type: TimexType = pod ? "TIME" : "DATE";
  if (underspecified(job)) return { value: withPod(`XXXX-WXX-${wd}`, pod), type };
  const dct = job.ctx.dct as CalendarDate;
  const rel = relOf(job);
  let date: CalendarDate;
  let direction: "past" | "future" | null;
  if (rel === -1) {
    date = weekdayOnOrBefore(dct, wd, /*strict=*/ true);
    direction = "past";
  } else if (rel === 1) {
    date = weekdayOnOrAfter(dct, wd, /*strict=*/ true);
    direction = "future";
  } else {
    // "until Tuesday": a deadline lies ahead unless the clause is past; "postponed until Tuesday morning" lies ahead
    // even in a past clause
    const prev = job.ctx.words[job.c.first - 1]?.lower;
    const tense = tenseOf(job);
    const until = prev === "until" || prev === "till";
    const deferred = until && job.ctx.words.slice(Math.max(0, job.c.first - 6), job.c.first - 1).some((w) => w.classes.has("deferral"));
    const future = tense === "future" || deferred || (until && tense !== "past");
    date = future ? weekdayOnOrAfter(dct, wd, /*strict=*/ false) : weekdayOnOrBefore(dct, wd, /*strict=*/ false);
    direction = future ? "future" : "past";
  }
  return { value: withPod(formatDate(date), pod), type, direction };
}

function seasonIndex(year: number, s: Season): number {
  return year * 4 + SEASON_ORDER.indexOf(s);
}

function season(job: Job): Resolution | null {
  const code = classValue(job, "season", "season") as Season | undefined;
  if (!code) return null;
  const y = classValue(job, "year", "year");
  if (y) return { value: `${y}-${code}` };
  if (underspecified(job)) return { value: `XXXX-${code}` };
  const dct = job.ctx.dct as CalendarDate;
  const now = seasonOf(dct);
  const current = seasonIndex(now.year, now.season);
  const target = SEASON_ORDER.indexOf(code);
  const rel = relOf(job) ?? 0;
  // "last spring" said in October is last year's spring (TimeBank: 1988-SP in a 1989 story), unless it is the
  // season just past ("last winter" in March)
  let k: number;
  // "this past spring" said in October is this year's: the latest such season before the article's
  if (rel < 0 && hasWord(job, "this")) k = seasonIndex(dct.year, code) < current ? seasonIndex(dct.year, code) : seasonIndex(dct.year - 1, code);
  else if (rel < 0) k = (current - 1) % 4 === target ? current - 1 : seasonIndex(dct.year - 1, code);
  else if (rel > 0) k = (current + 1) % 4 === target ? current + 1 : seasonIndex(dct.year + 1, code);
  else k = now.season === code ? current : seasonIndex(dct.year, code);
  return { value: `${Math.floor(k / 4)}-${code}`, direction: rel < 0 ? "past" : rel > 0 ? "future" : null };
}

function pod(job: Job): Resolution | null {
  const p = podOf(job) ?? literalPod(job);
  if (!p) return null;
  const lastNight = hasWord(job, "last");
  const base = job.c.pattern.id === "rel-pod" ? (job.ctx.dct ? { date: job.ctx.dct, anchor: null } : null) : lastDay(job);
  if (!base) return { value: `XXXX-XX-XXT${p}`, type: "TIME" };
  const date = lastNight ? addDays(base.date, -1) : base.date;
  return { value: `${formatDate(date)}T${p}`, type: "TIME", anchor: base.anchor };
}

function dayref(job: Job): Resolution | null {
  const ref = classValue(job, "dayref", "dayref");
  if (ref === undefined) return null;
  const offset = Number.parseInt(ref, 10);
  const pod = podOf(job) ?? (ref.endsWith("NI") ? "NI" : null);
  const type: TimexType = pod ? "TIME" : "DATE";
  const vague = offset === 0 ? "PRESENT_REF" : offset < 0 ? "PAST_REF" : "FUTURE_REF";
  if (underspecified(job) || (!pod && genericDay(job))) return { value: vague, type: pod ? type : "DATE" };
  return { value: withPod(formatDate(addDays(job.ctx.dct as CalendarDate, offset)), pod), type };
}

/** "today's world", "the leaders of tomorrow": the time in general, not the day (TimeML: PRESENT_REF, FUTURE_REF). */
function genericDay(job: Job): boolean {
  const words = job.ctx.words;
  const sentence = words[job.c.first]?.sentence;
  const next = words[job.c.last];
  if (next?.lower === "'s" && words[job.c.last + 1]?.classes.has("generic") && words[job.c.last + 1]?.sentence === sentence) return true;
  // "the people of tomorrow," "the challenges of today." at the end of a clause
  const prev = words[job.c.first - 1];
  const word = words[job.c.first]?.lower;
  return prev?.lower === "of" && word !== "yesterday" && (!next || next.sentence !== sentence || /^[,.;:!?)]$/.test(next.lower)) && words[job.c.first - 2]?.classes.has("generic") === true;
}

function weekdaySet(job: Job): Resolution | null {
  const wd = classValue(job, "weekday", "weekday") ?? classValue(job, "weekdays", "weekdays");
  if (!wd) return null;
  return { value: withPod(`XXXX-WXX-${wd}`, podOf(job)), type: "SET" };
}

function monthSet(job: Job): Resolution | null {
  const m = Number(classValue(job, "month", "month"));
  return m ? { value: `XXXX-${pad2(m)}`, type: "SET" } : null;
}

function everyUnit(job: Job): Resolution | null {
  const unit = classValue(job, "unit", "unit") ?? classValue(job, "units", "units");
  if (!unit) return null;
  const n = numberOf(word(job, "num")) ?? 1;
  return { value: durationValue(hasWord(job, "other") ? 2 * n : n, unit), type: "SET" };
}

function setAdverb(job: Job): Resolution | null {
  const v = classValue(job, "setadv", "setadv");
  return v ? { value: v, type: "SET" } : null;
}

function weekend(job: Job): Resolution | null {
  if (underspecified(job)) return { value: "XXXX-WXX-WE" };
  const dct = job.ctx.dct as CalendarDate;
  const wd = weekdayOf(dct);
  const words = matchWords(job).map((w) => w.lower);
  // "the weekend" in a Monday story is the one just past; from Friday on, this one. "this weekend" early in the week
  // is still the last one ("this past weekend"), later it is the coming one.
  let offset = wd <= 4 ? -7 : 0;
  if (words.includes("last")) offset = -7;
  if (words.includes("next")) offset = 7;
  if (words.includes("this")) offset = wd <= 2 ? -7 : 0;
  return { value: weekendOf(addDays(dct, offset)) };
}

function anchored(job: Job): Resolution | null {
  const words = matchWords(job).map((w) => w.lower);
  const id = job.c.pattern.id;
  const p = podOf(job) ?? literalPod(job);
  const base = lastDay(job);
  if (id === "day-before" && (words.includes("yesterday") || words.includes("tomorrow"))) {
    if (!job.ctx.dct) return { value: "XXXX-XX-XX" };
    const off = (words.includes("yesterday") ? -1 : 1) + (words.includes("before") ? -1 : 1);
    return { value: formatDate(addDays(job.ctx.dct, off)) };
  }
  if (!base) return { value: "XXXX-XX-XX" };
  // "Eight trading days after Oct. 12, the day before the stock market plunge": an apposition names the same day again
  const comma = job.ctx.words[job.c.first - 1];
  const day = job.discourse.day;
  if (id === "day-before" && comma?.lower === "," && day && job.ctx.words[job.c.first - 2]?.end === day.end) return { value: formatDate(day.date), anchor: day.index };
  let shift = 0;
  if (words.includes("next") || words.includes("following") || words.includes("after")) shift = 1;
  if (words.includes("previous") || words.includes("preceding") || words.includes("prior") || words.includes("before")) shift = -1;
  const unitWord = word(job, "unit");
  const unit = unitWord?.classes.get("unit") ?? (words.includes("year") ? "Y" : words.includes("month") ? "M" : words.includes("week") ? "W" : words.includes("quarter") ? "Q" : "D");
  if (unit === "Q") return storyQuarter(job) ? discourseQuarter(job) : { value: "XXXX-QX" };
  const wd = classValue(job, "weekday", "weekday") ?? unitWord?.classes.get("weekday");
  if (wd) {
    const date = shift < 0 ? weekdayOnOrBefore(base.date, Number(wd), true) : shift > 0 ? weekdayOnOrAfter(base.date, Number(wd), true) : base.date;
    return { value: formatDate(date), anchor: base.anchor };
  }
  switch (unit) {
    case "Y": {
      const y = job.discourse.year ?? (job.ctx.dct ? { year: job.ctx.dct.year, index: null } : null);
      return y ? { value: String(y.year + shift), anchor: y.index } : { value: "XXXX" };
    }
    case "M": {
      const m = job.discourse.month ?? (job.ctx.dct ? { year: job.ctx.dct.year, month: job.ctx.dct.month, index: null } : null);
      if (!m) return { value: "XXXX-XX" };
      const d = addMonths({ year: m.year, month: m.month, day: 1 }, shift);
      return { value: formatMonth(d.year, d.month), anchor: m.index };
    }
    case "W":
      return { value: formatWeek(addDays(base.date, 7 * shift)), anchor: base.anchor };
    default: {
      const date = formatDate(addDays(base.date, shift));
      return p ? { value: `${date}T${p}`, type: "TIME", anchor: base.anchor } : { value: date, anchor: base.anchor };
    }
  }
}

function yearEnd(job: Job): Resolution | null {
  if (!job.ctx.dct) return { value: "XXXX-12-31" };
  const prev = job.ctx.words[job.c.first - 1]?.lower;
  // "by year-end", "until year end" set a deadline ahead even in a reported clause: "said it expects to complete the
  // transaction by year-end" (Nov. 1989) -> 1989-12-31
  const deadline = prev === "by" || prev === "until" || prev === "before";
  const back = prev === "since" || (tenseOf(job) === "past" && !deadline);
  return { value: `${job.ctx.dct.year - (back ? 1 : 0)}-12-31` };
}

function theUnit(job: Job): Resolution | null {
  const unit = matchWords(job).at(-1)?.lower;
  const next = job.ctx.words[job.c.last]?.lower;
  if (next === "ended" || next === "ending" || next === "ends" || next === "to") {
    return { value: unit === "year" ? "P1Y" : unit === "month" ? "P1M" : "P1W", type: "DURATION" };
  }
  if (!job.ctx.dct) return { value: unit === "year" ? "XXXX" : unit === "month" ? "XXXX-XX" : "XXXX-WXX" };
  const dct = job.ctx.dct;
  if (unit === "year") return { value: String(dct.year) };
  if (unit === "month") return { value: formatMonth(dct.year, dct.month) };
  return { value: formatWeek(dct) };
}

function duration(job: Job): Resolution | null {
  const unitWord = word(job, "unit") ?? word(job, "units");
  // a unit written as a literal word of the pattern ("over the years", "the weeks ahead") is not captured
  const unit = unitWord?.classes.get("unit") ?? unitWord?.classes.get("units") ?? matchWords(job).map((w) => w.classes.get("units")).findLast((v) => v !== undefined);
  if (!unit) return null;
  const fuzzy = word(job, "fuzzy");
  let n: number | null;
  if (fuzzy) n = fuzzy.classes.get("fuzzy") === "X" ? null : Number(fuzzy.classes.get("fuzzy"));
  else if (job.c.pattern.id === "unit-long") n = unitWord?.classes.has("unit") ? 1 : null;
  else if (job.c.pattern.id === "recent-units" || job.c.pattern.id === "past-units" || job.c.pattern.id === "bare-units" || job.c.pattern.id === "the-units") n = null;
  else n = numberOf(word(job, "low") ?? word(job, "num") ?? word(job, "article"));
  if (n !== null) {
    const frac = word(job, "fraction")?.num;
    if (frac) n += frac;
    if (job.c.pattern.id === "duration-half") n += 0.5;
    if (n <= 0) return null;
  }
  if (job.c.direction === null) return { value: durationValue(n, unit), type: "DURATION" };
  return pointFromDuration(job, n, unit);
}

/** "from last year's $1.55 billion", "compared with earnings of $33 million last year": a figure set against last year's. */
function comparesAmounts(job: Job): boolean {
  const words = job.ctx.words;
  const sentence = words[job.c.first]?.sentence;
  if (words[job.c.last]?.lower === "'s" && words[job.c.last + 1]?.lower === "$") return true;
  for (let i = job.c.first - 1; i >= Math.max(0, job.c.first - 8); i--) {
    const w = words[i] as TimeWord;
    if (w.sentence !== sentence) break;
    if (w.lower === "compared" || w.lower === "from") return words.slice(i, job.c.first).some((x) => x.lower === "$" || x.lower === "million" || x.lower === "billion");
  }
  return false;
}

/**
 * Whether "a year ago" here compares quarters: the story named its quarter a few sentences back at most, and this
 * sentence does not compare months or a full year ("in the first nine months, compared with 40% a year earlier" is
 * 1988, not 1988-Q3).
 */
function quarterTalk(job: Job): boolean {
  const q = job.discourse.quarter;
  const sentence = job.ctx.words[job.c.first]?.sentence ?? 0;
  if (!q || sentence - q.sentence > 6) return false;
  for (let i = job.c.first - 1; i >= 0; i--) {
    const w = job.ctx.words[i] as TimeWord;
    if (w.sentence !== sentence) break;
    if (w.lower === "months" || w.lower === "annual" || (w.lower === "year" && /^(full|fiscal)$/.test(job.ctx.words[i - 1]?.lower ?? ""))) return false;
  }
  return true;
}

/** "two years ago", "three days later", "a year earlier": a date counted from the article's or the last one's. */
function pointFromDuration(job: Job, n: number | null, unit: string): Resolution {
  const sign = job.c.direction as number;
  const fromArticle = job.c.agoWord === "ago";
  if (n === null) return { value: sign < 0 ? "PAST_REF" : "FUTURE_REF", type: "DATE" };
  // In earnings stories "a year ago" is the year-ago quarter: "$1.12 a share, a year ago".
  if (unit === "Y" && n === 1 && job.discourse.quarter && quarterTalk(job)) {
    const q = storyQuarter(job) as { year: number; quarter: number; anchor: number | null };
    return { value: quarterValue(q.year - 1, q.quarter), type: "DATE", anchor: q.anchor };
  }
  // "a minute and a half later", "just over an hour later": a shift within a day names no other date; the length of
  // time is what the text gives (TimeBank marks it so)
  if (!fromArticle && TIME_UNITS.has(unit)) return { value: durationValue(n, unit), type: "DURATION" };
  const base = fromArticle ? (job.ctx.dct ? { date: job.ctx.dct, anchor: null } : null) : lastDay(job);
  if (!base) return { value: sign < 0 ? "PAST_REF" : "FUTURE_REF", type: "DATE" };
  const k = sign * n;
  const whole = Number.isInteger(k);
  const date = base.date;
  const anchor = base.anchor;
  switch (unit) {
    case "D":
      return { value: whole ? formatDate(addDays(date, k)) : formatDate(date), type: "DATE", anchor };
    case "W":
    case "WE":
    case "FN":
      return { value: formatWeek(addDays(date, 7 * k * (unit === "FN" ? 2 : 1))), type: "DATE", anchor };
    case "M": {
      const d = addMonths({ ...date, day: 1 }, Math.round(k));
      return { value: formatMonth(d.year, d.month), type: "DATE", anchor };
    }
    case "Q": {
      const d = addMonths({ ...date, day: 1 }, Math.round(3 * k));
      return { value: quarterValue(d.year, quarterOf(d.month)), type: "DATE", anchor };
    }
    case "Y":
      return { value: String(date.year + Math.round(k)), type: "DATE", anchor };
    case "DE":
      return { value: String(Math.floor((date.year + 10 * k) / 10)), type: "DATE", anchor };
    case "CE":
      return { value: pad2(Math.floor((date.year + 100 * k) / 100)), type: "DATE", anchor };
    default:
      return { value: formatDate(date), type: "DATE", anchor };
  }
}

function clock(job: Job): Resolution | null {
  let time = classValue(job, "clocknum", "clocknum") ?? classValue(job, "clock", "clock");
  if (!time) return null;
  let [h, m] = time.split(":").map(Number) as [number, number];
  // "4 in the morning", "11 at night": the part of the day says a.m. or p.m.
  const dayPart = literalPod(job);
  const ampm = classValue(job, "ampm", "ampm") ?? (dayPart === "MO" ? "AM" : dayPart ? "PM" : undefined);
  if (ampm) {
    if (h < 1 || h > 12) return null;
    if (ampm === "PM" && h < 12) h += 12;
    if (ampm === "AM" && h === 12) h = 0;
  }
  time = `${pad2(h)}:${pad2(m)}`;
  let date: string | null = null;
  let anchor: number | null = null;
  if (job.c.day) {
    // the day is read with the words before the whole expression: "until 9 a.m. Tuesday" is a deadline like "until Tuesday"
    const dayJob: Job = { ...job, c: { ...job.c.day, first: Math.min(job.c.first, job.c.day.first) } };
    const normaliser = NORMALISERS[job.c.day.pattern.normaliser];
    const r = normaliser?.(dayJob);
    if (r) date = r.value.replace(/T.*$/, "");
  }
  if (!date) {
    const d = job.discourse.day;
    const sentence = job.ctx.words[job.c.first]?.sentence;
    // a clock time on its own belongs to the day the text is telling about: "was shot to death at 10 p.m."
    if (d && (d.sentence === sentence || tenseOf(job) === "past")) {
      date = formatDate(d.date);
      anchor = d.index;
    } else if (job.ctx.dct) date = formatDate(job.ctx.dct);
    else date = "XXXX-XX-XX";
  }
  return { value: `${date}T${time}`, type: "TIME", anchor };
}

/** "was soon released", "soon became", "and soon she was put in the helicopter": a past verb right by "soon". */
function soonAfterPastEvent(job: Job): boolean {
  const words = job.ctx.words;
  if (tenseMarkAt(words, job.c.first - 1) === "past") return true;
  const sentence = words[job.c.first]?.sentence;
  for (let k = job.c.last; k < Math.min(words.length, job.c.last + 3); k++) {
    if (words[k]?.sentence !== sentence) break;
    const tense = tenseMarkAt(words, k);
    if (tense === "past") return true;
    // "could soon be closing": a modal looks ahead (tense.tsv marks "will" only)
    if (tense === "future" || /^(would|could|can|may|might)$/.test(words[k]?.lower ?? "")) return false;
  }
  return false;
}

function vague(job: Job): Resolution | null {
  for (const w of matchWords(job)) {
    const v = w.classes.get("vague");
    // "He was soon released": in a past clause "soon" is "shortly after" an event told, not a time after the article's
    if (v === "FUTURE_REF" && w.lower === "soon" && soonAfterPastEvent(job)) return null;
    if (v) return { value: v };
  }
  return null;
}

function holiday(job: Job): Resolution | null {
  const rule = matchWords(job)[0]?.classes.get("holiday");
  if (!rule) return null;
  const on = (y: number): CalendarDate | null => {
    let m: RegExpExecArray | null;
    if ((m = /^(\d\d)-(\d\d)$/.exec(rule))) return { year: y, month: Number(m[1]), day: Number(m[2]) };
    if ((m = /^nth:(L|\d):(\d):(\d+)$/.exec(rule))) return nthWeekdayOfMonth(y, Number(m[3]), m[1] === "L" ? -1 : Number(m[1]), Number(m[2]));
    if (rule === "election") return addDays(nthWeekdayOfMonth(y, 11, 1, 1), 1);
    if ((m = /^easter(?::(-?\d+))?$/.exec(rule))) return addDays(easterSunday(y), Number(m[1] ?? 0));
    return null;
  };
  const explicit = classValue(job, "year", "year");
  if (explicit) {
    const d = on(Number(explicit));
    return d ? { value: formatDate(d) } : null;
  }
  if (!job.ctx.dct) return null;
  const dct = job.ctx.dct;
  let d = on(dct.year);
  if (!d) return null;
  const tense = tenseOf(job);
  const delta = daysBetween(dct, d);
  if ((tense === "past" && delta > 31) || (tense !== "future" && delta > 183)) d = on(dct.year - 1);
  else if ((tense === "future" && delta < -31) || (tense !== "past" && delta < -183)) d = on(dct.year + 1);
  return d ? { value: formatDate(d) } : null;
}

/** "Easter week": the ISO week the holiday falls in. */
function holidayWeek(job: Job): Resolution | null {
  const date = parseIsoDate(holiday(job)?.value);
  return date ? { value: formatWeek(date) } : null;
}

function isoDate(job: Job): Resolution | null {
  const w = matchWords(job);
  const y = Number(w[0]?.lower);
  const m = Number(w[1]?.lower);
  const d = Number(w[2]?.lower);
  return isValidDate(y, m, d) && (w[1]?.lower.length ?? 0) === 2 && (w[2]?.lower.length ?? 0) === 2 ? { value: formatDate({ year: y, month: m, day: d }) } : null;
}

/** "the week of March 6": the ISO week of that day. */
function weekOf(job: Job): Resolution | null {
  const day = monthDay(job);
  const date = parseIsoDate(day?.value);
  if (!date) return day ? { value: day.value.replace(/-\d\d$/, "-WXX") } : null;
  return { value: formatWeek(date), direction: day?.direction ?? null };
}

/** "the day before last Tuesday", "the day after Friday": a day beside the weekday it names. */
function dayBesideWeekday(job: Job): Resolution | null {
  const day = weekday(job);
  const date = parseIsoDate(day?.value);
  if (!date) return day ? { value: "XXXX-XX-XX" } : null;
  const shift = hasWord(job, "before") ? -1 : 1;
  return { value: formatDate(addDays(date, shift)), type: "DATE", direction: day?.direction ?? null };
}

/** "mid-afternoon yesterday", "late morning Thursday": the part of a day named after it. */
function podDay(job: Job): Resolution | null {
  const day = word(job, "dayref") ? dayref(job) : weekday(job);
  const p = podOf(job);
  if (!day || !p) return day;
  return { ...day, value: withPod(day.value.replace(/T.*$/, ""), p), type: "TIME" };
}

const NORMALISERS: Readonly<Record<string, Normaliser>> = {
  podDay,
  holidayWeek,
  weekOf,
  dayBesideWeekday,
  isoDate,
  monthDay,
  monthYear,
  monthRelYear,
  month,
  year,
  decade,
  century,
  fiscalYear,
  quarter,
  discourseQuarter,
  yearAgo,
  half,
  relUnit,
  weekday,
  season,
  pod,
  dayref,
  weekdaySet,
  monthSet,
  everyUnit,
  setAdverb,
  weekend,
  anchored,
  yearEnd,
  theUnit,
  duration,
  clock,
  vague,
  holiday,
};

/** The normalisers patterns.tsv may name (a test checks every row names one). */
export const NORMALISER_NAMES: readonly string[] = Object.keys(NORMALISERS);

// ---------------------------------------------------------------------------------------------------------------
// discourse

const QUARTER_PATTERNS = new Set(["ordinal-quarter", "year-ordinal-quarter", "rel-year-quarter"]);

function remember(discourse: Discourse, value: string, index: number, sentence: number, end: number, explicitQuarter: boolean, past: boolean): void {
  let m: RegExpExecArray | null;
  const date = parseIsoDate(value);
  if (date) {
    discourse.day = { date, index, sentence, end };
    discourse.month = { year: date.year, month: date.month, index };
    discourse.year = { year: date.year, index };
  } else if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    discourse.month = { year: Number(m[1]), month: Number(m[2]), index };
    discourse.year = { year: Number(m[1]), index };
  } else if ((m = /^(\d{4})-Q(\d)$/.exec(value))) {
    // only a quarter the text names ("the third quarter") becomes the story's quarter, not "a year ago" (1988-Q3);
    // nor does the same quarter a year before, which is the comparison: "the fiscal first quarter ... up from $388.5
    // million in the 1988 period. ... Sun shipped in the quarter" is still 1989-Q1
    const q = { year: Number(m[1]), quarter: Number(m[2]) };
    const yearBefore = discourse.quarter !== null && discourse.quarter.quarter === q.quarter && discourse.quarter.year === q.year + 1;
    // nor does an earlier quarter told in passing: "third-quarter net rose ... After a flat second quarter, ..." still
    // reports on the third quarter ("the year-earlier period" is 1988-Q3)
    const earlier = discourse.quarter !== null && q.year * 4 + q.quarter < discourse.quarter.year * 4 + discourse.quarter.quarter;
    if (explicitQuarter && !yearBefore && !earlier) discourse.quarter = { ...q, index, sentence, reported: past };
    // "the latest quarter", "in the quarter" speak of the story's quarter again: "a year ago" just after it compares
    // quarters however far the story's first mention lies ("... in the quarter compared with $361.8 million a year ago")
    else if (discourse.quarter && discourse.quarter.year === q.year && discourse.quarter.quarter === q.quarter) discourse.quarter = { ...discourse.quarter, sentence };
    discourse.year = { year: Number(m[1]), index };
  } else if ((m = /^(\d{4})$/.exec(value))) {
    discourse.year = { year: Number(m[1]), index };
  }
}

/** The dateline's day, when it is a full date a few days before the article's (a story filed the day before). */
function datelineDay(value: string, dct: CalendarDate): CalendarDate | null {
  const day = value.includes("T") ? null : parseIsoDate(value);
  if (!day) return null;
  const before = daysBetween(day, dct);
  return before >= 1 && before <= 3 ? day : null;
}

/** Resolves candidates in text order into timexes; a candidate whose normaliser finds no value is dropped. */
export function resolveTimexes(candidates: readonly TimexCandidate[], articleContext: ResolveContext, text: string): Timex[] {
  const discourse: Discourse = { day: null, month: null, year: null, quarter: null };
  const out: Timex[] = [];
  let ctx = articleContext;
  for (const c of candidates) {
    let tense: Tense | undefined;
    const job: Job = {
      c,
      ctx,
      discourse,
      tense: () => (tense === undefined ? (tense = clauseTense(ctx.words, c.first, c.last)) : tense),
    };
    const name = c.pattern.normaliser;
    const r = name.startsWith("=") ? { value: name.slice(1) } : NORMALISERS[name]?.(job) ?? null;
    if (!r) continue;
    const type = r.type ?? c.pattern.type;
    const index = out.length;
    out.push({
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      type,
      value: r.value,
      anchor: r.anchor ?? null,
      direction: r.direction ?? null,
      provenance: { stage: "timexes", rule: c.pattern.id },
    });
    // "the latest period" before any named quarter names the story's quarter too (the last one finished), so that
    // "the 1988 period" after it is the comparison, not the story's quarter
    // "WASHINGTON, August 13 (Xinhua) -- President Clinton Thursday ...", in a story dated August 14: the dateline
    // gives the day the story was written, and its "Thursday" and "yesterday" count from that day
    const filed = ctx.dct && inDateline(job) ? datelineDay(r.value, ctx.dct) : null;
    if (filed) ctx = { ...ctx, dct: filed };
    const namesQuarter = QUARTER_PATTERNS.has(c.pattern.id) || (c.pattern.id === "the-quarter" && discourse.quarter === null);
    if (type === "DATE" || type === "TIME") remember(discourse, r.value, index, ctx.words[c.first]?.sentence ?? -1, c.end, namesQuarter, namesQuarter && job.tense() === "past");
  }
  return out;
}


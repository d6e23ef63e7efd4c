// Where the dates stage and a TIMEX3 gold file disagree, sorted into kinds, so that a value error can be told from a
// difference of notation or of granularity. Scored as ../shared/eval/score.mjs scores (TE3: relaxed span match, then
// the value compared as a string); reads the gold files from ../shared (never copied into the repository).
//
//   npm run build && node scripts/timex-errors.mjs                 # TimeBank + AQUAINT, the summary
//   node scripts/timex-errors.mjs --list                           # and every error with its context
//   node scripts/timex-errors.mjs --gold path/to/file.gold.jsonl   # any gold file in the annotation format
//
// Kinds of wrong value (the first that applies):
//   notation      the same time written two ways: 2000-W7 / 2000-W07, T17 / T17:00, PT24H / P1D, P9M / P3Q, 198X / 198
//   gold vaguer   the gold leaves out what the prediction gives, and agrees on the rest: 1989-WXX / 1989-W43, 1949-XX / 1949
//   coarser/finer one value lies inside the other: 1988 / 1988-Q3, 2000-01-05 / 2000-01-05TNI, 1998-10 / 1998-W42
//   date/duration one is a point in time, the other a length of time: P1W / 1998-W33, 1994 / P5Y
//   other time    two times that do not overlap: 1990-08-07 / 1990-08-14 (a weekday a week off)
//   other         the rest (PAST_REF / PXY, a SET against a date ...)
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.NEWSGRAPH_SHARED || join(root, "..", "shared");
const args = process.argv.slice(2);
const list = args.includes("--list");
const goldAt = args.indexOf("--gold");
const goldFiles = goldAt >= 0 ? [args[goldAt + 1]] : ["data/timex/timebank.gold.jsonl", "data/timex/aquaint.gold.jsonl"].map((f) => join(shared, f));

const testing = join(root, "dist", "time", "testing.js");
if (!existsSync(testing)) {
  console.error("timex-errors: dist/ is missing; run `npm run build` first");
  process.exit(2);
}
const { timeDoc } = await import(testing);
const { isoWeekStart } = await import(join(root, "dist", "time", "calendar.js"));

// ---------------------------------------------------------------------------------------------------------------
// values as intervals of days (a time of day is kept inside its day)

const DAY = 86_400_000;
const dayNumber = (y, m, d) => Date.UTC(y, m - 1, d) / DAY;
const SEASONS = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };

/** [first day, last day] of a fully specified point value, or null. */
function interval(value) {
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value))) {
    const d = dayNumber(+m[1], +m[2], +m[3]);
    return [d, d];
  }
  if ((m = /^(\d{4})-W(\d{1,2})(-WE)?$/.exec(value))) {
    const s = isoWeekStart(+m[1], +m[2]).getTime() / DAY;
    return m[3] ? [s + 5, s + 6] : [s, s + 6];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return [dayNumber(+m[1], +m[2], 1), dayNumber(+m[1], +m[2] + 1, 0)];
  if ((m = /^(\d{4})-Q(\d)$/.exec(value))) return [dayNumber(+m[1], 3 * +m[2] - 2, 1), dayNumber(+m[1], 3 * +m[2] + 1, 0)];
  if ((m = /^(\d{4})-H(\d)$/.exec(value))) return [dayNumber(+m[1], 6 * +m[2] - 5, 1), dayNumber(+m[1], 6 * +m[2] + 1, 0)];
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const [a, b] = SEASONS[m[2]];
    return [dayNumber(+m[1], a, 1), dayNumber(+m[1], b + 1, 0)];
  }
  if ((m = /^(\d{4})$/.exec(value))) return [dayNumber(+m[1], 1, 1), dayNumber(+m[1], 12, 31)];
  if ((m = /^(\d{3})X?$/.exec(value))) return [dayNumber(+m[1] * 10, 1, 1), dayNumber(+m[1] * 10 + 9, 12, 31)];
  if ((m = /^(\d{2})(XX)?$/.exec(value))) return [dayNumber(+m[1] * 100, 1, 1), dayNumber(+m[1] * 100 + 99, 12, 31)];
  return null;
}

/** A duration in days, roughly (months of 30 days), for telling notations apart: P1D = PT24H, P9M = P3Q. */
function durationDays(value) {
  const m = /^P(?:(\d+(?:\.\d+)?)(Y|M|W|D|Q|DE|CE|L|E|C))?(?:T(\d+(?:\.\d+)?)(H|M|S))?$/.exec(value);
  if (!m || (!m[1] && !m[3])) return null;
  const dateUnits = { Y: 365, M: 30, W: 7, D: 1, Q: 91, DE: 3650, E: 3650, CE: 36500, C: 36500, L: 365000 };
  const timeUnits = { H: 1 / 24, M: 1 / 1440, S: 1 / 86400 };
  return (m[1] ? +m[1] * dateUnits[m[2]] : 0) + (m[3] ? +m[3] * timeUnits[m[4]] : 0);
}

const isDuration = (v) => /^P/.test(v);
const isPoint = (v) => /^\d/.test(v);

/** "2000-W7" -> "2000-W07", "T17" -> "T17:00", "T24:00" -> "T24:00", "198X" -> "198". */
function canonical(v) {
  return v
    .replace(/-W(\d)(?!\d)/, "-W0$1")
    .replace(/T(\d{2})$/, "T$1:00")
    .replace(/^(\d{3})X$/, "$1")
    .replace(/^(\d{2})XX$/, "$1");
}

/** The gold leaves X where the prediction has digits, and the digits they share agree: 1989-WXX / 1989-W43. */
function goldVaguer(gold, pred) {
  const g = gold.replace(/-XX(-XX)?$/, "");
  if (g !== gold && pred.startsWith(g)) return true; // 1949-XX / 1949, 1998-10-XX / 1998-10
  if (!gold.includes("X") || gold.length !== pred.length) return false;
  for (let i = 0; i < gold.length; i++) if (gold[i] !== "X" && gold[i] !== pred[i]) return false;
  return true;
}

function kindOf(gold, pred) {
  if (canonical(gold) === canonical(pred)) return "notation";
  if (isDuration(gold) && isDuration(pred)) {
    const a = durationDays(gold);
    const b = durationDays(pred);
    if (a !== null && b !== null && Math.abs(a - b) <= 0.02 * Math.max(a, b)) return "notation";
    return "other";
  }
  if (goldVaguer(gold, pred)) return "gold vaguer";
  if ((isDuration(gold) && isPoint(pred)) || (isPoint(gold) && isDuration(pred))) return "date/duration";
  const a = interval(canonical(gold));
  const b = interval(canonical(pred));
  if (a && b) {
    if ((a[0] <= b[0] && b[1] <= a[1]) || (b[0] <= a[0] && a[1] <= b[1])) return "coarser/finer";
    return "other time";
  }
  return "other";
}

// ---------------------------------------------------------------------------------------------------------------
// score as score.mjs does, keeping the errors

const totals = { gold: 0, pred: 0, relaxed: 0, value: 0 };
const errors = [];
for (const file of goldFiles) {
  if (!existsSync(file)) {
    console.log(`(skipped: ${file} is not here)`);
    continue;
  }
  const lines = readFileSync(file, "utf8").trim().split("\n");
  for (const line of lines) {
    const g = JSON.parse(line);
    if (!g.timexes) continue;
    const predicted = (timeDoc(g.text, g.date ?? null).layers.timexes ?? []).map((t) => ({ ...t, used: false }));
    totals.gold += g.timexes.length;
    totals.pred += predicted.length;
    const context = (s, e) => `${g.text.slice(Math.max(0, s - 50), s)}[${g.text.slice(s, e)}]${g.text.slice(e, e + 30)}`.replace(/\s+/g, " ");
    for (const t of g.timexes) {
      const exact = predicted.find((q) => !q.used && q.start === t.start && q.end === t.end);
      const m = exact ?? predicted.find((q) => !q.used && Math.min(q.end, t.end) > Math.max(q.start, t.start));
      if (!m) {
        errors.push({ kind: "missed", rule: "-", gold: t.value, pred: "", date: g.date, context: context(t.start, t.end) });
        continue;
      }
      m.used = true;
      totals.relaxed++;
      if (String(m.value) === String(t.value)) totals.value++;
      else errors.push({ kind: kindOf(String(t.value), String(m.value)), rule: m.provenance.rule, gold: t.value, pred: m.value, date: g.date, context: context(t.start, t.end) });
    }
    for (const q of predicted) if (!q.used) errors.push({ kind: "false alarm", rule: q.provenance.rule, gold: "", pred: q.value, date: g.date, context: context(q.start, q.end) });
  }
}

const f1 = (tp) => (totals.gold + totals.pred ? (2 * tp) / (totals.gold + totals.pred) : 0);
console.log(`gold ${totals.gold}, predicted ${totals.pred}, relaxed match ${totals.relaxed} (F1 ${f1(totals.relaxed).toFixed(3)}), value match ${totals.value} (F1 ${f1(totals.value).toFixed(3)})`);
const KINDS = ["notation", "gold vaguer", "coarser/finer", "date/duration", "other time", "other", "missed", "false alarm"];
const byKind = new Map(KINDS.map((k) => [k, errors.filter((e) => e.kind === k)]));
console.log("\nkind            count  top rules");
for (const [kind, rows] of byKind) {
  const rules = new Map();
  for (const r of rows) rules.set(r.rule, (rules.get(r.rule) ?? 0) + 1);
  const top = [...rules].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([r, n]) => `${r} ${n}`).join(", ");
  console.log(`${kind.padEnd(15)} ${String(rows.length).padStart(5)}  ${kind === "missed" ? "" : top}`);
}
const wrong = errors.filter((e) => e.kind !== "missed" && e.kind !== "false alarm").length;
const sameTime = ["notation", "gold vaguer", "coarser/finer"].reduce((n, k) => n + byKind.get(k).length, 0);
console.log(`\nwrong values ${wrong}: ${sameTime} name the same time as the gold in another notation or granularity`);
if (list) {
  for (const kind of KINDS) {
    const rows = byKind.get(kind);
    if (!rows.length) continue;
    console.log(`\n## ${kind} (${rows.length})`);
    for (const r of rows) console.log(`${r.date}  gold ${String(r.gold || "-").padEnd(14)} ours ${String(r.pred || "-").padEnd(16)} ${r.rule.padEnd(18)} ${r.context}`);
  }
}

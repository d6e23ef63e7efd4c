// Publication dates as containers write them ("2025-03-14T20:30:26Z", "2025/03/14", "March 14, 2025",
// "Fri, 14 Mar 2025 20:30:26 GMT") -> YYYY-MM-DD, or null when the text is not a real calendar date.
// Shared by the HTML reader and the JSON Lines reader.


/**
 * YYYY-MM-DD from a metadata date, as the page states it: "2019-11-19T08:03:00-05:00" is 2019-11-19, the
 * publisher's own day, not the UTC one. Compact ("20191119") and slashed ("2019/11/19") forms are read too; other
 * forms ("Tue, 19 Nov 2019 13:03:00 GMT", "November 19, 2019") go through Date.parse. Null when nothing valid.
 */
export function normaliseDate(value: string): string | null {
  const text = value.trim();
  const numeric = /^(\d{4})(?:-(\d{1,2})-(\d{1,2})|\/(\d{1,2})\/(\d{1,2})|(\d{2})(\d{2}))(?!\d)/.exec(text);
  if (numeric) {
    const [, year, ...rest] = numeric;
    const [month, day] = rest.filter((part): part is string => part !== undefined);
    return validDate(Number(year), Number(month), Number(day));
  }
  // Only a date written with a month name reaches Date.parse: it reads a bare "2019" as 1 January.
  if (!/[a-z]{3}/i.test(text)) return null;
  const time = Date.parse(text);
  if (!Number.isFinite(time)) return null;
  const parsed = new Date(time);
  // With a zone ("GMT", "+0100") the instant is known and its UTC day is the closest to the page's; without one,
  // Date.parse reads the text in the local zone, so the local fields give back the day as written.
  return /(?:\b(?:GMT|UTC|Z)|[+-]\d{2}:?\d{2})\s*$/i.test(text)
    ? validDate(parsed.getUTCFullYear(), parsed.getUTCMonth() + 1, parsed.getUTCDate())
    : validDate(parsed.getFullYear(), parsed.getMonth() + 1, parsed.getDate());
}

function validDate(year: number, month: number, day: number): string | null {
  if (!(year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1)) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return null; // "2019-02-30"
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

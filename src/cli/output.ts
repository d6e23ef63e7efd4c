// Data output for every command that prints records: table (for people), json (one
// array), jsonl (one record per line, streamable), csv (RFC 4180).
import type { Writable } from "node:stream";

export const OUTPUT_FORMATS = ["table", "json", "jsonl", "csv"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export type Row = Readonly<Record<string, unknown>>;

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function csvField(value: unknown): string {
  const text = cell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatRows(rows: readonly Row[], format: OutputFormat, columns?: readonly string[]): string {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  switch (format) {
    case "json":
      return `${JSON.stringify(rows, null, 2)}\n`;
    case "jsonl":
      return rows.map((r) => `${JSON.stringify(r)}\n`).join("");
    case "csv":
      return [cols.map(csvField).join(","), ...rows.map((r) => cols.map((c) => csvField(r[c])).join(","))].join("\r\n") + "\r\n";
    case "table": {
      if (rows.length === 0) return "(no rows)\n";
      const width = (process.stdout.columns || 160) as number;
      const texts = rows.map((r) => cols.map((c) => cell(r[c]).replace(/\s+/g, " ")));
      const widths = cols.map((c, i) => Math.min(60, Math.max(c.length, ...texts.map((t) => (t[i] ?? "").length))));
      const line = (values: readonly string[]) =>
        values
          .map((v, i) => {
            const w = widths[i] ?? 10;
            return (v.length > w ? `${v.slice(0, w - 1)}…` : v).padEnd(w);
          })
          .join("  ")
          .trimEnd()
          .slice(0, width);
      return [line(cols), line(widths.map((w) => "-".repeat(w))), ...texts.map(line)].join("\n") + "\n";
    }
  }
}

export function writeRows(out: Writable, rows: readonly Row[], format: OutputFormat, columns?: readonly string[]): void {
  out.write(formatRows(rows, format, columns));
}

// Knowledge lives in data files under data/ (see data/README.md). This module finds them
// from both src/ (tests run from dist/) and an installed package, and parses the simple
// line formats they use. Each file is read once per process.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** The package root: dist/model/ -> ../.. */
export const packageRoot = join(here, "..", "..");
export const dataDir = join(packageRoot, "data");
/**
 * The workplace's shared folder of research datasets and gold files, beside the checkout
 * (never copied into it). Evaluations and some tests read it when it is there.
 */
export const sharedDir = process.env["NEWSGRAPH_SHARED"] || join(packageRoot, "..", "shared");

const cache = new Map<string, readonly string[]>();

/**
 * The entries of a list file: one entry per line; `#` starts a comment line;
 * blank lines are skipped; entries keep their inner spaces.
 */
export function readList(relativePath: string): readonly string[] {
  const cached = cache.get(relativePath);
  if (cached) return cached;
  const lines = readFileSync(join(dataDir, relativePath), "utf8")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith("#"));
  const frozen = Object.freeze(lines);
  cache.set(relativePath, frozen);
  return frozen;
}

/** Rows of a tab-separated file whose first non-comment line names the columns. */
export function readTable(relativePath: string): readonly Readonly<Record<string, string>>[] {
  const [header, ...rows] = readList(relativePath).map((line) => line.split("\t"));
  if (!header) return [];
  return rows.map((cells) => Object.freeze(Object.fromEntries(header.map((name, i) => [name, (cells[i] ?? "").trim()]))));
}

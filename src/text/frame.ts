// The frame of a wire story: a leading dateline ("DAR ES SALAAM, Tanzania (AP) _",
// "WASHINGTON, April 26 -") and a trailing agency credit ("...on Wednesday.AP").
// Both are metadata, not sentences: this stage records them as layers and marks the
// body between them, which later stages read. The text itself is untouched.
import type { Credit, Dateline, Doc, Span } from "../model/document.js";
import { withLayers, withMeta } from "../model/document.js";
import { readTable } from "../model/dataFiles.js";
import type { Stage } from "../pipeline/pipeline.js";

let agencyNames: ReadonlyMap<string, string> | undefined;

/** Agency marks as written ("AP", "The Associated Press") -> the name stored as the source ("AP"). */
export function agencies(): ReadonlyMap<string, string> {
  agencyNames ??= new Map(readTable("text/agencies.tsv").map((row) => [row["mark"] ?? "", row["name"] ?? ""]));
  return agencyNames;
}

function agencyPattern(): string {
  return [...agencies().keys()]
    .sort((a, b) => b.length - a.length)
    .map((mark) => mark.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}

let datelineRegex: RegExp | undefined;
let creditRegex: RegExp | undefined;

// Place: capitalised words, the first in capitals ("DAR ES SALAAM", "ST. LOUIS", "GAZA CITY"),
// then an optional ", Region" in title case ("Tanzania", "Calif."), an optional ", Month Day",
// an optional "(Agency)", then the dash that opens the story.
function datelinePattern(): RegExp {
  datelineRegex ??= new RegExp(
    String.raw`^\s*(?<place>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]*)*)` +
      String.raw`(?:, (?<region>[A-Z][A-Za-z.'’\-]*(?: [A-Z][A-Za-z.'’\-]*){0,3}))?` +
      String.raw`(?:, (?<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?))?` +
      String.raw`(?: ?\((?<agency>${agencyPattern()})\))?` +
      // the story after the dash opens like a sentence: "NATO - the alliance - met" is no dateline
      String.raw`\s*(?:_|-{1,2}|—|–)\s+(?=[\p{Lu}\d“"‘'])`,
    "u",
  );
  return datelineRegex;
}

// A credit glued to (or just after) the end of the last sentence: "Wednesday.AP", "Wednesday. (Reuters)".
function creditPattern(): RegExp {
  creditRegex ??= new RegExp(String.raw`(?<=[.!?”"’)\]])\s*(?:—\s*|-\s*)?(?<open>\(?)(?<mark>${agencyPattern()})\)?\s*$`, "u");
  return creditRegex;
}

export function findDateline(text: string): Dateline | null {
  const match = datelinePattern().exec(text.slice(0, 200));
  if (!match?.groups) return null;
  const { place, region, date, agency } = match.groups;
  // An all-capitals place of two letters or more, or an agency mark: "WASHINGTON —", "Kyiv (AP) —" would
  // need the agency. Guards against a sentence that merely starts with an acronym: "NATO - the alliance".
  if (!place || (place.replace(/[^A-Z]/g, "").length < 2)) return null;
  if (!agency && !region && !date && place.length < 4) return null;
  const start = match.index + (match[0].length - match[0].trimStart().length);
  const end = match.index + match[0].length;
  const placeName = [place, region].filter(Boolean).join(", ");
  return {
    start,
    end,
    place: placeName,
    agency: agency ? (agencies().get(agency) ?? agency) : null,
    dateText: date ?? null,
    provenance: { stage: "frame", rule: agency ? "dateline-with-agency" : "dateline-place-dash" },
  };
}

export function findCredit(text: string, after: number): Credit | null {
  const tail = Math.max(after, text.length - 60);
  const match = creditPattern().exec(text.slice(tail));
  if (!match?.groups?.["mark"]) return null;
  const mark = match.groups["mark"];
  const markStart = tail + match.index + match[0].indexOf(mark, match[0].indexOf(match.groups["open"] ?? "") );
  return {
    start: markStart,
    end: markStart + mark.length,
    agency: agencies().get(mark) ?? mark,
    provenance: { stage: "frame", rule: "credit-trailing-agency" },
  };
}

export function findFrame(text: string): { dateline: Dateline | null; credit: Credit | null; body: Span } {
  const dateline = findDateline(text);
  const bodyStart = dateline ? dateline.end : 0;
  const credit = findCredit(text, bodyStart);
  let bodyEnd = credit ? credit.start : text.length;
  // "(AP)" — the body ends before the opening parenthesis and any dash before it
  while (bodyEnd > bodyStart && /[\s(—-]/.test(text.charAt(bodyEnd - 1))) bodyEnd--;
  return { dateline, credit, body: { start: bodyStart, end: bodyEnd } };
}

export const frame: Stage = {
  name: "frame",
  requires: [],
  provides: ["dateline", "credit", "body"],
  run(doc: Doc): Doc {
    const { dateline, credit, body } = findFrame(doc.text);
    const framed = withLayers(doc, { dateline, credit, body });
    // The agency named in the story is its source unless the container already said.
    const agency = credit?.agency ?? dateline?.agency ?? null;
    return agency && !doc.meta.source ? withMeta(framed, { source: agency }) : framed;
  },
};

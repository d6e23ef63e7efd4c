// The CAMEO codebook: each code's name, Goldstein score and QuadClass (data/events/cameo-codes.tsv, ICEWS's
// list), and its PLOVER type, mode and context (data/events/cameo-plover.tsv, from PLOVER's CAMEO2PLOVER).
// A code the PLOVER table does not list takes the reading of its nearest listed parent ("0213" -> "021").
// Whether a code needs a named target comes from PLOVER's codebook (plover-types.tsv) and newsgraph-codes.tsv.
import { readTable } from "../model/dataFiles.js";

export interface CameoCode {
  readonly code: string;
  readonly name: string;
  readonly goldstein: number | null;
  readonly quadClass: 1 | 2 | 3 | 4;
  /** PLOVER event type, or null for CAMEO 01 and 02 (statements and appeals, which PLOVER dropped). */
  readonly plover: string | null;
  readonly ploverMode: string | null;
  readonly ploverContext: string | null;
  /** Coded only with a named target: PLOVER's "requires recipient" (COOPERATE, AID, SANCTION) or newsgraph's rule (04). */
  readonly needsTarget: boolean;
}

export interface Codebook {
  readonly get: (code: string) => CameoCode | undefined;
  readonly codes: readonly CameoCode[];
}

let loaded: Codebook | undefined;

export function codebook(): Codebook {
  if (loaded) return loaded;
  const plover = new Map(readTable("events/cameo-plover.tsv").map((r) => [r["code"] as string, r]));
  const ploverOf = (code: string) => {
    for (let n = code.length; n >= 2; n--) {
      const row = plover.get(code.slice(0, n));
      if (row) return row;
    }
    return undefined;
  };
  const requires = new Set(readTable("events/plover-types.tsv").filter((r) => r["requiresRecipient"] === "yes").map((r) => r["type"] as string));
  const ownRules = readTable("events/newsgraph-codes.tsv");
  const needsTarget = (code: string, plover: string | null) =>
    (plover !== null && requires.has(plover)) || ownRules.some((r) => code.startsWith(r["code"] as string) && r["needsTarget"] === "yes");
  const codes: CameoCode[] = readTable("events/cameo-codes.tsv").map((r) => {
    const code = r["code"] as string;
    const p = ploverOf(code);
    const goldstein = r["goldstein"] === "" || r["goldstein"] === "NA" ? null : Number(r["goldstein"]);
    return Object.freeze({
      code,
      name: r["name"] as string,
      goldstein: goldstein === null || Number.isNaN(goldstein) ? null : goldstein,
      quadClass: Number(r["quadclass"]) as 1 | 2 | 3 | 4,
      plover: p?.["plover"] || null,
      ploverMode: p?.["mode"] || null,
      ploverContext: p?.["context"] || null,
      needsTarget: needsTarget(code, p?.["plover"] || null),
    });
  });
  const byCode = new Map(codes.map((c) => [c.code, c]));
  loaded = Object.freeze({ get: (code: string) => byCode.get(code), codes: Object.freeze(codes) });
  return loaded;
}

/** Two-digit cue category: "042" -> "04". */
export function cameoRoot(code: string): string {
  return code.slice(0, 2);
}

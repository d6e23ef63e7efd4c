// The word lists the quote finder and attributor read (data/quotes/, see data/quotes/README.md), loaded once per
// process and frozen. Words are looked up in lower case.
import { readList, readTable } from "../model/dataFiles.js";

export type SpeakerWordRole =
  | "title"
  | "male"
  | "female"
  | "pronoun"
  | "relative"
  | "determiner"
  | "skip"
  | "time"
  | "function"
  | "particle"
  | "of"
  | "work"
  | "work-cue"
  | "noun"
  | "auxiliary";

/** An attribution cue of one or more words ("said", "according to"), with its base form. */
export interface CueEntry {
  readonly words: readonly string[];
  readonly lemma: string;
}

export interface QuoteLexicon {
  /** Cues by their first word; longer cues first. */
  readonly cues: ReadonlyMap<string, readonly CueEntry[]>;
  /** The roles of a word of data/quotes/speaker-words.tsv, as a bit set (see `roleBit`). */
  readonly roles: ReadonlyMap<string, number>;
  /** Given names and the gender they usually tell: "Kristi" -> "f". */
  readonly givenNames: ReadonlyMap<string, "m" | "f">;
}

let loaded: QuoteLexicon | undefined;

export function quoteLexicon(): QuoteLexicon {
  if (loaded) return loaded;
  const cues = new Map<string, CueEntry[]>();
  for (const line of readList("quotes/attribution-verbs.txt")) {
    const forms = line.split(",").map((form) => form.trim().toLowerCase()).filter((form) => form.length > 0);
    const lemma = forms[0];
    if (!lemma) continue;
    for (const form of forms) {
      const words = form.split(/\s+/);
      const first = words[0] as string;
      const list = cues.get(first) ?? [];
      list.push({ words, lemma });
      cues.set(first, list);
    }
  }
  for (const list of cues.values()) list.sort((a, b) => b.words.length - a.words.length);
  const roles = new Map<string, number>();
  for (const row of readTable("quotes/speaker-words.tsv")) {
    const word = (row["word"] ?? "").toLowerCase();
    const role = row["role"] as SpeakerWordRole | undefined;
    if (!word || !role || !(role in ROLE_BITS)) continue;
    roles.set(word, (roles.get(word) ?? 0) | roleBit(role));
  }
  const givenNames = new Map<string, "m" | "f">();
  for (const row of readTable("quotes/given-names.tsv")) {
    const gender = row["gender"];
    if (row["name"] && (gender === "m" || gender === "f")) givenNames.set(row["name"], gender);
  }
  loaded = Object.freeze({ cues, roles, givenNames });
  return loaded;
}

const ROLE_BITS: Readonly<Record<SpeakerWordRole, number>> = {
  title: 1,
  male: 2,
  female: 4,
  pronoun: 8,
  relative: 16,
  determiner: 32,
  skip: 64,
  time: 128,
  function: 256,
  particle: 512,
  of: 1024,
  work: 2048,
  "work-cue": 4096,
  noun: 8192,
  auxiliary: 16384,
};

export function roleBit(role: SpeakerWordRole): number {
  return ROLE_BITS[role];
}

/** The roles of a word, in lower case, as a bit set: 0 when it has none. */
export function rolesOf(lexicon: QuoteLexicon, lowerCaseWord: string): number {
  return lexicon.roles.get(lowerCaseWord) ?? 0;
}

/** Whether a word, in lower case, has a role in speaker-words.tsv (callers lower-case once: this runs per token). */
export function hasRole(lexicon: QuoteLexicon, lowerCaseWord: string, role: SpeakerWordRole): boolean {
  return ((lexicon.roles.get(lowerCaseWord) ?? 0) & ROLE_BITS[role]) !== 0;
}

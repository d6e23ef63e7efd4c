// newsgraph's own event word lists (data/events/): event nouns, support verbs, status cues and the
// actor nouns Phoenix lacks ("officials"), plus the CAMEO agent nouns ("police" COP, "government" GOV)
// the entity stages compiled from Phoenix (data/entities/phoenix-agents.tsv, read-only here).
// Each file is read once.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { dataDir, readTable } from "../model/dataFiles.js";
import type { EventStatus } from "../model/document.js";
import { nounPlural } from "../syntax/morphology.js";
import { PhraseMap } from "../text/phraseMap.js";

export interface EventNoun {
  readonly noun: string;
  readonly code: string;
  /** Prepositions that introduce the target: "visit to", "talks with". */
  readonly targetPreps: readonly string[];
  /** "plural": only "talks"; "object": only as a support verb's object ("held a call"). */
  readonly use: "any" | "plural" | "object";
}

/** "effort", "mission": head nouns that take their meaning from the event noun before them ("a mediation effort"). */
export type LightNouns = ReadonlySet<string>;

export interface StatusCue {
  readonly status: EventStatus;
  /** "intent": the actor declares it will act ("is willing to withdraw"): the event becomes an intent (intent-codes.tsv). */
  readonly kind: "auxiliary" | "governor" | "conjunction" | "intent";
}

export interface EventLexicon {
  /** By the noun's forms as words joined with spaces: "visit", "visits", "phone call". */
  readonly nouns: PhraseMap<{ readonly entry: EventNoun; readonly plural: boolean }>;
  /** Light head nouns, singular and plural: "effort", "efforts", "mission". */
  readonly lightNouns: LightNouns;
  /** Support verbs by base form ("hold") and phrasal form ("carry out"). */
  readonly supportVerbs: ReadonlySet<string>;
  readonly auxiliaries: ReadonlyMap<string, StatusCue>;
  readonly governors: ReadonlyMap<string, StatusCue>;
  readonly conjunctions: ReadonlyMap<string, StatusCue>;
  /** The intent code of an event code, by its longest listed prefix: "0841" -> "0353", "163" -> "1312", "042" -> "036". */
  readonly intentCode: (code: string) => string | null;
  /** CAMEO agent code by lower-case noun phrase: "police" -> "COP", "foreign minister" -> "GOV". */
  readonly agents: PhraseMap<string>;
  /** Heads that name things, not actors ("resolution", "plan"): a name inside such a phrase does not stand for it. */
  readonly things: ReadonlySet<string>;
  /** Buildings and sites ("hotel", "airport"): a name ending in one is a place, not an actor. */
  readonly placeNouns: ReadonlySet<string>;
  /** Forces of nature ("cyclone", "earthquake"): their clauses code no event. */
  readonly hazards: ReadonlySet<string>;
}

let loaded: EventLexicon | undefined;

export function eventLexicon(): EventLexicon {
  if (loaded) return loaded;
  const nouns = new PhraseMap<{ entry: EventNoun; plural: boolean }>();
  const lightNouns = new Set<string>();
  for (const r of readTable("events/event-nouns.tsv")) {
    const words = (r["noun"] as string).split("_");
    if (r["use"] === "light") {
      lightNouns.add(words.join(" "));
      lightNouns.add(nounPlural(words.join(" ")));
      continue;
    }
    const entry: EventNoun = {
      noun: words.join(" "),
      code: r["code"] as string,
      targetPreps: (r["target"] as string).split("|").filter(Boolean),
      use: (r["use"] as EventNoun["use"]) || "any",
    };
    const last = words[words.length - 1] as string;
    nouns.set(words.join(" "), { entry, plural: false });
    nouns.set([...words.slice(0, -1), nounPlural(last)].join(" "), { entry, plural: true });
  }
  const supportVerbs = new Set(readTable("events/support-verbs.tsv").map((r) => (r["verb"] as string).replace(/_/g, " ")));
  const auxiliaries = new Map<string, StatusCue>();
  const governors = new Map<string, StatusCue>();
  const conjunctions = new Map<string, StatusCue>();
  for (const r of readTable("events/modality.tsv")) {
    const cue: StatusCue = { status: r["status"] as EventStatus, kind: r["kind"] as StatusCue["kind"] };
    // Intent cues govern like "set to" does, and say more: both live in `governors`.
    const map = cue.kind === "auxiliary" ? auxiliaries : cue.kind === "governor" || cue.kind === "intent" ? governors : conjunctions;
    map.set(r["cue"] as string, cue);
  }
  const agentSectors = new Map<string, string>();
  const things = new Set<string>();
  const placeNouns = new Set<string>();
  const hazards = new Set<string>();
  // The entity stages own this table (scripts/build-entity-data.mjs); the events stage only reads it, and codes
  // common-noun actors ("police", "protesters") without it if it is missing.
  if (existsSync(join(dataDir, "entities", "phoenix-agents.tsv")))
    for (const r of readTable("entities/phoenix-agents.tsv")) agentSectors.set(r["phrase"] as string, (r["code"] as string).slice(0, 3));
  for (const r of readTable("events/actor-nouns.tsv")) {
    const words = (r["noun"] as string).split("_");
    const sector = r["sector"] as string;
    for (const phrase of [words.join(" "), [...words.slice(0, -1), nounPlural(words[words.length - 1] as string)].join(" ")]) {
      if (sector === "thing") things.add(phrase);
      if (sector === "place") placeNouns.add(phrase);
      if (sector === "hazard") hazards.add(phrase);
      if (sector === "-" || sector === "thing" || sector === "place" || sector === "hazard") agentSectors.delete(phrase);
      else agentSectors.set(phrase, sector);
    }
  }
  const agents = new PhraseMap<string>();
  for (const [phrase, sector] of agentSectors) agents.set(phrase, sector);
  const intents = new Map(readTable("events/intent-codes.tsv").map((r) => [r["root"] as string, r["intent"] as string]));
  const intentCode = (code: string): string | null => {
    for (let n = code.length; n >= 2; n--) {
      const found = intents.get(code.slice(0, n));
      if (found) return found;
    }
    return null;
  };
  loaded = { nouns, lightNouns, supportVerbs, auxiliaries, governors, conjunctions, intentCode, agents, things, placeNouns, hazards };
  return loaded;
}

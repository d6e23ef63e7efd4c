// An event's status from the words that govern its verb: "did not sign" (negated), "is set to
// visit" and "will meet" (planned), "would expand", "could impose", "if Russia attacks"
// (hypothetical). The cues are data (data/events/modality.tsv); this module only walks the clause
// chain (coordination and to-infinitives) up to them.
import type { EventStatus } from "../model/document.js";
import type { ParsedSentence, VerbGroup } from "../syntax/shallowParse.js";
import { allVerbForms } from "../syntax/morphology.js";
import type { Clause } from "./clauses.js";
import { eventLexicon, type StatusCue } from "./eventLexicon.js";

export interface StatusReading {
  readonly status: EventStatus;
  /** The cue that set it ("is set to", "would", "not"), for the event's rule; null when asserted by default. */
  readonly cue: string | null;
  /**
   * The actor only declares it will act ("is willing to withdraw", "said they will release", "plans to impose"): the
   * event is coded as that intent (intent-codes.tsv), and the declaration is what happened.
   */
  readonly intent?: boolean;
}

let governorForms: ReadonlyMap<string, StatusCue & { readonly cue: string }> | undefined;

/** Every form of every governor cue: "set", "sets", "planned", "expected", "due", "willing". */
function governorsByForm(): ReadonlyMap<string, StatusCue & { readonly cue: string }> {
  if (governorForms) return governorForms;
  const map = new Map<string, StatusCue & { cue: string }>();
  for (const [cue, reading] of eventLexicon().governors) {
    for (const form of allVerbForms(cue)) if (!map.has(form)) map.set(form, { ...reading, cue });
    map.set(cue, { ...reading, cue });
  }
  governorForms = map;
  return map;
}

const SUBORDINATOR = /^(if|unless|when|whenever|as|because|after|before|while|although|though|once|until)$/;
const REPORTING = /^(say|said|says|saying|tell|told|tells|announce[sd]?|announcing|state[sd]?|stating|add(ed|s)?|claim(ed|s)?|report(ed|s)?|indicate[sd]?|insist(ed|s)?|warn(ed|s)?|confirm(ed|s)?|declare[sd]?|reiterate[sd]?|stress(ed|es)?|note[sd]?|explain(ed|s)?|assert(ed|s)?|affirm(ed|s)?|write|wrote|writes|quoted)$/;

/** The status of the event whose verb group is `g`. */
export function statusOfVerb(s: ParsedSentence, clauses: readonly Clause[], g: number): StatusReading {
  const reading = statusOfVerbChain(s, clauses, g);
  // "the president would meet with Kim *if* there is a prospect of making a deal": a condition after the clause.
  const clause = clauses[g] as Clause;
  const after = s.lower[clause.window.end];
  if ((after === "if" || after === "unless") && (reading.status === "asserted" || reading.status === "planned" || reading.intent) && (s.groups[g] as VerbGroup).modal)
    return { status: "hypothetical", cue: after };
  return reading;
}

function statusOfVerbChain(s: ParsedSentence, clauses: readonly Clause[], g: number): StatusReading {
  const lexicon = eventLexicon();
  const governors = governorsByForm();
  const seen = new Set<number>();
  let current: number | null = g;
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const group = s.groups[current] as VerbGroup;
    const clause = clauses[current] as Clause;
    if (group.negated) return { status: "negated", cue: "not" };
    if (group.modal) {
      const modal = group.modal === "wo" ? "will" : group.modal;
      const cue = lexicon.auxiliaries.get(modal);
      if (cue) {
        // "The Fijian rebels said they will release ...", "said it would allow": the actor's declared intent.
        if ((modal === "will" || modal === "'ll" || modal === "shall" || modal === "would") && reportedSpeech(s, clause)) return { status: "asserted", cue: `reported-${modal}`, intent: true };
        return { status: cue.status, cue: group.modal };
      }
    }
    if (current !== g) {
      const reading = governors.get(s.lower[group.main] as string);
      if (reading) return { status: reading.status, cue: reading.cue, intent: reading.kind === "intent" };
    }
    // "is due to arrive", "is willing to withdraw": an adjective before "to".
    if (group.infinitive && group.start > 0) {
      let k = group.start - 1;
      while (k > 0 && s.tags[k] === "RB") k--;
      const reading = s.groupAt[k] === -1 ? governors.get(s.lower[k] as string) : undefined;
      if (reading) return { status: reading.status, cue: reading.cue, intent: reading.kind === "intent" };
    }
    const conjunction = introducingConjunction(s, clause);
    if (conjunction) return conjunction;
    current = clause.conjunctOf ?? clause.governor;
  }
  return { status: "asserted", cue: null };
}

/** "if Russia attacks", "unless the president agrees": the word that opens the clause. */
function introducingConjunction(s: ParsedSentence, clause: Clause): StatusReading | null {
  const conjunctions = eventLexicon().conjunctions;
  for (let k = clause.start - 1; k >= Math.max(0, clause.start - 3); k--) {
    const cue = conjunctions.get(s.lower[k] as string);
    if (cue) return { status: cue.status, cue: s.lower[k] as string };
    if (s.words[k] === "," || (s.groupAt[k] as number) >= 0) break;
  }
  return null;
}

/**
 * "X said it would ...", "..., X said", "..., said a spokesman": the clause reports what someone said. A subordinate
 * clause in between does not count: "Trump said ... that *if Europe follows through* ..., he will impose".
 */
function reportedSpeech(s: ParsedSentence, clause: Clause): boolean {
  for (let k = clause.start - 1; k >= 0; k--) {
    const g = s.groupAt[k] as number;
    if (g < 0) continue;
    if (REPORTING.test(s.lower[(s.groups[g] as VerbGroup).main] as string)) return true;
    if (!(s.groups[g] as VerbGroup).finite) {
      k = (s.groups[g] as VerbGroup).start;
      continue;
    }
    let j = (s.groups[g] as VerbGroup).start - 1;
    while (j >= 0 && j > (s.groups[g] as VerbGroup).start - 8 && !SUBORDINATOR.test(s.lower[j] as string) && (s.groupAt[j] as number) < 0) j--;
    if (j >= 0 && SUBORDINATOR.test(s.lower[j] as string)) {
      k = j;
      continue;
    }
    return false;
  }
  // "..., Portuguese President Mario Soares said on Tuesday": a reporting verb after a comma later in the sentence.
  for (let k = clause.window.start; k < s.words.length; k++) {
    const g = s.groupAt[k] as number;
    if (g < 0 || (s.groups[g] as VerbGroup).start !== k || !REPORTING.test(s.lower[(s.groups[g] as VerbGroup).main] as string)) continue;
    for (let j = k - 1; j >= Math.max(clause.window.start, k - 8); j--) if (s.words[j] === ",") return true;
  }
  return false;
}

/** An event noun's status: "the planned visit", "a possible attack"; otherwise asserted. */
export function statusOfNoun(s: ParsedSentence, chunkStart: number, head: number): StatusReading {
  for (let k = chunkStart; k < head; k++) {
    const w = s.lower[k] as string;
    if (w === "planned" || w === "upcoming" || w === "scheduled" || w === "proposed" || w === "expected") return { status: "planned", cue: w };
    if (w === "possible" || w === "potential" || w === "threatened") return { status: "hypothetical", cue: w };
  }
  return { status: "asserted", cue: null };
}

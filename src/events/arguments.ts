// Source and target of an event from the clause's structure. Active verbs: the subject is the source,
// the target is the direct object or the object of the preposition the verb takes ("met *with*",
// "sanctions *on*"); passives turn that around ("Venezuelans deported *by* the U.S. government");
// coordinated objects give one target each ("met with police and ... Gustavo Petro"); event nouns take
// their possessor or "by" phrase as the source ("Noem's visit *to* El Salvador").
import type { QuoteSpeaker } from "../model/document.js";
import type { NounChunk, ParsedSentence } from "../syntax/shallowParse.js";
import type { Clause, Phrase } from "./clauses.js";
import type { ActorScope, ResolvedActor } from "./eventActors.js";
import { possessorChunk, resolveChunk, resolvePhrase } from "./eventActors.js";

/** A noun phrase in a verb phrase, with the preposition before it; coordinated phrases share a `set`. */
export interface PhraseSlot {
  readonly phrase: Phrase;
  readonly prep: string | null;
  readonly set: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Prepositions that introduce a target, in order of preference when the verb and the pattern name none. Not "for" or
 * "from": "visited the prison complex *for* gang members" names no one visited.
 */
const TARGET_PREPS = ["with", "to", "against", "on", "toward", "towards", "into", "at", "upon", "between"];
/** Where a code needs a target (aid, sanctions), also: "a military aid program *for* Bosnia", "aid *from*". */
const MORE_TARGET_PREPS = ["for", "over"];

/**
 * The noun phrases of [from, to) with their prepositions, time expressions skipped. `throughInfinitive`: the verb
 * governs a to-infinitive whose object is its target too ("threatened *to shell* Iraqi towns").
 */
export function slotsIn(s: ParsedSentence, from: number, to: number, timexToken: Uint8Array, throughInfinitive = false): PhraseSlot[] {
  const slots: PhraseSlot[] = [];
  let prep: string | null = null;
  let set = 0;
  let i = from;
  let skipped = !throughInfinitive;
  while (i < to) {
    // The next verb's phrases are its own: "rose in January over *accepting* flights of immigrants".
    if ((s.groupAt[i] as number) >= 0 && s.groups[s.groupAt[i] as number]?.start === i && (i > from || skipped)) {
      const group = s.groups[s.groupAt[i] as number] as { end: number; infinitive: boolean };
      if (skipped || !group.infinitive || slots.length > 1) break;
      skipped = true;
      i = group.end;
      prep = null;
      continue;
    }
    if (timexToken[i] === 1) {
      if (prep && slots.length === 0) prep = null;
      i++;
      continue;
    }
    // "more than eight hours", "up to 100", "at least three": a quantity's words are no preposition.
    const w0 = s.lower[i] as string;
    if ((/^(more|less|fewer)$/.test(w0) && s.lower[i + 1] === "than") || (w0 === "up" && s.lower[i + 1] === "to")) {
      i += 2;
      continue;
    }
    if (w0 === "at" && /^(least|most)$/.test(s.lower[i + 1] ?? "")) {
      i += 1;
      continue;
    }
    const c = s.chunkAt[i] as number;
    const chunk = c >= 0 ? (s.chunks[c] as NounChunk) : null;
    if (chunk && chunk.start === i) {
      let phrase: Phrase = { chunk: c, of: null };
      let end = chunk.end;
      // "hundreds of Venezuelans", "inspectors of the IAEA": keep the complement with its head.
      if (end + 1 < to && s.lower[end] === "of" && (s.chunkAt[end + 1] as number) >= 0 && (s.chunks[s.chunkAt[end + 1] as number] as NounChunk).start === end + 1) {
        const ofChunk = s.chunkAt[end + 1] as number;
        phrase = { chunk: c, of: ofChunk };
        end = (s.chunks[ofChunk] as NounChunk).end;
      }
      slots.push({ phrase, prep, set, start: i, end });
      i = end;
      // "police and Colombia's leftist President Gustavo Petro": the next phrase joins the same set.
      const w = s.lower[i];
      const next = i + 1 < to ? (s.chunkAt[i + 1] as number) : -1;
      const coordinated = (w === "and" || w === "or" || (w === "," && listGoesOn(s, i + 1, to))) && next >= 0 && (s.chunks[next] as NounChunk).start === i + 1;
      if (coordinated) i++;
      else if (w === "," && next >= 0 && (s.chunks[next] as NounChunk).start === i + 1) {
        // "the UN refugee agency, UNHCR, out of the country": an appositive names the same actor again; skip it.
        i = (s.chunks[next] as NounChunk).end;
        if (s.words[i] === ",") i++;
        set++;
        prep = null;
      } else {
        set++;
        prep = null;
      }
      continue;
    }
    const tag = s.tags[i] as string;
    if (tag === "IN" || tag === "TO") prep = s.lower[i] as string;
    else if (tag !== "RB" && tag !== "RP" && tag !== "," && tag !== "DT" && tag !== '"') prep = null;
    i++;
  }
  return slots;
}

/** "Iran, Libya, North Korea and Sudan": a comma continues a list only if an "and"/"or" ends it. */
function listGoesOn(s: ParsedSentence, from: number, to: number): boolean {
  for (let i = from; i < to && i < from + 12; i++) {
    const w = s.lower[i];
    if (w === "and" || w === "or") return true;
    if ((s.chunkAt[i] as number) < 0 && w !== ",") return false;
  }
  return false;
}

export interface Arguments {
  readonly sources: readonly ResolvedActor[];
  readonly targets: readonly (readonly ResolvedActor[])[];
  /** A source the clause could not name (a pronoun nobody resolved, an event noun: "a roadside bombing"). */
  readonly sourceUnnamed: boolean;
  /** One past the last token of the target, for the evidence span. */
  readonly lastToken: number;
  readonly rule: string;
}

function resolveSlot(scope: ActorScope, s: ParsedSentence, slot: PhraseSlot, speaker: QuoteSpeaker | null): ResolvedActor[] {
  return resolvePhrase(scope, s, slot.phrase, speaker);
}

/** The target among the slots: the pattern's "+", the verb's own preposition, the direct object, then a preposition. */
function pickTargets(
  scope: ActorScope,
  s: ParsedSentence,
  slots: readonly PhraseSlot[],
  preferPreps: readonly string[],
  targetAt: number | null,
  speaker: QuoteSpeaker | null,
  needsTarget = false,
): { targets: ResolvedActor[][]; lastToken: number; how: string } {
  const bySet = (set: number) => slots.filter((x) => x.set === set);
  const take = (set: number, how: string) => {
    const members = bySet(set);
    const targets = members.map((m) => resolveSlot(scope, s, m, speaker)).filter((r) => r.length);
    return targets.length ? { targets, lastToken: (members[members.length - 1] as PhraseSlot).end, how } : null;
  };
  if (targetAt !== null) {
    const slot = slots.find((x) => x.start >= targetAt);
    const r = slot ? take(slot.set, "pattern-target") : null;
    if (r) return r;
  }
  for (const prep of preferPreps) {
    const slot = slots.find((x) => x.prep === prep);
    const r = slot ? take(slot.set, `object-of-${prep}`) : null;
    if (r) return r;
  }
  const direct = slots[0];
  if (direct && direct.prep === null) {
    const r = take(direct.set, "direct-object");
    if (r) return r;
    // "signed an agreement with ...", "expelled inspectors of the IAEA": the object's complement.
    if (direct.phrase.of !== null) {
      const inner = resolvePhrase(scope, s, { chunk: direct.phrase.of, of: null }, speaker);
      if (inner.length) return { targets: [inner], lastToken: direct.end, how: "object-complement" };
    }
    const owner = possessorChunk(s.chunks[direct.phrase.chunk] as NounChunk);
    const possessed = owner ? resolveChunk(scope, s, owner, speaker) : [];
    if (possessed.length) return { targets: [possessed], lastToken: direct.end, how: "object-possessor" };
  }
  for (const prep of needsTarget ? [...TARGET_PREPS, ...MORE_TARGET_PREPS] : TARGET_PREPS) {
    const slot = slots.find((x) => x.prep === prep);
    const r = slot ? take(slot.set, `object-of-${prep}`) : null;
    if (r) return r;
  }
  return { targets: [], lastToken: -1, how: "none" };
}

export interface VerbArgumentInput {
  readonly clause: Clause;
  /** One past the trigger phrase ("sat *down*"): the verb phrase starts here. */
  readonly triggerEnd: number;
  /** The preposition the verb phrase itself ends in ("meet with"), if any. */
  readonly verbPrep: string | null;
  readonly targetAt: number | null;
  /** The event noun a support verb takes ("held *talks* with"): its own prepositions come first. */
  readonly nounChunk: number | null;
  readonly nounPreps: readonly string[];
  /** In a passive with no "by", "from" names the source: "immigrants deported *from* the United States". */
  readonly fromIsSource: boolean;
  /**
   * The subject of the reporting verb the clause depends on ("*Syria* says it is willing to withdraw"): the source
   * when the clause's own subject is a pronoun nobody resolved.
   */
  readonly reporter: readonly ResolvedActor[];
  /** The verb's event takes in the to-infinitive after it ("threatened to shell Iraqi towns"). */
  readonly governsInfinitive: boolean;
  /** The code is only coded with a target: look further for one ("aid program *for* Bosnia"). */
  readonly needsTarget: boolean;
  /** The code is a legal or coercive act: an agentless passive's place names its source ("was arrested in Lebanon"). */
  readonly placeIsSource: boolean;
}

export function verbArguments(scope: ActorScope, s: ParsedSentence, input: VerbArgumentInput, timexToken: Uint8Array, speaker: QuoteSpeaker | null): Arguments {
  const { clause } = input;
  const window = { start: Math.max(input.triggerEnd, clause.window.start), end: clause.window.end };
  let slots = slotsIn(s, window.start, window.end, timexToken, input.governsInfinitive);
  // "donated and personally delivered $50,000 worth of goods to Baghdad University": coordinated verbs share what
  // follows the last of them.
  if (!slots.length && /^(and|or)$/.test(s.lower[window.end] ?? "")) {
    let k = window.end + 1;
    while (k < s.words.length && s.tags[k] === "RB") k++;
    const next = s.groupAt[k] as number;
    if (next >= 0) slots = slotsIn(s, (s.groups[next] as { end: number }).end, s.words.length, timexToken);
  }
  const subjectActors = clause.subjects.map((p) => resolvePhrase(scope, s, p, speaker));
  let namedSubjects = subjectActors.filter((r) => r.length);
  // "The Asia-Pacific Economic Cooperation (APEC) forum has agreed": when the head names no one, the first phrase of
  // the subject that does.
  if (!namedSubjects.length && input.reporter.length && clause.subjects.some((p) => /^(it|they|he|she)$/.test(s.lower[(s.chunks[p.chunk] as NounChunk).head] as string)))
    namedSubjects = [[...input.reporter]];
  const ownSubject = clause.governor === null && clause.conjunctOf === null && clause.adjunctOf === null;
  if (!namedSubjects.length && clause.subjects.length && ownSubject) {
    const first = s.chunks[(clause.subjects[0] as Phrase).chunk] as NounChunk;
    const groupStart = (s.groups[clause.group] as { start: number }).start;
    const regionStart = Math.min(clause.start, first.start);
    for (const chunk of s.chunks) {
      if (chunk.start < regionStart) continue;
      if (chunk.start >= groupStart) break;
      // Not a place or time the subject is modified by: "A roadside bombing *near the town of Samarra*" (but "Members
      // *of the Association*" names who the members are).
      const before = s.lower[chunk.start - 1];
      const afterFirst = s.chunkAt[chunk.start - 2] === s.chunkAt[regionStart];
      if (chunk.start > regionStart && s.tags[chunk.start - 1] === "IN" && !(before === "of" && afterFirst)) continue;
      const r = resolveChunk(scope, s, chunk, speaker);
      if (r.length) {
        namedSubjects = [r];
        break;
      }
    }
  }
  if (clause.passive) {
    // "were deported by the U.S. government": the by-phrase is the source, the subject the target; the by-phrase may
    // come after a parenthetical ("has been accused of misusing ..., much of it ..., *by* current Haitian officials").
    let agent = slots.find((x) => x.prep === "by") ?? (input.fromIsSource ? slots.find((x) => x.prep === "from") : undefined);
    if (!agent) {
      for (let k = window.end; k < s.words.length && !agent; k++) {
        const g = s.groupAt[k] as number;
        if (g >= 0 && (s.groups[g] as { finite: boolean }).finite) break;
        if (s.lower[k] === "by" && (s.chunkAt[k + 1] as number) >= 0) agent = slotsIn(s, k, Math.min(s.words.length, k + 12), timexToken).find((x) => x.prep === "by");
      }
    }
    let sources = agent ? resolveSlot(scope, s, agent, speaker) : [];
    // "A Christian missionary ... was arrested in Lebanon": the authorities of the place.
    if (!sources.length && input.placeIsSource) {
      const inSlot = slots.find((x) => x.prep === "in" && resolveSlot(scope, s, x, speaker).some((r) => r.place && r.actor.country));
      const place = inSlot ? resolveSlot(scope, s, inSlot, speaker).find((r) => r.place && r.actor.country) : undefined;
      if (place) sources = [{ ...place, actor: { name: place.actor.name, country: place.actor.country, sector: "GOV", code: `${place.actor.country}GOV`, person: false, actor: null }, place: false }];
    }
    return {
      sources,
      targets: namedSubjects,
      sourceUnnamed: sources.length === 0,
      lastToken: agent ? agent.end : window.start,
      rule: agent ? `passive-${agent.prep}-agent` : "passive-no-agent",
    };
  }
  const preferPreps: string[] = [];
  if (input.verbPrep) preferPreps.push(input.verbPrep);
  let nounSlots: PhraseSlot[] = [];
  if (input.nounChunk !== null) {
    const nounEnd = (s.chunks[input.nounChunk] as NounChunk).end;
    nounSlots = slotsIn(s, nounEnd, window.end, timexToken).filter((x) => x.prep !== null && input.nounPreps.includes(x.prep));
  }
  let picked = nounSlots.length ? pickTargets(scope, s, nounSlots, input.nounPreps, null, speaker) : { targets: [] as ResolvedActor[][], lastToken: -1, how: "none" };
  if (!picked.targets.length) picked = pickTargets(scope, s, input.nounChunk !== null ? slots.filter((x) => x.phrase.chunk !== input.nounChunk) : slots, preferPreps, input.targetAt, speaker, input.needsTarget);
  // "demanded that Israel ease restrictions": the subject of the "that" clause.
  if (!picked.targets.length && clause.thatClause >= 0) {
    const after = slotsIn(s, clause.thatClause + 1, Math.min(s.words.length, clause.thatClause + 8), timexToken)[0];
    const r = after ? resolveSlot(scope, s, after, speaker) : [];
    if (r.length) picked = { targets: [r], lastToken: after?.end ?? -1, how: "that-clause-subject" };
  }
  const sources = namedSubjects.flat();
  return {
    sources,
    targets: picked.targets,
    sourceUnnamed: clause.subjects.length > 0 && sources.length === 0,
    lastToken: picked.lastToken,
    rule: picked.how,
  };
}

/** "Noem's Wednesday visit to El Salvador", "a visit by Noem to Mexico", "talks between X and Y". */
export function nounArguments(
  scope: ActorScope,
  s: ParsedSentence,
  chunkIndex: number,
  targetPreps: readonly string[],
  timexToken: Uint8Array,
  speaker: QuoteSpeaker | null,
  clauseSources: readonly ResolvedActor[] = [],
): Arguments {
  const chunk = s.chunks[chunkIndex] as NounChunk;
  const owner = possessorChunk(chunk);
  let sources = owner ? resolveChunk(scope, s, owner, speaker) : [];
  let rule = owner ? "noun-possessor" : "noun";
  // The phrases right after the noun, up to the next verb.
  let end = chunk.end;
  while (end < s.words.length && s.groupAt[end] === -1 && s.lower[end] !== ";" && !(s.words[end] === "," && end > chunk.end + 1) && end - chunk.end < 14) end++;
  const slots = slotsIn(s, chunk.end, end, timexToken);
  if (!sources.length) {
    // "a visit by Noem", "the visit of the Pope" ("of" is the target's for "the invasion of Ukraine").
    const by = slots.find((x) => x.prep === "by" || (x.prep === "of" && !targetPreps.includes("of")));
    if (by) {
      sources = resolveSlot(scope, s, by, speaker);
      if (sources.length) rule = `noun-${by.prep}-source`;
    }
  }
  // "Saddam Hussein arrived in Amman on a previously unannounced visit": the subject of the clause the noun is in.
  if (!sources.length && clauseSources.length) {
    sources = [...clauseSources];
    rule = "noun-clause-subject";
  }
  // Modifiers inside the chunk ("U.S. sanctions", "Israeli airstrikes"): the source's country.
  if (!sources.length) {
    const inside = resolveChunk(scope, s, { start: chunk.start, end: chunk.head, head: chunk.head - 1, possessorEnd: null }, speaker).filter((r) => r.actor.country);
    if (inside.length && chunk.head > chunk.start) {
      sources = inside;
      rule = "noun-modifier-source";
    }
  }
  const picked = pickTargets(scope, s, slots.filter((x) => x.prep !== null && targetPreps.includes(x.prep)), targetPreps, null, speaker);
  // "talks between Colombia and the United States": both sides of "between".
  if (!sources.length && picked.how === "object-of-between" && picked.targets.length > 1) {
    return { sources: picked.targets[0] as ResolvedActor[], targets: picked.targets.slice(1), sourceUnnamed: false, lastToken: picked.lastToken, rule: "noun-between" };
  }
  return { sources, targets: picked.targets, sourceUnnamed: false, lastToken: Math.max(picked.lastToken, chunk.end), rule };
}

// The events stage: who did what to whom, when and where, coded in CAMEO with Goldstein and PLOVER.
//
// Per sentence that holds a candidate trigger (a cheap check on the tokens first):
//   1. shallow parse (src/syntax) and clause structure (clauses.ts);
//   2. triggers: dictionary verbs and event nouns (triggers.ts);
//   3. the code: the most specific PETRARCH pattern (patterns.ts), else the event noun a support verb
//      takes ("held talks"), else the verb's own code;
//   4. source and target (arguments.ts, eventActors.ts), status (status.ts), date (eventTime.ts) and
//      place (eventPlace.ts), with what earlier sentences established (the last meeting's participants,
//      the narrative's time, where each actor is visiting);
// then the refiners (refine.ts) merge and filter the candidates. It reads the entities, actors, corefs,
// timexes and quotes layers when earlier stages made them, and works without them.
import type { Doc, EntityMention, EventActor, EventPlace, EventStatus, NewsEvent, QuoteSpeaker, Span } from "../model/document.js";
import { withLayers } from "../model/document.js";
import type { Stage } from "../pipeline/pipeline.js";
import type { NounChunk, ParsedSentence } from "../syntax/shallowParse.js";
import { parseSentence } from "../syntax/shallowParse.js";
import { verbArguments, nounArguments, slotsIn, type Arguments } from "./arguments.js";
import { analyzeClauses, type Clause } from "./clauses.js";
import { cameoRoot, codebook } from "./codebook.js";
import { eventLexicon } from "./eventLexicon.js";
import { resolveChunk, resolvePhrase, type ActorScope, type Discourse, type ResolvedActor } from "./eventActors.js";
import { placeOf, visitPlace } from "./eventPlace.js";
import { openingTimex, sentenceTimexes, timexInRange, timexTokenMask, type SentenceTimex } from "./eventTime.js";
import { timexDay } from "../time/calendar.js";
import { matchPatterns } from "./patterns.js";
import { refineEvents, type Candidate } from "./refine.js";
import { statusOfNoun, statusOfVerb, type StatusReading } from "./status.js";
import { findTriggers, mayHoldTrigger, type NounTrigger, type VerbTrigger } from "./triggers.js";
import { tokenStrings } from "../text/tokenize.js";

interface DocState {
  readonly doc: Doc;
  readonly scope: ActorScope;
  readonly discourse: Discourse;
  /** The date the narrative is at: set by explicitly dated past events, read by undated past ones. */
  referenceDate: string | null;
  /** Where each source (by name) was visiting, and on what date. */
  readonly visits: Map<string, { readonly date: string | null; readonly place: EventPlace; readonly sentence: number }>;
  readonly quotes: readonly QuoteRange[];
}

interface QuoteRange extends Span {
  readonly speaker: QuoteSpeaker | null;
}

/** Quoted passages: the quotes layer when there is one, else the text's quotation marks. */
function quoteRanges(doc: Doc): QuoteRange[] {
  if (doc.layers.quotes) return doc.layers.quotes.map((q) => ({ start: q.start, end: q.end, speaker: q.speaker }));
  const out: QuoteRange[] = [];
  const re = /[“"]([^“”"]{2,2000})[”"]/g;
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) out.push({ start: m.index + 1, end: m.index + m[0].length - 1, speaker: null });
  return out;
}

const PAST_TAGS = new Set(["VBD", "VBN"]);
const VIOLENCE = new Set(["18", "19", "20"]);

export function codeDocument(doc: Doc): NewsEvent[] {
  const sentences = doc.layers.sentences ?? [];
  const tokens = doc.layers.tokens;
  if (!tokens || !sentences.length) return [];
  const entities: EntityMention[] = [...(doc.layers.entities ?? [])].sort((a, b) => a.start - b.start);
  const discourse: Discourse = { participants: [] };
  const state: DocState = { doc, scope: { doc, entities, discourse }, discourse, referenceDate: null, visits: new Map(), quotes: quoteRanges(doc) };
  const candidates: Candidate[] = [];
  const { lower, lowerIds } = tokenStrings(doc.text, tokens);
  const timexes = doc.layers.timexes ?? [];
  let first = 0;
  let timex = 0;
  let entity = 0;
  sentences.forEach((sentence, si) => {
    // The cheap check: any token a verb form or event noun of the dictionaries?
    while (first < tokens.count && (tokens.ends[first] as number) <= sentence.start) first++;
    let last = first;
    while (last < tokens.count && (tokens.starts[last] as number) < sentence.end) last++;
    // An event noun alone needs a date in its sentence ("Noem's Wednesday visit"): is there a time expression?
    while (timex < timexes.length && (timexes[timex] as Span).end <= sentence.start) timex++;
    const dated = timex < timexes.length && (timexes[timex] as Span).start < sentence.end;
    if (!mayHoldTrigger(lower, lowerIds, first, last, dated)) return;
    // Only the names and times of this sentence (both lists are in text order).
    while (entity < entities.length && (entities[entity] as Span).end <= sentence.start) entity++;
    let entityEnd = entity;
    while (entityEnd < entities.length && (entities[entityEnd] as Span).start < sentence.end) entityEnd++;
    let timexEnd = timex;
    while (timexEnd < timexes.length && (timexes[timexEnd] as Span).start < sentence.end) timexEnd++;
    const s = parseSentence(doc, sentence, entities.slice(entity, entityEnd), timexes.slice(timex, timexEnd));
    candidates.push(...codeSentence(state, s, si));
  });
  return refineEvents(candidates, doc);
}

function codeSentence(state: DocState, s: ParsedSentence, si: number): Candidate[] {
  const timexes = sentenceTimexes(state.doc, s);
  const mask = timexTokenMask(s, timexes);
  const clauses = analyzeClauses(s, mask);
  const triggers = findTriggers(s);
  const out: Candidate[] = [];
  const groupEvents = new Map<number, Candidate[]>();
  const groupDates = new Map<number, string | null>();
  const consumedChunks = new Set<number>();
  const absorbed = new Set<number>();
  const opening = openingTimex(s, timexes);
  const nounTriggerAt = new Map<number, NounTrigger>();
  for (const t of triggers) if (t.kind === "noun") nounTriggerAt.set(t.chunk, t);

  const dateOfClause = (clause: Clause, near: number): { value: string | null; own: boolean } => {
    const own = timexInRange(timexes, clause.start, clause.window.end, near);
    if (own) return { value: own.value, own: true };
    for (const g of [clause.conjunctOf, clause.governor, clause.adjunctOf]) if (g !== null && groupDates.has(g)) return { value: groupDates.get(g) ?? null, own: true };
    if (opening) return { value: opening.value, own: true };
    return { value: null, own: false };
  };

  // "Russia said on Tuesday that Sudan must return a helicopter": saying that someone must act is a demand (CAMEO 10),
  // whatever the act; the act itself only would happen. So is the content of a demand: "reiterated its demand today
  // that Israel ease restrictions" (the easing has not happened).
  clauses.forEach((clause, g) => {
    const group = s.groups[g];
    if (!group) return;
    const demand = demandBefore(s, clause);
    if (demand === "verb") {
      // "demanded that Hamas renounce ...": the demanding verb codes the event; its content is no event of its own.
      absorbed.add(g);
      return;
    }
    if (!(group.modal === "must" || group.modal === "should") && demand !== "noun") return;
    const reporter = demand === "noun" ? governingSubject(state, s, clause, clauses) : reporterOf(state, s, clause, clauses);
    const targets = subjectActors(state, s, clause);
    absorbed.add(g);
    if (!reporter.length || !targets.length) return;
    const first = Math.min(...reporter.map((r) => r.start));
    const evidenceFrom = Math.max(0, s.starts.findIndex((st) => st >= first));
    out.push(
      ...buildCandidates(state, s, si, {
        code: "100",
        reversed: false,
        args: { sources: reporter, targets: [targets], sourceUnnamed: false, lastToken: clause.window.end, rule: "reported-must" },
        status: { status: "asserted", cue: null },
        date: dateOfClause(clause, group.main).value,
        ownDate: false,
        past: false,
        trigger: { start: s.starts[group.start] as number, end: s.ends[group.main] as number },
        evidenceFrom: evidenceFrom >= 0 ? evidenceFrom : group.start,
        evidenceTo: clause.window.end,
        rule: `reported-demand ${s.lower[group.modal === "must" || group.modal === "should" ? group.start : group.main]}`,
        place: null,
        whereAntecedent: null,
        timexes,
        inQuote: null,
        out,
      }),
    );
  });

  // In text order, so that a "where" clause finds the visit before it ("Noem's Wednesday visit to El Salvador, where
  // she met ...") and a support verb takes its noun before the noun is looked at alone ("held talks").
  for (const trigger of triggers) {
    if (trigger.kind === "verb") out.push(...codeVerbTrigger(trigger));
    else out.push(...codeNounTrigger(trigger));
  }
  return out;

  function codeVerbTrigger(trigger: VerbTrigger): Candidate[] {
    const clause = clauses[trigger.group] as Clause;
    const group = s.groups[trigger.group];
    if (!group || clause.gerund) return [];
    groupDates.set(trigger.group, dateOfClause(clause, trigger.token).value);
    // "agreed to set up", "threatened to shell": the complement belongs to the governing event's code.
    // "visited Colombia ... to discuss", "opened fire to disperse ..., killing one": an adjunct of an event already coded
    // (or of a verb that an event already took in).
    const covered = (g: number | null) => g !== null && (groupEvents.has(g) || absorbed.has(g));
    if (absorbed.has(trigger.group)) return [];
    if ((clause.governor !== null && covered(clause.governor) && clause.conjunctOf === null) || (clause.adjunctOf !== null && covered(clause.adjunctOf))) {
      absorbed.add(trigger.group);
      return [];
    }
    const coded = codeVerb(state, s, clause, trigger, mask, nounTriggerAt, clauses);
    if (!coded) return [];
    // "killed one U.S. soldier and wounded two others": the casualties of one attack.
    const conjunctEvents = clause.conjunctOf !== null ? (groupEvents.get(clause.conjunctOf) ?? []) : [];
    if (VIOLENCE.has(coded.code.slice(0, 2)) && conjunctEvents.some((c) => VIOLENCE.has(c.event.cameo.slice(0, 2)))) {
      absorbed.add(trigger.group);
      return [];
    }
    if (coded.nounChunk !== null) consumedChunks.add(coded.nounChunk);
    let status = statusOfVerb(s, clauses, trigger.group);
    const inQuote = state.quotes.find((q) => q.start <= (s.starts[trigger.token] as number) && q.end >= (s.ends[trigger.token] as number)) ?? null;
    // “We will support the enforcement of our criminal laws,” Noem said: the speaker's own future is an intent.
    if (inQuote && group.modal && /^(will|'ll|shall|would)$/.test(group.modal) && clause.subjects.some((p) => /^(we|i)$/.test(s.lower[(s.chunks[p.chunk] as NounChunk).head] as string)))
      status = { status: "asserted", cue: "quoted-first-person-future", intent: true };
    let code = coded.code;
    // "Syria says it will not accept any more refugees": a refusal (CAMEO 12), not a negated intent to cooperate.
    if (status.status === "negated" && group.modal && /^(will|wo|'ll|shall|would)$/.test(group.modal) && !/^1[0-9]|^2/.test(code)) {
      code = "120";
      status = { status: "asserted", cue: "will-not" };
    }
    if (status.intent) {
      const intent = eventLexicon().intentCode(code);
      if (intent) code = intent;
      else status = { status: "planned", cue: status.cue };
    }
    const date = dateOfClause(clause, trigger.token);
    // "is set to visit Mexico and meet with President Claudia Sheinbaum": the meeting is where the visit is.
    let place = explicitPlace(state, s, clause, mask);
    for (const g of [clause.conjunctOf, clause.governor]) {
      const related = g !== null ? groupEvents.get(g)?.find((c) => c.event.location) : undefined;
      if (!place && related) place = related.event.location;
    }
    const built = buildCandidates(state, s, si, {
      code,
      needsTarget: coded.needsTarget,
      reversed: coded.reversed,
      args: coded.args,
      status,
      date: date.value,
      ownDate: date.own,
      past: PAST_TAGS.has(s.tags[group.main] as string) && !group.modal,
      trigger: { start: s.starts[trigger.token] as number, end: s.ends[trigger.end - 1] as number },
      evidenceFrom: Math.min(clause.subjects.length && clause.conjunctOf === null && clause.governor === null ? clause.start : group.start, group.start),
      evidenceTo: Math.max(trigger.end, coded.lastToken, coded.args.lastToken),
      rule: coded.rule,
      place,
      whereAntecedent: clause.whereAntecedent,
      timexes,
      inQuote,
      out,
    });
    if (built.length) groupEvents.set(trigger.group, built);
    return built;
  }

  function codeNounTrigger(trigger: NounTrigger): Candidate[] {
    if (consumedChunks.has(trigger.chunk) || trigger.noun.use === "object") return [];
    const chunk = s.chunks[trigger.chunk];
    if (!chunk) return [];
    // A noun event is a new event only when the text dates it: "Noem's *Wednesday* visit"; "the visit marks a
    // contrast" and "his crackdown on gangs" refer to events told elsewhere or to background.
    const inside = timexInRange(timexes, chunk.start, chunk.end, trigger.token);
    const after = timexes.find((t) => t.value && (t.first === chunk.end || (t.first === chunk.end + 1 && (s.tags[chunk.end] === "IN" || s.tags[chunk.end] === "TO"))));
    const when = inside ?? after ?? null;
    if (!when) return [];
    // The clause the noun sits in ("arrived in Amman *on a visit*"): its subject is the noun's source if none is given.
    // Only for meetings and visits, where the subject takes part: "Lebanon complained ... over two Israeli air raids"
    // is no raid by Lebanon.
    const host = trigger.noun.code.startsWith("04") ? clauses.find((c) => c.window.start <= chunk.start && chunk.start < c.window.end && !c.passive) : undefined;
    const hostSources = host ? host.subjects.flatMap((p) => resolvePhrase(state.scope, s, p)) : [];
    const args = nounArguments(state.scope, s, trigger.chunk, trigger.noun.targetPreps, mask, null, hostSources);
    const status = statusOfNoun(s, chunk.start, chunk.head);
    const datedStatus: StatusReading = status.status === "asserted" && when.value && state.doc.meta.date && when.value > state.doc.meta.date ? { status: "planned", cue: "future-date" } : status;
    return buildCandidates(state, s, si, {
      code: trigger.noun.code,
      reversed: false,
      args,
      status: datedStatus,
      date: when.value,
      ownDate: true,
      past: false,
      trigger: { start: s.starts[trigger.token] as number, end: s.ends[trigger.end - 1] as number },
      evidenceFrom: chunk.start,
      evidenceTo: Math.max(args.lastToken, chunk.end),
      rule: `event-noun:${trigger.noun.noun}/${args.rule}`,
      place: null,
      whereAntecedent: null,
      timexes,
      inQuote: null,
      out,
    });
  }
}

interface CodedVerb {
  readonly code: string;
  /** The verb's row says it codes only with a named target ("warn"). */
  readonly needsTarget: boolean;
  /** Only the pattern's second code applies: the event runs from the target to the source ("faces criticism"). */
  readonly reversed: boolean;
  readonly args: Arguments;
  readonly nounChunk: number | null;
  readonly lastToken: number;
  readonly rule: string;
}

function codeVerb(state: DocState, s: ParsedSentence, clause: Clause, trigger: VerbTrigger, mask: Uint8Array, nounTriggerAt: ReadonlyMap<number, NounTrigger>, clauses: readonly Clause[]): CodedVerb | null {
  const group = s.groups[trigger.group];
  if (!group) return null;
  const phrase = { start: trigger.end, end: patternWindowEnd(s, trigger.end, clause.window.end) };
  const subject = { start: Math.min(clause.start, group.start), end: group.start };
  let match = matchPatterns(s, trigger.entries, subject, phrase);
  const lexicon = eventLexicon();
  const verbWords = (trigger.entries[0]?.words ?? []).join(" ");
  const verbPrep = trigger.end - trigger.token > 1 && /^(with|to|on|against|into|for|from|at)$/.test(s.lower[trigger.end - 1] as string) ? (s.lower[trigger.end - 1] as string) : null;
  // Inside a quotation, "we" and "I" are its speaker (the quotes stage's reading).
  const at = s.starts[trigger.token] as number;
  const speaker = state.quotes.find((q) => q.start <= at && at < q.end)?.speaker ?? null;
  // The support verb's event noun: the first noun phrase of the verb phrase ("held *talks* with").
  let noun: NounTrigger | null = null;
  const baseWords = new Set(trigger.entries.map((e) => e.words.join(" ")));
  if ([...baseWords].some((w) => lexicon.supportVerbs.has(w)) || trigger.entries.every((e) => e.code === null)) {
    const slots = slotsIn(s, phrase.start, phrase.end, mask);
    const direct = slots[0];
    // "held talks", "led more than eight hours *of peace talks*": the object, or what it measures.
    if (direct && direct.prep === null) noun = nounTriggerAt.get(direct.phrase.chunk) ?? (direct.phrase.of !== null ? (nounTriggerAt.get(direct.phrase.of) ?? null) : null);
  }
  // "issued an ultimatum to Ecuador to halt attacks": the support verb's own object says more than a pattern word
  // found further on ("* attack").
  if (match && noun && lexicon.supportVerbs.has(verbWords.split(" ")[0] as string) && match.lastToken > (s.chunks[noun.chunk] as { end: number }).end + 1) match = null;
  let code: string | null = null;
  let reversed = false;
  let needsTarget = false;
  let rule: string;
  let lastToken = trigger.end;
  if (match && (match.pattern.code !== null || !noun)) {
    if (!match.pattern.code) return null;
    code = match.pattern.code.forward ?? match.pattern.code.reverse;
    reversed = match.pattern.code.forward === null;
    // CAMEO's appeals (02x) and demands (10x) share their subcodes; PETRARCH's DEMAND block codes many of its
    // patterns as appeals ("demanded talks" 026). A demanding verb keeps its cue category: 026 -> 106.
    const own = trigger.entries.find((e) => e.code?.forward)?.code?.forward ?? "";
    if (code && own.startsWith("10") && code.startsWith("02")) code = `10${code.slice(2)}`;
    rule = `pattern ${match.pattern.origin === "newsgraph" ? "newsgraph" : "petrarch"} ${match.pattern.id}`;
    lastToken = match.lastToken;
  } else if (noun && lexicon.supportVerbs.has(verbWords.split(" ")[0] as string)) {
    code = noun.noun.code;
    rule = `support-verb ${verbWords} + ${noun.noun.noun}`;
    lastToken = (s.chunks[noun.chunk] as { end: number }).end;
  } else if (noun && trigger.entries.every((e) => e.code === null) && noun.noun.use !== "object") {
    code = noun.noun.code;
    rule = `verb-object ${verbWords} + ${noun.noun.noun}`;
    lastToken = (s.chunks[noun.chunk] as { end: number }).end;
  } else {
    const entry = trigger.entries.find((e) => e.code !== null);
    if (!entry || !entry.code) return null;
    code = entry.code.forward ?? entry.code.reverse;
    reversed = entry.code.forward === null;
    needsTarget = entry.code.needsTarget === true;
    rule = `verb ${entry.origin} ${entry.id}`;
  }
  if (!code) return null;
  const args = verbArguments(
    state.scope,
    s,
    {
      clause,
      triggerEnd: trigger.end,
      verbPrep,
      targetAt: match?.targetAt ?? null,
      nounChunk: noun?.chunk ?? null,
      nounPreps: noun?.noun.targetPreps ?? [],
      fromIsSource: code.startsWith("174") || code.startsWith("166"),
      reporter: reporterOf(state, s, clause, clauses),
      governsInfinitive: true,
      // Looking further for a target ("aid program *for* Bosnia") suits aid and sanctions, not meetings: "visited the
      // prison complex *for* alleged gang members" visited no gang members.
      needsTarget: (needsTarget || (codebook().get(code)?.needsTarget ?? false)) && !code.startsWith("04"),
      placeIsSource: /^(09|17|11)/.test(code),
    },
    mask,
    speaker,
  );
  return { code, reversed, args, nounChunk: noun?.chunk ?? null, lastToken, rule: `${rule}; ${args.rule}`, needsTarget };
}

const REPORTING_VERB = /^(say|said|says|saying|tell|told|tells|announce[sd]?|announcing|state[sd]?|add(ed|s)?|claim(ed|s)?|report(ed|s)?|confirm(ed|s)?|declare[sd]?|reiterate[sd]?|insist(ed|s)?|warn(ed|s)?|indicate[sd]?|stress(ed|es)?|conclude[sd]?|believe[sd]?|argue[sd]?)$/;

const DEMAND_VERB = /^(demand(s|ed|ing)?|insist(s|ed|ing)?|urge[sd]?|urging|request(s|ed|ing)?|ask(s|ed|ing)?|call(s|ed|ing)?|appeal(s|ed|ing)?)$/;
const DEMAND_NOUN = /^(demands?|calls?|requests?|appeals?|ultimatums?|insistence)$/;

/**
 * Whether the clause is what someone demands: "demanded *that* Hamas renounce" ("verb") or "its demand today *that*
 * Israel ease" ("noun"), or neither.
 */
function demandBefore(s: ParsedSentence, clause: Clause): "verb" | "noun" | null {
  let k = clause.start - 1;
  for (const p of clause.subjects) k = Math.min(k, (s.chunks[p.chunk] as NounChunk).start - 1);
  if (s.lower[k] !== "that") return null;
  k--;
  while (k >= 0 && (s.tags[k] === "RB" || /^(today|yesterday|tonight)$/.test(s.lower[k] as string) || (s.tags[k] === "NNP" && /day$/.test(s.lower[k] as string)))) k--;
  const w = s.lower[k] ?? "";
  if ((s.groupAt[k] as number) >= 0 && DEMAND_VERB.test(w)) return "verb";
  if (DEMAND_NOUN.test(w)) return "noun";
  return null;
}

/** The subject of the nearest clause before this one ("The ILO reiterated its demand that ..."). */
function governingSubject(state: DocState, s: ParsedSentence, clause: Clause, clauses: readonly Clause[]): ResolvedActor[] {
  for (let k = clause.start - 1; k >= 0; k--) {
    const g = s.groupAt[k] as number;
    if (g >= 0 && clauses[g]) return subjectActors(state, s, clauses[g] as Clause);
  }
  return [];
}

/** "Syria *says* it is willing ...": the resolved subject of the reporting verb just before the clause's subject. */
function reporterOf(state: DocState, s: ParsedSentence, clause: Clause, clauses: readonly Clause[]): ResolvedActor[] {
  let from = clause.start - 1;
  for (const p of clause.subjects) from = Math.min(from, (s.chunks[p.chunk] as NounChunk).start - 1);
  for (let k = from; k >= 0 && k > from - 5; k--) {
    if (s.lower[k] === "that" || (mask(k) && s.groupAt[k] === -1)) continue;
    const g = s.groupAt[k] as number;
    if (g < 0) continue;
    const group = s.groups[g] as { main: number; start: number };
    if (!REPORTING_VERB.test(s.lower[group.main] as string)) return [];
    const reporting = clauses[g];
    return reporting ? subjectActors(state, s, reporting) : [];
  }
  return [];

  function mask(k: number): boolean {
    return s.tags[k] === "RB" || s.tags[k] === "NNP" || s.tags[k] === "IN";
  }
}

/** A clause's subjects as actors; when its head names none, the first phrase of the subject that does. */
function subjectActors(state: DocState, s: ParsedSentence, clause: Clause): ResolvedActor[] {
  const direct = clause.subjects.flatMap((p) => resolvePhrase(state.scope, s, p));
  if (direct.length) return direct;
  const groupStart = (s.groups[clause.group] as { start: number }).start;
  for (const chunk of s.chunks) {
    if (chunk.start < clause.start) continue;
    if (chunk.start >= groupStart) break;
    const r = resolveChunk(state.scope, s, chunk);
    if (r.length) return r;
  }
  return [];
}

/**
 * Where a verb's patterns may look: its own phrase, with a to-infinitive it governs ("threatened *to impose
 * sanctions*"), but not a "that" clause or another verb's phrase ("said *that removing the sanctions* ...": the
 * sanctions are not what was said).
 */
function patternWindowEnd(s: ParsedSentence, from: number, end: number): number {
  let infinitives = 0;
  for (let i = from; i < end; i++) {
    if (s.lower[i] === "that" && (s.tags[i] === "IN" || s.tags[i] === "WDT")) return i;
    const g = s.groupAt[i] as number;
    if (g < 0 || (s.groups[g] as { start: number }).start !== i) continue;
    // Only an infinitive right after the verb or its object: "threatened *to impose*", "urged Iran *to release*", not one
    // inside a later phrase ("halted economic aid to Serbia in line with Western efforts *to end* the fighting").
    const objectEnd = (s.chunkAt[from] as number) >= 0 ? (s.chunks[s.chunkAt[from] as number] as { end: number }).end : from;
    if ((s.groups[g] as { infinitive: boolean }).infinitive && infinitives === 0 && i > from && (i === from || i <= objectEnd + 1)) {
      infinitives++;
      continue;
    }
    if (i > from) return i;
  }
  return end;
}

/** "talks in Doha", "met at the White House": a place in the verb phrase. */
function explicitPlace(state: DocState, s: ParsedSentence, clause: Clause, mask: Uint8Array): EventPlace | null {
  for (const slot of slotsIn(s, clause.window.start, clause.window.end, mask)) {
    if (slot.prep !== "in" && slot.prep !== "at") continue;
    const found = resolvePhrase(state.scope, s, slot.phrase).find((r) => r.place);
    const place = found ? placeOf(found) : null;
    if (place) return place;
  }
  return null;
}

interface BuildInput {
  readonly code: string;
  readonly needsTarget?: boolean;
  readonly reversed: boolean;
  readonly args: Arguments;
  readonly status: StatusReading;
  readonly date: string | null;
  readonly ownDate: boolean;
  readonly past: boolean;
  readonly trigger: Span;
  readonly evidenceFrom: number;
  readonly evidenceTo: number;
  readonly rule: string;
  readonly place: EventPlace | null;
  readonly whereAntecedent: number | null;
  readonly timexes: readonly SentenceTimex[];
  readonly inQuote: QuoteRange | null;
  /** The sentence's events so far (a "where" clause takes its antecedent's date and place from them). */
  readonly out: readonly Candidate[];
}

const sourceKey = (a: EventActor | null) => (a ? (a.actor !== null ? `#${a.actor}` : a.name.toLowerCase()) : "");

function buildCandidates(state: DocState, s: ParsedSentence, si: number, input: BuildInput): Candidate[] {
  const book = codebook();
  const info = book.get(input.code) ?? book.get(input.code.slice(0, 3)) ?? book.get(cameoRoot(input.code));
  if (!info || !info.plover) return []; // CAMEO 01 and 02 (statements, appeals): PLOVER dropped them, so does newsgraph.
  // "was struck by Cyclone Chido": a force of nature acting codes no event
  if (input.args.sources.some((a) => a?.via === "hazard") || input.args.targets.some((set) => set.some((a) => a.via === "hazard"))) return [];
  let sources: (ResolvedActor | null)[] = [...input.args.sources];
  let targetSets: ResolvedActor[][] = input.args.targets.map((t) => [...t]);
  // "The officials also signed an agreement", "Petro and Trump met": several sources and no target make a pair.
  if (sources.length > 1 && targetSets.length === 0) {
    targetSets = sources.slice(1).map((t) => [t as ResolvedActor]);
    sources = [sources[0] as ResolvedActor];
  }
  if (!sources.length) sources = [null];
  // "Red Cross officials suspended aid deliveries *in Baghdad*": where a code needs a target, the place stands for it;
  // so does the place a visit is to ("Saddam Hussein arrived *in Amman*").
  if (!targetSets.length && info.needsTarget && input.place?.country && (!input.code.startsWith("04") || input.code.startsWith("042"))) {
    const p = input.place;
    targetSets = [[{ actor: { name: p.name ?? p.country ?? "", country: p.country, sector: null, code: p.country, person: false, actor: null }, start: input.trigger.start, end: input.trigger.end, place: true, via: "entity" }]];
  }
  const targets: (ResolvedActor | null)[] = targetSets.length ? targetSets.map((set) => set[0] as ResolvedActor) : [null];
  // The where-antecedent: "El Salvador, where she met ..." happened in El Salvador, on the visit's day.
  let place = input.place;
  let date = input.date;
  let ownDate = input.ownDate;
  if (input.whereAntecedent !== null) {
    const antecedent = resolveChunk(state.scope, s, s.chunks[input.whereAntecedent] as NounChunk)[0];
    const antecedentPlace = antecedent ? visitPlace(antecedent) : null;
    place ??= antecedentPlace;
    const earlier = input.out.find((c) => c.targetSpan && antecedent && c.targetSpan.start === antecedent.start);
    if (!date && earlier?.event.date) {
      date = earlier.event.date;
      ownDate = true;
    }
  }
  // "They agreed to meet again next week": an event told in the past does not happen after the article; the date is the
  // complement's ("meet ... next week"), and the agreement takes the narrative's date instead
  const articleDay = state.doc.meta.date;
  if (date && input.past && articleDay && input.status.status === "asserted" && (timexDay(date)?.day ?? "") > articleDay) {
    date = null;
    ownDate = false;
  }
  let status: EventStatus = input.status.status;
  let statusCue = input.status.cue;
  if (status === "asserted" && date && state.doc.meta.date && date > state.doc.meta.date && !input.past) {
    status = "planned";
    statusCue = "future-date";
  }
  // The narrative's time: an undated past event happened when the story last said something happened.
  if (!date && input.past && status === "asserted" && state.referenceDate) date = state.referenceDate;
  else if (date && ownDate && input.past && status === "asserted") state.referenceDate = date;

  const out: Candidate[] = [];
  for (const src of sources.slice(0, 4)) {
    for (const tgt of targets.slice(0, 4)) {
      let source = src;
      let target = tgt;
      if (input.reversed) [source, target] = [target, source];
      const code = input.code;
      let eventPlace = place;
      if (!eventPlace && code.startsWith("042") && target) eventPlace = visitPlace(target);
      if (!eventPlace && code.startsWith("043") && source?.actor.country) eventPlace = { name: null, country: source.actor.country, lat: null, lon: null };
      // Where the source was visiting that day: "Later in the day, Noem met with police" in Colombia.
      if (!eventPlace && source) {
        const visit = state.visits.get(sourceKey(source.actor));
        if (visit && ((date && visit.date === date) || (!date && si - visit.sentence <= 3))) eventPlace = visit.place;
      }
      const event: NewsEvent = {
        start: s.starts[Math.max(0, Math.min(input.evidenceFrom, s.words.length - 1))] as number,
        end: s.ends[Math.max(0, Math.min(input.evidenceTo, s.words.length) - 1)] as number,
        provenance: { stage: "events", rule: `${input.rule}${statusCue ? `; status:${statusCue}` : ""}` },
        cameo: code,
        goldstein: info.goldstein,
        plover: info.plover,
        ploverMode: info.ploverMode,
        source: source?.actor ?? null,
        target: target?.actor ?? null,
        date,
        location: eventPlace,
        status,
        trigger: input.trigger,
      };
      out.push({
        event,
        sentence: si,
        sourceVia: source?.via ?? null,
        targetSpan: target ? { start: target.start, end: target.end } : null,
        sourceUnnamed: input.args.sourceUnnamed,
        needsTarget: info.needsTarget || input.needsTarget === true,
        inQuote: input.inQuote !== null,
      });
      if (code.startsWith("042") && eventPlace && source && status === "asserted") state.visits.set(sourceKey(source.actor), { date, place: eventPlace, sentence: si });
    }
  }
  // Everyone in this meeting: "the officials", "they" and "the leaders" in the next sentences mean them.
  if (cameoRoot(input.code) === "04" && out.some((c) => c.event.source && c.event.target && c.sourceVia !== "collective")) {
    const people: ResolvedActor[] = [];
    for (const src of sources) if (src) people.push(src);
    // a country met or talked with is a party ("Iran met the United States. They agreed ..."); a country visited is not
    const visit = input.code.startsWith("042") || input.code.startsWith("043");
    for (const set of targetSets) for (const t of set) if (!t.place || !visit) people.push(t);
    state.discourse.participants = people;
  }
  return out;
}

export const events: Stage = {
  name: "events",
  // Also reads corefs, roles and quotes when present; works (less well) on a document with only sentences and tokens.
  requires: ["sentences", "tokens", "entities", "actors", "timexes"],
  provides: ["events"],
  run: (doc) => withLayers(doc, { events: codeDocument(doc) }),
};

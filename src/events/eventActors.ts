// Who a noun phrase names, as an event's source or target: the article's resolved actor when the
// entity stages ran ("Noem" -> Kristi Noem, USA, GOV), a country or people ("Venezuelans" -> VEN),
// a CAMEO agent noun with the country its modifiers give ("the U.S. government" -> USA GOV), a
// pronoun through the coreference layer, or a plural description ("the officials", "the leaders")
// through the participants of the last meeting. A phrase that names none of these is no actor.
import type { Doc, DocActor, EntityMention, EventActor, QuoteSpeaker } from "../model/document.js";
import type { NounChunk, ParsedSentence } from "../syntax/shallowParse.js";
import type { Phrase } from "./clauses.js";
import { eventLexicon } from "./eventLexicon.js";

export interface ResolvedActor {
  readonly actor: EventActor;
  /** The words that name it, as document offsets. */
  readonly start: number;
  readonly end: number;
  /** A country, city or region (a visit's destination, an event's place). */
  readonly place: boolean;
  /** How it was found, for the event's rule. */
  readonly via: "entity" | "actor" | "pronoun" | "agent" | "collective" | "name" | "hazard";
}

/** What earlier sentences established, for plural descriptions. */
export interface Discourse {
  /** Everyone in the last meeting ("Noem sat down with ... Sarabia"): "the officials" then means them. */
  participants: readonly ResolvedActor[];
}

export interface ActorScope {
  readonly doc: Doc;
  /** Entity mentions sorted by start. */
  readonly entities: readonly EntityMention[];
  readonly discourse: Discourse;
}

const QUANTITY = new Set(["worth", "billion", "billions", "million", "millions", "hundreds", "thousands", "dozens", "millions", "scores", "tens", "group", "groups", "number", "some", "many", "most", "all", "couple", "crowd", "crowds", "handful", "majority", "rest", "both", "each", "one", "two", "three", "four", "five", "several", "few", "members", "member", "lot", "lots", "part", "half", "wave", "flights", "flight", "batch", "busload"]);
const COLLECTIVE = new Set(["officials", "leaders", "sides", "two", "both", "ministers", "presidents", "countries", "nations", "governments", "parties", "delegations", "men", "women", "pair"]);
const PLACE_TYPES = new Set(["GPE", "LOC", "FAC"]);
const ACTOR_TYPES = new Set(["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"]);
const PERSONAL = new Set(["he", "she", "him", "her"]);
const SPEAKER = new Set(["we", "i", "us", "me"]);

/** The first entity that ends after `offset` (entities are sorted by start and do not overlap). */
function firstAfter(entities: readonly EntityMention[], offset: number): number {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entities[mid] as EntityMention).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function entitiesIn(scope: ActorScope, start: number, end: number): EntityMention[] {
  const out: EntityMention[] = [];
  for (let i = firstAfter(scope.entities, start); i < scope.entities.length; i++) {
    const e = scope.entities[i] as EntityMention;
    if (e.start >= end) break;
    if (e.end > start && ACTOR_TYPES.has(e.type)) out.push(e);
  }
  return out;
}

function actorOf(scope: ActorScope, index: number | null): DocActor | undefined {
  return index === null ? undefined : scope.doc.layers.actors?.[index];
}

function fromDocActor(a: DocActor): EventActor {
  return { name: a.name, country: a.country, sector: a.sector, code: a.code, person: a.type === "PERSON", actor: a.index };
}

/** The fullest name the article gives a person named by surname: "Noem" -> "Kristi Noem". */
function fullestName(scope: ActorScope, mention: EntityMention): string {
  const surname = mention.text.split(/\s+/).pop() ?? mention.text;
  let best = mention.text;
  for (const e of scope.entities) if (e.type === "PERSON" && e.text.length > best.length && e.text.split(/\s+/).pop() === surname) best = e.text;
  return best;
}

/**
 * The CAMEO sector of the agent phrase the words end in: "Foreign Minister" -> GOV, "the police" -> COP. Only a
 * phrase that ends the words counts: "our criminal laws" is no criminal, "border security" no security force.
 */
function sectorOf(words: readonly string[]): string | null {
  if (!words.length) return null;
  const agents = eventLexicon().agents;
  for (let len = Math.min(3, words.length, agents.longestEndingWith(words[words.length - 1] as string)); len >= 1; len--) {
    const code = agents.at(words, words.length - len, len);
    if (code) return code;
  }
  // "Opposition groups", "the rebel movement": a group takes the sector of the word before it.
  if (words.length > 1 && GROUP_HEADS.has(words[words.length - 1] as string)) return sectorOf(words.slice(0, -1));
  return null;
}

const GROUP_HEADS = new Set(["group", "groups", "movement", "movements", "party", "parties", "coalition", "alliance", "organization", "organizations", "organisation", "network", "faction", "factions", "front", "camp", "bloc", "members", "activists", "leaders", "leadership", "wing"]);

/** A title before a name: the last agent phrase among the words ("U.S. Homeland Security *Secretary*"). */
function titleSector(words: readonly string[]): string | null {
  for (let end = words.length; end > 0; end--) {
    const code = sectorOf(words.slice(0, end));
    if (code) return code;
  }
  return null;
}

function lastPersonBefore(scope: ActorScope, offset: number): EntityMention | null {
  for (let i = firstAfter(scope.entities, offset) - 1; i >= 0; i--) {
    const e = scope.entities[i] as EntityMention;
    if (e.type === "PERSON" && e.end <= offset) return e;
  }
  return null;
}

function personActor(scope: ActorScope, mention: EntityMention): EventActor {
  const a = actorOf(scope, mention.actor);
  return a ? fromDocActor(a) : { name: fullestName(scope, mention), country: mention.country, sector: null, code: null, person: true, actor: null };
}

const codeOf = (country: string | null, sector: string | null) => (country ? `${country}${sector ?? ""}` : null);

export function resolvePhrase(scope: ActorScope, s: ParsedSentence, phrase: Phrase, speaker: QuoteSpeaker | null = null): ResolvedActor[] {
  const head = s.chunks[phrase.chunk];
  if (!head) return [];
  const headWord = s.lower[head.head] as string;
  // "hundreds of Venezuelans", "a group of Yoruba leaders": the complement is the actor.
  if (phrase.of !== null && (QUANTITY.has(headWord) || s.tags[head.head] === "CD")) {
    const inner = resolvePhrase(scope, s, { chunk: phrase.of, of: null }, speaker);
    if (inner.length) return inner;
  }
  let resolved = resolveChunk(scope, s, head, speaker);
  // "Security forces *in Somalia*": a place right after an agent noun gives its country.
  if (resolved.length === 1 && (resolved[0] as ResolvedActor).via === "agent" && !(resolved[0] as ResolvedActor).actor.country && /^(in|from)$/.test(s.lower[head.end] ?? "")) {
    const next = s.chunkAt[head.end + 1] as number;
    const place = next >= 0 ? resolveChunk(scope, s, s.chunks[next] as NounChunk, speaker).find((r) => r.place && r.actor.country) : undefined;
    const only = resolved[0] as ResolvedActor;
    if (place) resolved = [{ ...only, actor: { ...only.actor, country: place.actor.country, code: codeOf(place.actor.country, only.actor.sector) } }];
  }
  // "the government of Colombia", "the president of Mexico": the complement gives the country.
  if (phrase.of !== null && resolved.length === 1) {
    const only = resolved[0] as ResolvedActor;
    if (only.via === "agent" && !only.actor.country) {
      const inner = resolveChunk(scope, s, s.chunks[phrase.of] as NounChunk, speaker)[0];
      const country = inner?.actor.country ?? null;
      if (country) return [{ ...only, actor: { ...only.actor, country, code: codeOf(country, only.actor.sector) } }];
    }
  }
  return resolved;
}

/** The possessor of a chunk ("*Noem 's* Wednesday visit") as a chunk of its own, or null. */
export function possessorChunk(chunk: NounChunk): NounChunk | null {
  if (chunk.possessorEnd === null) return null;
  return { start: chunk.start, end: chunk.possessorEnd + 1, head: chunk.possessorEnd, possessorEnd: null };
}

/** Words before an agent noun that count or point, not name: "at least 50 al-Shabab militants" is "al-Shabab militants". */
const COUNTING = new Set(["the", "a", "an", "its", "his", "her", "their", "our", "some", "many", "several", "few", "more", "most", "other", "at", "least", "about", "nearly", "almost", "around", "over", "up", "to", "dozens", "hundreds", "thousands", "scores", "of", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "hundred", "thousand", "all", "both", "these", "those"]);

/**
 * The name an unnamed agent goes by ("militants", "al-Shabab militants", "U.S. officials"): the chunk without the
 * counting words and numbers before it, so that the same agent in two stories is one actor.
 */
function agentName(s: ParsedSentence, head: NounChunk): string {
  let k = head.start;
  while (k < head.head && (COUNTING.has(s.lower[k] as string) || s.tags[k] === "CD")) k++;
  return s.words.slice(k, head.end).join(" ");
}

export function resolveChunk(scope: ActorScope, s: ParsedSentence, head: NounChunk, speaker: QuoteSpeaker | null = null): ResolvedActor[] {
  const headWord = s.lower[head.head] as string;
  const chunkStart = s.starts[head.start] as number;
  const chunkEnd = s.ends[head.end - 1] as number;
  const words = s.lower.slice(head.start, head.end);

  // Pronouns: the coreference layer first, then the discourse.
  if (head.end - head.start === 1 && s.tags[head.start] === "PRP") {
    const coref = scope.doc.layers.corefs?.find((c) => c.start < chunkEnd && c.end > chunkStart);
    const a = coref ? actorOf(scope, coref.actor) : undefined;
    if (a) return [{ actor: fromDocActor(a), start: chunkStart, end: chunkEnd, place: false, via: "pronoun" }];
    // Without coreference: "he"/"she" is the last person named before it ("Noem's visit to El Salvador, where *she* met").
    const person = PERSONAL.has(headWord) ? lastPersonBefore(scope, chunkStart) : null;
    if (person) return [{ actor: personActor(scope, person), start: chunkStart, end: chunkEnd, place: false, via: "pronoun" }];
    if (SPEAKER.has(headWord) && speaker) {
      const a2 = actorOf(scope, speaker.actor);
      const actor: EventActor = a2 ? fromDocActor(a2) : { name: speaker.name, country: null, sector: null, code: null, person: true, actor: null };
      return [{ actor, start: chunkStart, end: chunkEnd, place: false, via: "pronoun" }];
    }
    if ((headWord === "they" || headWord === "them") && scope.discourse.participants.length > 1) return scope.discourse.participants.map((p) => ({ ...p, start: chunkStart, end: chunkEnd, via: "collective" as const }));
    return [];
  }

  // "Cyclone Chido", "the earthquake": a force of nature is no actor, and what it did is no political event
  const lexicon = eventLexicon();
  if (words.some((w) => lexicon.hazards.has(w))) {
    return [{ actor: { name: s.words.slice(head.start, head.end).join(" "), country: null, sector: null, code: null, person: false, actor: null }, start: chunkStart, end: chunkEnd, place: false, via: "hazard" }];
  }
  const entities = entitiesIn(scope, chunkStart, chunkEnd);
  const headStart = s.starts[head.head] as number;
  const possessorEnd = head.possessorEnd === null ? -1 : (s.ends[head.possessorEnd] as number);
  // The entity that is the chunk's head, else (unless the head is an agent noun: "the *Trump administration*") the last
  // person or organisation after any possessor.
  let main = entities.find((e) => e.start <= headStart && e.end > headStart);
  if (!main && !sectorOf([headWord])) main = [...entities].reverse().find((e) => (e.type === "PERSON" || e.type === "ORG") && e.start >= possessorEnd);
  const modifiers = entities.filter((e) => e !== main);
  const modifierCountry = () => modifiers.find((e) => e.country)?.country ?? (modifiers.length ? (actorOf(scope, modifiers[0]?.actor ?? null)?.country ?? null) : null);

  // "the Qahira Hotel", "Kabul airport": a name ending in a building or site is where something happened
  if (main && lexicon.placeNouns.has(main.text.toLowerCase().split(/\s+/).pop() ?? "")) return [];
  if (main) {
    const docActor = actorOf(scope, main.actor);
    const titleWords = s.lower.slice(head.start, head.end).filter((_, k) => (s.ends[head.start + k] as number) <= main.start);
    if (docActor) {
      const actor = fromDocActor(docActor);
      const country = actor.country ?? modifierCountry();
      const sector = actor.sector ?? titleSector(titleWords);
      return [{ actor: { ...actor, country, sector, code: actor.code ?? codeOf(country, sector) }, start: main.start, end: main.end, place: PLACE_TYPES.has(main.type), via: "actor" }];
    }
    const person = main.type === "PERSON";
    const country = main.country ?? modifierCountry();
    // "the U.S. government": a place entity modifying an agent noun is the agent's country, not the actor.
    const agentHead = !person && main.end <= headStart ? sectorOf([headWord]) : null;
    if (agentHead) {
      const name = agentName(s, head);
      return [{ actor: { name, country, sector: agentHead, code: codeOf(country, agentHead), person: false, actor: null }, start: chunkStart, end: chunkEnd, place: false, via: "agent" }];
    }
    const sector = person ? titleSector(titleWords) : null;
    const name = person ? fullestName(scope, main) : main.text;
    return [{ actor: { name, country, sector, code: codeOf(country, sector), person, actor: null }, start: main.start, end: main.end, place: PLACE_TYPES.has(main.type), via: "entity" }];
  }

  // No name: a CAMEO agent noun ("police", "the U.S. government", "protesters") or a plural description of the last meeting.
  const determiner = s.lower[head.start] as string;
  if (COLLECTIVE.has(headWord) && (determiner === "the" || determiner === "both") && scope.discourse.participants.length > 1 && !modifiers.length)
    return scope.discourse.participants.map((p) => ({ ...p, start: chunkStart, end: chunkEnd, via: "collective" as const }));
  // The roles stage reads group nouns too ("police" in a story set in Colombia -> COL COP): its reading comes first.
  const role = scope.doc.layers.roles?.find((r) => r.holder === null && r.start < (s.ends[head.head] as number) && r.end > headStart && r.sector);
  const sector = role?.sector ?? sectorOf(words.slice(0, head.head - head.start + 1));
  if (sector) {
    let country = role?.country ?? modifierCountry();
    // "her government", "its troops": the possessive pronoun's actor gives the country.
    if (!country && s.tags[head.start] === "PRP$") {
      const coref = scope.doc.layers.corefs?.find((c) => c.start < (s.ends[head.start] as number) && c.end > (s.starts[head.start] as number));
      const person = PERSONAL.has(determiner) ? lastPersonBefore(scope, chunkStart) : null;
      country = (coref ? actorOf(scope, coref.actor)?.country : null) ?? (person ? personActor(scope, person).country : null);
    }
    // "an inclusive government that protects ...": an unnamed, indefinite institution is no one in particular (a person
    // is: "a prominent journalist has been killed").
    if (!country && /^(a|an|any|some|every|each)$/.test(determiner) && /^(GOV|LEG|JUD|BUS|IGO|NGO|EDU)$/.test(sector)) return [];
    const name = agentName(s, head);
    return [{ actor: { name, country, sector, code: codeOf(country, sector), person: false, actor: null }, start: chunkStart, end: chunkEnd, place: false, via: "agent" }];
  }
  // "The Turkish and Greek sides", "Ibo traditional elders": a people or country named inside the phrase stands for it.
  const named = entities.find((e) => e.type === "NORP" || e.type === "GPE" || e.type === "ORG");
  if (named && !eventLexicon().things.has(headWord)) {
    const a = actorOf(scope, named.actor);
    const actor: EventActor = a ? fromDocActor(a) : { name: named.text, country: named.country, sector: null, code: codeOf(named.country, null), person: false, actor: null };
    return [{ actor, start: named.start, end: named.end, place: false, via: "entity" }];
  }
  // Without an entity layer: a run of proper nouns at the head is a name.
  if (!scope.doc.layers.entities && /^NNP/.test(s.tags[head.head] as string)) {
    let a = head.head;
    while (a > head.start && /^NNP/.test(s.tags[a - 1] as string)) a--;
    const name = s.words.slice(a, head.head + 1).join(" ");
    return [{ actor: { name, country: null, sector: null, code: null, person: false, actor: null }, start: s.starts[a] as number, end: s.ends[head.head] as number, place: false, via: "name" }];
  }
  return [];
}

// Clause structure around a verb group, read off the shallow parse: its subject (through
// coordination, relative pronouns, control and participles), the words of its verb phrase, and the
// verb that governs it. This is what turns "Venezuelans deported by the U.S. government" into a
// passive with an agent, and "is set to visit Mexico and meet with President Claudia Sheinbaum"
// into two verbs that share a subject and a status.
import type { ParsedSentence } from "../syntax/shallowParse.js";
import { isBe } from "../syntax/shallowParse.js";

/** A noun phrase: a chunk, and the chunk of its "of" complement ("hundreds *of Venezuelans*"). */
export interface Phrase {
  readonly chunk: number;
  readonly of: number | null;
}

export interface Clause {
  readonly group: number;
  /** Coordinated subjects in order ("Petro and U.S. President Donald Trump" -> two), or none. */
  readonly subjects: readonly Phrase[];
  /** The first token of the clause: before-patterns and time expressions are looked for from here. */
  readonly start: number;
  /** The verb phrase after the verb: [start, end). */
  readonly window: { readonly start: number; readonly end: number };
  /** The group whose to-infinitive this is ("is *set* to visit"), inherited by a coordinated verb. */
  readonly governor: number | null;
  /** The group this one is coordinated with ("visit Mexico and *meet*"). */
  readonly conjunctOf: number | null;
  /** A participle or purpose clause attached to another clause (", killing one person"; "to discuss"). */
  readonly adjunctOf: number | null;
  /** The subject is the event's target: "were deported", "Venezuelans deported by". */
  readonly passive: boolean;
  /** "El Salvador, *where* she met ...": the chunk the relative adverb refers to. */
  readonly whereAntecedent: number | null;
  /** The first token of a "that" clause in the verb phrase ("demanded *that* Israel ease"), or -1. */
  readonly thatClause: number;
  /** A gerund used as a noun: "the importance *of recognizing*", "over *accepting* flights": no event of its own. */
  readonly gerund: boolean;
}

const PREPOSITIONS = new Set(["of", "in", "on", "at", "from", "near", "throughout", "along", "including", "across", "inside", "outside", "within", "around", "along", "under", "over", "for", "with", "by", "among", "between", "behind", "beyond", "to", "into"]);
const RELATIVE_PRONOUNS = new Set(["who", "which", "that", "whom"]);
const CLAUSE_WORDS = new Set(["because", "while", "although", "though", "whereas", "unless", "if", "since", "until", "when", "where", "which", "who", "whom", "whose", "whether", "what", "how", "why"]);
/** Prepositions before a gerund that make it an adjunct of the clause ("*after* meeting X") rather than a noun. */
const ADJUNCT_PREPOSITIONS = new Set(["by", "after", "before", "while", "when", "since", "without", "upon", "despite"]);
const REPORTING = /^(said|says|told|announced|stated|added|claimed|reported|confirmed|declared|reiterated|insisted|warned|noted|wrote)$/;
const TELLING = /^(tell|told|tells|telling|inform(ed|s)?|warn(ed|s)?|assure[sd]?|remind(ed|s)?|notif(y|ied|ies)|convince[sd]?|persuade[sd]?)$/;
const OBJECT_CONTROL = new Set(["urge", "urged", "urges", "urging", "ask", "asked", "asks", "asking", "call", "called", "calls", "calling", "force", "forced", "forces", "order", "ordered", "orders", "allow", "allowed", "allows", "invite", "invited", "invites", "persuade", "persuaded", "tell", "told", "tells", "encourage", "encouraged", "encourages", "press", "pressed", "presses", "pressure", "pressured", "push", "pushed", "warn", "warned", "warns", "request", "requested", "requests", "help", "helped", "helps", "appeal", "appealed"]);

export function analyzeClauses(s: ParsedSentence, timexToken: Uint8Array): Clause[] {
  const n = s.words.length;
  const clauses: Clause[] = [];
  const chunkEndingAt = (i: number): number => {
    if (i < 0 || i >= n) return -1;
    const c = s.chunkAt[i] as number;
    return c >= 0 && (s.chunks[c] as { end: number }).end === i + 1 ? c : -1;
  };
  /** Back over adverbs and time expressions with their preposition ("Trump *on Wednesday* announced"). */
  const skipBack = (i: number): number => {
    for (;;) {
      if (i < 0) return i;
      if (s.tags[i] === "RB" || timexToken[i] === 1) i--;
      // "Trump *on Wednesday* announced", "Trump *at first* imposed": a preposition before a time or an adverb.
      else if (s.tags[i] === "IN" && i + 1 < n && (timexToken[i + 1] === 1 || s.tags[i + 1] === "RB")) i--;
      else return i;
    }
  };

  /** The noun phrase ending at token i, walked left through "of" complements and prepositional modifiers. */
  function phraseEndingAt(i: number): { phrase: Phrase; start: number } | null {
    let c = chunkEndingAt(i);
    if (c < 0) return null;
    let phrase: Phrase = { chunk: c, of: null };
    let extendedStart = -1;
    for (;;) {
      const chunk = s.chunks[c] as { start: number };
      let j = chunk.start - 1;
      // "The Asia-Pacific Economic Cooperation (APEC) forum": a parenthesis inside the noun phrase.
      if (j > 1 && s.words[j] === ")") {
        let k = j - 1;
        while (k > 0 && k > j - 6 && s.words[k] !== "(") k--;
        const outer = s.words[k] === "(" ? chunkEndingAt(k - 1) : -1;
        if (outer >= 0) {
          extendedStart = (s.chunks[outer] as { start: number }).start;
          c = outer;
          j = extendedStart - 1;
          if (j < 1) break;
        }
      }
      if (j < 1) break;
      const w = s.lower[j] as string;
      // "Nigerians *from throughout* the country": two prepositions in a row.
      if (PREPOSITIONS.has(w) && j > 1 && PREPOSITIONS.has(s.lower[j - 1] as string)) j--;
      const before = chunkEndingAt(j - 1);
      if (before < 0 || !PREPOSITIONS.has(w) || s.groupAt[j - 1] !== -1) break;
      // "Thousands of Iraqi Kurds": the quantity's complement is the actor; "students throughout Indonesia": a modifier.
      phrase = w === "of" ? { chunk: before, of: phrase.chunk } : { chunk: before, of: null };
      c = before;
    }
    const start = (s.chunks[phrase.chunk] as { start: number }).start;
    return { phrase, start: extendedStart >= 0 ? Math.min(start, extendedStart) : start };
  }

  /** Subjects ending just before token `end` (coordinated ones included), skipping adverbs, times and a parenthetical. */
  function subjectsBefore(end: number): { subjects: Phrase[]; start: number } | null {
    let i = skipBack(end - 1);
    // "The International Labor Office (ILO) reiterated": a parenthesis after the subject.
    if (i > 0 && s.words[i] === ")") {
      let k = i - 1;
      while (k > 0 && k > i - 8 && s.words[k] !== "(") k--;
      if (s.words[k] === "(") i = skipBack(k - 1);
    }
    // "Petro and U.S. President Donald Trump, both populists, share": skip an appositive between commas.
    if (i >= 0 && s.words[i] === ",") {
      // The appositive may hold a participle ("Salaheddine Sidhoum, Algeria's *leading* human rights activist, staged").
      const participle = (k: number) => {
        const g = s.groupAt[k] as number;
        return g === -1 || ((s.groups[g] as { bare: boolean }).bare && !(s.groups[g] as { finite: boolean }).finite);
      };
      let k = i - 1;
      while (k >= 0 && k > i - 12 && s.words[k] !== "," && participle(k)) k--;
      if (k >= 0 && s.words[k] === "," && k < i - 1 && chunkEndingAt(k - 1) >= 0) i = k - 1;
      else return null;
    }
    let first = phraseEndingAt(i);
    if (!first) return null;
    // "British aircraft *using precision guided missiles* killed 4 Iraqis": a participle phrase modifying the subject
    // (the tagger may read "guided" as a past tense too).
    for (let step = 0; step < 2; step++) {
      const p0 = first.start - 1;
      const participle = p0 >= 1 ? (s.groupAt[p0] as number) : -1;
      if (participle < 0) break;
      const pg = s.groups[participle] as { start: number; main: number };
      // Not a reporting verb: "O'Brien said *the president* would meet" has the president as the subject.
      if (pg.start !== pg.main || !/^(VBG|VBN|VBD)$/.test(s.tags[p0] as string) || REPORTING.test(s.lower[p0] as string)) break;
      const owner = phraseEndingAt(pg.start - 1);
      if (!owner) break;
      first = owner;
    }
    const subjects = [first.phrase];
    let start = first.start;
    // "Russia, China and Iran condemned": coordinated subjects (a comma only inside a list that ends in "and").
    let sawAnd = false;
    for (;;) {
      const j = start - 1;
      const w = s.lower[j];
      if (j < 1 || !(w === "and" || w === "or" || (w === "," && sawAnd))) break;
      const prev = phraseEndingAt(j - 1);
      if (!prev) break;
      sawAnd = true;
      subjects.unshift(prev.phrase);
      start = prev.start;
    }
    return { subjects, start };
  }

  function windowEnd(from: number): { end: number; that: number } {
    let that = -1;
    for (let i = from; i < n; i++) {
      const w = s.lower[i] as string;
      const tag = s.tags[i] as string;
      if (i - from > 30 || w === ";" || (w === ":" && i > from)) return { end: i, that };
      // "demanded *that* Israel ease restrictions" (a complement, IN) but "a general strike *that* shut down ..." (a
      // relative clause, WDT, which ends the verb phrase).
      if (w === "that" && i === from) {
        that = i;
        continue;
      }
      if (CLAUSE_WORDS.has(w) || (w === "that" && tag !== "DT")) {
        // "told reporters *that*", "warned Iran *that*": a that-clause after the verb's object.
        if (w === "that" && tag === "IN" && that < 0 && TELLING.test(s.lower[(s.groups[s.groupAt[from - 1] as number] as { main: number } | undefined)?.main ?? -1] ?? "")) {
          that = i;
          continue;
        }
        return { end: i, that };
      }
      const g = s.groupAt[i] as number;
      if (g >= 0 && i > from) {
        const group = s.groups[g] as { start: number; finite: boolean; infinitive: boolean; bare: boolean };
        if (group.start === i && group.finite) return { end: i, that };
      }
      if ((w === "and" || w === "but" || w === "or" || w === ",") && i > from) {
        let k = i + 1;
        while (k < n && s.tags[k] === "RB") k++;
        if (k < n && (s.groupAt[k] as number) >= 0) return { end: i, that };
        if (w === "," && k < n && (s.tags[k] === "WDT" || s.tags[k] === "WP" || s.tags[k] === "WRB")) return { end: i, that };
        // "..., the BTA reported", "..., a senior Israeli official said": a new clause after the comma.
        if (w === ",") {
          let j = k;
          while (j < n && j - k < 8 && (s.groupAt[j] as number) < 0 && s.words[j] !== ",") j++;
          const g2 = j < n ? (s.groupAt[j] as number) : -1;
          if (j > k && g2 >= 0 && (s.groups[g2] as { finite: boolean }).finite && (s.chunkAt[j - 1] as number) >= 0) return { end: i, that };
        }
      }
      if ((w === "as" || w === "after" || w === "before") && i > from) {
        // "as her government has worked ...": a clause, not "as part of a tour".
        for (let k = i + 1; k < Math.min(n, i + 7); k++) {
          const g2 = s.groupAt[k] as number;
          if (g2 >= 0) {
            if ((s.groups[g2] as { finite: boolean }).finite || s.tags[k] === "VBG") return { end: i, that };
            break;
          }
        }
      }
    }
    return { end: n, that };
  }

  /**
   * Whether the noun phrase ending at token i sits inside another phrase (after a verb or a preposition), so that a
   * past form right after it cannot be its verb: "flights of immigrants *deported* from the United States".
   */
  function insideAnotherPhrase(i: number): boolean {
    const p = phraseEndingAt(i);
    if (!p) return false;
    let k = p.start - 1;
    while (k >= 0 && (s.tags[k] === "RB" || s.tags[k] === "DT")) k--;
    // "*Up to* 100 ethnic Albanians", "*more than* 1,000 refugees": a quantity, not a preposition.
    if (k >= 1 && /^(to|than|least|most)$/.test(s.lower[k] as string) && /^(up|more|fewer|less|at)$/.test(s.lower[k - 1] as string)) k -= 2;
    while (k >= 0 && (s.tags[k] === "RB" || s.tags[k] === "DT")) k--;
    return k >= 0 && ((s.groupAt[k] as number) >= 0 || s.tags[k] === "IN" || s.tags[k] === "TO");
  }

  for (let g = 0; g < s.groups.length; g++) {
    const group = s.groups[g] as { start: number; end: number; main: number; finite: boolean; infinitive: boolean; passive: boolean; bare: boolean };
    const mainTag = s.tags[group.main] as string;
    const { end: wEnd, that } = windowEnd(group.end);
    let subjects: Phrase[] = [];
    let start = group.start;
    let governor: number | null = null;
    let conjunctOf: number | null = null;
    let adjunctOf: number | null = null;
    let passive = group.passive;
    let whereAntecedent: number | null = null;
    let gerund = false;

    let before = group.start - 1;
    while (before >= 0 && s.tags[before] === "RB") before--;
    const beforeWord = before >= 0 ? (s.lower[before] as string) : "";
    const beforeTag = before >= 0 ? (s.tags[before] as string) : "";
    const nearestGroupBefore = (from: number): number => {
      for (let k = from; k >= 0; k--) if ((s.groupAt[k] as number) >= 0) return s.groupAt[k] as number;
      return -1;
    };

    if (group.infinitive) {
      // "is set to visit", "urged Iran to release", "worked tirelessly to negotiate".
      let k = before;
      let between = -1;
      if (k >= 0 && chunkEndingAt(k) >= 0) {
        const p = phraseEndingAt(k);
        if (p) {
          between = p.phrase.chunk;
          k = p.start - 1;
          while (k >= 0 && s.tags[k] === "RB") k--;
        }
      }
      const gov = k >= 0 ? (s.groupAt[k] as number) : -1;
      if (gov >= 0) {
        governor = gov;
        const govMain = s.lower[(s.groups[gov] as { main: number }).main] as string;
        if (between >= 0 && OBJECT_CONTROL.has(govMain)) subjects = [{ chunk: between, of: null }];
        else {
          const parent = clauses[gov];
          subjects = parent ? [...parent.subjects] : [];
          start = parent ? parent.start : start;
          if (between >= 0 && !OBJECT_CONTROL.has(govMain)) adjunctOf = gov; // "visited Colombia ... to discuss": purpose
        }
      } else {
        // A purpose clause after the verb phrase: "opened fire to disperse demonstrators".
        const g2 = nearestGroupBefore(before);
        if (g2 >= 0) {
          adjunctOf = g2;
          const parent = clauses[g2];
          subjects = parent ? [...parent.subjects] : [];
          start = parent ? parent.start : start;
        }
      }
    } else if ((beforeWord === "and" || beforeWord === "or" || beforeWord === "but") && before > 0) {
      // "is set to visit Mexico and meet with ...": the verb shares its conjunct's subject, governor and status.
      const g2 = nearestGroupBefore(before - 1);
      const parent = g2 >= 0 ? clauses[g2] : undefined;
      if (parent) {
        conjunctOf = g2;
        subjects = [...parent.subjects];
        start = parent.start;
        governor = parent.governor;
        adjunctOf = parent.adjunctOf;
        if (!group.finite && (s.groups[g2] as { infinitive: boolean }).infinitive) governor = parent.governor;
      } else {
        const sub = subjectsBefore(before);
        if (sub) ({ subjects, start } = sub);
      }
    } else if (group.start === group.main && (mainTag === "VBN" || (mainTag === "VBD" && insideAnotherPhrase(group.start - 1))) && chunkEndingAt(group.start - 1) >= 0) {
      // "hundreds of Venezuelans deported by the U.S. government": a reduced relative, passive.
      const p = phraseEndingAt(group.start - 1);
      const next = group.end < n ? (s.chunkAt[group.end] as number) : -1;
      const followedByObject = next >= 0 && (s.chunks[next] as { start: number }).start === group.end;
      const earlierFinite = s.groups.slice(0, g).some((x) => x.finite);
      // A finite verb later in the same clause makes this a participle ("Venezuelans deported by the U.S. government
      // *are being held*"); none, and it is the sentence's own verb the tagger misread ("Up to 100 ethnic Albanians
      // demonstrated/VBN on Tuesday").
      let laterFinite = false;
      for (let k = group.end; k < n && s.words[k] !== ","; k++) {
        const g2 = s.groupAt[k] as number;
        if (g2 >= 0 && g2 !== g && (s.groups[g2] as { finite: boolean }).finite) laterFinite = true;
      }
      // A participle takes no "that" clause or infinitive either: "its allies demanded *that* Hamas renounce".
      const complement = s.lower[group.end] === "that" || s.tags[group.end] === "TO";
      const mainVerb = complement || (!earlierFinite && !laterFinite && s.lower[group.end] !== "by" && !insideAnotherPhrase(group.start - 1));
      // A participle in a reduced relative takes no direct object: "missiles killed *4 Iraqis*" is the verb itself.
      if (p && (followedByObject || mainVerb)) {
        // "The army attacked/VBN the town": a past tense the tagger took for a participle.
        subjects = [p.phrase];
        start = p.start;
      } else if (p) {
        subjects = [p.phrase];
        start = p.start;
        passive = true;
      }
    } else if (group.bare && mainTag === "VBG" && (s.tags[before] === "IN" || s.tags[before] === "DT" || s.tags[before] === "PRP$" || s.tags[before] === "POS") && !ADJUNCT_PREPOSITIONS.has(beforeWord)) {
      gerund = true;
    } else if (group.bare && mainTag === "VBG") {
      // ", killing one person" and "after meeting X": the main clause's subject; "protesters demanding reforms": the noun's.
      if (chunkEndingAt(group.start - 1) >= 0 && beforeTag !== ",") {
        const p = phraseEndingAt(group.start - 1);
        if (p) {
          subjects = [p.phrase];
          start = p.start;
        }
        // "food aid to refugees *fleeing* the civil war": a participle describing a noun inside another phrase is
        // background, not an event of its own.
        if (insideAnotherPhrase(group.start - 1)) gerund = true;
      } else {
        const g2 = nearestGroupBefore(group.start - 1);
        if (g2 >= 0) {
          adjunctOf = g2;
          const parent = clauses[g2];
          subjects = parent ? [...parent.subjects] : [];
          start = parent ? parent.start : start;
        }
      }
    } else if (before >= 0 && (s.groupAt[before] as number) >= 0 && (mainTag === "VB" || mainTag === "VBG" || before === group.start - 1) && !group.infinitive) {
      // "to help *defend* Saudi Arabia", "resume *shelling*", "has once again outright/VBD *rejected*" (a tagging slip
      // that splits one verb group in two): a verb right after another verb shares its subject.
      const g2 = s.groupAt[before] as number;
      const parent = clauses[g2];
      governor = g2;
      subjects = parent ? [...parent.subjects] : [];
      start = parent ? parent.start : start;
    } else if (RELATIVE_PRONOUNS.has(beforeWord) && (beforeTag === "WDT" || beforeTag === "WP" || beforeTag === "IN")) {
      // "Bukele, who has gained ...": the relative pronoun's antecedent.
      let k = before - 1;
      if (k >= 0 && s.words[k] === ",") k--;
      const p = phraseEndingAt(k);
      if (p) {
        subjects = [p.phrase];
        start = before;
      }
    } else {
      const sub = subjectsBefore(group.start);
      if (sub) {
        subjects = sub.subjects;
        start = sub.start;
        // "El Salvador, where she met with President Nayib Bukele".
        const k = start - 1;
        if (k >= 0 && (s.lower[k] === "where" || s.lower[k] === "when")) {
          let a = k - 1;
          if (a >= 0 && s.words[a] === ",") a--;
          const antecedent = chunkEndingAt(a);
          if (antecedent >= 0 && s.lower[k] === "where") whereAntecedent = antecedent;
          start = k;
        }
      } else if (isBe(beforeWord)) {
        // "there were protests": no subject.
      }
    }
    clauses.push({ group: g, subjects, start, window: { start: group.end, end: wEnd }, governor, conjunctOf, adjunctOf, passive, whereAntecedent, thatClause: that, gerund });
  }
  return clauses;
}

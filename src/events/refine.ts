// Refiners over the coded candidates, in order (chrono's "propose, then refine"). Each one is a
// small filter or merge with the case that forced it; the survivors become the events layer.
import type { Doc, EventActor, NewsEvent, Span } from "../model/document.js";
import type { ResolvedActor } from "./eventActors.js";

export interface Candidate {
  readonly event: NewsEvent;
  readonly sentence: number;
  readonly sourceVia: ResolvedActor["via"] | null;
  readonly targetSpan: Span | null;
  /** The clause has a subject, but it names no actor ("A roadside bombing killed ..."). */
  readonly sourceUnnamed: boolean;
  /** The code is only coded with a target (codebook.ts). */
  readonly needsTarget: boolean;
  readonly inQuote: boolean;
}

const actorKey = (a: EventActor | null): string => (a ? (a.actor !== null ? `#${a.actor}` : `${a.name.toLowerCase()}|${a.country ?? ""}`) : "");
const sameActor = (a: EventActor | null, b: EventActor | null): boolean => a !== null && b !== null && (actorKey(a) === actorKey(b) || (a.name.toLowerCase() === b.name.toLowerCase() && a.country === b.country));
const root = (code: string) => code.slice(0, 2);
/** `whole` is a bare country (no sector, not a person) and `part` belongs to it. */
const ownCountry = (part: EventActor | null, whole: EventActor | null): boolean =>
  part !== null && whole !== null && !whole.person && !whole.sector && whole.country !== null && part.country === whole.country && (part.sector !== null || part.person);
const VIOLENCE = new Set(["18", "19", "20"]);

interface Refiner {
  readonly id: string;
  readonly run: (candidates: readonly Candidate[]) => Candidate[];
}

const REFINERS: readonly Refiner[] = [
  {
    // An event needs a named source. Only violence is told without one, by its victims ("A roadside bombing killed one
    // U.S. soldier", "three Iraqi civilians have been killed"): "Venezuelans ... are being held" (a passive with no
    // agent) names no one who acts, and "Tensions ... rose" is no actor at all.
    id: "needs-an-actor",
    run: (cs) => cs.filter((c) => c.event.source !== null || (c.event.target !== null && VIOLENCE.has(root(c.event.cameo)))),
  },
  {
    // CONSULT needs someone met or somewhere visited; PLOVER's COOPERATE, AID and SANCTION need a recipient.
    id: "needs-a-target",
    run: (cs) => cs.filter((c) => !c.needsTarget || c.event.target !== null),
  },
  {
    // "Colombia ... with our Colombian partners": an actor does nothing to itself; nor does a country's own body to the
    // country as a whole ("U.S. Central Command, which oversees U.S. military operations").
    id: "not-to-itself",
    run: (cs) => cs.filter((c) => !sameActor(c.event.source, c.event.target) && !ownCountry(c.event.source, c.event.target) && !ownCountry(c.event.target, c.event.source)),
  },
  {
    // "The leaders discussed security ..." right after "Noem met with ... Petro": the same meeting, told again.
    id: "meeting-told-again",
    run: (cs) => cs.filter((c) => !(root(c.event.cameo) === "04" && c.sourceVia === "collective")),
  },
  {
    // "Noem sat down ... with Sarabia, and said they had a frank discussion": one meeting per sentence and pair.
    id: "one-per-sentence",
    run: (cs) => {
      const kept: Candidate[] = [];
      for (const c of cs) {
        const twin = kept.find(
          (k) =>
            k.sentence === c.sentence &&
            root(k.event.cameo) === root(c.event.cameo) &&
            (sameActor(k.event.source, c.event.source) || !c.event.source || !k.event.source) &&
            (sameActor(k.event.target, c.event.target) || !c.event.target || !k.event.target),
        );
        if (!twin) kept.push(c);
        else if (!twin.event.target && c.event.target) kept[kept.indexOf(twin)] = c;
      }
      return kept;
    },
  },
  {
    // The same event reported twice in one article (the store merges across articles the same way).
    id: "once-per-article",
    run: (cs) => {
      const seen = new Set<string>();
      return cs.filter((c) => {
        if (!c.event.date) return true;
        const key = [actorKey(c.event.source), actorKey(c.event.target), c.event.cameo, c.event.date, c.event.status].join("\t");
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    },
  },
];

export function refineEvents(candidates: readonly Candidate[], _doc: Doc): NewsEvent[] {
  let current = [...candidates];
  for (const r of REFINERS) current = r.run(current);
  return current.map((c) => c.event).sort((a, b) => a.start - b.start || a.end - b.end);
}

export const REFINER_IDS: readonly string[] = REFINERS.map((r) => r.id);

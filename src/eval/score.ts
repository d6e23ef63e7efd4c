// Scores predicted documents against gold ones by the rules of ../shared/eval/score.mjs
// (FORMAT.md, "How the scorer matches"), so `newsgraph eval` prints the same figures.
// Layers: sentences (boundary P/R/F1 on trimmed sentence ends, exact documents),
// entities (exact span and type; --map conll), timexes (relaxed/strict/value), quotes
// (half-overlap span; speaker by surname or overlapping mention).

export interface Prf {
  readonly tp: number;
  readonly pred: number;
  readonly gold: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface ScoreReport {
  readonly documents: number;
  readonly predicted: number;
  readonly sentences?: { readonly boundaries: Prf; readonly documentsExact: number; readonly documentsExactCount: number };
  readonly entities?: { readonly overall: Prf; readonly perType: Readonly<Record<string, Prf>> };
  readonly timexes?: { readonly relaxed: Prf; readonly strict: Prf; readonly value: Prf };
  readonly quotes?: { readonly span: Prf; readonly spanAndSpeaker: Prf };
  readonly events?: { readonly detect: Prf; readonly actors: Prf; readonly full: Prf; readonly plover: Prf };
}

export interface ScoreOptions {
  readonly map?: "conll" | undefined;
  readonly types?: readonly string[] | undefined;
}

interface Span {
  start: number;
  end: number;
}
type Json = Record<string, unknown>;

const round = (x: number) => Math.round(x * 10000) / 10000;
export function prf(tp: number, pred: number, gold: number): Prf {
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  return { tp, pred, gold, precision: round(p), recall: round(r), f1: round(p + r ? (2 * p * r) / (p + r) : 0) };
}
const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const SPACE = /\s/;
function trimmedEnd(text: string, s: Span): number {
  let a = s.start;
  let b = s.end;
  while (a < b && SPACE.test(text.charAt(a))) a++;
  while (b > a && SPACE.test(text.charAt(b - 1))) b--;
  return b;
}
const norm = (s: unknown) =>
  String(s ?? "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N} ]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
const lastToken = (s: unknown) => norm(s).split(" ").pop() ?? "";
const CONLL: Readonly<Record<string, string>> = { PERSON: "PER", PER: "PER", ORG: "ORG", GPE: "LOC", LOC: "LOC", FAC: "LOC" };

export function score(gold: readonly Json[], predicted: readonly Json[], options: ScoreOptions = {}): ScoreReport {
  const byId = new Map(predicted.map((d) => [String(d["id"]), d]));
  const mapType = (t: unknown) => (options.map === "conll" ? (CONLL[String(t).toUpperCase()] ?? "MISC") : String(t).toUpperCase());
  const only = options.types ? new Set(options.types.map((t) => t.toUpperCase())) : null;
  const counts = new Map<string, number>();
  const bump = (key: string, n = 1) => counts.set(key, (counts.get(key) ?? 0) + n);
  const T = (key: string) => counts.get(key) ?? 0;
  const layers = new Set<string>();
  const entityTypes = new Set<string>();

  for (const g of gold) {
    const p = byId.get(String(g["id"])) ?? {};
    const text = String(g["text"] ?? "");
    if (Array.isArray(g["sentences"]) && !g["noSentenceScore"]) {
      layers.add("sentences");
      const ends = (doc: Json) => new Set(((doc["sentences"] as Span[] | undefined) ?? []).map((s) => trimmedEnd(text, s)));
      const ge = ends(g);
      const pe = ends(p);
      let tp = 0;
      for (const e of pe) if (ge.has(e)) tp++;
      bump("s:tp", tp);
      bump("s:pred", pe.size);
      bump("s:gold", ge.size);
      bump("s:docs");
      if (ge.size === pe.size && tp === ge.size) bump("s:exact");
    }
    if (Array.isArray(g["entities"])) {
      layers.add("entities");
      const kept = (e: Json) => !only || only.has(mapType(e["type"]));
      const key = (e: Json) => `${String(e["start"])}:${String(e["end"])}:${mapType(e["type"])}`;
      const gs = new Set((g["entities"] as Json[]).filter(kept).map(key));
      const ps = new Set(((p["entities"] as Json[] | undefined) ?? []).filter(kept).map(key));
      for (const k of ps) {
        const t = k.split(":")[2] as string;
        bump(`e:pred:${t}`);
        if (gs.has(k)) bump(`e:tp:${t}`);
      }
      for (const k of gs) {
        const t = k.split(":")[2] as string;
        entityTypes.add(t);
        bump(`e:gold:${t}`);
      }
    }
    if (Array.isArray(g["timexes"])) {
      layers.add("timexes");
      const ps: (Span & Json & { used: boolean })[] = ((p["timexes"] as (Span & Json)[] | undefined) ?? []).map((t) => ({ ...t, used: false }));
      const gt = g["timexes"] as (Span & Json)[];
      bump("t:pred", ps.length);
      bump("t:gold", gt.length);
      for (const t of gt) {
        const exact = ps.find((q) => !q.used && q.start === t.start && q.end === t.end);
        const m = exact ?? ps.find((q) => !q.used && overlap(q, t));
        if (!m) continue;
        m.used = true;
        bump("t:relaxed");
        if (exact) bump("t:strict");
        if (String(m["value"]) === String(t["value"])) bump("t:value");
      }
    }
    if (Array.isArray(g["quotes"])) {
      layers.add("quotes");
      const ps: (Span & Json & { used: boolean })[] = ((p["quotes"] as (Span & Json)[] | undefined) ?? []).map((q) => ({ ...q, used: false }));
      const gq = g["quotes"] as (Span & Json)[];
      bump("q:pred", ps.length);
      bump("q:gold", gq.length);
      for (const q of gq) {
        const len = q.end - q.start;
        const m = ps.find((x) => !x.used && Math.min(x.end, q.end) - Math.max(x.start, q.start) >= 0.5 * len);
        if (!m) continue;
        m.used = true;
        bump("q:span");
        if (speakerMatch(q["speaker"], m["speaker"])) bump("q:speaker");
      }
    }
  }

  scoreEvents(gold, byId, bump, layers);

  const report: { -readonly [K in keyof ScoreReport]: ScoreReport[K] } = {
    documents: gold.length,
    predicted: gold.filter((g) => byId.has(String(g["id"]))).length,
  };
  if (layers.has("sentences")) {
    report.sentences = { boundaries: prf(T("s:tp"), T("s:pred"), T("s:gold")), documentsExact: round(T("s:exact") / Math.max(1, T("s:docs"))), documentsExactCount: T("s:exact") };
  }
  if (layers.has("entities")) {
    const perType: Record<string, Prf> = {};
    let tp = 0;
    let pred = 0;
    let goldCount = 0;
    for (const [key, n] of counts) {
      if (!key.startsWith("e:")) continue;
      if (key.startsWith("e:tp:")) tp += n;
      else if (key.startsWith("e:pred:")) pred += n;
      else goldCount += n;
    }
    for (const t of [...entityTypes].sort()) perType[t] = prf(T(`e:tp:${t}`), T(`e:pred:${t}`), T(`e:gold:${t}`));
    report.entities = { overall: prf(tp, pred, goldCount), perType };
  }
  if (layers.has("timexes")) {
    report.timexes = { relaxed: prf(T("t:relaxed"), T("t:pred"), T("t:gold")), strict: prf(T("t:strict"), T("t:pred"), T("t:gold")), value: prf(T("t:value"), T("t:pred"), T("t:gold")) };
  }
  if (layers.has("events")) {
    const e = (k: string) => prf(T(`v:${k}`), T("v:pred"), T("v:gold"));
    report.events = { detect: e("detect"), actors: e("actors"), full: e("full"), plover: e("plover") };
  }
  if (layers.has("quotes")) report.quotes = { span: prf(T("q:span"), T("q:pred"), T("q:gold")), spanAndSpeaker: prf(T("q:speaker"), T("q:pred"), T("q:gold")) };
  return report;
}

function speakerMatch(gold: unknown, pred: unknown): boolean {
  if (gold == null || pred == null) return gold == null && pred == null;
  const name = (s: unknown) => (typeof s === "string" ? s : (s as Json)["name"]);
  if (typeof gold === "object" && typeof pred === "object" && (gold as Json)["start"] != null && (pred as Json)["start"] != null && overlap(gold as Span, pred as Span)) return true;
  const pName = name(pred);
  return Boolean(pName) && norm(pName).length > 0 && lastToken(pName) === lastToken(name(gold));
}

// An actor matches when gold has none, when the person's surname matches, or (not a person)
// when the last word of the name or the country code matches.
function actorMatch(ga: Json | null | undefined, pa: Json | null | undefined): boolean {
  if (!ga || (!ga["country"] && !norm(ga["name"]))) return true;
  if (!pa) return false;
  const sameName = norm(pa["name"]).length > 0 && lastToken(pa["name"]) === lastToken(ga["name"]);
  if (ga["person"]) return sameName;
  return sameName || (Boolean(pa["country"]) && String(pa["country"]).toUpperCase() === ga["country"]);
}
const cameoRoot = (code: unknown) => String(code ?? "").padStart(2, "0").slice(0, 2);
const PLOVER_RENAMED: Readonly<Record<string, string>> = { DEMAND: "REQUEST", DISAPPROVE: "ACCUSE", INVESTIGATE: "ACCUSE", FIGHT: "ASSAULT" };
const ploverType = (t: unknown) => {
  const u = String(t ?? "").toUpperCase();
  return PLOVER_RENAMED[u] ?? u;
};
const locationCountry = (loc: unknown) => (typeof loc === "string" ? loc : ((loc as Json | null | undefined)?.["country"] ?? null));

function scoreEvents(gold: readonly Json[], byId: ReadonlyMap<string, Json>, bump: (key: string, n?: number) => void, layers: Set<string>): void {
  for (const g of gold) {
    if (!Array.isArray(g["events"])) continue;
    layers.add("events");
    const p = byId.get(String(g["id"])) ?? {};
    const text = String(g["text"] ?? "");
    const goldEvents = g["events"] as Json[];
    const sentences = (g["sentences"] as Span[] | undefined) ?? [{ start: 0, end: text.length }];
    const sentenceOf = (span: Span) => sentences.find((s) => overlap(s, span)) ?? { start: 0, end: text.length };
    const predicted = ((p["events"] as Json[] | undefined) ?? []).map((e) => ({ e, ev: (e["evidence"] as Span | undefined) ?? { start: e["start"] as number, end: e["end"] as number } }));
    const sameKind = (ge: Json, x: Json) => (ge["cameo"] != null ? cameoRoot(x["cameo"]) === cameoRoot(ge["cameo"]) : ploverType(x["plover"]) === ploverType(ge["plover"]));
    const pairs: { gi: number; pi: number; closeness: number }[] = [];
    goldEvents.forEach((ge, gi) => {
      const sentence = sentenceOf(ge["evidence"] as Span);
      predicted.forEach(({ e: x, ev }, pi) => {
        if (ev?.start == null || !overlap(ev, sentence) || !sameKind(ge, x)) return;
        const closeness =
          (ge["cameo"] != null && String(x["cameo"]) === String(ge["cameo"]) ? 4 : 0) +
          (actorMatch(ge["source"] as Json, x["source"] as Json) ? 2 : 0) +
          (actorMatch(ge["target"] as Json, x["target"] as Json) ? 2 : 0) +
          (overlap(ev, ge["evidence"] as Span) ? 1 : 0) +
          0.5;
        pairs.push({ gi, pi, closeness });
      });
    });
    pairs.sort((a, b) => b.closeness - a.closeness);
    const goldUsed = new Set<number>();
    const predUsed = new Set<number>();
    let optionalHits = 0;
    for (const { gi, pi } of pairs) {
      if (goldUsed.has(gi) || predUsed.has(pi)) continue;
      goldUsed.add(gi);
      predUsed.add(pi);
      const ge = goldEvents[gi] as Json;
      const m = (predicted[pi] as { e: Json }).e;
      if (ge["optional"]) {
        optionalHits++;
        continue;
      }
      bump("v:detect");
      const actors = actorMatch(ge["source"] as Json, m["source"] as Json) && actorMatch(ge["target"] as Json, m["target"] as Json);
      if (actors) bump("v:actors");
      const dateOk = ge["date"] == null || String(m["date"] ?? "") === ge["date"];
      const statusOk = (m["status"] ?? "asserted") === ge["status"];
      const locOk = ge["location"] == null || locationCountry(m["location"]) === ge["location"];
      if (actors && dateOk && statusOk && locOk) bump("v:full");
      if (ge["plover"] && ploverType(m["plover"]) === ploverType(ge["plover"])) bump("v:plover");
    }
    bump("v:gold", goldEvents.filter((e) => !e["optional"]).length);
    bump("v:pred", predicted.length - optionalHits);
  }
}

/** The report as the table score.mjs prints. */
export function formatReport(report: ScoreReport): string {
  const lines = [`documents: ${report.documents} (predicted: ${report.predicted})`];
  const row = (name: string, m: Prf) =>
    lines.push(`${name.padEnd(28)} P ${m.precision.toFixed(3)}  R ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}  (tp ${m.tp}, pred ${m.pred}, gold ${m.gold})`);
  if (report.sentences) {
    row("sentences: boundaries", report.sentences.boundaries);
    lines.push(`sentences: documents exact    ${report.sentences.documentsExact} (${report.sentences.documentsExactCount} of ${report.documents})`);
  }
  if (report.entities) {
    row("entities: overall", report.entities.overall);
    for (const [t, m] of Object.entries(report.entities.perType)) row(`entities: ${t}`, m);
  }
  if (report.timexes) for (const [k, m] of Object.entries(report.timexes)) row(`timexes: ${k}`, m as Prf);
  if (report.quotes) for (const [k, m] of Object.entries(report.quotes)) row(`quotes: ${k}`, m as Prf);
  if (report.events) for (const [k, m] of Object.entries(report.events)) row(`events: ${k}`, m as Prf);
  return lines.join("\n");
}

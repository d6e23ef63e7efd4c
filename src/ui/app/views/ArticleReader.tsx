// The article reader: the text as stored, never changed, with every layer drawn over it by
// offsets (like displaCy): entities and dates with their labels, quotes, event evidence and
// triggers. Hovering a span shows what covers it; a click pins the details, each with the
// rule or model that produced it. Layers the store does not hold for this article say so.
import { Fragment, type ComponentChildren } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import type { AnnotationRow, ArticleDetail, ArticleEvent, ProvenanceInfo } from "../../../api/types.js";
import { useApi } from "../api.js";
import { cameoLabel } from "../cameo.js";
import { Loading, Notice } from "../components/Notice.js";
import { goldsteinColor, plural, signed } from "../format.js";
import { href } from "../router.js";
import { Provenance } from "./EventView.js";

type Kind = "entity" | "timex" | "quote" | "event" | "role" | "coref" | "meta" | "other";

interface Mark {
  readonly key: string;
  readonly kind: Kind;
  readonly layer: string;
  readonly start: number;
  readonly end: number;
  /** The badge: "PERSON", "DATE", "CONSULT". */
  readonly label: string;
  readonly details: readonly (readonly [string, ComponentChildren])[];
  readonly provenance: ProvenanceInfo | null;
  readonly trigger?: { readonly start: number; readonly end: number } | null;
}

const KINDS: readonly { readonly kind: Kind; readonly name: string; readonly layers: readonly string[] }[] = [
  { kind: "entity", name: "Entities", layers: ["entity"] },
  { kind: "timex", name: "Dates", layers: ["timex"] },
  { kind: "quote", name: "Quotes", layers: ["quote"] },
  { kind: "event", name: "Events", layers: ["event"] },
  { kind: "role", name: "Roles", layers: ["role"] },
  { kind: "coref", name: "Coreference", layers: ["coref"] },
  { kind: "meta", name: "Dateline & credit", layers: ["dateline", "credit"] },
  { kind: "other", name: "Other layers", layers: [] },
];
/** The layers every reader wants; the others are listed only when present. */
const CORE: ReadonlySet<Kind> = new Set(["entity", "timex", "quote", "event"]);
/** Drawn otherwise: sentences are the paragraphs, the body is the whole text, events come with their event ids. */
const NOT_MARKED: ReadonlySet<string> = new Set(["sentence", "body", "event", "token"]);

const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);
const num = (value: unknown): number | null => (typeof value === "number" ? value : null);

function actorLink(id: number | null, name: string | null): ComponentChildren {
  if (!name) return "—";
  return id ? <a href={href(`/actor/${id}`)}>{name}</a> : name;
}

function annotationMark(row: AnnotationRow, index: number, article: ArticleDetail): Mark | null {
  const base = { key: `${row.layer}-${index}`, layer: row.layer, start: row.start, end: row.end, provenance: row.provenance ?? null };
  switch (row.layer) {
    case "entity":
      return {
        ...base,
        kind: "entity",
        label: str(row["type"]) ?? "ENT",
        details: [
          ["type", str(row["type"])],
          ["country", str(row["country"])],
          ["actor", row["actorId"] ? actorLink(num(row["actorId"]), str(row["text"]) ?? "actor") : null],
        ],
      };
    case "timex":
      return {
        ...base,
        kind: "timex",
        label: str(row["type"]) ?? "DATE",
        details: [
          ["value", <code>{str(row["value"])}</code>],
          ["type", str(row["type"])],
          ["direction", str(row["direction"])],
          ["resolved from", num(row["anchor"]) === null ? "the article's date" : `date #${num(row["anchor"])}`],
        ],
      };
    case "quote": {
      const speaker = row["speaker"] as { name?: string } | null | undefined;
      const stored = article.quotes.find((q) => q.start === row.start && q.end === row.end);
      return {
        ...base,
        kind: "quote",
        label: "QUOTE",
        details: [["speaker", speaker?.name ? actorLink(stored?.speakerActorId ?? null, stored?.speaker ?? speaker.name) : "not attributed"]],
      };
    }
    case "role":
      return { ...base, kind: "role", label: "ROLE", details: [["role", str(row["role"])], ["sector", str(row["sector"])], ["country", str(row["country"])]] };
    case "coref":
      return { ...base, kind: "coref", label: "COREF", details: [["refers to", row["actorId"] ? actorLink(num(row["actorId"]), "actor") : `actor #${num(row["actor"]) ?? "?"}`]] };
    case "dateline":
      return { ...base, kind: "meta", label: "DATELINE", details: [["place", str(row["place"])], ["agency", str(row["agency"])], ["date", str(row["dateText"])]] };
    case "credit":
      return { ...base, kind: "meta", label: "CREDIT", details: [["agency", str(row["agency"])]] };
    default: {
      if (NOT_MARKED.has(row.layer)) return null;
      const fields = Object.entries(row).filter(([k]) => !["layer", "start", "end", "provenance"].includes(k));
      return { ...base, kind: "other", label: row.layer.toUpperCase(), details: fields.map(([k, v]) => [k, typeof v === "object" ? JSON.stringify(v) : String(v)] as const) };
    }
  }
}

function eventMark(event: ArticleEvent, index: number): Mark {
  return {
    key: `event-${index}`,
    kind: "event",
    layer: "event",
    start: event.start,
    end: event.end,
    label: event.plover ?? event.cameo,
    provenance: event.provenance ?? (event.rule ? { stage: "events", rule: event.rule } : null),
    trigger: event.triggerStart !== null && event.triggerEnd !== null ? { start: event.triggerStart, end: event.triggerEnd } : null,
    details: [
      ["event", <a href={href(`/event/${event.eventId}`)}>{cameoLabel(event.cameo)}</a>],
      [
        "who",
        <>
          {actorLink(event.sourceId, event.source)} → {actorLink(event.targetId, event.target)}
        </>,
      ],
      ["when", event.date ?? "undated"],
      ["status", event.status],
      ["Goldstein", <span style={{ color: goldsteinColor(event.goldstein) }}>{signed(event.goldstein)}</span>],
      ["trigger", event.trigger ? `“${event.trigger}”` : null],
    ],
  };
}

interface Block {
  readonly start: number;
  readonly end: number;
  readonly sentence: boolean;
}

/** Sentences as blocks (the stored text often glues them: "deportation.Her trip"); text between them as blocks too. */
function blocksOf(article: ArticleDetail): Block[] {
  const sentences = article.annotations.filter((a) => a.layer === "sentence").sort((a, b) => a.start - b.start);
  const blocks: Block[] = [];
  let at = 0;
  for (const s of sentences) {
    if (s.start > at && article.text.slice(at, s.start).trim()) blocks.push({ start: at, end: s.start, sentence: false });
    blocks.push({ start: s.start, end: s.end, sentence: true });
    at = Math.max(at, s.end);
  }
  if (at < article.text.length && article.text.slice(at).trim()) blocks.push({ start: at, end: article.text.length, sentence: false });
  return blocks;
}

function parseFocus(value: string | null): { start: number; end: number } | null {
  const m = /^(\d+)-(\d+)$/.exec(value ?? "");
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

function MarkCard({ mark, text }: { readonly mark: Mark; readonly text: string }) {
  return (
    <div class={`mark-card k-${mark.kind}`}>
      <div class="mark-head">
        <span class={`tag tag-${mark.kind}`}>{mark.label}</span> <span class="mark-text">{text.slice(mark.start, mark.end)}</span>
      </div>
      <dl>
        {mark.details
          .filter(([, v]) => v !== null && v !== undefined && v !== "")
          .map(([k, v]) => (
            <Fragment key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </Fragment>
          ))}
        <dt>from</dt>
        <dd>{mark.provenance ? <Provenance stage={mark.provenance.stage} rule={mark.provenance.rule} model={mark.provenance.model} /> : "no provenance stored"}</dd>
        <dt>offsets</dt>
        <dd>
          <code>
            {mark.start}–{mark.end}
          </code>
        </dd>
      </dl>
    </div>
  );
}

function ArticleText({ article, marks, visible, focus, onHover, onPick }: {
  readonly article: ArticleDetail;
  readonly marks: readonly Mark[];
  readonly visible: ReadonlySet<Kind>;
  readonly focus: { start: number; end: number } | null;
  readonly onHover: (keys: readonly string[]) => void;
  readonly onPick: (keys: readonly string[]) => void;
}) {
  const shown = marks.filter((m) => visible.has(m.kind));
  const text = article.text;
  const keysAt = (target: EventTarget | null) => ((target as HTMLElement | null)?.closest("[data-keys]") as HTMLElement | null)?.dataset["keys"]?.split(" ").filter(Boolean) ?? [];
  return (
    <div class="article-text" onMouseOver={(e) => onHover(keysAt(e.target))} onMouseLeave={() => onHover([])} onClick={(e) => onPick(keysAt(e.target))}>
      {blocksOf(article).map((block) => {
        const inBlock = shown.filter((m) => m.start < block.end && m.end > block.start);
        const cuts = new Set<number>([block.start, block.end]);
        for (const m of inBlock) {
          for (const at of [m.start, m.end, m.trigger?.start, m.trigger?.end]) if (at !== undefined && at > block.start && at < block.end) cuts.add(at);
        }
        if (focus) for (const at of [focus.start, focus.end]) if (at > block.start && at < block.end) cuts.add(at);
        const points = [...cuts].sort((a, b) => a - b);
        const focused = focus !== null && focus.start < block.end && focus.end > block.start;
        const children: ComponentChildren[] = [];
        for (let i = 0; i < points.length - 1; i++) {
          const from = points[i] as number;
          const to = points[i + 1] as number;
          const covering = inBlock.filter((m) => m.start <= from && m.end >= to);
          const classes = ["seg"];
          for (const m of covering) {
            classes.push(`k-${m.kind}`);
            if (m.kind === "entity") classes.push(`ent-${m.label}`);
            if (m.trigger && m.trigger.start <= from && m.trigger.end >= to) classes.push("trigger");
          }
          if (focus && focus.start <= from && focus.end >= to) classes.push("focus");
          const piece = text.slice(from, to);
          children.push(
            covering.length || classes.includes("focus") ? (
              <span key={from} class={classes.join(" ")} data-keys={covering.map((m) => m.key).join(" ")}>
                {piece}
              </span>
            ) : (
              piece
            ),
          );
          // displaCy-style labels after entities and dates.
          for (const m of covering) if (m.end === to && (m.kind === "entity" || m.kind === "timex" || m.kind === "role")) children.push(<span key={`t${m.key}`} class={`tag tag-${m.kind}`} data-keys={m.key}>{m.label}</span>);
        }
        return (
          <p key={block.start} class={`block${block.sentence ? " sentence" : ""}${focused ? " focused" : ""}`} data-start={block.start} data-end={block.end} id={focused ? "focus-sentence" : undefined}>
            {children}
          </p>
        );
      })}
    </div>
  );
}

export function ArticleReader({ id, focusParam }: { readonly id: number; readonly focusParam: string | null }) {
  const loaded = useApi<ArticleDetail>(`/api/articles/${id}`);
  const article = loaded.data;
  const focus = parseFocus(focusParam);
  const marks = useMemo(() => {
    if (!article) return [];
    const fromLayers = article.annotations.map((row, i) => annotationMark(row, i, article)).filter((m): m is Mark => m !== null);
    return [...fromLayers, ...article.events.map(eventMark)];
  }, [article]);
  const counts = useMemo(() => {
    const c = new Map<Kind, number>();
    for (const m of marks) c.set(m.kind, (c.get(m.kind) ?? 0) + 1);
    return c;
  }, [marks]);
  const [visible, setVisible] = useState<ReadonlySet<Kind>>(new Set(KINDS.map((k) => k.kind)));
  const [hovered, setHovered] = useState<readonly string[]>([]);
  const [pinned, setPinned] = useState<readonly string[]>([]);

  useEffect(() => {
    if (article && focus) document.getElementById("focus-sentence")?.scrollIntoView({ block: "center" });
  }, [article, focusParam]);
  useEffect(() => {
    // Arriving at a focused span pins what covers it: the event's details show at once.
    if (!article || !focus) return;
    const covering = marks.filter((m) => m.kind === "event" && m.start === focus.start && m.end === focus.end);
    if (covering.length) setPinned(covering.map((m) => m.key));
  }, [marks, focusParam]);

  if (loaded.error) return <Notice kind="error">{loaded.error}</Notice>;
  if (!article) return <Loading />;
  const showKeys = hovered.length ? hovered : pinned;
  const shownMarks = showKeys.map((k) => marks.find((m) => m.key === k)).filter((m): m is Mark => m !== undefined);
  const toggle = (kind: Kind) => {
    const next = new Set(visible);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    setVisible(next);
  };

  return (
    <section class="reader">
      <p class="crumbs">
        <a href={href("/articles")}>Articles</a> › {article.id}
      </p>
      <h1>{article.title ?? `Article ${article.id}`}</h1>
      <p class="muted">
        {[article.source, article.date, article.datelinePlace].filter(Boolean).join(" · ")}
        {article.url && (
          <>
            {" "}
            · <a href={article.url} rel="noreferrer noopener">original</a>
          </>
        )}{" "}
        · pipeline {article.pipelineVersion}
      </p>
      <div class="legend" role="group" aria-label="Layers">
        {KINDS.filter((k) => CORE.has(k.kind) || counts.get(k.kind)).map((k) => {
          const n = counts.get(k.kind) ?? 0;
          return (
            <label key={k.kind} class={`layer-toggle k-${k.kind}${n ? "" : " empty"}`} title={n ? "" : `The store holds no ${k.name.toLowerCase()} for this article: that layer has not run on it, or found none.`}>
              <input type="checkbox" checked={visible.has(k.kind)} disabled={n === 0} onChange={() => toggle(k.kind)} /> <span class={`swatch k-${k.kind}`} /> {k.name}{" "}
              <span class="muted">{n ? n : "none stored"}</span>
            </label>
          );
        })}
      </div>
      <div class="reader-grid">
        <ArticleText article={article} marks={marks} visible={visible} focus={focus} onHover={setHovered} onPick={setPinned} />
        <aside class="details" aria-live="polite">
          <h2>Details</h2>
          {shownMarks.length === 0 ? (
            <p class="muted small">Hover over a highlighted span to see what the pipeline says about it and which rule or model said so; click to pin.</p>
          ) : (
            shownMarks.map((m) => <MarkCard key={m.key} mark={m} text={article.text} />)
          )}
        </aside>
      </div>
      <div class="reader-lists">
        <div>
          <h2>Events reported here</h2>
          {article.events.length === 0 ? (
            <Notice>No events stored for this article.</Notice>
          ) : (
            <ul class="plain">
              {article.events.map((e) => (
                <li key={`${e.eventId}-${e.start}`}>
                  <a href={href(`/article/${article.id}`, { focus: `${e.start}-${e.end}` })}>{e.source ?? "—"} · {e.plover ?? e.cameo} · {e.target ?? "—"}</a> <span class="muted small">{e.date ?? "undated"}</span>{" "}
                  <a class="small" href={href(`/event/${e.eventId}`)}>event →</a>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h2>Actors</h2>
          {article.actors.length === 0 ? (
            <Notice>No actors stored for this article.</Notice>
          ) : (
            <p class="chips">
              {article.actors.map((a) => (
                <a key={a.id} class="chip" href={href(`/actor/${a.id}`)}>
                  {a.name} <span class="muted">{plural(a.mentions, "mention")}</span>
                </a>
              ))}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}

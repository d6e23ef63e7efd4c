// One event: who did what to whom, when and where, and every report of it: the sentence with
// the evidence highlighted, the trigger word, and the rule or model that found it.
import type { EventDetail, EventMention } from "../../../api/types.js";
import { useApi } from "../api.js";
import { cameoLabel } from "../cameo.js";
import { Loading, Notice } from "../components/Notice.js";
import { goldsteinColor, plural, signed } from "../format.js";
import { href } from "../router.js";

/** The sentence with the evidence marked and the trigger in bold, all by offsets into the article. */
export function SentenceWithEvidence({ mention }: { readonly mention: EventMention }) {
  const sentence = mention.sentence;
  if (!sentence) return <blockquote class="evidence-only">“{mention.evidence}”</blockquote>;
  const s = sentence.start;
  const cut = (from: number, to: number) => sentence.text.slice(Math.max(0, from - s), Math.max(0, to - s));
  const evStart = Math.max(mention.start, s);
  const evEnd = Math.min(mention.end, sentence.end);
  const tStart = mention.triggerStart;
  const tEnd = mention.triggerEnd;
  const inner =
    tStart !== null && tEnd !== null && tStart >= evStart && tEnd <= evEnd ? (
      <>
        {cut(evStart, tStart)}
        <strong class="trigger">{cut(tStart, tEnd)}</strong>
        {cut(tEnd, evEnd)}
      </>
    ) : (
      cut(evStart, evEnd)
    );
  return (
    <blockquote class="sentence-quote">
      {cut(s, evStart)}
      <mark class="evidence">{inner}</mark>
      {cut(evEnd, sentence.end)}
      {mention.end > sentence.end && <span class="muted"> …</span>}
    </blockquote>
  );
}

export function Provenance({ stage, rule, model }: { readonly stage?: string | undefined; readonly rule?: string | null | undefined; readonly model?: string | undefined }) {
  return (
    <span class="provenance">
      {rule && (
        <>
          rule <code>{rule}</code>
        </>
      )}
      {model && (
        <>
          {" "}
          model <code>{model}</code>
        </>
      )}
      {stage && <> · stage {stage}</>}
    </span>
  );
}

function Side({ label, id, name, country, code }: { readonly label: string; readonly id: number | null; readonly name: string | null; readonly country: string | null; readonly code: string | null }) {
  return (
    <div class="side-card">
      <div class="muted small">{label}</div>
      <div class="big">{name ? id ? <a href={href(`/actor/${id}`)}>{name}</a> : name : <span class="muted">not stated</span>}</div>
      <div class="muted small">
        {[country, code].filter(Boolean).join(" · ")}
      </div>
    </div>
  );
}

export function EventView({ id }: { readonly id: number }) {
  const event = useApi<EventDetail>(`/api/events/${id}`);
  if (event.error) return <Notice kind="error">{event.error}</Notice>;
  if (!event.data) return <Loading />;
  const e = event.data;
  return (
    <section class="event-view">
      <p class="crumbs">
        <a href={href("/")}>Events</a> › event {e.id}
      </p>
      <h1>
        {e.source ?? "someone"} <span class="verb">{e.plover ?? e.cameo}</span> {e.target ?? ""}
      </h1>
      <div class="event-summary">
        <Side label="Source" id={e.sourceId} name={e.source} country={e.sourceCountry} code={e.sourceCode} />
        <div class="side-card">
          <div class="muted small">Event</div>
          <div class="big">{cameoLabel(e.cameo)}</div>
          <div class="small">
            PLOVER {e.plover ?? "—"}
            {e.ploverMode ? ` (${e.ploverMode})` : ""} · Goldstein <strong style={{ color: goldsteinColor(e.goldstein) }}>{signed(e.goldstein)}</strong>
          </div>
        </div>
        <Side label="Target" id={e.targetId} name={e.target} country={e.targetCountry} code={e.targetCode} />
        <div class="side-card">
          <div class="muted small">When · where</div>
          <div class="big">{e.date ?? "undated"}</div>
          <div class="small">
            <span class={`status status-${e.status}`}>{e.status}</span> {[e.place, e.location].filter(Boolean).join(", ")}
          </div>
        </div>
      </div>
      <h2>Reported in {plural(e.reports.length, "place")}</h2>
      {e.reports.length === 0 && <Notice>No report of this event is stored.</Notice>}
      {e.reports.map((m) => (
        <article key={`${m.articleId}-${m.start}`} class="report">
          <header>
            <a href={href(`/article/${m.articleId}`)}>{m.title ?? `article ${m.articleId}`}</a>
            <span class="muted">
              {" "}
              · {[m.outlet, m.published].filter(Boolean).join(", ")}
            </span>
          </header>
          <SentenceWithEvidence mention={m} />
          <footer>
            <span class="small">
              Found by <Provenance stage={m.provenance?.stage} rule={m.provenance?.rule ?? m.rule} model={m.provenance?.model} />
              {m.trigger && (
                <>
                  {" "}
                  · trigger “{m.trigger}”
                </>
              )}
            </span>
            <a class="button read-in-article" href={href(`/article/${m.articleId}`, { focus: `${m.start}-${m.end}` })}>
              Read it in the article →
            </a>
          </footer>
        </article>
      ))}
    </section>
  );
}

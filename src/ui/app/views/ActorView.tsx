// One actor: who the articles say it is (roles, aliases), a timeline of its events, its
// quotes and the articles naming it.
import type { ActorDetail, ActorRow, Page, TimelineEvent } from "../../../api/types.js";
import { apiUrl, useApi } from "../api.js";
import { EventTable } from "../components/EventTable.js";
import { ExportLinks } from "../components/ExportLinks.js";
import { Loading, Notice } from "../components/Notice.js";
import { SearchForm } from "../components/SearchForm.js";
import { goldsteinColor, plural, signed } from "../format.js";
import { href, navigate } from "../router.js";

const DAY = 86_400_000;

/** Events along a time axis, one dot each (stacked on the same day), coloured by Goldstein; undated ones apart. */
function ActorTimeline({ events }: { readonly events: readonly TimelineEvent[] }) {
  const dated = events.filter((e) => e.day);
  const undated = events.filter((e) => !e.day);
  if (dated.length === 0) return <Notice>None of these events has a date on the calendar.</Notice>;
  const times = dated.map((e) => Date.parse(`${e.day}T00:00:00Z`));
  const min = Math.min(...times) - DAY;
  const max = Math.max(...times) + DAY;
  const W = 920;
  const H = 150;
  const x = (t: number) => 40 + ((t - min) / (max - min)) * (W - 80);
  const stack = new Map<string, number>();
  const days = [...new Set(dated.map((e) => e.day as string))].sort();
  const tickEvery = Math.ceil(days.length / 8);
  return (
    <svg class="chart actor-timeline" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Timeline of the actor's events">
      <line class="baseline" x1={30} x2={W - 30} y1={H - 30} y2={H - 30} />
      {days
        .filter((_, i) => i % tickEvery === 0)
        .map((day) => (
          <text key={day} class="period" x={x(Date.parse(`${day}T00:00:00Z`))} y={H - 12} text-anchor="middle">
            {day}
          </text>
        ))}
      {dated.map((e) => {
        const level = stack.get(e.day as string) ?? 0;
        stack.set(e.day as string, level + 1);
        const cx = x(Date.parse(`${e.day}T00:00:00Z`));
        const cy = H - 44 - level * 16;
        const label = `${e.date}: ${e.source ?? "—"} ${e.plover ?? e.cameo} ${e.target ?? "—"} (${e.status}, Goldstein ${signed(e.goldstein)})`;
        return (
          <circle
            key={e.id}
            class={`dot status-${e.status}`}
            data-event={e.id}
            cx={cx}
            cy={cy}
            r={7}
            fill={goldsteinColor(e.goldstein)}
            role="button"
            tabIndex={0}
            aria-label={label}
            onClick={() => navigate(href(`/event/${e.id}`))}
            onKeyDown={(ev) => ev.key === "Enter" && navigate(href(`/event/${e.id}`))}
          >
            <title>{label}</title>
          </circle>
        );
      })}
      {undated.length > 0 && (
        <text x={W - 30} y={16} text-anchor="end" class="muted-text">
          + {plural(undated.length, "undated event")} (listed below)
        </text>
      )}
    </svg>
  );
}

export function ActorView({ id }: { readonly id: number }) {
  const loaded = useApi<ActorDetail>(`/api/actors/${id}`);
  if (loaded.error) return <Notice kind="error">{loaded.error}</Notice>;
  if (!loaded.data) return <Loading />;
  const a = loaded.data;
  const roles = a.roles.length ? a.roles : a.role ? [{ role: a.role, articles: 0 }] : [];
  return (
    <section class="actor-view">
      <p class="crumbs">
        <a href={href("/actors")}>Actors</a> › {a.name}
      </p>
      <h1>
        {a.name} <span class="muted small">{[a.type, a.country, a.code].filter(Boolean).join(" · ")}</span>
      </h1>
      <div class="facts-grid">
        <div>
          <h3>Roles</h3>
          {roles.length ? (
            <ul class="plain">
              {roles.map((r) => (
                <li key={r.role}>
                  {r.role} {r.articles > 0 && <span class="muted small">in {plural(r.articles, "article")}</span>}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">No role stated in the stored articles.</p>
          )}
        </div>
        <div>
          <h3>Also called</h3>
          <p class="chips">
            {a.aliases.map((alias) => (
              <span key={alias} class="chip">
                {alias}
              </span>
            ))}
          </p>
        </div>
        <div>
          <h3>In the store</h3>
          <p>
            {plural(a.events, "event")} · {plural(a.articles, "article")} · {plural(a.quotes, "quote")}
          </p>
          {a.country && (
            <p class="small">
              <a href={href("/", { actor: a.name })}>Filter events by {a.name}</a>
            </p>
          )}
        </div>
      </div>
      <div class="panel">
        <div class="panel-head">
          <h2>Timeline</h2>
          <ExportLinks url={apiUrl("/api/events", { actorId: a.id })} />
        </div>
        {a.timeline.length === 0 ? (
          <Notice>No events with {a.name} are stored.</Notice>
        ) : (
          <>
            <ActorTimeline events={a.timeline} />
            <EventTable events={a.timeline} showRole={(e) => (e as TimelineEvent).as} />
          </>
        )}
      </div>
      <div class="panel">
        <h2>Quotes</h2>
        {a.quoteList.length === 0 ? (
          <Notice>No quotes attributed to {a.name} are stored.</Notice>
        ) : (
          <ul class="quotes">
            {a.quoteList.map((q) => (
              <li key={q.id}>
                <blockquote>“{q.quote}”</blockquote>
                <a class="small" href={href(`/article/${q.articleId}`, { focus: `${q.start}-${q.end}` })}>
                  {q.title ?? `article ${q.articleId}`}, {q.date}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="panel">
        <h2>Articles naming {a.name}</h2>
        {a.articleList.length === 0 ? (
          <Notice>No stored article names this actor; it appears only as a side of an event.</Notice>
        ) : (
          <ul class="plain">
            {a.articleList.map((ar) => (
              <li key={ar.id}>
                <a href={href(`/article/${ar.id}`)}>{ar.title ?? `article ${ar.id}`}</a> <span class="muted small">{ar.date} · {plural(ar.mentions, "mention")}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

export function ActorsList({ q }: { readonly q: string | null }) {
  const url = apiUrl("/api/actors", { q, limit: 100 });
  const actors = useApi<Page<ActorRow>>(url);
  return (
    <section>
      <h1>Actors</h1>
      <SearchForm path="/actors" label="Name or alias" q={q} placeholder="Noem" />
      {actors.error && <Notice kind="error">{actors.error}</Notice>}
      {actors.data && actors.data.total === 0 && <Notice>{q ? `No actor is called “${q}”.` : "No actors in the store yet: they appear once the entity layer has run over the articles."}</Notice>}
      {actors.data && actors.data.items.length > 0 && (
        <>
          <div class="panel-head">
            <p class="muted">{plural(actors.data.total, "actor")}</p>
            <ExportLinks url={url} />
          </div>
          <table class="actors">
            <thead>
              <tr>
                <th>Name</th>
                <th>Type</th>
                <th>Country</th>
                <th>Role</th>
                <th>Events</th>
                <th>Articles</th>
                <th>Quotes</th>
              </tr>
            </thead>
            <tbody>
              {actors.data.items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <a href={href(`/actor/${a.id}`)}>{a.name}</a>
                  </td>
                  <td>{a.type ?? "—"}</td>
                  <td>{a.country ?? "—"}</td>
                  <td>{a.role ?? "—"}</td>
                  <td>{a.events}</td>
                  <td>{a.articles}</td>
                  <td>{a.quotes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

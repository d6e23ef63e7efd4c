// Home: the latest events with filters, and a chart of event counts over time. A bar selects
// its period and the list below shows exactly the events behind it.
import type { EventRow, Facets, Health, Page, Timeline } from "../../../api/types.js";
import { apiUrl, useApi } from "../api.js";
import { EventFilters, filtersFrom, type Filters } from "../components/EventFilters.js";
import { EventTable } from "../components/EventTable.js";
import { ExportLinks } from "../components/ExportLinks.js";
import { Loading, Notice } from "../components/Notice.js";
import { Pager } from "../components/Pager.js";
import { TimeChart } from "../components/TimeChart.js";
import { plural } from "../format.js";
import { href, navigate, type Route } from "../router.js";

const PAGE = 50;
const INTERVALS = ["day", "week", "month"] as const;

export function Home({ route }: { readonly route: Route }) {
  const filters = filtersFrom(route.query);
  const interval = (INTERVALS as readonly string[]).includes(route.query.get("interval") ?? "") ? (route.query.get("interval") as string) : "day";
  const period = route.query.get("period");
  const offset = Number(route.query.get("offset") ?? 0) || 0;
  const health = useApi<Health>("/api/health");
  const facets = useApi<Facets>("/api/facets");
  const timeline = useApi<Timeline>(apiUrl("/api/events/timeline", { ...filters, from: period ? null : filters.from, to: period ? null : filters.to, interval }));
  const eventsUrl = apiUrl("/api/events", { ...filters, limit: PAGE, offset });
  const events = useApi<Page<EventRow>>(eventsUrl);
  const go = (next: Filters, extra: Record<string, string | number | null> = {}) => navigate(href("/", { ...next, interval: interval === "day" ? null : interval, ...extra }));
  const active = Object.keys(filters).length > 0;

  if (health.data && health.data.events === 0) {
    return (
      <section>
        <h1>Events</h1>
        <Notice>
          <p>
            <strong>No events in the store yet.</strong> The store holds {plural(health.data.articles, "article")}
            {health.data.annotations ? ` with ${plural(health.data.annotations, "annotation")}` : ""}, but no event has been extracted from them: events appear here
            once the event layer of the pipeline has run over the articles (re-ingesting re-extracts articles stored by an older pipeline).
          </p>
          <p>
            Meanwhile, <a href={href("/articles")}>read the articles</a>
            {health.data.actors ? (
              <>
                {" "}
                or <a href={href("/actors")}>browse the {plural(health.data.actors, "actor")}</a>
              </>
            ) : null}
            .
          </p>
        </Notice>
      </section>
    );
  }

  return (
    <section>
      <div class="heading">
        <h1>Latest events</h1>
        {health.data && (
          <p class="muted">
            {plural(health.data.events, "event")} from {plural(health.data.articles, "article")}, {plural(health.data.actors, "actor")}, {plural(health.data.quotes, "quote")}
          </p>
        )}
      </div>
      <EventFilters filters={filters} facets={facets.data} onChange={(next) => go(next)} />
      <div class="panel">
        <div class="panel-head">
          <h2>Events over time</h2>
          <div class="segmented" role="group" aria-label="Interval">
            {INTERVALS.map((i) => (
              <a key={i} class={i === interval ? "on" : ""} href={href("/", { ...filters, interval: i === "day" ? null : i })}>
                {i}
              </a>
            ))}
          </div>
        </div>
        {timeline.error && <Notice kind="error">{timeline.error}</Notice>}
        {timeline.data && timeline.data.buckets.length > 0 && (
          <>
            <TimeChart
              label="Event counts over time"
              interval={interval as "day" | "week" | "month"}
              buckets={timeline.data.buckets}
              selected={period}
              onSelect={(b) => go({ ...filters, from: b.start, to: b.end }, { period: b.period })}
            />
            <p class="muted small">
              Click a bar to list its events. {timeline.data.undated > 0 && `${plural(timeline.data.undated, "event")} with no date on the calendar ${timeline.data.undated === 1 ? "is" : "are"} not drawn. `}
              Hatched bars hold only events dated more coarsely than a {interval} (“in January”), counted from the first day they cover.
            </p>
          </>
        )}
        {timeline.data && timeline.data.buckets.length === 0 && <Notice>No dated events match these filters.</Notice>}
      </div>
      <div class="panel">
        <div class="panel-head">
          <h2>
            Events
            {period && (
              <span class="chip">
                {period}{" "}
                <a href={href("/", { ...filters, from: null, to: null, interval: interval === "day" ? null : interval })} aria-label="Clear the period">
                  ×
                </a>
              </span>
            )}
          </h2>
          <ExportLinks url={eventsUrl} />
        </div>
        {events.error && <Notice kind="error">{events.error}</Notice>}
        {!events.data && events.loading && <Loading />}
        {events.data && events.data.items.length === 0 && <Notice>{active ? "No events match these filters." : "No events."}</Notice>}
        {events.data && events.data.items.length > 0 && (
          <>
            <EventTable events={events.data.items} />
            <Pager total={events.data.total} limit={PAGE} offset={offset} noun="event" onPage={(o) => go(filters, { offset: o || null, period })} />
          </>
        )}
      </div>
    </section>
  );
}

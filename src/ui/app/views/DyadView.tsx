// A dyad: two countries' relations over time. Bars count the events each way; the line is
// their mean Goldstein score. A bar or point lists the events of its period.
import type { Country, EventRow, Facets, Page, Relations } from "../../../api/types.js";
import { apiUrl, useApi } from "../api.js";
import { EventTable } from "../components/EventTable.js";
import { ExportLinks } from "../components/ExportLinks.js";
import { Loading, Notice } from "../components/Notice.js";
import { TimeChart } from "../components/TimeChart.js";
import { plural, signed } from "../format.js";
import { href, navigate, type Route } from "../router.js";

const INTERVALS = ["day", "week", "month"] as const;

export function DyadView({ route }: { readonly route: Route }) {
  const facets = useApi<Facets>("/api/facets");
  const countries = useApi<{ items: Country[] }>("/api/countries");
  const top = facets.data?.countries ?? [];
  const a = route.query.get("a") ?? top[0]?.value ?? null;
  const b = route.query.get("b") ?? top.find((c) => c.value !== a)?.value ?? null;
  const interval = route.query.get("interval") ?? "month";
  const period = route.query.get("period");
  const from = route.query.get("from");
  const to = route.query.get("to");
  const relationsUrl = a && b ? apiUrl("/api/relations", { a, b, interval }) : null;
  const relations = useApi<Relations>(relationsUrl);
  const eventsUrl = a && b ? apiUrl("/api/events", { dyad: `${a}-${b}`, from, to, limit: 100 }) : null;
  const events = useApi<Page<EventRow>>(eventsUrl);
  const name = (code: string) => countries.data?.items.find((c) => c.code === code)?.name ?? code;
  const go = (params: Record<string, string | null>) => navigate(href("/dyad", { a, b, interval, ...params }));

  if (facets.data && top.length < 2) {
    return (
      <section>
        <h1>Relations between two countries</h1>
        <Notice>Fewer than two countries have events in the store, so there is no pair to compare yet. Events appear once the event layer has run over the articles.</Notice>
      </section>
    );
  }
  const options = [...top.map((c) => c.value), ...[a, b].filter((c): c is string => c !== null && !top.some((t) => t.value === c))];
  return (
    <section>
      <h1>
        Relations: {a ? name(a) : "…"} ⇄ {b ? name(b) : "…"}
      </h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        {(["a", "b"] as const).map((side) => (
          <label key={side}>
            {side === "a" ? "Country A" : "Country B"}
            <select name={side} value={(side === "a" ? a : b) ?? ""} onChange={(e) => go({ [side]: e.currentTarget.value, period: null, from: null, to: null })}>
              {options.map((code) => (
                <option key={code} value={code}>
                  {name(code)} ({code})
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          Interval
          <select name="interval" value={interval} onChange={(e) => go({ interval: e.currentTarget.value, period: null, from: null, to: null })}>
            {INTERVALS.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </label>
      </form>
      <div class="panel">
        {relations.error && <Notice kind="error">{relations.error}</Notice>}
        {!relations.data && relations.loading && <Loading />}
        {relations.data && (
          <>
            <div class="panel-head">
              <p>
                {plural(relations.data.total, "event")} between them, mean Goldstein <strong>{signed(relations.data.goldsteinMean)}</strong>
                {relations.data.undated > 0 && <span class="muted"> · {relations.data.undated} undated, not drawn</span>}
              </p>
              {relationsUrl && <ExportLinks url={relationsUrl} paged={false} />}
            </div>
            {relations.data.buckets.length === 0 ? (
              <Notice>No dated events between {name(relations.data.a)} and {name(relations.data.b)} are stored.</Notice>
            ) : (
              <>
                <TimeChart
                  label={`Events between ${relations.data.a} and ${relations.data.b} over time`}
                  buckets={relations.data.buckets}
                  dyad={{ a: relations.data.a, b: relations.data.b }}
                  interval={interval as "day" | "week" | "month"}
                  selected={period}
                  onSelect={(bucket) => go({ period: bucket.period, from: bucket.start, to: bucket.end })}
                />
                <p class="legend-line small">
                  <span class="swatch a-to-b" /> {relations.data.a} → {relations.data.b} <span class="swatch b-to-a" /> {relations.data.b} → {relations.data.a} <span class="swatch goldstein" /> mean Goldstein (right axis, −10…+10). Click a bar or point for its events.
                </p>
              </>
            )}
          </>
        )}
      </div>
      <div class="panel">
        <div class="panel-head">
          <h2>
            Events{" "}
            {period && (
              <span class="chip">
                {period} <a href={href("/dyad", { a, b, interval })} aria-label="Clear the period">×</a>
              </span>
            )}
          </h2>
          {eventsUrl && <ExportLinks url={eventsUrl} />}
        </div>
        {events.data && events.data.items.length === 0 && <Notice>No events.</Notice>}
        {events.data && events.data.items.length > 0 && <EventTable events={events.data.items} />}
      </div>
    </section>
  );
}

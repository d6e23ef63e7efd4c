// Events as a table: when, who did what to whom, the evidence. A row's date and evidence
// open the event; the actors open their pages.
import type { EventRow } from "../../../api/types.js";
import { cameoLabel } from "../cameo.js";
import { goldsteinColor, signed } from "../format.js";
import { href } from "../router.js";

function Side({ id, name, country }: { readonly id: number | null; readonly name: string | null; readonly country: string | null }) {
  if (!name) return <span class="muted">—</span>;
  return (
    <span class="side">
      {id ? <a href={href(`/actor/${id}`)}>{name}</a> : name}
      {country && <span class="cc">{country}</span>}
    </span>
  );
}

export function EventTable({ events, showRole = null }: { readonly events: readonly EventRow[]; readonly showRole?: ((event: EventRow) => string) | null }) {
  return (
    <table class="events">
      <thead>
        <tr>
          <th>Date</th>
          {showRole && <th>As</th>}
          <th>Source</th>
          <th>Event</th>
          <th>Target</th>
          <th title="Goldstein score: -10 hostile … +10 cooperative">G</th>
          <th>Evidence</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id} class="event-row" data-event={event.id} data-status={event.status}>
            <td class="date">
              <a href={href(`/event/${event.id}`)}>{event.date ?? "undated"}</a>
              {event.status !== "asserted" && <span class={`status status-${event.status}`}>{event.status}</span>}
            </td>
            {showRole && <td>{showRole(event)}</td>}
            <td>
              <Side id={event.sourceId} name={event.source} country={event.sourceCountry} />
            </td>
            <td class="code">
              <span title={cameoLabel(event.cameo)}>{event.plover ?? "—"}</span>
              <span class="cameo">{event.cameo}</span>
            </td>
            <td>
              <Side id={event.targetId} name={event.target} country={event.targetCountry} />
            </td>
            <td class="g" style={{ color: goldsteinColor(event.goldstein) }}>
              {signed(event.goldstein)}
            </td>
            <td class="evidence">
              <a class="open-event" href={href(`/event/${event.id}`)}>
                “{event.evidence}”
              </a>
              {event.mentions > 1 && <span class="muted"> +{event.mentions - 1} more</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

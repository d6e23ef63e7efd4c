// Events: the filtered list, one event with every report of it, counts over time, per
// country and between actors, and the values the filters can take.
import { NotFound } from "../errors.js";
import { eventsQuery, idParams, mapQuery, networkQuery, placesQuery, relationsQuery, timelineQuery } from "../params.js";
import type { RouteTable } from "../routeTable.js";
import { countEvents, eventTimeline, getEvent, listEventRows } from "../eventQueries.js";
import { eventsByCountry, eventsByPlace, facets, network, relations } from "../graphQueries.js";
import { allCountries } from "../countries.js";
import type { ApiContext } from "./context.js";

export function eventRoutes(table: RouteTable, { db }: ApiContext): void {
  table.add({
    method: "GET",
    url: "/api/events",
    tag: "events",
    summary: "Events, the newest reports first (or by date), filtered by actor, country, dyad, CAMEO code or root, PLOVER type, date range, status, text or article",
    query: eventsQuery,
    handler: ({ query }) => {
      const { limit, offset, sort, format: _format, ...filter } = query;
      return { items: listEventRows(db, filter, limit, offset, sort), total: countEvents(db, filter), limit, offset };
    },
    exportRows: { name: "events", rows: (page) => page.items },
  });

  table.add({
    method: "GET",
    url: "/api/events/timeline",
    tag: "events",
    summary: "Event counts and mean Goldstein per day, week or month, for the same filters as /api/events",
    query: timelineQuery,
    handler: ({ query }) => {
      const { interval, format: _format, ...filter } = query;
      return eventTimeline(db, filter, interval);
    },
    exportRows: { name: "timeline", rows: (timeline) => timeline.buckets },
  });

  table.add({
    method: "GET",
    url: "/api/events/:id",
    tag: "events",
    summary: "One event with every article and span that reports it, the sentence around each, and the rule that found it",
    params: idParams,
    responses: { 404: "no event with that id" },
    handler: ({ params }) => {
      const event = getEvent(db, params.id);
      if (!event) throw new NotFound(`no event ${params.id}; GET /api/events lists them`);
      return event;
    },
  });

  table.add({
    method: "GET",
    url: "/api/relations",
    tag: "events",
    summary: "A dyad: events between two countries (either direction) per day, week or month, with counts each way and mean Goldstein",
    query: relationsQuery,
    handler: ({ query }) => relations(db, query.a, query.b, query.interval, query),
    exportRows: { name: "relations", rows: (result) => result.buckets },
  });

  table.add({
    method: "GET",
    url: "/api/map",
    tag: "events",
    summary: "Events per country: where they happened (located) and whose actors took part (involved)",
    query: mapQuery,
    handler: ({ query }) => {
      const { format: _format, ...filter } = query;
      return { items: eventsByCountry(db, filter) };
    },
    exportRows: { name: "countries", rows: (result) => result.items },
  });

  table.add({
    method: "GET",
    url: "/api/places",
    tag: "events",
    summary: "Events per named place (a city the text names) with its coordinates, the busiest first: points for a map",
    query: placesQuery,
    handler: ({ query }) => {
      const { format: _format, limit, ...filter } = query;
      return { items: eventsByPlace(db, filter, limit) };
    },
    exportRows: { name: "places", rows: (result) => result.items },
  });

  table.add({
    method: "GET",
    url: "/api/network",
    tag: "events",
    summary: "The most active actors and the events between them (undirected, with counts)",
    query: networkQuery,
    handler: ({ query }) => {
      const { nodes, ...filter } = query;
      return network(db, filter, nodes);
    },
  });

  table.add({
    method: "GET",
    url: "/api/facets",
    tag: "events",
    summary: "The values the event filters can take in this store, with counts",
    handler: () => facets(db),
  });

  table.add({
    method: "GET",
    url: "/api/countries",
    tag: "reference",
    summary: "Country codes (ISO 3166-1 alpha-3 and numeric) and names",
    handler: () => ({ items: allCountries() }),
  });
}

// Actors and their quotes.
import { NotFound } from "../errors.js";
import { actorsQuery, idParams, quotesQuery } from "../params.js";
import type { RouteTable } from "../routeTable.js";
import { getActor, listQuoteRows, searchActors } from "../actorQueries.js";
import type { ApiContext } from "./context.js";

export function actorRoutes(table: RouteTable, { db }: ApiContext): void {
  table.add({
    method: "GET",
    url: "/api/actors",
    tag: "actors",
    summary: "Actors by name or alias, country or type; the most active first",
    query: actorsQuery,
    handler: ({ query }) => {
      const { limit, offset, format: _format, ...filter } = query;
      return { ...searchActors(db, filter, limit, offset), limit, offset };
    },
    exportRows: { name: "actors", rows: (page) => page.items },
  });

  table.add({
    method: "GET",
    url: "/api/actors/:id",
    tag: "actors",
    summary: "One actor: aliases, the roles articles give it, the articles naming it, a timeline of its events and its quotes",
    params: idParams,
    responses: { 404: "no actor with that id" },
    handler: ({ params }) => {
      const actor = getActor(db, params.id);
      if (!actor) throw new NotFound(`no actor ${params.id}; GET /api/actors?q=NAME finds one`);
      return actor;
    },
  });

  table.add({
    method: "GET",
    url: "/api/quotes",
    tag: "quotes",
    summary: "Quotes by speaker (name or alias, or actor id), article or words quoted",
    query: quotesQuery,
    handler: ({ query }) => {
      const { limit, offset, format: _format, ...filter } = query;
      return { ...listQuoteRows(db, filter, limit, offset), limit, offset };
    },
    exportRows: { name: "quotes", rows: (page) => page.items },
  });
}

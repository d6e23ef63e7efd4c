// Articles: list, full-text search, one article with all its layers, and ingest over HTTP
// (only on a server started with a token, and only with that token).
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { ingestArticle } from "../../store/ingestArticles.js";
import { ApiFailure, NotFound } from "../errors.js";
import { articlesQuery, idParams, ingestBody, INGEST_TEXT_MAX } from "../params.js";
import type { RouteTable } from "../routeTable.js";
import { getArticleDetail, listArticlePage } from "../articleQueries.js";
import type { ApiContext } from "./context.js";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** The bearer-token rule: no token configured, no writes; a token configured, only with it. */
export function requireToken(token: string | null): (request: FastifyRequest) => void {
  return (request) => {
    if (!token) {
      throw new ApiFailure(403, "E_READ_ONLY", "this server is read-only; start it with `newsgraph serve --token T` (or NEWSGRAPH_TOKEN=T) to accept POST /api/articles");
    }
    const header = request.headers.authorization ?? "";
    const given = /^Bearer (.+)$/i.exec(header)?.[1] ?? "";
    // Compare digests in constant time: the token's length and prefix leak nothing.
    if (!given || !timingSafeEqual(digest(given), digest(token))) {
      throw new ApiFailure(401, "E_UNAUTHORIZED", "send the server's token as `Authorization: Bearer T`");
    }
  };
}

export function articleRoutes(table: RouteTable, { db, pipeline, token }: ApiContext): void {
  table.add({
    method: "GET",
    url: "/api/articles",
    tag: "articles",
    summary: "List articles, newest first, or search them (q: full-text, ranked, with a snippet)",
    query: articlesQuery,
    handler: ({ query }) => ({ ...listArticlePage(db, query), limit: query.limit, offset: query.offset }),
    exportRows: { name: "articles", rows: (page) => page.items },
  });

  table.add({
    method: "GET",
    url: "/api/articles/:id",
    tag: "articles",
    summary: "One article: its text and every annotation layer (sentences, entities, dates, quotes, events, ...), each with the rule or model that produced it",
    params: idParams,
    responses: { 404: "no article with that id" },
    handler: ({ params }) => {
      const article = getArticleDetail(db, params.id);
      if (!article) throw new NotFound(`no article ${params.id}; GET /api/articles lists them`);
      return article;
    },
  });

  table.add({
    method: "POST",
    url: "/api/articles",
    tag: "articles",
    summary: "Ingest one article (needs the server's token as a bearer token)",
    body: ingestBody,
    // The text may be up to 1,000,000 characters; JSON escaping can double that in bytes.
    bodyLimit: INGEST_TEXT_MAX * 4,
    guard: requireToken(token),
    responses: { 201: "stored or updated", 401: "missing or wrong token", 403: "the server is read-only (started without a token)" },
    handler: ({ body, reply }) => {
      const { articleId, outcome } = ingestArticle(db, pipeline, {
        id: body.id ?? null,
        text: body.text,
        date: body.date ?? null,
        title: body.title ?? null,
        source: body.source ?? null,
        url: body.url ?? null,
        origin: "POST /api/articles",
      });
      void reply.status(outcome === "duplicate" ? 200 : 201);
      return { articleId, outcome };
    },
  });
}

// The HTTP API (fastify): read-only over the store. Inputs are validated with zod;
// a bad parameter is a 400 with a message, never a 500.
import Fastify, { type FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../store/database.js";
import { getArticle, listArticles, storeCounts } from "../store/articles.js";
import { listActors, listEvents, listQuotes } from "../store/queries.js";
import { PIPELINE_VERSION } from "../pipeline/stages.js";

const MAX_PAGE = 500;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");
const paging = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

const articlesQuery = z.object({ q: z.string().min(1).max(500).optional(), source: z.string().max(100).optional(), from: day.optional(), to: day.optional(), ...paging }).strict();
const eventsQuery = z
  .object({ actor: z.string().max(200).optional(), country: z.string().regex(/^[A-Za-z]{3}$/, "must be a 3-letter code").optional(), code: z.string().regex(/^\d{2,4}$/, "must be a CAMEO code").optional(), from: day.optional(), to: day.optional(), status: z.enum(["asserted", "planned", "negated", "hypothetical"]).optional(), ...paging })
  .strict();
const actorsQuery = z.object({ q: z.string().max(200).optional(), country: z.string().regex(/^[A-Za-z]{3}$/).optional(), ...paging }).strict();
const quotesQuery = z.object({ speaker: z.string().max(200).optional(), ...paging }).strict();
const idParams = z.object({ id: z.coerce.number().int().positive() });

class BadRequest extends Error {
  readonly statusCode = 400;
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new BadRequest(`${where}${issue?.message ?? "invalid request"}`);
  }
  return result.data;
}

export interface ServerOptions {
  readonly logger?: boolean;
}

export function buildServer(db: Db, options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 10 * 1024 * 1024 });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) app.log.error(error);
    void reply.status(status).send({ error: status === 500 ? "internal error" : error.message, code: error.code ?? (status === 400 ? "E_BAD_REQUEST" : "E_INTERNAL") });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: `no route ${request.method} ${request.url}`, code: "E_NOT_FOUND" });
  });

  app.get("/api/health", async () => ({ status: "ok", pipeline: PIPELINE_VERSION, ...storeCounts(db) }));

  app.get("/api/articles", async (request) => {
    const query = parse(articlesQuery, request.query);
    return { items: listArticles(db, query), limit: query.limit, offset: query.offset };
  });

  app.get("/api/articles/:id", async (request, reply) => {
    const { id } = parse(idParams, request.params);
    const article = getArticle(db, id);
    if (!article) return reply.status(404).send({ error: `no article ${id}`, code: "E_NOT_FOUND" });
    const { tokens, ...rest } = article;
    return { ...rest, tokens: tokens ? { count: tokens.count } : null };
  });

  app.get("/api/events", async (request) => {
    const query = parse(eventsQuery, request.query);
    return { items: listEvents(db, query), limit: query.limit, offset: query.offset };
  });

  app.get("/api/actors", async (request) => {
    const query = parse(actorsQuery, request.query);
    return { items: listActors(db, query), limit: query.limit, offset: query.offset };
  });

  app.get("/api/quotes", async (request) => {
    const query = parse(quotesQuery, request.query);
    return { items: listQuotes(db, query), limit: query.limit, offset: query.offset };
  });

  app.get("/", async (_request, reply) => {
    void reply.type("text/html; charset=utf-8");
    const counts = storeCounts(db);
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>newsgraph</title></head><body>
<h1>newsgraph</h1><p>${counts.articles} articles in the store.</p>
<ul><li><a href="/api/health">/api/health</a></li><li><a href="/api/articles">/api/articles</a></li><li><a href="/api/articles?q=Noem">/api/articles?q=Noem</a></li></ul>
</body></html>`;
  });

  return app;
}

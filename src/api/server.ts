// The HTTP API (fastify) and the web UI, over one store. Read-only unless started with a
// token. Inputs are validated with zod; a bad parameter is a 400 with a message, never a 500.
// Routes live in routes/*.ts; each is declared once in a RouteTable, which also writes
// /openapi.json from the same schemas.
import Fastify, { type FastifyInstance } from "fastify";
import type { Db } from "../store/database.js";
import { storeCounts } from "../store/articles.js";
import { getPipeline, PIPELINE_VERSION } from "../pipeline/stages.js";
import type { Pipeline } from "../pipeline/pipeline.js";
import { RouteTable } from "./routeTable.js";
import { registerSqlFunctions } from "./eventQueries.js";
import { articleRoutes } from "./routes/articles.js";
import { eventRoutes } from "./routes/events.js";
import { actorRoutes } from "./routes/actors.js";
import { DEFAULT_WEB_ROOT, registerStaticUi } from "./staticUi.js";
import type { Health } from "./types.js";

/** Requests other than an ingest carry no body worth more than this. */
export const BODY_LIMIT = 64 * 1024;

export interface ServerOptions {
  readonly logger?: boolean;
  /** Opens POST /api/articles to requests bearing it; absent or empty: read-only. */
  readonly token?: string | null;
  /** The pipeline an HTTP ingest runs (default: the standard one). */
  readonly pipeline?: Pipeline;
  /** Where the built web UI is (default: dist/web in the package). */
  readonly webRoot?: string;
}

export function buildServer(db: Db, options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT });
  registerSqlFunctions(db);
  const token = options.token ? options.token : null;

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error(error);
    if (status === 401) void reply.header("www-authenticate", 'Bearer realm="newsgraph"');
    void reply.status(status).send({ error: status === 500 ? "internal error; the server log has the details" : error.message, code: error.code ?? (status === 400 ? "E_BAD_REQUEST" : "E_INTERNAL") });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: `no route ${request.method} ${request.url.split("?")[0]}; GET /openapi.json lists the routes`, code: "E_NOT_FOUND" });
  });

  const table = new RouteTable(app);
  const context = { db, pipeline: options.pipeline ?? getPipeline(), token };
  table.add({
    method: "GET",
    url: "/api/health",
    tag: "store",
    summary: "The server is up: pipeline version, what the store holds, whether ingest is open",
    handler: (): Health => ({ status: "ok", pipeline: PIPELINE_VERSION, ...storeCounts(db), ingest: token !== null }),
  });
  articleRoutes(table, context);
  eventRoutes(table, context);
  actorRoutes(table, context);

  const openApi = table.openApi({
    title: "newsgraph",
    version: PIPELINE_VERSION,
    description: "Facts from news (events, actors, quotes, dates), each traced to the words that state it. Lists take ?format=csv or jsonl to export.",
  });
  app.get("/openapi.json", async () => openApi);

  registerStaticUi(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  return app;
}

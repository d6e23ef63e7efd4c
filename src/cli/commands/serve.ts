import type { Command } from "commander";
import { openStore, resolveDbPath } from "../../store/database.js";
import { buildServer } from "../../api/server.js";

export interface ServeOptions {
  readonly db?: string;
  readonly port: string;
  readonly host: string;
  /** Opens POST /api/articles to requests bearing it (default: $NEWSGRAPH_TOKEN; none: read-only). */
  readonly token?: string;
}

export async function runServe(options: ServeOptions): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("E_USAGE: --port must be a number from 0 to 65535");
  const dbPath = resolveDbPath(options.db);
  const db = openStore(dbPath);
  const token = options.token ?? process.env["NEWSGRAPH_TOKEN"] ?? "";
  if (token && token.length < 8) throw new Error("E_USAGE: --token must be at least 8 characters; a short token is guessed quickly");
  const app = buildServer(db, { token });
  const address = await app.listen({ port, host: options.host });
  const url = address.replace("127.0.0.1", "localhost");
  const mode = token ? "POST /api/articles open to the token" : "read-only";
  process.stdout.write(`newsgraph is serving ${dbPath} at ${url}/ (web UI at /, API under /api/, ${url}/openapi.json; ${mode}; Ctrl-C to stop)\n`);
  const stop = () => {
    void app.close().then(() => {
      db.close();
      process.exit(0);
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the store over HTTP: the web UI at /, the JSON API under /api/")
    .option("--db <file>", "the store (default: $NEWSGRAPH_DB or ./newsgraph.db)")
    .option("--port <n>", "port (0 picks a free one)", process.env["PORT"] ?? "8080")
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--token <secret>", "accept POST /api/articles with `Authorization: Bearer <secret>` (default: $NEWSGRAPH_TOKEN; none: read-only)")
    .addHelpText(
      "after",
      `
Routes (all listed in /openapi.json): GET /api/health, /api/articles?q=, /api/articles/:id,
/api/events?actor=&country=&code=&root=&plover=&from=&to=&status=&q=, /api/events/:id, /api/events/timeline,
/api/actors?q=, /api/actors/:id, /api/relations?a=USA&b=COL&interval=week, /api/quotes?speaker=, /api/map,
/api/network. Lists export with ?format=csv or ?format=jsonl.

Example:
  newsgraph serve --db news.db --port 8080 && curl 'localhost:8080/api/articles?q=Noem'`,
    )
    .action(async (options: ServeOptions) => {
      await runServe(options);
    });
}

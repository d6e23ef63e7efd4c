import type { Command } from "commander";
import { openStore, resolveDbPath } from "../../store/database.js";
import { buildServer } from "../../api/server.js";

export interface ServeOptions {
  readonly db?: string;
  readonly port: string;
  readonly host: string;
}

export async function runServe(options: ServeOptions): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("E_USAGE: --port must be a number from 0 to 65535");
  const dbPath = resolveDbPath(options.db);
  const db = openStore(dbPath);
  const app = buildServer(db);
  const address = await app.listen({ port, host: options.host });
  process.stdout.write(`newsgraph is serving ${dbPath} at ${address.replace("127.0.0.1", "localhost")}/ (API under /api/; Ctrl-C to stop)\n`);
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
    .description("serve the store over HTTP: JSON API under /api/")
    .option("--db <file>", "the store (default: $NEWSGRAPH_DB or ./newsgraph.db)")
    .option("--port <n>", "port (0 picks a free one)", process.env["PORT"] ?? "8080")
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .addHelpText(
      "after",
      `
Routes: GET /api/health, /api/articles?q=&source=&from=&to=&limit=&offset=, /api/articles/:id,
/api/events?actor=&country=&code=&from=&to=&status=, /api/actors?q=, /api/quotes?speaker=

Example:
  newsgraph serve --db news.db --port 8080 && curl 'localhost:8080/api/articles?q=Noem'`,
    )
    .action(async (options: ServeOptions) => {
      await runServe(options);
    });
}

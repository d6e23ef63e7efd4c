import { join } from "node:path";
import type { Command } from "commander";
import { packageRoot } from "../../model/dataFiles.js";
import { runIngest } from "./ingest.js";
import { runServe } from "./serve.js";

export const SAMPLES_DIR = join(packageRoot, "samples");

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("ingest the bundled sample corpus (the seed story and 89 Voice of America stories) and serve it")
    .option("--db <file>", "the store (default: $NEWSGRAPH_DB or ./newsgraph.db)")
    .option("--port <n>", "port", process.env["PORT"] ?? "8080")
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--no-serve", "only ingest")
    .action(async (options: { db?: string; port: string; host: string; serve: boolean }) => {
      const code = await runIngest([SAMPLES_DIR], { ...(options.db ? { db: options.db } : {}), follow: false });
      if (code !== 0) process.stderr.write("some sample articles failed (see above); serving the rest\n");
      if (options.serve) await runServe({ ...(options.db ? { db: options.db } : {}), port: options.port, host: options.host });
    });
}

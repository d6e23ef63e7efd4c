#!/usr/bin/env node
// The `newsgraph` command. Each subcommand lives in commands/ with its own help text.
import { Command } from "commander";
import { registerIngest } from "./commands/ingest.js";
import { registerExtract } from "./commands/extract.js";
import { registerQuery } from "./commands/query.js";
import { registerEval } from "./commands/evaluate.js";
import { registerServe } from "./commands/serve.js";
import { registerDemo } from "./commands/demo.js";
import { PIPELINE_VERSION } from "../pipeline/stages.js";

const program = new Command()
  .name("newsgraph")
  .description("Turn news articles into structured facts — entities, dates, events, quotes — traced to the characters that state them.")
  .version(`0.1.0 (pipeline ${PIPELINE_VERSION})`)
  .showHelpAfterError();

registerIngest(program);
registerExtract(program);
registerQuery(program);
registerEval(program);
registerServe(program);
registerDemo(program);

// Errors carry a code and say what to do; print them without a stack trace.
program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${/^E_[A-Z_]+:/.test(message) ? message : `E_INTERNAL: ${message}`}\n`);
  process.exitCode = 2;
});

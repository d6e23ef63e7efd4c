// Helpers for tests that run the real `newsgraph` command in a child process.
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../model/dataFiles.js";

export const CLI = join(packageRoot, "dist", "cli", "main.js");
export const SHARED = join(packageRoot, "..", "shared");

export function tempDir(prefix = "newsgraph-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function newsgraph(args: readonly string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    input: options.input ?? "",
    cwd: options.cwd ?? packageRoot,
    env: { ...process.env, NEWSGRAPH_DB: "", ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
}

export function newsgraphAsync(args: readonly string[]) {
  return spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
}

// Helpers for tests that run the real `newsgraph` command in a child process.
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot, sharedDir } from "../model/dataFiles.js";

export const CLI = join(packageRoot, "dist", "cli", "main.js");
export const SHARED = sharedDir;

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

/** Run the command without blocking this process's event loop (for tests that also serve HTTP). */
export async function newsgraphAsyncResult(args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NEWSGRAPH_DB: "" } });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const status = await new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  return { status, stdout, stderr };
}

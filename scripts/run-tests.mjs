// Runs every compiled test file (src/**/x.test.ts -> dist/**/x.test.js) with node's test runner.
// Node 20's --test takes no globs, so list the files here.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".test.js")) files.push(path);
  }
})("dist");
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
const result = spawnSync(process.execPath, ["--test", "--test-concurrency=2", ...selected.sort()], { stdio: "inherit" });
process.exit(result.status ?? 1);

// npm links the bins of dependencies into node_modules/.bin, but not the project's own.
// Link it too, so `npx newsgraph` and `node_modules/.bin/newsgraph` work inside a checkout.
import { mkdirSync, symlinkSync, rmSync, chmodSync, existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "dist", "cli", "main.js");
const bin = join(root, "node_modules", ".bin", "newsgraph");
if (!existsSync(target)) process.exit(0);
chmodSync(target, 0o755);
mkdirSync(dirname(bin), { recursive: true });
rmSync(bin, { force: true });
symlinkSync(relative(dirname(bin), target), bin);

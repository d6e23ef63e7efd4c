// The web UI's built files (vite writes them to dist/web): index.html at /, hashed bundles
// under /assets/. The file list is read once at start, so a request can only ever name one of
// those files; nothing else on disk is reachable. Everything the page needs comes from here:
// the Content-Security-Policy forbids any other origin, so the UI works with no network.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import type { FastifyInstance } from "fastify";
import { packageRoot } from "../model/dataFiles.js";

export const DEFAULT_WEB_ROOT = join(packageRoot, "dist", "web");

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

export const CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function listFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  (function walk(dir: string) {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(`/${relative(root, path).split(sep).join("/")}`, path);
    }
  })(root);
  return files;
}

export function registerStaticUi(app: FastifyInstance, webRoot: string): void {
  const built = existsSync(join(webRoot, "index.html"));
  const files = built ? listFiles(webRoot) : new Map<string, string>();
  const send = (urlPath: string, reply: import("fastify").FastifyReply) => {
    const path = files.get(urlPath);
    if (!path) return null;
    const hashed = urlPath.startsWith("/assets/");
    return reply
      .type(TYPES[extname(path)] ?? "application/octet-stream")
      .header("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache")
      .header("content-security-policy", CONTENT_SECURITY_POLICY)
      .header("x-content-type-options", "nosniff")
      .send(readFileSync(path));
  };

  app.get("/", async (_request, reply) => {
    if (built) return send("/index.html", reply);
    return reply
      .type("text/html; charset=utf-8")
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>newsgraph</title></head><body><h1>newsgraph</h1>` +
          `<p>The web UI is not built: run <code>npm run build</code>, then restart the server. The API answers under <a href="/api/health">/api/</a>; its description is at <a href="/openapi.json">/openapi.json</a>.</p></body></html>`,
      );
  });
  app.get("/assets/*", async (request, reply) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(request.url.split("?")[0] ?? "");
    } catch {
      return reply.status(400).send({ error: "the path is not valid percent-encoding", code: "E_BAD_REQUEST" });
    }
    return send(urlPath, reply) ?? reply.status(404).send({ error: `no file ${urlPath}`, code: "E_NOT_FOUND" });
  });
  app.get("/favicon.svg", async (_request, reply) => send("/favicon.svg", reply) ?? reply.status(404).send({ error: "no favicon", code: "E_NOT_FOUND" }));
}

// The embedded store: SQLite through better-sqlite3, in WAL mode so readers never block the
// writer and a killed process leaves the last committed transaction intact.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { MIGRATIONS } from "./migrations.js";

export type Db = Database.Database;

export interface OpenOptions {
  readonly readonly?: boolean;
}

/** `--db`, else NEWSGRAPH_DB, else ./newsgraph.db in the working directory. */
export function resolveDbPath(flag: string | undefined): string {
  return resolve(flag || process.env["NEWSGRAPH_DB"] || "newsgraph.db");
}

export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export function openStore(path: string, options: OpenOptions = {}): Db {
  if (path !== ":memory:" && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw new StoreError("E_STORE_OPEN", `cannot open the store ${path}: ${(error as Error).message}; run \`newsgraph ingest\` first or pass --db`);
  }
  if (!options.readonly) {
    db.pragma("journal_mode = WAL");
    // NORMAL is durable across a crash of the process (what kill -9 does); only a power cut can lose the last commits.
    db.pragma("synchronous = NORMAL");
  }
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  if (!options.readonly) migrate(db);
  else checkVersion(db, path);
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma("user_version", { simple: true }) as number;
}

export function migrate(db: Db): void {
  const current = schemaVersion(db);
  const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new StoreError("E_STORE_NEWER", `the store has schema version ${current}, newer than this newsgraph knows (${latest}); upgrade newsgraph`);
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

function checkVersion(db: Db, path: string): void {
  const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
  const current = schemaVersion(db);
  if (current !== latest) {
    throw new StoreError("E_STORE_VERSION", `the store ${path} has schema version ${current}, this newsgraph needs ${latest}; run \`newsgraph ingest\` once to migrate it`);
  }
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per connection: the write path runs thousands per second. */
export function statement(db: Db, sql: string): Database.Statement {
  let forDb = statementCache.get(db);
  if (!forDb) {
    forDb = new Map();
    statementCache.set(db, forDb);
  }
  let prepared = forDb.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    forDb.set(sql, prepared);
  }
  return prepared;
}

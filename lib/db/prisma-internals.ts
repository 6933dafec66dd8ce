// Every place Casebook leans on Prisma behaviour that is not public, stable API lives
// here, and nowhere else: the CLI's file path, the driver-adapter calls the WASM schema
// engine makes, adapter-pg's private performIO, the `_prisma_migrations` table, the
// version probe the engine sends on connect, and the shapes of the errors we retry.
// It was written against one Prisma release; importing it with another installed
// throws at once, so an upgrade starts by re-checking each use below (ADR 0001).
//
// Node built-ins only: the app, the CLI config (prisma.config.ts) and the scripts all
// import this module, and it must load before any Prisma client has been generated.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The Prisma release every use below was checked against. */
export const PRISMA_VERSION = "6.19.3";

/** Packages whose internals are used here; all must be exactly PRISMA_VERSION. */
export const PRISMA_PACKAGES = ["prisma", "@prisma/client", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"] as const;

const projectRoot = () => /* turbopackIgnore: true */ process.cwd();

/** Versions of PRISMA_PACKAGES as installed under `root`/node_modules (undefined when missing). */
export function installedPrismaVersions(root = projectRoot()): Record<string, string | undefined> {
  const versions: Record<string, string | undefined> = {};
  for (const name of PRISMA_PACKAGES) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8"));
      versions[name] = typeof manifest.version === "string" ? manifest.version : undefined;
    } catch {
      versions[name] = undefined;
    }
  }
  return versions;
}

/** Throws unless every Prisma package is the release this module was written for. */
export function assertPrismaVersion(installed: Record<string, string | undefined> = installedPrismaVersions()): void {
  const wrong = Object.entries(installed).filter(([, version]) => version !== PRISMA_VERSION);
  if (wrong.length === 0) return;
  const found = wrong.map(([name, version]) => `${name} ${version ?? "(not installed)"}`).join(", ");
  throw new Error(
    `lib/db/prisma-internals.ts was written for Prisma ${PRISMA_VERSION}, but found ${found}. ` +
      "It relies on undocumented Prisma behaviour (CLI path, schema-engine adapter calls, adapter-pg's performIO, " +
      "_prisma_migrations, error shapes): re-check each use in that file against the installed release, " +
      "then change PRISMA_VERSION (see docs/decisions/0001-database-and-migrations.md).",
  );
}

assertPrismaVersion();

// ---------------------------------------------------------------------------------
// The CLI. `prisma` has no programmatic API; its bin file is run with this Node.

/** The Prisma CLI's entry file (not a documented path, hence here). */
export const PRISMA_CLI = path.join(projectRoot(), "node_modules", "prisma", "build", "index.js");

/** Environment for a CLI run: the database URL, no telemetry call, no update notice. */
export function prismaCliEnv(url: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
}

export type CliResult = { status: number; stdout: string; output: string };

/** Runs the Prisma CLI with `args` against `url`; returns its exit code and output. */
export function runPrismaCli(args: string[], url: string, extraEnv: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [PRISMA_CLI, ...args], { env: { ...prismaCliEnv(url), ...extraEnv }, encoding: "utf8" });
  return { status: result.status ?? 1, stdout: result.stdout ?? "", output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

/** `migrate diff --exit-code`: 0 when the two sides match, 2 when they differ (1 is an error). */
export const DIFF_EXIT = { same: 0, different: 2 } as const;

// ---------------------------------------------------------------------------------
// Offline PostgreSQL diffs. With `engine: "js"` every schema-engine command connects
// through the configured adapter, even `--from-schema-datamodel A --to-schema-datamodel B`,
// which needs no database: on connect the engine only sends one version probe. This
// adapter answers that probe and refuses everything else, so datamodel-to-datamodel
// diffs (and `--from-empty`) run without a server; `--from-migrations` still needs one.

/** Set (to "1") in the CLI's environment to make prisma.config.ts use the offline adapter. */
export const OFFLINE_POSTGRES_ENV = "CASEBOOK_OFFLINE_POSTGRES_DIFF";
/** A PostgreSQL URL nothing connects to; it makes the CLI pick the PostgreSQL variant. */
export const OFFLINE_POSTGRES_URL = "postgresql://offline@127.0.0.1:9/offline";

const VERSION_PROBE = /\bversion\(\).*server_version_num/s;
// ColumnTypeEnum of @prisma/driver-adapter-utils 6.19: Int32 = 0, Boolean = 5, Text = 7.
const COLUMN_TYPE = { int32: 0, boolean: 5, text: 7 } as const;

function offlineAdapter() {
  const refuse = async (what: string): Promise<never> => {
    throw new Error(`offline PostgreSQL adapter: ${what} needs a database; only datamodel-to-datamodel diffs run offline`);
  };
  return {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    async queryRaw(query: { sql: string }) {
      if (!VERSION_PROBE.test(query.sql)) return refuse(`query ${query.sql.slice(0, 60)}`);
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [COLUMN_TYPE.boolean, COLUMN_TYPE.text, COLUMN_TYPE.int32],
        rows: [[true, "PostgreSQL 15.0 (offline diff)", 150000]],
      };
    },
    executeRaw: () => refuse("a statement"),
    executeScript: () => refuse("a script"),
    startTransaction: () => refuse("a transaction"),
    getConnectionInfo: () => ({ schemaName: "public", supportsRelationJoins: true }),
    async dispose() {},
  };
}

/** The factory prisma.config.ts hands the engine when OFFLINE_POSTGRES_ENV is set. */
export function offlinePostgresAdapterFactory() {
  return {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    connect: async () => offlineAdapter(),
    connectToShadowDb: async () => offlineAdapter(),
  };
}

/**
 * `migrate diff … --script` between two PostgreSQL datamodels (or from empty), offline.
 * `from` is a schema file path or "empty"; `to` a schema file path.
 */
export function diffPostgresDatamodelsOffline(from: string | "empty", to: string): CliResult {
  const source = from === "empty" ? ["--from-empty"] : ["--from-schema-datamodel", from];
  return runPrismaCli(["migrate", "diff", ...source, "--to-schema-datamodel", to, "--script"], OFFLINE_POSTGRES_URL, { [OFFLINE_POSTGRES_ENV]: "1" });
}

// ---------------------------------------------------------------------------------
// Driver-adapter workarounds for the schema engine (ADR 0001).

type Query = { sql: string; args: unknown[] };
type Queryable = {
  executeRaw(query: Query): Promise<number>;
  queryRaw(query: Query): Promise<unknown>;
  executeScript(script: string): Promise<void>;
};

const EMPTY_RESULT = { columnNames: [], columnTypes: [], rows: [] };

/**
 * The schema engine replays whole migration files on the shadow database through
 * executeRaw/queryRaw, but better-sqlite3's prepare() accepts one statement only
 * (P3006 "failed to apply cleanly to the shadow database"). Route parameterless
 * multi-statement SQL through executeScript, which uses exec() and accepts many.
 */
export function acceptMultiStatementScripts<T extends object>(adapter: T): T {
  const isScript = (query: Query) => query.args.length === 0 && query.sql.split(";").filter((part) => part.trim()).length > 1;
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop === "executeRaw" || prop === "queryRaw") {
        return async (query: Query) => {
          if (!isScript(query)) return (Reflect.get(target, prop, receiver) as Queryable["executeRaw"]).call(target, query);
          await (target as unknown as Queryable).executeScript(query.sql);
          return prop === "executeRaw" ? 0 : EMPTY_RESULT;
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * How adapter-pg 6.19's executeScript (used by `migrate deploy` and the shadow database)
 * cuts a migration file: on every ";", even inside a comment or a string literal. A
 * PostgreSQL migration must therefore use ";" only to end statements; the parity test
 * checks that this cut equals a quote-aware one.
 */
export function adapterPgScriptStatements(script: string): string[] {
  return script
    .split(";")
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

// PostgreSQL's `name` (OID 19) and `"char"` (OID 18) come back from the catalog queries
// the schema engine runs; adapter-pg 6.19 cannot map them and fails the whole command.
// Their values arrive as strings, so reporting them as text (OID 25) is exact.
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;
let catalogTypesPatched = false;

/** Patches adapter-pg's private performIO (shared by its adapters and transactions) once. */
export function readCatalogTypesAsText(adapter: object): void {
  if (catalogTypesPatched) return;
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error("adapter-pg changed shape: performIO not found; revisit lib/db/prisma-internals.ts");
  const performIO = proto.performIO;
  proto.performIO = async function (this: unknown, ...args: unknown[]) {
    const result = await performIO.apply(this, args);
    for (const field of result.fields ?? []) if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    return result;
  };
  catalogTypesPatched = true;
}

// ---------------------------------------------------------------------------------
// The migrations table Prisma keeps (its columns are not documented API).

type SqliteLike = { prepare(sql: string): { get(): unknown; all(): unknown[] } };

/** Names of migrations recorded as applied in a SQLite database (none if the table is absent). */
export function appliedMigrationNames(sqlite: SqliteLike): Set<string> {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
  if (!table) return new Set();
  const rows = sqlite.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all();
  return new Set(rows.map((row) => (row as { migration_name: string }).migration_name));
}

// ---------------------------------------------------------------------------------
// Error shapes.

/** Prisma's documented code for a unique-constraint failure (PrismaClientKnownRequestError). */
export const UNIQUE_CONSTRAINT_FAILED = "P2002";

/**
 * SQLite's busy/locked errors reach us through the driver adapter in varying places:
 * the error's code, its message, or the adapter's original error under `meta`.
 */
export function isSqliteBusyError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; meta?: unknown } | null | undefined;
  const text = `${e?.code ?? ""} ${e?.message ?? ""} ${JSON.stringify(e?.meta ?? "")}`;
  return /SQLITE_BUSY|database is locked/i.test(text);
}

// ---------------------------------------------------------------------------------
// Counting statements (integration tests only: lib/db/client.ts wraps its adapter
// with this when CASEBOOK_COUNT_ROUND_TRIPS=1, and production never does).

/** Receives one call per statement sent to the database, and one per transaction opened. */
export type StatementSink = {
  statement(sql: string, method: "queryRaw" | "executeRaw" | "executeScript" | "startTransaction"): void;
  transaction(): void;
};

type Method = (...args: unknown[]) => unknown;

/** A proxy whose methods run on the real object (adapters keep state in #private fields). */
function intercept<T extends object>(target: T, wrap: (name: string, method: Method) => Method | undefined): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== "function") return value;
      const bound = (value as Method).bind(obj);
      return (typeof prop === "string" && wrap(prop, bound)) || bound;
    },
  });
}

/**
 * Wraps a driver-adapter factory (PrismaBetterSQLite3, PrismaPg) so that every statement
 * Prisma sends is reported to `sink`, through the adapter and through each interactive
 * transaction. What 6.19 does that is not public API: both adapters send BEGIN (and
 * adapter-pg a SET TRANSACTION ISOLATION LEVEL when asked) inside startTransaction, on a
 * connection the wrapper never sees, so those are reported here by name; the engine then
 * sends every statement, and COMMIT or ROLLBACK, through the transaction's queryRaw and
 * executeRaw (the adapters say `usePhantomQuery: false`), where they are seen as they pass.
 */
export function countStatements<F extends object>(factory: F, sink: StatementSink): F {
  const statements = (name: string, method: Method): Method | undefined => {
    if (name !== "queryRaw" && name !== "executeRaw") return undefined;
    return (query: unknown) => {
      sink.statement((query as Query).sql, name);
      return method(query);
    };
  };
  const adapter = <A extends object>(target: A): A => {
    const provider = (target as { provider?: string }).provider;
    return intercept(target, (name, method) => {
      if (name === "startTransaction")
        return async (isolationLevel?: unknown) => {
          sink.transaction();
          sink.statement("BEGIN", "startTransaction");
          if (isolationLevel && provider === "postgres") sink.statement(`SET TRANSACTION ISOLATION LEVEL ${isolationLevel}`, "startTransaction");
          return intercept((await method(isolationLevel)) as object, statements);
        };
      if (name === "executeScript")
        return (script: unknown) => {
          sink.statement(String(script), "executeScript");
          return method(script);
        };
      return statements(name, method);
    });
  };
  return intercept(factory, (name, method) => {
    if (name !== "connect" && name !== "connectToShadowDb") return undefined;
    return async (...args: unknown[]) => adapter((await method(...args)) as object);
  });
}

// ---------------------------------------------------------------------------------
// SQLite transactions that take the write lock when they begin.

type SqliteHandle = { prepare(sql: string): { run(...args: unknown[]): unknown } };

/**
 * Wraps PrismaBetterSQLite3 so that interactive transactions begin IMMEDIATE. In WAL mode
 * a plain (deferred) BEGIN reads from a snapshot and asks for the write lock at its first
 * write; if another process (a second instance, a CLI) committed in between, SQLite fails
 * it at once with SQLITE_BUSY_SNAPSHOT, and under a steady stream of such commits a retry
 * can lose every time (CI saw an enrollment fail five times running). An immediate
 * transaction waits its turn on the busy timeout instead, with a fresh snapshot. Not public
 * API: adapter-better-sqlite3 6.19 keeps its better-sqlite3 handle in `client`, and its
 * startTransaction runs `client.prepare("BEGIN")` after taking its own mutex, with no way
 * to release that mutex if BEGIN throws; so when the lock stays busy past the timeout this
 * falls back to the plain BEGIN (the caller's retry, lib/db/retry.ts, handles the rest)
 * rather than throw there.
 */
export function beginImmediate<F extends object>(factory: F): F {
  return intercept(factory, (name, method) => {
    if (name !== "connect") return undefined;
    return async (...args: unknown[]) => {
      const adapter = (await method(...args)) as { client?: SqliteHandle };
      const handle = adapter.client;
      if (!handle || typeof handle.prepare !== "function") throw new Error("adapter-better-sqlite3 no longer keeps its handle in `client`: re-check beginImmediate (lib/db/prisma-internals.ts)");
      const prepare = handle.prepare.bind(handle);
      const begin = {
        run: () => {
          try {
            return prepare("BEGIN IMMEDIATE").run();
          } catch (error) {
            if (isSqliteBusyError(error)) return prepare("BEGIN").run();
            throw error;
          }
        },
      };
      handle.prepare = (sql: string) => (sql === "BEGIN" ? begin : prepare(sql));
      return adapter;
    };
  });
}

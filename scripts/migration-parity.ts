// What the migration parity test (scripts/migration-parity.test.ts) and
// `npm run db:migration` share: the two migration folders, and a replayer for the
// PostgreSQL DDL Prisma writes, so the PostgreSQL migrations can be checked against
// their schema without a PostgreSQL server.
import fs from "node:fs";
import path from "node:path";

export const SQLITE_MIGRATIONS = path.join("prisma", "migrations");
export const POSTGRES_MIGRATIONS = path.join("prisma", "postgres", "migrations");

/** True when `sql` has a statement (not only comments or blank lines). */
export function hasStatements(sql: string): boolean {
  return sql.split("\n").some((line) => line.trim() && !line.trim().startsWith("--"));
}

/** Migration folder names (those holding a migration.sql), in the order Prisma applies them. */
export function migrationNames(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

export function migrationScripts(dir: string): { name: string; sql: string }[] {
  return migrationNames(dir).map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

// ---------------------------------------------------------------------------------
// PostgreSQL DDL replay. Understands the statements Prisma's migrate diff writes for
// this schema's features (tables, columns, defaults, primary and foreign keys, indexes,
// renames) and refuses anything else, so an unknown statement fails the test instead of
// being skipped. Data statements (INSERT/UPDATE/DELETE/SELECT) change no structure.

type Column = { type: string; notNull: boolean; default: string | null };
type ForeignKey = { columns: string[]; references: string; referencedColumns: string[]; onDelete: string; onUpdate: string };
type Table = { columns: Map<string, Column>; primaryKey: { name: string; columns: string[] } | null; foreignKeys: Map<string, ForeignKey> };
type Index = { table: string; unique: boolean; columns: string[] };
export type PostgresState = { tables: Map<string, Table>; indexes: Map<string, Index> };

/** Splits a script into statements: full-line comments dropped, `;` outside quotes ends one. */
export function statements(sql: string): string[] {
  const text = sql
    .split("\n")
    .filter((line) => !line.trim().startsWith("--"))
    .join("\n");
  const out: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === ";") {
      out.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  out.push(current);
  return out.map((statement) => statement.replace(/\s+/g, " ").replace(/"public"\./g, "").trim()).filter(Boolean);
}

/** Splits on commas outside parentheses and quotes. */
function topLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = "";
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
      continue;
    }
    current += char;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

const IDENT = String.raw`"([^"]+)"`;
const identList = (text: string) => topLevel(text).map((part) => part.replace(/"([^"]+)"/g, "$1").trim());

function parseColumn(definition: string): [string, Column] {
  const match = new RegExp(`^${IDENT} (.+)$`).exec(definition);
  if (!match) throw new Error(`column definition not understood: ${definition}`);
  let rest = match[2];
  let defaultValue: string | null = null;
  const withDefault = / DEFAULT (.+)$/.exec(rest);
  if (withDefault) {
    defaultValue = withDefault[1];
    rest = rest.slice(0, withDefault.index);
  }
  const notNull = / NOT NULL$/.test(rest);
  if (notNull) rest = rest.slice(0, -" NOT NULL".length);
  return [match[1], { type: rest.trim(), notNull, default: defaultValue }];
}

function parseForeignKey(text: string): ForeignKey | null {
  const match = new RegExp(`^FOREIGN KEY \\(([^)]*)\\) REFERENCES ${IDENT} ?\\(([^)]*)\\)(.*)$`).exec(text);
  if (!match) return null;
  const action = (kind: string) => new RegExp(`ON ${kind} (SET NULL|SET DEFAULT|NO ACTION|CASCADE|RESTRICT)`).exec(match[4])?.[1] ?? "NO ACTION";
  return { columns: identList(match[1]), references: match[2], referencedColumns: identList(match[3]), onDelete: action("DELETE"), onUpdate: action("UPDATE") };
}

function applyConstraint(table: Table, name: string, body: string, statement: string) {
  const primaryKey = /^PRIMARY KEY \(([^)]*)\)$/.exec(body);
  if (primaryKey) table.primaryKey = { name, columns: identList(primaryKey[1]) };
  else {
    const foreignKey = parseForeignKey(body);
    if (!foreignKey) throw new Error(`constraint not understood: ${statement}`);
    table.foreignKeys.set(name, foreignKey);
  }
}

function alterTable(state: PostgresState, tableName: string, actions: string, statement: string) {
  const table = state.tables.get(tableName);
  if (!table) throw new Error(`no table ${tableName}: ${statement}`);
  const rename = new RegExp(`^RENAME (?:(COLUMN|CONSTRAINT) ${IDENT} )?TO ${IDENT}$`).exec(actions);
  if (rename) {
    const [, kind, from, to] = rename;
    if (!kind) {
      state.tables.delete(tableName);
      state.tables.set(to, table);
      for (const index of state.indexes.values()) if (index.table === tableName) index.table = to;
      for (const other of state.tables.values()) for (const fk of other.foreignKeys.values()) if (fk.references === tableName) fk.references = to;
    } else if (kind === "COLUMN") {
      const column = table.columns.get(from);
      if (!column) throw new Error(`no column ${tableName}.${from}: ${statement}`);
      table.columns.delete(from);
      table.columns.set(to, column);
      const swap = (columns: string[]) => columns.map((c) => (c === from ? to : c));
      if (table.primaryKey) table.primaryKey.columns = swap(table.primaryKey.columns);
      for (const fk of table.foreignKeys.values()) fk.columns = swap(fk.columns);
      for (const index of state.indexes.values()) if (index.table === tableName) index.columns = swap(index.columns);
      for (const other of state.tables.values()) for (const fk of other.foreignKeys.values()) if (fk.references === tableName) fk.referencedColumns = swap(fk.referencedColumns);
    } else if (table.primaryKey?.name === from) table.primaryKey.name = to;
    else {
      const fk = table.foreignKeys.get(from);
      if (!fk) throw new Error(`no constraint ${from}: ${statement}`);
      table.foreignKeys.delete(from);
      table.foreignKeys.set(to, fk);
    }
    return;
  }
  for (const action of topLevel(actions)) {
    let m: RegExpExecArray | null;
    if ((m = /^ADD COLUMN (.+)$/.exec(action))) {
      const [name, column] = parseColumn(m[1].trim());
      table.columns.set(name, column);
    } else if ((m = new RegExp(`^DROP COLUMN ${IDENT}$`).exec(action))) {
      if (!table.columns.delete(m[1])) throw new Error(`no column ${tableName}.${m[1]}: ${statement}`);
    } else if ((m = new RegExp(`^ALTER COLUMN ${IDENT} (.+)$`).exec(action))) {
      const column = table.columns.get(m[1]);
      if (!column) throw new Error(`no column ${tableName}.${m[1]}: ${statement}`);
      const change = m[2];
      let t: RegExpExecArray | null;
      if (change === "SET NOT NULL") column.notNull = true;
      else if (change === "DROP NOT NULL") column.notNull = false;
      else if (change === "DROP DEFAULT") column.default = null;
      else if ((t = /^SET DEFAULT (.+)$/.exec(change))) column.default = t[1];
      else if ((t = /^(?:SET DATA )?TYPE (.+?)(?: USING .+)?$/.exec(change))) column.type = t[1];
      else throw new Error(`column change not understood: ${statement}`);
    } else if ((m = new RegExp(`^ADD CONSTRAINT ${IDENT} (.+)$`).exec(action))) {
      applyConstraint(table, m[1], m[2], statement);
    } else if ((m = new RegExp(`^DROP CONSTRAINT ${IDENT}$`).exec(action))) {
      if (table.primaryKey?.name === m[1]) table.primaryKey = null;
      else if (!table.foreignKeys.delete(m[1])) throw new Error(`no constraint ${m[1]}: ${statement}`);
    } else throw new Error(`ALTER TABLE action not understood: ${statement}`);
  }
}

function apply(state: PostgresState, statement: string) {
  let m: RegExpExecArray | null;
  if (/^CREATE SCHEMA IF NOT EXISTS "[^"]+"$/.test(statement)) return;
  if (/^(INSERT|UPDATE|DELETE|SELECT)\b/i.test(statement)) return;
  if ((m = new RegExp(`^CREATE TABLE ${IDENT} \\((.*)\\)$`).exec(statement))) {
    if (state.tables.has(m[1])) throw new Error(`table ${m[1]} exists: ${statement}`);
    const table: Table = { columns: new Map(), primaryKey: null, foreignKeys: new Map() };
    for (const item of topLevel(m[2])) {
      const constraint = new RegExp(`^CONSTRAINT ${IDENT} (.+)$`).exec(item);
      if (constraint) applyConstraint(table, constraint[1], constraint[2], statement);
      else table.columns.set(...parseColumn(item));
    }
    state.tables.set(m[1], table);
  } else if ((m = new RegExp(`^ALTER TABLE ${IDENT} (.+)$`).exec(statement))) {
    alterTable(state, m[1], m[2], statement);
  } else if ((m = new RegExp(`^DROP TABLE ${IDENT}$`).exec(statement))) {
    if (!state.tables.delete(m[1])) throw new Error(`no table ${m[1]}: ${statement}`);
    for (const [name, index] of state.indexes) if (index.table === m[1]) state.indexes.delete(name);
  } else if ((m = new RegExp(`^CREATE (UNIQUE )?INDEX ${IDENT} ON ${IDENT} ?(?:USING \\w+ ?)?\\((.*)\\)$`).exec(statement))) {
    if (state.indexes.has(m[2])) throw new Error(`index ${m[2]} exists: ${statement}`);
    if (!state.tables.has(m[3])) throw new Error(`no table ${m[3]}: ${statement}`);
    state.indexes.set(m[2], { table: m[3], unique: Boolean(m[1]), columns: identList(m[4]) });
  } else if ((m = new RegExp(`^DROP INDEX ${IDENT}$`).exec(statement))) {
    if (!state.indexes.delete(m[1])) throw new Error(`no index ${m[1]}: ${statement}`);
  } else if ((m = new RegExp(`^ALTER INDEX ${IDENT} RENAME TO ${IDENT}$`).exec(statement))) {
    const index = state.indexes.get(m[1]);
    if (!index) throw new Error(`no index ${m[1]}: ${statement}`);
    state.indexes.delete(m[1]);
    state.indexes.set(m[2], index);
  } else throw new Error(`statement not understood by the PostgreSQL replayer (teach scripts/migration-parity.ts): ${statement}`);
}

/** The structure the scripts build, applied in order to an empty database. */
export function replayPostgres(scripts: string[]): PostgresState {
  const state: PostgresState = { tables: new Map(), indexes: new Map() };
  for (const script of scripts) for (const statement of statements(script)) apply(state, statement);
  return state;
}

/** One line per fact (column, key, index), sorted: equal lists mean equal structure. */
export function describe(state: PostgresState): string[] {
  const lines: string[] = [];
  for (const [name, table] of state.tables) {
    lines.push(`table ${name}`);
    for (const [column, c] of table.columns) lines.push(`column ${name}.${column} ${c.type}${c.notNull ? " NOT NULL" : ""}${c.default === null ? "" : ` DEFAULT ${c.default}`}`);
    if (table.primaryKey) lines.push(`primary key ${table.primaryKey.name} on ${name}(${table.primaryKey.columns.join(", ")})`);
    for (const [fk, f] of table.foreignKeys)
      lines.push(`foreign key ${fk} on ${name}(${f.columns.join(", ")}) -> ${f.references}(${f.referencedColumns.join(", ")}) ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate}`);
  }
  for (const [name, index] of state.indexes) lines.push(`${index.unique ? "unique index" : "index"} ${name} on ${index.table}(${index.columns.join(", ")})`);
  return lines.sort();
}

/** Facts found on only one side; empty when the two structures are equal. */
export function structuralDifferences(expected: PostgresState, actual: PostgresState, labels = ["schema", "migrations"]): string[] {
  const a = new Set(describe(expected));
  const b = new Set(describe(actual));
  return [...[...a].filter((line) => !b.has(line)).map((line) => `only in ${labels[0]}: ${line}`), ...[...b].filter((line) => !a.has(line)).map((line) => `only in ${labels[1]}: ${line}`)];
}

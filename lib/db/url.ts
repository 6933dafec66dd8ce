// Resolves where the database lives. Shared by the app, the CLI config and scripts,
// so every entry point agrees on the default embedded file.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/casebook.db";

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function isSqliteUrl(url: string): boolean {
  return url.startsWith("file:");
}

/** Absolute file path of a `file:` URL, resolved against the project root (cwd). */
export function sqliteFilePath(url: string): string {
  const raw = url.slice("file:".length).split("?")[0];
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), raw);
}

import { inject } from "vitest";
import { clonePostgresDatabase, copySqliteFile } from "../support/databases";

// Runs before each test file's imports, so lib/db picks up this file's own database.
process.env.DATABASE_URL =
  inject("databaseKind") === "postgres"
    ? await clonePostgresDatabase(inject("databaseDir"), inject("baseDatabase"))
    : copySqliteFile(inject("baseDatabase"), inject("databaseDir"));

import fs from "node:fs";
import { expect, it } from "vitest";
import { postgresSchema, SOURCE, TARGET } from "./gen-postgres-schema";

it("the PostgreSQL schema is generated from the one source schema (run npm run db:postgres-schema)", () => {
  expect(fs.readFileSync(TARGET, "utf8")).toBe(postgresSchema(fs.readFileSync(SOURCE, "utf8")));
  expect(fs.readFileSync(TARGET, "utf8")).toContain('provider = "postgresql"');
});

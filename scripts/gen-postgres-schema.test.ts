import fs from "node:fs";
import { expect, it } from "vitest";
import { postgresSchema, SOURCE, sourceSchema, TARGET } from "./gen-postgres-schema";

it("the PostgreSQL schema is generated from the one source schema (run npm run db:postgres-schema)", () => {
  expect(fs.readFileSync(TARGET, "utf8")).toBe(postgresSchema(fs.readFileSync(SOURCE, "utf8")));
  expect(fs.readFileSync(TARGET, "utf8")).toContain('provider = "postgresql"');
});

it("sourceSchema inverts postgresSchema (npm run db:migration uses it to find the previous schema)", () => {
  const source = fs.readFileSync(SOURCE, "utf8");
  expect(sourceSchema(postgresSchema(source))).toBe(source);
  expect(() => sourceSchema(source)).toThrow(/generated header/);
});

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

// Runs before each test file's imports, so lib/db picks up this file's database.
const file = path.join(inject("databaseDir"), `test-${crypto.randomUUID()}.db`);
fs.copyFileSync(inject("baseDatabase"), file);
process.env.DATABASE_URL = `file:${file}`;

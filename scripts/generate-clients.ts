// postinstall: generates both Prisma clients (SQLite and PostgreSQL) from their schemas.
// Prisma picks the engine from the URL's provider, so each run gets a URL of its kind;
// nothing connects to it. The CLI path and its environment come from prisma-internals,
// which also stops the install if the Prisma release is not the one it was written for.
import { runPrismaCli } from "../lib/db/prisma-internals";

const variants = [
  { name: "SQLite", url: "file:./data/casebook.db" },
  { name: "PostgreSQL", url: "postgresql://generate@localhost:5432/generate" },
];
for (const variant of variants) {
  const result = runPrismaCli(["generate"], variant.url);
  process.stdout.write(result.output);
  if (result.status !== 0) {
    console.error(`Generating the ${variant.name} client failed.`);
    process.exit(result.status);
  }
}

// postinstall: generates both Prisma clients (SQLite and PostgreSQL) from their schemas.
// Prisma picks the engine from the URL's provider, so each run gets a URL of its kind;
// nothing connects to it. CHECKPOINT_DISABLE stops the telemetry call.
import { spawnSync } from "node:child_process";
import path from "node:path";

const cli = path.join("node_modules", "prisma", "build", "index.js");
const variants = [
  { name: "SQLite", url: "file:./data/casebook.db" },
  { name: "PostgreSQL", url: "postgresql://generate@localhost:5432/generate" },
];
for (const variant of variants) {
  const result = spawnSync(process.execPath, [cli, "generate"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: variant.url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (result.status !== 0) {
    console.error(`Generating the ${variant.name} client failed.`);
    process.exit(result.status ?? 1);
  }
}

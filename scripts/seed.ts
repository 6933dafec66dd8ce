// `npm run seed`: apply migrations and seed the course (and demo users unless CASEBOOK_DEMO=0).
import { prepareEnv } from "./runtime-env";

async function main() {
  const { demo } = prepareEnv();
  const { migrateDatabase } = await import("../lib/db/migrate");
  migrateDatabase();
  const { seed } = await import("../lib/seed");
  await seed({ demo });
  console.log(`Seeded ${process.env.DATABASE_URL}${demo ? " with demo users" : ""}.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

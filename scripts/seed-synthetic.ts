// `npm run seed:synthetic -- --students 10000 [--sections 200] [--database file:./data/synthetic.db] [--fresh]`
// Fills a separate database with a synthetic class (bench/synthetic.ts), for
// benchmarks and scale tests.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";

const args = z
  .object({
    students: z.coerce.number().int().min(1).max(200_000).default(1000),
    finalClass: z.coerce.number().int().min(0).max(10_000).default(0),
    sections: z.coerce.number().int().min(0).max(5_000).default(0),
    database: z.string().default("file:./data/synthetic.db"),
    seed: z.coerce.number().int().default(42),
    fresh: z.boolean().default(false),
  })
  .parse(
    (({ "final-class": finalClass, ...rest }) => ({ ...rest, finalClass }))(
      parseArgs({
        options: { students: { type: "string" }, "final-class": { type: "string" }, sections: { type: "string" }, database: { type: "string" }, seed: { type: "string" }, fresh: { type: "boolean" } },
      }).values,
    ),
  );

process.env.DATABASE_URL = args.database;

async function main() {
  const started = Date.now();
  const { prepareEnv } = await import("./runtime-env");
  prepareEnv();
  const { isSqliteUrl, sqliteFilePath } = await import("../lib/db/url");
  if (args.fresh && isSqliteUrl(args.database)) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(sqliteFilePath(args.database) + suffix, { force: true });
  const { migrateDatabase } = await import("../lib/db/migrate");
  migrateDatabase(args.database);
  const { seed } = await import("../lib/seed");
  await seed({ demo: true });
  const { seedSynthetic } = await import("../bench/synthetic");
  const totals = await seedSynthetic({
    url: args.database,
    students: args.students,
    finalClass: args.finalClass,
    sections: args.sections,
    seed: args.seed,
    onProgress: (done, attempts, answers) => process.stdout.write(`\r${done} students, ${attempts} attempts, ${answers} answers`),
  });
  console.log(`\nSeeded ${totals.students} students, ${totals.attempts} attempts in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

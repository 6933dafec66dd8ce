// `npm run user:create -- --email a@b.edu --role instructor [--name "A B"] [--password ...] [--section CODE|open]`
// --section: an instructor teaches that section, a student joins it (its join code, or
// "open" for the section new sign-ups join).
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { prepareEnv } from "./runtime-env";
import { emailSchema, PASSWORD_MIN_LENGTH } from "../lib/auth/schemas";
import { ROLES } from "../lib/auth/roles";

const argsSchema = z.object({
  email: emailSchema,
  role: z.enum(ROLES, { error: `--role must be one of: ${ROLES.join(", ")}` }),
  name: z.string().trim().min(1).max(100).optional(),
  password: z.string().min(PASSWORD_MIN_LENGTH, `--password needs at least ${PASSWORD_MIN_LENGTH} characters`).optional(),
  section: z.string().trim().min(1).max(40).optional(),
});

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string", default: "student" }, name: { type: "string" }, password: { type: "string" }, section: { type: "string" } },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".") || "args"}: ${issue.message}`);
    process.exit(2);
  }
  prepareEnv();
  // e2e specs create staff accounts this way, many per run: no engine start when nothing is pending.
  const { migrateIfPending } = await import("../lib/db/migrate");
  await migrateIfPending();
  const password = parsed.data.password ?? crypto.randomBytes(12).toString("base64url");
  const { upsertUser } = await import("../lib/users");
  const user = await upsertUser({
    email: parsed.data.email,
    role: parsed.data.role,
    name: parsed.data.name ?? parsed.data.email.split("@")[0],
    password,
  });
  if (parsed.data.section) {
    const { placeInSection } = await import("../lib/sections/cli");
    console.log(await placeInSection(user, parsed.data.section));
  }
  console.log(`Saved ${user.role} ${user.email}${parsed.data.password ? "" : ` with password: ${password}`}`);
  // Close the pool: on PostgreSQL its idle connections kept the process alive about 10 s
  // longer (every e2e spec that creates a staff account waited for it).
  await (await import("../lib/db")).db.$disconnect();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

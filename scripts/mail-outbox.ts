// `npm run mail:outbox [-- --all]`: the mail Casebook has queued, newest first. Without
// SMTP_URL nothing is sent and this is how an operator reads it (password links too, so
// only the operator of a local instance should run it); with SMTP it shows what is waiting
// or failed. `--all` includes mail already sent.
import { parseArgs } from "node:util";
import { prepareEnv } from "./runtime-env";

async function main() {
  const { values } = parseArgs({ options: { all: { type: "boolean", default: false } } });
  prepareEnv();
  const { db } = await import("../lib/db");
  const messages = await db.mailMessage.findMany({
    where: values.all ? {} : { sentAt: null },
    select: { to: true, subject: true, text: true, createdAt: true, sentAt: true, attempts: true, lastError: true },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  if (messages.length === 0) console.log(values.all ? "No mail." : "No unsent mail.");
  for (const m of messages) {
    console.log(`--- ${m.createdAt.toISOString()} · to ${m.to} · ${m.sentAt ? `sent ${m.sentAt.toISOString()}` : `not sent (${m.attempts} attempts${m.lastError ? `, last error: ${m.lastError}` : ""})`}`);
    console.log(`Subject: ${m.subject}\n\n${m.text}\n`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

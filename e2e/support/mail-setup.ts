// Playwright global setup: a real SMTP server on a local port for the e2e app's mail. Each
// message received is appended to a file the tests read (they run in other processes).
import fs from "node:fs";
import { startSmtp } from "../../tests/support/smtp";
import { E2E_MAILBOX, E2E_SMTP_PORT } from "./env";

export default async function mailSetup() {
  fs.mkdirSync("data", { recursive: true });
  fs.writeFileSync(E2E_MAILBOX, "");
  const smtp = await startSmtp({ port: E2E_SMTP_PORT, onMessage: (mail) => fs.appendFileSync(E2E_MAILBOX, `${JSON.stringify(mail)}\n`) });
  return () => smtp.close();
}

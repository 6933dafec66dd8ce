export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
export const E2E_SECRET = "e2e-secret-that-is-long-enough-for-casebook-0123456789";
// The e2e server sends mail to a real SMTP server the runner starts (e2e/support/mail-setup.ts).
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3125);
export const E2E_MAILBOX = "data/e2e-mail.jsonl";

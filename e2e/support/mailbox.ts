import fs from "node:fs";
import { expect } from "@playwright/test";
import type { Received } from "../../tests/support/smtp";
import { E2E_MAILBOX } from "./env";

/** Waits (polling, no sleep) for a message to this address and returns the newest. */
export async function mailFor(to: string): Promise<Received> {
  const read = () =>
    fs
      .readFileSync(E2E_MAILBOX, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Received)
      .filter((m) => m.to === to);
  await expect.poll(() => read().length, { message: `mail to ${to}` }).toBeGreaterThan(0);
  return read().at(-1)!;
}

import { createHash } from "node:crypto";

/** Stable short hash of content, used to version lessons, quizzes and the course. */
export function contentHash(...parts: unknown[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(typeof part === "string" ? part : JSON.stringify(part)).update("\u0000");
  return hash.digest("hex").slice(0, 16);
}

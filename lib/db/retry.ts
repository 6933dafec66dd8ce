import { Prisma } from "@/lib/generated/prisma/client";
import { isSqliteBusyError, UNIQUE_CONSTRAINT_FAILED } from "./prisma-internals";

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === UNIQUE_CONSTRAINT_FAILED;
}

/**
 * SQLite in WAL mode: a transaction that read first and then writes fails at once with
 * SQLITE_BUSY_SNAPSHOT when another process committed in between (the busy timeout
 * cannot help, its snapshot is stale). It rolled back, so running it again is safe.
 */
export function isTransientLock(error: unknown): boolean {
  return isSqliteBusyError(error);
}

/**
 * Runs a write again when it lost a race it can safely retry: a unique-key collision
 * between concurrent upserts (the retry finds the winner's row and updates it), or a
 * stale SQLite snapshot (the retry starts a fresh transaction).
 */
export function retryOnConflict<T>(operation: () => Promise<T>, attempts = 5): Promise<T> {
  return retrying(operation, (error) => isUniqueViolation(error) || isTransientLock(error), attempts);
}

/** Like retryOnConflict, but a unique violation is an answer (someone else won), not a retry. */
export function retryOnTransientLock<T>(operation: () => Promise<T>, attempts = 5): Promise<T> {
  return retrying(operation, isTransientLock, attempts);
}

async function retrying<T>(operation: () => Promise<T>, retryable: (error: unknown) => boolean, attempts: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

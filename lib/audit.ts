import "server-only";
import { db, type Tx } from "@/lib/db";

export type AuditEntry = { actorId: string | null; action: string; targetType: string; targetId: string; detail?: Record<string, unknown> };

/** Records an instructor action; pass the transaction so the entry commits with the change. */
export async function recordAudit(entry: AuditEntry, client: Tx | typeof db = db) {
  await client.auditLog.create({
    data: { actorId: entry.actorId, action: entry.action, targetType: entry.targetType, targetId: entry.targetId, detail: JSON.stringify(entry.detail ?? {}) },
    select: { id: true },
  });
}

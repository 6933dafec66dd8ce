import "server-only";
// The LMS grade column (AGS line item) a Casebook activity posts to in one LMS course:
// the one a launch named (its lineitem claim), else the one in the course's line-item
// container whose resourceId is the activity, else one Casebook makes there. Making one is
// done by one sender at a time per activity (a row taken first), so two instances posting
// two students' scores at once cannot give the LMS two columns.
import { z } from "zod";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/retry";
import { getCourse, getStructure } from "@/lib/course/structure";
import { SCOPE } from "./claims";
import { lineItemFor } from "./grades";
import type { Platform } from "./platforms";
import { isPlatformUrl } from "./schemas";
import { serviceCall, ServiceError } from "./services";

const LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
const CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";
/** Marks a column being made; a mark older than this belongs to a sender that died, and is taken over. */
const MAKING = "";
const MAKING_TIMEOUT_MS = 2 * 60_000;

const lineItemSchema = z.object({ id: z.string().refine(isPlatformUrl), resourceId: z.string().optional() });

type Where = { platformId: string; contextId: string; activity: string };

/** The URL to post this activity's scores to, or a ServiceError saying why there is none yet. */
export async function lineItemUrl(platform: Platform, where: Where, context: { lineItemsUrl: string | null; canManageLineItems: boolean }, now = new Date()): Promise<string> {
  const key = { platformId_contextId_activity: where };
  const known = await db.ltiLineItem.findUnique({ where: key, select: { url: true, createdAt: true } });
  if (known?.url) return known.url;
  if (!context.lineItemsUrl || !context.canManageLineItems) {
    // Not a refusal: the column may be learned from the next launch of its link, so the score waits (and retries).
    throw new ServiceError(null, "The LMS has not given Casebook a grade column for this activity yet. Add it to the LMS course as a graded link (Deep Linking), or allow Casebook to manage grade columns.");
  }
  // Take the making of this column, or wait for the sender that has it.
  const stale = new Date(now.getTime() - MAKING_TIMEOUT_MS);
  if (known) {
    const taken = await db.ltiLineItem.updateMany({ where: { ...where, url: MAKING, createdAt: { lt: stale } }, data: { createdAt: now } });
    if (taken.count === 0) throw new ServiceError(null, "Another sender is making this grade column.");
  } else {
    try {
      await db.ltiLineItem.create({ data: { ...where, url: MAKING, createdAt: now }, select: { activity: true } });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ServiceError(null, "Another sender is making this grade column.");
      throw error;
    }
  }
  try {
    const url = (await findInContainer(platform, context.lineItemsUrl, where.activity)) ?? (await makeLineItem(platform, context.lineItemsUrl, where.activity));
    await db.ltiLineItem.update({ where: key, data: { url }, select: { activity: true } });
    return url;
  } catch (error) {
    await db.ltiLineItem.deleteMany({ where: { ...where, url: MAKING } });
    throw error;
  }
}

function withQuery(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [name, value] of Object.entries(params)) u.searchParams.set(name, value);
  return u.toString();
}

async function findInContainer(platform: Platform, lineItemsUrl: string, activity: string): Promise<string | null> {
  const response = await serviceCall(platform, [SCOPE.lineItem], withQuery(lineItemsUrl, { resource_id: activity }), { headers: { accept: CONTAINER } });
  if (!response.ok) throw new ServiceError(response.status, `The platform answered ${response.status} when Casebook looked for its grade column.`);
  const items = z.array(z.unknown()).catch([]).parse(await response.json().catch(() => []));
  for (const item of items) {
    const parsed = lineItemSchema.safeParse(item);
    if (parsed.success && parsed.data.resourceId === activity) return parsed.data.id;
  }
  return null;
}

async function makeLineItem(platform: Platform, lineItemsUrl: string, activity: string): Promise<string> {
  const structure = await getStructure((await getCourse()).id);
  const response = await serviceCall(platform, [SCOPE.lineItem], lineItemsUrl, {
    method: "POST",
    headers: { "content-type": LINE_ITEM, accept: LINE_ITEM },
    body: JSON.stringify(lineItemFor(activity, structure)),
  });
  if (!response.ok) throw new ServiceError(response.status, `The platform answered ${response.status} when Casebook made its grade column.`);
  const parsed = lineItemSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new ServiceError(502, "The platform made the grade column but did not say where it is.");
  return parsed.data.id;
}

/**
 * Remembers the column a launch named for its activity (the platform's own link to it); the
 * activity's scores that were waiting for a column, or gave up, are sent again to it.
 */
export async function rememberLineItem(client: Pick<typeof db, "ltiLineItem" | "ltiScore">, where: Where, url: string, now = new Date()) {
  const known = await client.ltiLineItem.findUnique({ where: { platformId_contextId_activity: where }, select: { url: true } });
  if (known?.url === url) return;
  await client.ltiLineItem.upsert({ where: { platformId_contextId_activity: where }, create: { ...where, url }, update: { url }, select: { activity: true } });
  await client.ltiScore.updateMany({ where: { ...where, status: { in: ["pending", "failed"] } }, data: { status: "pending", tries: 0, nextTryAt: now, lastError: null } });
}

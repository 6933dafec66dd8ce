import "server-only";
// "Open in a new window" from inside an LMS's frame (issue 15). The framed session lives in
// the LMS's cookie partition, which a window of its own cannot see; so a framed page carries
// a short-lived signed pass for its user, posted by the button to /api/lti/window, which
// signs the same user in for that window. The pass is only ever in the page the user's own
// session rendered (no-store), lasts minutes, and is taken only from this site's own page
// (a pass posted from another site would sign its victim in as the pass's owner).
import { signValue, verifiedText } from "@/lib/security/signed-value";
import { z } from "zod";
import { safeReturnPath } from "@/lib/urls";

/** Long enough to read a page and decide; short enough that a pass left in a page soon means nothing. */
export const HANDOFF_LIFETIME_MS = 30 * 60_000;

const PURPOSE = "lti-window";
const passSchema = z.object({ u: z.string().min(1), exp: z.number() });

export const handoffPass = (userId: string, secret: string, now = Date.now()) => signValue(PURPOSE, JSON.stringify({ u: userId, exp: now + HANDOFF_LIFETIME_MS }), secret);

/** The user a pass names while it is good, else null. */
export function userOfPass(pass: string, secret: string, now = Date.now()): string | null {
  const text = verifiedText(PURPOSE, pass, secret);
  if (text === null) return null;
  const parsed = passSchema.safeParse(JSON.parse(text));
  return parsed.success && parsed.data.exp > now ? parsed.data.u : null;
}

/** A path on this site to open (the page the button was on); anything else opens the course. */
export const windowRequestSchema = z.object({ pass: z.string().min(10).max(1000), to: z.string().max(2000).optional().transform((to) => safeReturnPath(to, "/course")) });

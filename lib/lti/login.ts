import "server-only";
// OIDC third-party login initiation (LTI Core 1.3 §5.1.1, 1EdTech Security Framework §5.1):
// the platform sends iss, login_hint and target_link_uri (GET or POST); Casebook answers with
// a redirect to the platform's authorization endpoint carrying a fresh state and nonce, both
// kept in the database (any instance can finish the launch), single use, for ten minutes.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { publicBaseUrl } from "@/lib/http/base-url";
import { findPlatform } from "./platforms";
import { LaunchError } from "./launch-error";
import { STORAGE_TARGET, type PlatformStorage } from "./client-storage";

export const LOGIN_LIFETIME_MS = 10 * 60_000;

export const loginRequestSchema = z.object({
  iss: z.string().trim().min(1).max(500),
  login_hint: z.string().min(1).max(2000),
  target_link_uri: z.string().min(1).max(2000),
  lti_message_hint: z.string().max(4000).optional(),
  lti_deployment_id: z.string().max(255).optional(),
  client_id: z.string().max(255).optional(),
  // The platform's storage frame (LTI client-side postMessage storage, lib/lti/client-storage.ts);
  // one that is not a frame name is ignored rather than refused: the cookie may still do.
  lti_storage_target: z.string().max(255).optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/**
 * The address as a path on this site, or null when it points anywhere else. The path is
 * what the browser is sent to after sign-in, so it must stay a path here: one that begins
 * with "//" or holds a backslash would leave the site once resolved (an open redirect).
 */
export async function onSite(uri: string): Promise<string | null> {
  if (!URL.canParse(uri)) return null;
  const url = new URL(uri);
  const base = new URL(await publicBaseUrl());
  if (url.origin !== base.origin) return null;
  const path = `${url.pathname}${url.search}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return null;
  return new URL(path, base).origin === base.origin ? path : null;
}

export const launchUrl = async () => `${await publicBaseUrl()}/api/lti/launch`;

const storageOf = (target: string | null | undefined, authUrl: string): PlatformStorage | null =>
  target && STORAGE_TARGET.test(target) ? { target, origin: new URL(authUrl).origin } : null;

/**
 * Where to send the browser next (the platform's authorization endpoint, with this login's
 * state and nonce), the state, and the platform's storage when it offered one.
 */
export async function beginLogin(input: LoginRequest, now = new Date()): Promise<{ authorize: URL; state: string; storage: PlatformStorage | null }> {
  const platform = await findPlatform(db, input.iss, input.client_id);
  if (!platform) throw new LaunchError("unknown_platform");
  if (input.lti_deployment_id && !platform.deploymentIds.includes(input.lti_deployment_id)) throw new LaunchError("unknown_deployment");
  if (!(await onSite(input.target_link_uri))) throw new LaunchError("target_off_site");
  const state = randomBytes(32).toString("base64url");
  const nonce = randomBytes(32).toString("base64url");
  const storage = storageOf(input.lti_storage_target, platform.authUrl);
  // Spent and expired logins go as new ones come (indexed by expiry; nothing else reads them).
  await db.ltiLogin.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.ltiLogin.create({
    data: { stateHash: sha256(state), nonce, platformId: platform.id, targetLinkUri: input.target_link_uri, storageTarget: storage?.target ?? null, expiresAt: new Date(now.getTime() + LOGIN_LIFETIME_MS) },
    select: { id: true },
  });
  const url = new URL(platform.authUrl);
  const params: Record<string, string> = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: platform.clientId,
    redirect_uri: await launchUrl(),
    login_hint: input.login_hint,
    state,
    nonce,
  };
  if (input.lti_message_hint) params.lti_message_hint = input.lti_message_hint;
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return { authorize: url, state, storage };
}

/** The storage an unspent, unexpired login's platform offered, or null (the launch then needs the cookie). */
export async function launchStorage(state: string, now = new Date()): Promise<PlatformStorage | null> {
  const login = await db.ltiLogin.findFirst({
    where: { stateHash: sha256(state), usedAt: null, expiresAt: { gt: now } },
    select: { storageTarget: true, platform: { select: { authUrl: true } } },
  });
  return login ? storageOf(login.storageTarget, login.platform.authUrl) : null;
}

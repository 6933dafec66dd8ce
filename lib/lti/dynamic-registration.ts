import "server-only";
// LTI Dynamic Registration 1.0 (issue 15): an LMS administrator pastes one Casebook address
// into the LMS (Moodle 4.1+, Canvas), which opens it with its OpenID configuration URL;
// Casebook reads the configuration, registers itself at the platform's registration
// endpoint, and keeps the registration the platform returns. The address is a ticket a
// coordinator made (single use, a week; only its hash kept), so nobody else can register
// an LMS with Casebook.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/boundary/errors";
import { publicBaseUrl } from "@/lib/http/base-url";
import { SCOPE } from "./claims";
import { sha256 } from "./login";
import { registerPlatform, toolUrls, type Platform } from "./platforms";
import { isPlatformUrl } from "./schemas";
import { call, ServiceError } from "./services";

export const TICKET_LIFETIME_MS = 7 * 24 * 60 * 60_000;

const url = z.string().max(2000).refine(isPlatformUrl, "must be an https:// address");
const ticket = z.string().regex(/^[\w-]{43}$/);

/** What the LMS opens the registration address with (query on GET, the confirmation form on POST). */
export const registrationRequestSchema = z.object({ ticket, openid_configuration: url, registration_token: z.string().max(4000).optional() });
export type RegistrationRequest = z.infer<typeof registrationRequestSchema>;

const PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";
const TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

const openIdConfigurationSchema = z.object({
  issuer: url,
  authorization_endpoint: url,
  token_endpoint: url,
  jwks_uri: url,
  registration_endpoint: url,
  [PLATFORM_CONFIGURATION]: z.object({ product_family_code: z.string().max(100).optional() }).optional().catch(undefined),
});
export type PlatformConfiguration = z.infer<typeof openIdConfigurationSchema>;

const registrationResponseSchema = z.object({
  client_id: z.string().min(1).max(255),
  [TOOL_CONFIGURATION]: z.object({ deployment_id: z.string().min(1).max(255).optional() }).optional(),
});

/** A coordinator's new registration address; the ticket in it is shown once. */
export async function createRegistrationTicket(viewer: CurrentUser, now = new Date()): Promise<{ url: string; expiresAt: Date }> {
  if (viewer.role !== "coordinator") throw new DomainError(403, "Only a course coordinator registers an LMS.");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + TICKET_LIFETIME_MS);
  await db.ltiRegistrationTicket.create({ data: { tokenHash: sha256(token), createdById: viewer.id, expiresAt }, select: { id: true } });
  return { url: `${await publicBaseUrl()}/api/lti/register?ticket=${token}`, expiresAt };
}

const openTicket = (token: string, now: Date) => db.ltiRegistrationTicket.findFirst({ where: { tokenHash: sha256(token), usedAt: null, expiresAt: { gt: now } }, select: { id: true, createdBy: { select: { id: true, name: true, email: true, role: true } } } });

/**
 * Reads the platform's OpenID configuration (AGS-style bearer: the registration token). Its
 * issuer must be a prefix of the configuration's address (Dynamic Registration §3.5.1), so a
 * configuration cannot claim another platform's issuer.
 */
export async function readPlatformConfiguration(request: RegistrationRequest, now = new Date()): Promise<PlatformConfiguration> {
  if (!(await openTicket(request.ticket, now))) throw new DomainError(404, "This registration address is unknown, used or expired. Make a new one on Casebook's LMS page.");
  const response = await call(request.openid_configuration, { headers: { accept: "application/json", ...(request.registration_token ? { authorization: `Bearer ${request.registration_token}` } : {}) } }).catch((error: unknown) => {
    throw new DomainError(422, error instanceof ServiceError ? error.message : "The LMS's configuration could not be read.");
  });
  const parsed = openIdConfigurationSchema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !parsed.success) throw new DomainError(422, `The LMS's OpenID configuration could not be read (${response.status}).`);
  if (!request.openid_configuration.startsWith(parsed.data.issuer)) throw new DomainError(400, "The LMS's issuer does not match the address of its configuration.");
  return parsed.data;
}

/** What Casebook asks the platform to register (Dynamic Registration §3.4). */
async function toolRegistration() {
  const base = await publicBaseUrl();
  const urls = toolUrls(base);
  return {
    application_type: "web",
    response_types: ["id_token"],
    grant_types: ["implicit", "client_credentials"],
    initiate_login_uri: urls.loginUrl,
    redirect_uris: [urls.redirectUrl],
    client_name: "Casebook",
    jwks_uri: urls.jwksUrl,
    token_endpoint_auth_method: "private_key_jwt",
    scope: [SCOPE.lineItem, SCOPE.score, SCOPE.memberships].join(" "),
    [TOOL_CONFIGURATION]: {
      domain: new URL(base).host,
      target_link_uri: urls.targetLinkUrl,
      claims: ["iss", "sub", "name", "given_name", "family_name", "email"],
      messages: [{ type: "LtiDeepLinkingRequest", target_link_uri: urls.deepLinkingUrl, label: "Casebook" }],
    },
  };
}

/**
 * Spends the ticket, registers Casebook with the platform and keeps the registration it
 * returns (audited as the coordinator who made the ticket). A failure at the platform
 * leaves the ticket spent: the coordinator makes a new one.
 */
export async function completeRegistration(request: RegistrationRequest, now = new Date()): Promise<Platform> {
  const found = await openTicket(request.ticket, now);
  if (!found) throw new DomainError(404, "This registration address is unknown, used or expired. Make a new one on Casebook's LMS page.");
  const configuration = await readPlatformConfiguration(request, now);
  const spent = await db.ltiRegistrationTicket.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
  if (spent.count !== 1) throw new DomainError(409, "This registration address was just used.");
  const response = await call(configuration.registration_endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...(request.registration_token ? { authorization: `Bearer ${request.registration_token}` } : {}) },
    body: JSON.stringify(await toolRegistration()),
  }).catch((error: unknown) => {
    throw new DomainError(422, error instanceof ServiceError ? error.message : "The LMS's registration endpoint could not be reached.");
  });
  const parsed = registrationResponseSchema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !parsed.success) throw new DomainError(422, `The LMS refused the registration (${response.status}).`);
  const deploymentId = parsed.data[TOOL_CONFIGURATION]?.deployment_id;
  if (!deploymentId) throw new DomainError(422, "The LMS registered Casebook without a deployment id; add it on Casebook's LMS page.");
  const product = configuration[PLATFORM_CONFIGURATION]?.product_family_code;
  const platform = await registerPlatform(found.createdBy as CurrentUser, {
    name: `${product ? `${product[0].toUpperCase()}${product.slice(1)}` : "LMS"} at ${new URL(configuration.issuer).host}`.slice(0, 100),
    issuer: configuration.issuer,
    clientId: parsed.data.client_id,
    authUrl: configuration.authorization_endpoint,
    tokenUrl: configuration.token_endpoint,
    jwksUrl: configuration.jwks_uri,
    deploymentIds: [deploymentId],
  });
  await db.ltiRegistrationTicket.update({ where: { id: found.id }, data: { platformId: platform.id }, select: { id: true } });
  return platform;
}

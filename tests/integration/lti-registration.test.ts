// LTI Dynamic Registration (issue 15) against the simulated LMS: a coordinator's one-time
// address, opened by the LMS with its OpenID configuration, registers Casebook there and
// keeps the registration; a used, unknown or mismatched request registers nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/lti/register/route";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { publicBaseUrl } from "@/lib/http/base-url";
import { SCOPE } from "@/lib/lti/claims";
import { createRegistrationTicket } from "@/lib/lti/dynamic-registration";
import { seed } from "@/lib/seed";
import { startPlatform } from "@/tests/support/lti-platform";
import { makeUser } from "@/tests/support/users";

vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, delete: () => undefined, set: () => undefined }), headers: async () => new Headers() }));

let platform: Awaited<ReturnType<typeof startPlatform>>;
let coordinator: CurrentUser;
let site: string;
const noParams = { params: Promise.resolve({}) };

beforeAll(async () => {
  await seed({ demo: false });
  platform = await startPlatform();
  coordinator = await makeUser("coordinator");
  site = await publicBaseUrl();
}, 60_000);
afterAll(() => platform?.close());

async function ticket() {
  const { url } = await createRegistrationTicket(coordinator);
  return new URL(url).searchParams.get("ticket")!;
}
const fields = (t: string, extra: Record<string, string> = {}) => ({ ticket: t, openid_configuration: `${platform.base}/.well-known/openid-configuration`, registration_token: platform.services.registrationToken, ...extra });
const open = (f: Record<string, string>) => GET(new Request(`${site}/api/lti/register?${new URLSearchParams(f)}`), noParams);
const confirm = (f: Record<string, string>) =>
  POST(new Request(`${site}/api/lti/register`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(f).toString() }), noParams);

describe("dynamic registration", () => {
  it("is a coordinator's to start", async () => {
    await expect(createRegistrationTicket(await makeUser("instructor"))).rejects.toMatchObject({ status: 403 });
    const { url, expiresAt } = await createRegistrationTicket(coordinator);
    expect(url).toMatch(new RegExp(`^${site}/api/lti/register\\?ticket=[\\w-]{43}$`));
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(6 * 86_400_000);
  });

  it("shows the LMS what it is about to register, framed only by that LMS, and writes nothing", async () => {
    const before = await db.ltiPlatform.count();
    const page = await open(fields(await ticket()));
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain(`frame-ancestors ${platform.base}`);
    const html = await page.text();
    expect(html).toContain("Register Casebook with this LMS?");
    expect(html).toContain(`<code>${platform.base}</code>`);
    expect(await db.ltiPlatform.count()).toBe(before);
  });

  it("registers Casebook with the LMS and keeps the registration it returns, once", async () => {
    const t = await ticket();
    const page = await confirm(fields(t));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Casebook is registered");
    expect(html).toContain("org.imsglobal.lti.close");
    const nonce = /script-src 'nonce-([^']+)'/.exec(page.headers.get("content-security-policy")!)![1];
    expect(html).toContain(`<script nonce="${nonce}">`);

    const sent = platform.services.registrations.at(-1)!;
    expect(sent.authorization).toBe(`Bearer ${platform.services.registrationToken}`);
    expect(sent.body).toMatchObject({
      application_type: "web",
      response_types: ["id_token"],
      grant_types: ["implicit", "client_credentials"],
      initiate_login_uri: `${site}/api/lti/login`,
      redirect_uris: [`${site}/api/lti/launch`],
      jwks_uri: `${site}/api/lti/jwks`,
      token_endpoint_auth_method: "private_key_jwt",
    });
    expect(String(sent.body.scope).split(" ").sort()).toEqual([SCOPE.lineItem, SCOPE.memberships, SCOPE.score].sort());
    expect(sent.body["https://purl.imsglobal.org/spec/lti-tool-configuration"]).toMatchObject({ target_link_uri: `${site}/course`, messages: [{ type: "LtiDeepLinkingRequest", target_link_uri: `${site}/api/lti/deep-link` }] });

    const registered = await db.ltiPlatform.findFirstOrThrow({ where: { issuer: platform.base }, select: { name: true, clientId: true, authUrl: true, tokenUrl: true, jwksUrl: true, deploymentIds: true } });
    expect(registered).toEqual({
      name: `Moodle at ${new URL(platform.base).host}`,
      clientId: `dynamic-client-${platform.services.registrations.length}`,
      authUrl: `${platform.base}/auth`,
      tokenUrl: `${platform.base}/token`,
      jwksUrl: `${platform.base}/jwks`,
      deploymentIds: JSON.stringify(["dynamic-deployment-1"]),
    });
    expect(await db.auditLog.count({ where: { action: "lti.platform.register", actorId: coordinator.id } })).toBe(1);

    // The address works once.
    const again = await confirm(fields(t));
    expect(again.status).toBe(404);
    expect(await again.text()).toContain("unknown, used or expired");
  });

  it("refuses an unknown address without calling the LMS, and a configuration whose issuer is not its own", async () => {
    const calls = platform.services.configurationRequests;
    expect((await open(fields("x".repeat(43)))).status).toBe(404);
    expect((await confirm(fields("x".repeat(43)))).status).toBe(404);
    expect(platform.services.configurationRequests).toBe(calls);

    platform.services.configurationIssuer = "https://other-lms.example";
    const t = await ticket();
    const before = await db.ltiPlatform.count();
    const refused = await confirm(fields(t));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("issuer does not match");
    expect(await db.ltiPlatform.count()).toBe(before);
    platform.services.configurationIssuer = null;
    // Not spent: the same address still registers once the LMS is right.
    expect((await confirm(fields(t))).status).toBe(200);
  });

  it("answers a request without a ticket, or with a script address, with a 4xx", async () => {
    expect((await open({ openid_configuration: `${platform.base}/.well-known/openid-configuration` })).status).toBe(400);
    expect((await open(fields(await ticket(), { openid_configuration: "javascript:alert(1)" }))).status).toBe(400);
  });
});

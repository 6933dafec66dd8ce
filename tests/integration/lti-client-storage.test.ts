// LTI client-side postMessage storage (issue 15) at the login and launch handlers: a platform
// that names a storage frame gets a login page that keeps the state there; a launch whose
// cookie did not come back gets the page that checks it, and is finished only by Casebook's
// own re-post. Nothing is signed in and nothing is spent before that.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as launchPost } from "@/app/api/lti/launch/route";
import { GET as loginGet } from "@/app/api/lti/login/route";
import { sessionSecret } from "@/lib/auth/session-token";
import { db } from "@/lib/db";
import { publicBaseUrl } from "@/lib/http/base-url";
import { bindingCookie } from "@/lib/lti/browser-binding";
import { FRAME_COOKIE, frameCookieValue } from "@/lib/lti/frame";
import { registerPlatform } from "@/lib/lti/platforms";
import { sha256 } from "@/lib/lti/login";
import { seed } from "@/lib/seed";
import { startPlatform } from "@/tests/support/lti-platform";

// Sessions are signed: this file mints them (parsed once, before anything reads the environment).
vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "lti-client-storage-test-secret-of-enough-bytes";
});

// The browser's cookie jar as the launch handler sees it (next/headers).
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
  headers: async () => new Headers(),
}));

let platform: Awaited<ReturnType<typeof startPlatform>>;
let site: string;
const noParams = { params: Promise.resolve({}) };
const LMS = "https://lms.example.edu";

beforeAll(async () => {
  await seed({ demo: false });
  platform = await startPlatform();
  await registerPlatform(null, platform.registration);
  site = await publicBaseUrl();
}, 60_000);
afterAll(() => platform?.close());
beforeEach(() => jar.clear());

async function login(extra: Record<string, string> = {}) {
  const query = new URLSearchParams({ iss: platform.issuer, login_hint: "hint", target_link_uri: `${site}/course`, client_id: platform.clientId, ...extra });
  const response = await loginGet(new Request(`${site}/api/lti/login?${query}`, { headers: { "sec-fetch-dest": "iframe" } }), noParams);
  const html = await response.text();
  const config = /data-config="([^"]*)"/.exec(html)?.[1];
  const settings = config ? JSON.parse(config.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))) : null;
  const authorize = new URL(settings?.next ?? response.headers.get("location"));
  return { response, html, settings, authorize, state: authorize.searchParams.get("state")!, nonce: authorize.searchParams.get("nonce")! };
}

const launch = (fields: Record<string, string>, headers: Record<string, string>) =>
  launchPost(new Request(`${site}/api/lti/launch`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-dest": "iframe", ...headers }, body: new URLSearchParams(fields).toString() }), noParams);

const token = (nonce: string, sub: string) => platform.sign(platform.launchClaims(nonce, `${site}/course`, { sub, name: "Sam Storage" }));
const fromLms = { origin: LMS, "sec-fetch-site": "cross-site" };
const fromCasebook = () => ({ origin: new URL(site).origin, "sec-fetch-site": "same-origin" });
const spent = async (state: string) => (await db.ltiLogin.findUniqueOrThrow({ where: { stateHash: sha256(state) }, select: { usedAt: true } })).usedAt !== null;
const sessionOf = (response: Response) => response.headers.getSetCookie().find((c) => /session-token=[^;]/.test(c));

describe("the login, when the platform offers storage", () => {
  it("answers with a page that puts the state in the named frame for the auth endpoint's origin, then goes on to it, and still sets the cookie", async () => {
    const { response, html, settings, state } = await login({ lti_storage_target: "post_message_forwarding" });
    expect(response.status).toBe(200);
    expect(settings).toEqual({ put: true, target: "post_message_forwarding", origin: new URL(platform.registration.authUrl).origin, key: `state_${state}`, value: state, next: expect.stringContaining(platform.registration.authUrl) });
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'nonce-[^']+'/);
    expect(html).toMatch(/<script nonce="[^"]+">/);
    expect(response.headers.getSetCookie().join("\n")).toContain(bindingCookie(state, 0).name);
  });
  it("redirects as before without storage, or with a target that is not a frame name", async () => {
    for (const extra of [{}, { lti_storage_target: "javascript:alert(1)" }, { lti_storage_target: "a/b" }] as Record<string, string>[]) {
      const { response, state } = await login(extra);
      expect(response.status).toBe(302);
      expect(await db.ltiLogin.findUniqueOrThrow({ where: { stateHash: sha256(state) }, select: { storageTarget: true } })).toEqual({ storageTarget: null });
    }
  });
});

describe("a launch without the login's cookie", () => {
  it("from a platform that offered storage: gets the check page, which spends nothing and signs nobody in; Casebook's own re-post finishes it, framed for the LMS", async () => {
    const { state, nonce } = await login({ lti_storage_target: "_parent" });
    const idToken = await token(nonce, `storage-${Date.now()}`);
    const check = await launch({ id_token: idToken, state }, fromLms);
    expect(check.status).toBe(200);
    const html = await check.text();
    expect(html).toContain('action="/api/lti/launch"');
    expect(html).toContain('name="storage_checked" value="1"');
    expect(check.headers.get("content-security-policy")).toContain(`frame-ancestors ${LMS}`);
    expect(check.headers.get("content-security-policy")).toContain("form-action 'self'");
    expect(sessionOf(check)).toBeUndefined();
    expect(await spent(state)).toBe(false);

    const frame = /name="frame" value="([^"]+)"/.exec(html)![1];
    const finished = await launch({ id_token: idToken, state, storage_checked: "1", frame }, fromCasebook());
    expect(finished.status).toBe(303);
    expect(finished.headers.get("location")).toBe(`${site}/course`);
    expect(sessionOf(finished)).toMatch(/SameSite=none/i);
    expect(finished.headers.getSetCookie().join("\n")).toContain(`${FRAME_COOKIE}=${encodeURIComponent(frameCookieValue(LMS, sessionSecret()))}`);
    expect(await spent(state)).toBe(true);
  });

  it("refuses the re-post from any page but Casebook's own, and a made-up frame origin frames nothing", async () => {
    const { state, nonce } = await login({ lti_storage_target: "_parent" });
    const fields = { id_token: await token(nonce, `storage-x-${Date.now()}`), state, storage_checked: "1" };
    for (const headers of [fromLms, { origin: "https://evil.example" }, { "sec-fetch-site": "same-site", origin: LMS }, {}] as Record<string, string>[]) {
      const refused = await launch(fields, headers);
      expect(refused.status).toBe(401);
      expect(await refused.text()).toContain('data-problem="browser"');
      expect(sessionOf(refused)).toBeUndefined();
    }
    expect(await spent(state)).toBe(false);
    const forged = await launch({ ...fields, frame: `${"https://evil.example"}.forged` }, fromCasebook());
    expect(forged.status).toBe(303);
    expect(forged.headers.getSetCookie().join("\n")).not.toContain(`${FRAME_COOKIE}=`);
  });

  it("from a platform that offered no storage: refused as before, with nothing spent", async () => {
    const { state, nonce } = await login();
    const refused = await launch({ id_token: await token(nonce, "no-storage"), state, storage_checked: "1" }, fromCasebook());
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('data-problem="browser"');
    expect(await spent(state)).toBe(false);
  });

  it("with the cookie: finished at once, whatever the platform offered", async () => {
    const { state, nonce } = await login({ lti_storage_target: "_parent" });
    const binding = bindingCookie(state, 600);
    jar.set(binding.name, binding.value);
    const finished = await launch({ id_token: await token(nonce, `cookie-${Date.now()}`), state }, fromLms);
    expect(finished.status).toBe(303);
    expect(finished.headers.getSetCookie().join("\n")).toContain(`${FRAME_COOKIE}=`);
  });
});

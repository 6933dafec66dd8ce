// LTI 1.3 login and launch (issue 15) against a simulated platform: a learner, an
// instructor and an administrator launch from the same LMS course; every malformed or
// hostile launch is refused with the reason and writes nothing for anyone.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { publicBaseUrl } from "@/lib/http/base-url";
import { CLAIM } from "@/lib/lti/claims";
import { completeLaunch } from "@/lib/lti/launch";
import { beginLogin, LOGIN_LIFETIME_MS } from "@/lib/lti/login";
import { registerPlatform } from "@/lib/lti/platforms";
import { seed } from "@/lib/seed";
import { MEMBERSHIP, startPlatform } from "@/tests/support/lti-platform";

let platform: Awaited<ReturnType<typeof startPlatform>>;
let site: string;

beforeAll(async () => {
  await seed({ demo: false });
  platform = await startPlatform();
  await registerPlatform(null, platform.registration);
  site = await publicBaseUrl();
});
afterAll(() => platform?.close());

/** The platform's side of the OIDC login: the state and nonce Casebook sent back. */
async function login(overrides: Partial<Parameters<typeof beginLogin>[0]> = {}, now = new Date()) {
  const { authorize: url, storage } = await beginLogin({ iss: platform.issuer, login_hint: "hint-1", target_link_uri: `${site}/course`, client_id: platform.clientId, ...overrides }, now);
  return { url, storage, state: url.searchParams.get("state")!, nonce: url.searchParams.get("nonce")! };
}

async function launch(claims: Record<string, unknown> = {}, sign: Parameters<typeof platform.sign>[1] = {}) {
  const { state, nonce } = await login();
  const idToken = await platform.sign(platform.launchClaims(nonce, `${site}/course`, claims), sign);
  return completeLaunch({ id_token: idToken, state });
}

const counts = async () => ({
  users: await db.user.count(),
  identities: await db.ltiIdentity.count(),
  sections: await db.section.count(),
  enrollments: await db.enrollment.count(),
});

describe("the OIDC login", () => {
  it("redirects to the platform with a form_post request, a fresh state and nonce", async () => {
    const { url, state, nonce } = await login({ lti_message_hint: "message-1" });
    expect(url.origin + url.pathname).toBe(`${platform.issuer}/auth`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      scope: "openid",
      response_type: "id_token",
      response_mode: "form_post",
      prompt: "none",
      client_id: platform.clientId,
      redirect_uri: `${site}/api/lti/launch`,
      login_hint: "hint-1",
      lti_message_hint: "message-1",
    });
    expect(state).toMatch(/^[\w-]{43}$/);
    expect(nonce).toMatch(/^[\w-]{43}$/);
    expect(state).not.toBe((await login()).state);
    // Only the state's hash is stored.
    expect(await db.ltiLogin.count({ where: { stateHash: state } })).toBe(0);
  });

  it("refuses an unknown platform, deployment or an off-site target", async () => {
    await expect(login({ iss: "https://other.example.edu" })).rejects.toMatchObject({ problem: "unknown_platform", status: 400 });
    await expect(login({ client_id: "someone-else" })).rejects.toMatchObject({ problem: "unknown_platform" });
    await expect(login({ lti_deployment_id: "deployment-9" })).rejects.toMatchObject({ problem: "unknown_deployment" });
    await expect(login({ target_link_uri: "https://evil.example/course" })).rejects.toMatchObject({ problem: "target_off_site" });
    await expect(login({ target_link_uri: `${site}//evil.example/course` })).rejects.toMatchObject({ problem: "target_off_site" });
  });
});

describe("a launch", () => {
  it("signs a learner into the LMS course's section, made on its first launch, and finds them again", async () => {
    const first = await launch();
    expect(first.redirectTo).toBe("/course");
    const user = await db.user.findUniqueOrThrow({ where: { id: first.userId }, select: { role: true, email: true, name: true } });
    expect(user).toEqual({ role: "student", email: "ana.ruiz@college.example.edu", name: "Ana Ruiz" });
    const context = await db.ltiContext.findFirstOrThrow({ where: { contextId: "course-101" }, select: { sectionId: true, section: { select: { name: true, joinOpen: true } } } });
    expect(context.section).toEqual({ name: "Introduction to Paralegal Studies", joinOpen: false });
    const enrolled = await db.enrollment.findFirstOrThrow({ where: { userId: first.userId, endedAt: null }, select: { sectionId: true } });
    expect(enrolled.sectionId).toBe(context.sectionId);
    expect(await db.studentSummary.findUnique({ where: { userId: first.userId }, select: { sectionId: true } })).toEqual({ sectionId: context.sectionId });
    const before = await counts();
    const again = await launch();
    expect(again.userId).toBe(first.userId);
    expect(await counts()).toEqual(before);
  });

  it("makes an LMS instructor the section's instructor, and an administrator the coordinator", async () => {
    const teacher = await launch({ sub: "lms-teacher-1", email: "prof@college.example.edu", [CLAIM.roles]: [`${MEMBERSHIP}Instructor`] });
    const section = await db.ltiContext.findFirstOrThrow({ where: { contextId: "course-101" }, select: { sectionId: true } });
    expect(await db.sectionInstructor.count({ where: { userId: teacher.userId, sectionId: section.sectionId } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: teacher.userId }, select: { role: true } })).role).toBe("instructor");
    const admin = await launch({ sub: "lms-admin-1", email: undefined, [CLAIM.roles]: ["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"] });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.userId }, select: { role: true, email: true } })).toEqual({ role: "coordinator", email: expect.stringMatching(/^lti-[0-9a-f]{24}@lti\.invalid$/) });
  });

  it("never takes over an existing account by email: (iss, sub) names the person", async () => {
    const owner = await db.user.create({ data: { name: "Existing", email: "taken@college.example.edu", passwordHash: "x", role: "coordinator" }, select: { id: true } });
    const { userId } = await launch({ sub: "lms-user-taken", email: "taken@college.example.edu" });
    expect(userId).not.toBe(owner.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })).email).toMatch(/@lti\.invalid$/);
  });
});

describe("roles and sections from the LMS", () => {
  const second = { id: "course-202", title: "Second course" };
  const sectionOf = async (contextId: string) => (await db.ltiContext.findFirstOrThrow({ where: { contextId }, select: { sectionId: true } })).sectionId;

  it("teaching comes from the launch's own role: an instructor elsewhere who launches as a learner teaches nothing here", async () => {
    const ta = await launch({ sub: "lms-ta-1", email: undefined, [CLAIM.roles]: ["http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant"] });
    const asLearner = await launch({ sub: "lms-ta-1", email: undefined, [CLAIM.context]: second });
    expect(asLearner.userId).toBe(ta.userId);
    expect(await db.sectionInstructor.count({ where: { userId: ta.userId, sectionId: await sectionOf(second.id) } })).toBe(0);
    expect(await db.enrollment.count({ where: { userId: ta.userId } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: ta.userId }, select: { role: true } })).role).toBe("instructor");
  });

  it("a learner made instructor in the LMS becomes one here, and the change is audited", async () => {
    const learner = await launch({ sub: "lms-promoted-1", email: undefined });
    await launch({ sub: "lms-promoted-1", email: undefined, [CLAIM.roles]: [`${MEMBERSHIP}Instructor`] });
    expect((await db.user.findUniqueOrThrow({ where: { id: learner.userId }, select: { role: true } })).role).toBe("instructor");
    expect(await db.auditLog.count({ where: { action: "lti.role", targetId: learner.userId } })).toBe(1);
    expect(await db.studentSummary.count({ where: { userId: learner.userId } })).toBe(0);
  });

  it("a course's own Administrator role teaches that course, it does not coordinate Casebook", async () => {
    const admin = await launch({ sub: "lms-course-admin", email: undefined, [CLAIM.roles]: [`${MEMBERSHIP}Administrator`] });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.userId }, select: { role: true } })).role).toBe("instructor");
  });

  it("a learner in two LMS courses stays in the first one's section instead of moving at each launch", async () => {
    const first = await launch({ sub: "lms-two-courses", email: undefined });
    await launch({ sub: "lms-two-courses", email: undefined, [CLAIM.context]: second });
    const active = await db.enrollment.findFirstOrThrow({ where: { userId: first.userId, endedAt: null }, select: { sectionId: true } });
    expect(active.sectionId).toBe(await sectionOf("course-101"));
    expect(await db.enrollment.count({ where: { userId: first.userId } })).toBe(1);
  });

  it("takes odd display claims (null names, long titles) without refusing the launch", async () => {
    const odd = await launch({ sub: "lms-odd-claims", name: null, email: "not an email", [CLAIM.resourceLink]: { id: "rl-9", title: "x".repeat(2000) }, [CLAIM.context]: { id: "course-303", label: null, title: null } });
    expect((await db.user.findUniqueOrThrow({ where: { id: odd.userId }, select: { name: true } })).name).toBe("LMS user");
  });
});

describe("refused launches sign nobody in and write nothing", () => {
  const refused: [string, () => Promise<unknown>, string][] = [
    ["a bad signature (another key under the platform's kid)", async () => launch({}, { key: await platform.addKey("stranger", false) }), "bad_signature"],
    ["an unknown kid", () => launch({}, { kid: "never-published" }), "unknown_key"],
    ["the wrong audience", () => launch({}, { audience: "another-tool" }), "wrong_audience"],
    ["several audiences without azp", () => launch({}, { audience: [platform.clientId, "another-tool"] }), "wrong_audience"],
    ["another issuer", () => launch({}, { issuer: "https://other.example.edu" }), "wrong_issuer"],
    ["an expired token", () => launch({}, { issuedAt: Math.floor(Date.now() / 1000) - 900, expiresAt: Math.floor(Date.now() / 1000) - 600 }), "expired"],
    ["a token issued long ago", () => launch({}, { issuedAt: Math.floor(Date.now() / 1000) - 3600 }), "expired"],
    ["an unknown deployment", () => launch({ [CLAIM.deploymentId]: "deployment-9" }), "unknown_deployment"],
    ["a missing version", () => launch({ [CLAIM.version]: undefined }), "missing_claims"],
    ["a missing resource link", () => launch({ [CLAIM.resourceLink]: undefined }), "missing_claims"],
    ["a learner without a context", () => launch({ [CLAIM.context]: undefined }), "missing_claims"],
    ["a target off this site", () => launch({ [CLAIM.targetLinkUri]: "https://evil.example/course" }), "target_off_site"],
    ["a target that leaves the site once resolved (//host)", () => launch({ [CLAIM.targetLinkUri]: `${site}//evil.example/course` }), "target_off_site"],
    ["a target that leaves the site once resolved (backslash)", () => launch({ [CLAIM.targetLinkUri]: `${site}/\\evil.example/course` }), "target_off_site"],
    ["no role Casebook knows", () => launch({ [CLAIM.roles]: [`${MEMBERSHIP}Mentor`] }), "no_role"],
    ["a nonce from another login", () => launch({ nonce: "replayed-nonce" }), "nonce"],
  ];
  it.each(refused)("%s", async (_, attempt, problem) => {
    const before = await counts();
    await expect(attempt()).rejects.toMatchObject({ problem });
    expect(await counts()).toEqual(before);
  });

  it("an unsigned token (alg: none)", async () => {
    const { state, nonce } = await login();
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: "none", typ: "JWT" })}.${encode({ ...platform.launchClaims(nonce, `${site}/course`), iss: platform.issuer, aud: platform.clientId, iat: now, exp: now + 300 })}.`;
    await expect(completeLaunch({ id_token: unsigned, state })).rejects.toMatchObject({ problem: expect.stringMatching(/bad_algorithm|malformed/) });
  });

  it("a state used twice, or after ten minutes", async () => {
    const { state, nonce } = await login();
    const token = await platform.sign(platform.launchClaims(nonce, `${site}/course`, { sub: "lms-user-replay" }));
    await completeLaunch({ id_token: token, state });
    await expect(completeLaunch({ id_token: token, state })).rejects.toMatchObject({ problem: "state", status: 401 });
    const old = await login({}, new Date(Date.now() - LOGIN_LIFETIME_MS - 1000));
    const late = await platform.sign(platform.launchClaims(old.nonce, `${site}/course`));
    await expect(completeLaunch({ id_token: late, state: old.state })).rejects.toMatchObject({ problem: "state" });
  });

  it("a state nobody issued", async () => {
    const token = await platform.sign(platform.launchClaims("whatever", `${site}/course`));
    await expect(completeLaunch({ id_token: token, state: "made-up-state" })).rejects.toMatchObject({ problem: "state" });
  });
});

describe("the platform's keys", () => {
  it("are fetched again when a token names a new kid (rotation)", async () => {
    await platform.addKey("platform-key-2");
    // The key set is cached; an unknown kid makes it fetch again, at most once per cooldown
    // (a few seconds after the last fetch): the test moves the clock past it instead of waiting.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 60_000);
      const fetched = platform.jwksRequests();
      const { userId } = await launch({ sub: "lms-user-rotated" }, { kid: "platform-key-2" });
      expect(userId).toBeTruthy();
      expect(platform.jwksRequests()).toBe(fetched + 1);
      // Cached again: the next launch with that kid fetches nothing.
      await launch({ sub: "lms-user-rotated" }, { kid: "platform-key-2" });
      expect(platform.jwksRequests()).toBe(fetched + 1);
    } finally {
      vi.useRealTimers();
    }
  });
});

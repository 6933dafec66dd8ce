// LTI Advantage services (issue 15) against the simulated platform: grade passback (AGS)
// through the outbox, with the platform up, down, refusing and racing; roster sync (NRPS).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createLocalJWKSet, jwtVerify } from "jose";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { publicBaseUrl } from "@/lib/http/base-url";
import { getReadiness } from "@/lib/readiness";
import { completeLesson } from "@/lib/progress";
import { submitAttempt } from "@/lib/quiz/answers";
import { startAttempt } from "@/lib/quiz/attempts";
import { CLAIM, DL_CLAIM } from "@/lib/lti/claims";
import { GET as picker, POST as answer } from "@/app/api/lti/deep-link/route";
import { completeLaunch } from "@/lib/lti/launch";
import { beginLogin } from "@/lib/lti/login";
import { syncMemberships, syncSectionRoster } from "@/lib/lti/memberships";
import { registerPlatform } from "@/lib/lti/platforms";
import { deliverDueScores, scoreDeliveriesSettled } from "@/lib/lti/scores";
import { lmsLinksOf, resendScores, scoreSyncOf } from "@/lib/lti/score-sync";
import { scoreRetryDelayMs } from "@/lib/lti/grades";
import { rotateToolKey, toolJwks } from "@/lib/lti/tool-key";
import { seed } from "@/lib/seed";
import { completeLessonsAndQuizzes, completeSelfAssessment, passQuiz } from "@/tests/support/course";
import { MEMBERSHIP, startPlatform } from "@/tests/support/lti-platform";
import { makeUser } from "@/tests/support/users";
import { gradeTry, releaseTry, submittedTry } from "@/tests/support/written-grades";

vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, delete: () => undefined, set: () => undefined }), headers: async () => new Headers() }));

let platform: Awaited<ReturnType<typeof startPlatform>>;
let site: string;
let firstQuiz: string;
let firstLesson: string;
let finalQuiz: string;

beforeAll(async () => {
  await seed({ demo: false });
  platform = await startPlatform({ toolKeys: toolJwks });
  await registerPlatform(null, platform.registration);
  site = await publicBaseUrl();
  const quizzes = await db.quiz.findMany({ select: { slug: true, kind: true, lesson: { select: { slug: true, position: true } } }, orderBy: { position: "asc" } });
  const first = quizzes.filter((q) => q.lesson).sort((a, b) => a.lesson!.position - b.lesson!.position)[0];
  [firstQuiz, firstLesson] = [first.slug, first.lesson!.slug];
  finalQuiz = quizzes.find((q) => q.kind === "final")!.slug;
}, 60_000);
afterAll(() => platform?.close());

async function launch(path: string, claims: Record<string, unknown>) {
  const { authorize: url } = await beginLogin({ iss: platform.issuer, login_hint: "hint", target_link_uri: `${site}${path}`, client_id: platform.clientId });
  const [state, nonce] = [url.searchParams.get("state")!, url.searchParams.get("nonce")!];
  return completeLaunch({ id_token: await platform.sign(platform.launchClaims(nonce, `${site}${path}`, claims)), state });
}

async function learner(sub: string, path = "/course", services: Record<string, unknown> = platform.serviceClaims()): Promise<CurrentUser> {
  const { userId } = await launch(path, { sub, name: `Learner ${sub}`, email: undefined, ...services });
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true } });
  return { ...user, role: "student" };
}

/** The first lesson read, then its quiz passed: what a learner does first. */
async function passFirstQuiz(student: CurrentUser) {
  const done = await completeLesson(student, firstLesson);
  if (!done.ok) throw new Error(done.message);
  return passQuiz(student, firstQuiz);
}

const scoresFor = (sub: string) => platform.services.scores.filter((s) => s.body.userId === sub);
const outbox = (userId: string) => db.ltiScore.findMany({ where: { userId }, select: { activity: true, status: true, tries: true, scoreGiven: true, version: true, sentVersion: true, lastError: true, nextTryAt: true, scoredAt: true } });

describe("grade passback", () => {
  // Each test leaves the platform up and nothing owed, whatever it did.
  afterEach(async () => {
    platform.services.scoreMode = "up";
    platform.services.holdScores = null;
    await scoreDeliveriesSettled();
    await deliverDueScores(() => new Date(Date.now() + 24 * 3_600_000));
  });

  it("posts a graded quiz's score to a column it makes, once, with a cached token", async () => {
    const student = await learner("ags-1");
    await passFirstQuiz(student);
    // Queued in the grading's transaction (sent after it, below or already).
    expect(await outbox(student.id)).toMatchObject([{ activity: `quiz:${firstQuiz}`, scoreGiven: 100 }]);
    await scoreDeliveriesSettled();
    await deliverDueScores();
    const posted = scoresFor("ags-1");
    expect(posted).toHaveLength(1);
    expect(posted[0].body).toMatchObject({ userId: "ags-1", scoreGiven: 100, scoreMaximum: 100, activityProgress: "Completed", gradingProgress: "FullyGraded" });
    expect(new Date(posted[0].body.timestamp as string).toISOString()).toBe(posted[0].body.timestamp);
    const columns = platform.services.lineItems.filter((l) => l.resourceId === `quiz:${firstQuiz}`);
    expect(columns).toHaveLength(1);
    expect(columns[0]).toMatchObject({ scoreMaximum: 100, tag: "casebook" });
    expect(posted[0].lineItem).toBe(columns[0].id);
    expect(await outbox(student.id)).toMatchObject([{ status: "sent", sentVersion: 1, tries: 0, lastError: null }]);

    // A second student's score reuses the column and the token.
    const tokens = platform.services.tokenRequests;
    const other = await learner("ags-2");
    await passFirstQuiz(other);
    await scoreDeliveriesSettled();
    await deliverDueScores();
    expect(scoresFor("ags-2")).toHaveLength(1);
    expect(platform.services.lineItems.filter((l) => l.resourceId === `quiz:${firstQuiz}`)).toHaveLength(1);
    expect(platform.services.tokenRequests).toBe(tokens);
  }, 60_000);

  it("keeps a score through an outage, retrying later with backoff, and never posts twice", async () => {
    const student = await learner("ags-down");
    platform.services.scoreMode = "down";
    const before = Date.now();
    await passFirstQuiz(student);
    // The post after the grading (outside a request it may run before the commit and find
    // nothing; then the sender's next round does) finds the platform down.
    await scoreDeliveriesSettled();
    await deliverDueScores();
    let [row] = await outbox(student.id);
    expect(row).toMatchObject({ status: "pending", tries: 1, lastError: "The platform answered 503 to the score." });
    expect(row.nextTryAt.getTime()).toBeGreaterThanOrEqual(before + scoreRetryDelayMs(1));
    expect(row.nextTryAt.getTime()).toBeLessThanOrEqual(Date.now() + scoreRetryDelayMs(1));
    // Not due yet: nothing is posted, even with the platform back.
    platform.services.scoreMode = "up";
    await deliverDueScores(() => new Date(row.nextTryAt.getTime() - 1));
    expect(scoresFor("ags-down")).toHaveLength(0);
    // A second failure waits twice as long.
    platform.services.scoreMode = "down";
    await deliverDueScores(() => row.nextTryAt);
    const second = (await outbox(student.id))[0];
    expect(second.tries).toBe(2);
    expect(second.nextTryAt.getTime()).toBe(row.nextTryAt.getTime() + scoreRetryDelayMs(2));
    // Due, and up: posted once, and again never.
    platform.services.scoreMode = "up";
    await deliverDueScores(() => second.nextTryAt);
    await deliverDueScores(() => new Date(second.nextTryAt.getTime() + 10 * scoreRetryDelayMs(1)));
    expect(scoresFor("ags-down")).toHaveLength(1);
    [row] = await outbox(student.id);
    expect(row.status).toBe("sent");
  }, 60_000);

  it("two senders at once post each score once", async () => {
    const student = await learner("ags-race");
    // The platform is slow: the post after the response is still waiting when two timers fire.
    let release!: () => void;
    platform.services.holdScores = new Promise<void>((resolve) => (release = resolve));
    await passFirstQuiz(student);
    const first = deliverDueScores();
    await waitFor(async () => (await db.ltiScore.count({ where: { userId: student.id, claimedUntil: { not: null } } })) === 1);
    const racing = Promise.all([deliverDueScores(), deliverDueScores()]);
    release();
    platform.services.holdScores = null;
    await Promise.all([first, racing]);
    await scoreDeliveriesSettled();
    await Promise.all([deliverDueScores(), deliverDueScores(), deliverDueScores()]);
    expect(scoresFor("ags-race")).toHaveLength(1);
  }, 60_000);

  it("a newer score queued while an older one is in flight goes after it, with a later timestamp", async () => {
    const student = await learner("ags-order");
    await completeLesson(student, firstLesson);
    // A failed attempt first (nothing answered: 0), its post held at the platform.
    let release!: () => void;
    platform.services.holdScores = new Promise<void>((resolve) => (release = resolve));
    const started = await startAttempt(student, firstQuiz);
    if (!started.ok) throw new Error(started.message);
    await submitAttempt(student, started.attemptId);
    const first = deliverDueScores();
    await waitFor(async () => (await db.ltiScore.count({ where: { userId: student.id, claimedUntil: { not: null } } })) === 1);
    // While the 0 is being posted, the student passes.
    await passQuiz(student, firstQuiz);
    release();
    platform.services.holdScores = null;
    await first;
    await scoreDeliveriesSettled();
    await deliverDueScores();
    const posted = scoresFor("ags-order");
    expect(posted.map((p) => p.body.scoreGiven)).toEqual([0, 100]);
    expect(Date.parse(posted[1].body.timestamp as string)).toBeGreaterThan(Date.parse(posted[0].body.timestamp as string));
    expect(await outbox(student.id)).toMatchObject([{ status: "sent", version: 2, sentVersion: 2 }]);
  }, 60_000);

  it("a refused score is failed at once, shown to the instructor with the reason, and resent on request", async () => {
    const student = await learner("ags-refused");
    platform.services.scoreMode = "refuse";
    await passFirstQuiz(student);
    await scoreDeliveriesSettled();
    await deliverDueScores();
    const coordinator = await makeUser("coordinator");
    const [shown] = await scoreSyncOf(coordinator, student.id);
    expect(shown).toMatchObject({ status: "failed", lmsCourse: "Introduction to Paralegal Studies", lastError: "The platform answered 400 to the score.", scoreGiven: 100 });
    // Another section's instructor, and the student, see nothing.
    const stranger = await makeUser("instructor");
    await expect(scoreSyncOf(stranger, student.id)).rejects.toMatchObject({ status: 404 });
    await expect(scoreSyncOf(student, student.id)).rejects.toMatchObject({ status: 404 });
    await expect(resendScores(stranger, student.id)).rejects.toMatchObject({ status: 404 });

    platform.services.scoreMode = "up";
    expect(await resendScores(coordinator, student.id)).toBe(1);
    await scoreDeliveriesSettled();
    await deliverDueScores();
    expect(scoresFor("ags-refused")).toHaveLength(1);
    expect((await scoreSyncOf(coordinator, student.id))[0].status).toBe("sent");
    expect(await db.auditLog.count({ where: { action: "lti.scores_resent", targetId: student.id } })).toBe(1);
  }, 60_000);

  it("posts to the column the launch's link names, and readiness once reached", async () => {
    const named = `${platform.base}/lineitems/named-final`;
    platform.services.lineItems.push({ id: named, label: "Final (LMS)", scoreMaximum: 100 });
    const student = await learner("ags-ready", `/quizzes/${finalQuiz}`, platform.serviceClaims({ lineItem: named }));
    await completeLessonsAndQuizzes(student, { final: true });
    await completeSelfAssessment(student);
    expect((await getReadiness(student)).reachedAt).not.toBeNull();
    await scoreDeliveriesSettled();
    await deliverDueScores();
    const posted = scoresFor("ags-ready");
    expect(posted.find((p) => p.lineItem === named)?.body.scoreGiven).toBe(100);
    expect(platform.services.lineItems.filter((l) => l.resourceId === `quiz:${finalQuiz}`)).toHaveLength(0);
    const readiness = platform.services.lineItems.find((l) => l.resourceId === "readiness");
    expect(readiness?.label).toBe("Casebook: Internship ready");
    expect(posted.filter((p) => p.lineItem === readiness?.id).map((p) => p.body.scoreGiven)).toEqual([100]);
  }, 240_000);

  it("posts a written assignment's grade once released, to a column titled by the assignment; a held grade reaches nothing", async () => {
    const [letter, ethics] = await db.assignment.findMany({ where: { retiredAt: null }, select: { slug: true, title: true }, orderBy: { position: "asc" } });
    // The student came in through the LMS's link to one assignment, which names its own column.
    const named = `${platform.base}/lineitems/named-ethics`;
    platform.services.lineItems.push({ id: named, label: "Ethics (LMS)", scoreMaximum: 100 });
    const student = await learner("ags-written", `/assignments/${ethics.slug}`, platform.serviceClaims({ lineItem: named }));
    const grader = await makeUser("coordinator");
    const letterTry = await submittedTry(student.id, letter.slug);
    const ethicsTry = await submittedTry(student.id, ethics.slug);
    const letterPercent = await gradeTry(grader, letterTry, "bottom");
    expect(letterPercent).toBeLessThan(100);
    await gradeTry(grader, ethicsTry, "top");
    // Graded but held: the LMS owes nothing, not even a zero.
    expect(await outbox(student.id)).toEqual([]);

    // Released: queued in the release's transaction, then posted to a column Casebook makes.
    await releaseTry(grader, letterTry);
    expect(await outbox(student.id)).toMatchObject([{ activity: `assignment:${letter.slug}`, scoreGiven: letterPercent, version: 1 }]);
    await scoreDeliveriesSettled();
    await deliverDueScores();
    const column = platform.services.lineItems.find((l) => l.resourceId === `assignment:${letter.slug}`);
    expect(column).toMatchObject({ label: `Casebook: ${letter.title}`, scoreMaximum: 100, tag: "casebook" });
    expect(scoresFor("ags-written").map((p) => [p.lineItem, p.body.scoreGiven, p.body.scoreMaximum, p.body.gradingProgress])).toEqual([[column!.id, letterPercent, 100, "FullyGraded"]]);
    expect(platform.services.lineItems.filter((l) => l.resourceId === `assignment:${ethics.slug}`)).toHaveLength(0);

    // A second try graded higher but still held leaves the released grade standing: the next
    // change (the other assignment's release) rewrites nothing of it, and posts only the new grade.
    const secondTry = await submittedTry(student.id, letter.slug, { tryNumber: 2 });
    await gradeTry(grader, secondTry, "top");
    await releaseTry(grader, ethicsTry);
    const rows = await outbox(student.id);
    expect(rows.find((r) => r.activity === `assignment:${letter.slug}`)).toMatchObject({ scoreGiven: letterPercent, version: 1, status: "sent" });
    expect(rows.find((r) => r.activity === `assignment:${ethics.slug}`)).toMatchObject({ scoreGiven: 100, version: 1 });
    await scoreDeliveriesSettled();
    await deliverDueScores();
    expect(scoresFor("ags-written").map((p) => [p.lineItem, p.body.scoreGiven])).toEqual([[column!.id, letterPercent], [named, 100]]);
    expect(platform.services.lineItems.filter((l) => l.resourceId === `assignment:${ethics.slug}`)).toHaveLength(0);
    // The instructor's view of the passback names the assignment.
    expect((await scoreSyncOf(grader, student.id)).map((s) => s.label)).toEqual([letter.title, ethics.title]);
  }, 60_000);

  it("a course that granted no score scope owes no scores", async () => {
    const student = await learner("ags-none", "/course", { ...platform.serviceClaims({ scopes: [] }), [CLAIM.context]: { id: "course-202", title: "No grades" } });
    await passFirstQuiz(student);
    expect(await outbox(student.id)).toEqual([]);
  }, 60_000);
});

describe("roster sync", () => {
  it("puts the LMS course's learners who never launched on the roster as not started, once", async () => {
    platform.services.members = [
      { user_id: "nrps-1", roles: [`${MEMBERSHIP}Learner`], name: "Bea Lin", email: "bea.lin@college.example.edu" },
      { user_id: "nrps-2", roles: [`${MEMBERSHIP}Learner`], name: "Cal Ode" },
      { user_id: "nrps-3", roles: [`${MEMBERSHIP}Learner`], status: "Inactive", name: "Dee Gone" },
      { user_id: "nrps-teacher", roles: [`${MEMBERSHIP}Instructor`], name: "Prof Ng" },
      { user_id: "nrps-4", roles: [`${MEMBERSHIP}Learner`], name: "Eve Paged" },
    ];
    // An instructor's launch asks for the sync (the route runs it after the response).
    const { userId, syncRoster } = await launch("/course", { sub: "teacher-1", name: "Prof Ng", [CLAIM.roles]: [`${MEMBERSHIP}Instructor`], ...platform.serviceClaims() });
    expect(syncRoster).toEqual({ platformId: expect.any(String), contextId: "course-101" });
    const result = await syncMemberships(syncRoster!);
    expect(result).toEqual({ members: 5, added: 3, error: null });
    const section = await db.ltiContext.findUniqueOrThrow({ where: { platformId_contextId: syncRoster! }, select: { sectionId: true, membershipsSyncedAt: true } });
    expect(section.membershipsSyncedAt).not.toBeNull();
    const rows = await db.studentSummary.findMany({ where: { sectionId: section.sectionId, user: { ltiIdentities: { some: { subject: { startsWith: "nrps-" } } } } }, select: { progressPercent: true, lastActiveAt: true, user: { select: { name: true, passwordHash: true } } } });
    expect(rows.map((r) => r.user.name).sort()).toEqual(["Bea Lin", "Cal Ode", "Eve Paged"]);
    expect(rows.every((r) => r.progressPercent === 0 && r.lastActiveAt === null)).toBe(true);
    // Staff are not made from the list, and the inactive learner is left out.
    expect(await db.ltiIdentity.count({ where: { subject: { in: ["nrps-3", "nrps-teacher"] } } })).toBe(0);

    // Again, on the instructor's request: nothing new.
    const instructor = { id: userId, name: "Prof Ng", email: "x", role: "instructor" as const };
    expect(await syncSectionRoster(instructor, section.sectionId)).toEqual([{ members: 5, added: 0, error: null }]);
    const [link] = await lmsLinksOf(instructor, section.sectionId);
    expect(link).toMatchObject({ title: "Introduction to Paralegal Studies", canPostScores: true, membershipsError: null });
    await expect(syncSectionRoster(await makeUser("instructor"), section.sectionId)).rejects.toMatchObject({ status: 404 });
  }, 60_000);

  it("records why a sync failed, and changes nothing", async () => {
    const before = await db.user.count();
    const context = await db.ltiContext.findFirstOrThrow({ where: { contextId: "course-101" }, select: { platformId: true, contextId: true } });
    await db.ltiContext.update({ where: { platformId_contextId: context }, data: { membershipsUrl: `${platform.base}/nowhere` } });
    const result = await syncMemberships(context);
    expect(result.error).toMatch(/answered 404/);
    expect(await db.user.count()).toBe(before);
    expect((await db.ltiContext.findUniqueOrThrow({ where: { platformId_contextId: context }, select: { membershipsError: true } })).membershipsError).toMatch(/404/);
    await db.ltiContext.update({ where: { platformId_contextId: context }, data: { membershipsUrl: `${platform.base}/memberships` } });
  });
});

describe("deep linking", () => {
  const returnUrl = () => `${platform.base}/deep-link-return`;
  const dlClaims = (extra: Record<string, unknown> = {}) => ({
    sub: "teacher-dl",
    name: "Prof Dee",
    [CLAIM.messageType]: "LtiDeepLinkingRequest",
    [CLAIM.resourceLink]: undefined,
    [CLAIM.roles]: [`${MEMBERSHIP}Instructor`],
    [DL_CLAIM.settings]: { deep_link_return_url: returnUrl(), accept_types: ["ltiResourceLink"], accept_presentation_document_targets: ["iframe", "window"], accept_multiple: true, data: "opaque-123" },
    ...extra,
  });
  const form = (fields: Record<string, string>) =>
    new Request(`${site}/api/lti/deep-link`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() });
  const noParams = { params: Promise.resolve({}) };

  it("takes an instructor to a picker framed only by the LMS, and answers with a signed response carrying grade columns", async () => {
    const { redirectTo } = await launch("/api/lti/deep-link", dlClaims());
    expect(redirectTo).toMatch(/^\/api\/lti\/deep-link\?token=[\w-]{43}$/);
    const token = new URL(redirectTo, site).searchParams.get("token")!;
    const page = await picker(new Request(`${site}${redirectTo}`), noParams);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain(`frame-ancestors ${new URL(platform.base).origin}`);
    const html = await page.text();
    expect(html).toContain('type="checkbox"');
    expect(html).toContain(`value="quiz:${finalQuiz}"`);
    const assignment = await db.assignment.findFirstOrThrow({ where: { retiredAt: null }, select: { slug: true, title: true }, orderBy: { position: "asc" } });
    expect(html).toContain(`value="assignment:${assignment.slug}"`);

    const response = await answer(form({ token, "item-0": "course", "item-1": `quiz:${firstQuiz}`, "item-2": "lesson:does-not-exist", "item-3": `assignment:${assignment.slug}` }), noParams);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain(`form-action ${new URL(platform.base).origin}`);
    const body = await response.text();
    expect(body).toContain(`action="${returnUrl()}"`);
    const jwt = /name="JWT" value="([^"]+)"/.exec(body)![1];
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(await toolJwks()), { issuer: platform.clientId, audience: platform.issuer, algorithms: ["RS256"] });
    expect(protectedHeader.kid).toBe((await toolJwks()).keys[0].kid);
    expect(payload[CLAIM.messageType]).toBe("LtiDeepLinkingResponse");
    expect(payload[CLAIM.version]).toBe("1.3.0");
    expect(payload[CLAIM.deploymentId]).toBe(platform.deploymentId);
    expect(payload[DL_CLAIM.data]).toBe("opaque-123");
    expect(payload.nonce).toEqual(expect.any(String));
    const items = payload[DL_CLAIM.contentItems] as { type: string; url: string; title: string; lineItem?: { resourceId: string; scoreMaximum: number; label: string } }[];
    expect(items.map((i) => [i.type, i.url, i.lineItem?.resourceId])).toEqual([
      ["ltiResourceLink", `${site}/course`, "readiness"],
      ["ltiResourceLink", `${site}/quizzes/${firstQuiz}`, `quiz:${firstQuiz}`],
      ["ltiResourceLink", `${site}/assignments/${assignment.slug}`, `assignment:${assignment.slug}`],
    ]);
    expect(items[2]).toMatchObject({ title: assignment.title, lineItem: { label: `Casebook: ${assignment.title}`, scoreMaximum: 100 } });
    // The picker works once.
    expect((await answer(form({ token, "item-0": "course" }), noParams)).status).toBe(404);
    expect((await picker(new Request(`${site}${redirectTo}`), noParams)).status).toBe(404);
  });

  it("refuses a learner's deep-linking request, and a request that cannot take links", async () => {
    await expect(launch("/api/lti/deep-link", dlClaims({ sub: "learner-dl", [CLAIM.roles]: [`${MEMBERSHIP}Learner`] }))).rejects.toMatchObject({ problem: "not_teaching" });
    await expect(launch("/api/lti/deep-link", dlClaims({ [DL_CLAIM.settings]: { deep_link_return_url: returnUrl(), accept_types: ["file"] } }))).rejects.toMatchObject({ problem: "missing_claims" });
    await expect(launch("/api/lti/deep-link", dlClaims({ [DL_CLAIM.settings]: undefined }))).rejects.toMatchObject({ problem: "missing_claims" });
  });

  it("signs with a rotated key, keeping the previous one published and retiring older ones", async () => {
    const before = (await toolJwks()).keys.map((k) => k.kid);
    const first = await rotateToolKey();
    const second = await rotateToolKey();
    const published = (await toolJwks()).keys.map((k) => k.kid);
    expect(published).toEqual([second.kid, first.kid]);
    expect(second.retired).toEqual(before.slice(0, 1));
    const { redirectTo } = await launch("/api/lti/deep-link", dlClaims({ sub: "teacher-rotated" }));
    const token = new URL(redirectTo, site).searchParams.get("token")!;
    const body = await (await answer(form({ token, "item-0": "course" }), noParams)).text();
    const jwt = /name="JWT" value="([^"]+)"/.exec(body)![1];
    const { protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(await toolJwks()), { issuer: platform.clientId, audience: platform.issuer });
    expect(protectedHeader.kid).toBe(second.kid);
  });

  it("answers a forged or malformed post with a 4xx and signs nothing", async () => {
    expect((await answer(form({ token: "x".repeat(43), "item-0": "course" }), noParams)).status).toBe(404);
    expect((await answer(form({ "item-0": "course" }), noParams)).status).toBe(400);
    expect((await picker(new Request(`${site}/api/lti/deep-link?token=short`), noParams)).status).toBe(400);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error("condition not met");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// LTI Advantage from the browser (issue 15), against the simulated LMS on another site:
// - a learner opens Casebook inside the LMS's course page (a third-party frame), is signed
//   in there, opens it in a window of its own and passes a quiz while the LMS's grade
//   service is down; the score waits in the outbox, shown to the instructor, and reaches
//   the LMS gradebook once it is back;
// - an instructor's deep-linking launch picks items inside the frame and the LMS receives
//   a signed response with grade columns;
// - the instructor sees the grade as sent and reads the LMS roster: a learner who never
//   launched is on the roster as not started.
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { DL_CLAIM } from "../lib/lti/claims";
import { MEMBERSHIP, startPlatform } from "../tests/support/lti-platform";
import { expectAccessible } from "./support/axe";
import { registerWithCli } from "./support/lti";
import { quizFor } from "./support/content";
import { E2E_BASE_URL } from "./support/env";
import { createInstructor, expect, signIn, test } from "./support/fixtures";
import { answerAll, expectAllSaved, submitAttempt } from "./support/quiz";

const toolKeys = async () => (await (await fetch(`${E2E_BASE_URL}/api/lti/jwks`)).json()) as JSONWebKeySet;

test("inside the LMS: a framed launch, a new window, a quiz whose score reaches the LMS, deep linking and the LMS roster", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const platform = await startPlatform({ toolKeys, clientId: `casebook-e2e-${Date.now()}`, servedAuth: true });
  try {
    const r = platform.registration;
    const registered = registerWithCli(platform, "Test LMS (Advantage)");
    expect(registered.status, registered.stderr).toBe(0);
    const stamp = Date.now();
    const context = { id: `course-adv-${stamp}`, label: "PARA 101", title: `Paralegal Studies ${stamp}` };
    const coursePage = (target: string) => `${platform.base}/course-page?login=${encodeURIComponent(`${E2E_BASE_URL}/api/lti/login?${new URLSearchParams({ iss: r.issuer, login_hint: "hint", target_link_uri: target, client_id: r.clientId })}`)}`;
    const frame = page.frameLocator('iframe[title="Casebook"]');

    // A learner opens the first lesson from the LMS course page: signed in inside the frame.
    const learner = `Lena Frame ${stamp}`;
    platform.browser.nextLaunch = { target: `${E2E_BASE_URL}/lessons/legal-team`, sub: `adv-learner-${stamp}`, name: learner, email: undefined, [`https://purl.imsglobal.org/spec/lti/claim/context`]: context, ...platform.serviceClaims() };
    await page.goto(coursePage(`${E2E_BASE_URL}/lessons/legal-team`));
    await expect(frame.getByTestId("signed-in-name")).toHaveText(learner);
    await frame.getByRole("button", { name: "Mark lesson complete" }).click();
    await expect(frame.getByTestId("lesson-complete")).toBeVisible();

    // "Open in a new window" signs the same learner in at the top level.
    const [popup] = await Promise.all([page.waitForEvent("popup"), frame.getByRole("button", { name: /Open in a new window/ }).click()]);
    await expect(popup).toHaveURL(new RegExp(`^${E2E_BASE_URL}/lessons/legal-team(\\?|$)`));
    await expect(popup.getByTestId("signed-in-name")).toHaveText(learner);
    await expect(popup.getByTestId("new-window")).toHaveCount(0);

    // The learner passes the lesson's quiz there, while the LMS's grade service is down.
    platform.services.scoreMode = "down";
    const quiz = quizFor("legal-team");
    await popup.goto(`/quizzes/${quiz.slug}`);
    await popup.getByRole("button", { name: "Start the quiz" }).click();
    await answerAll(popup, quiz, true);
    await expectAllSaved(popup, await popup.locator("fieldset.question").count());
    await submitAttempt(popup);
    await expect(popup.getByTestId("result-heading")).toContainText("Passed");

    // An instructor adds Casebook content from the LMS (deep linking), inside the frame.
    platform.services.members = [
      { user_id: `adv-learner-${stamp}`, roles: [`${MEMBERSHIP}Learner`], name: learner },
      { user_id: `adv-quiet-${stamp}`, roles: [`${MEMBERSHIP}Learner`], name: `Quinn Quiet ${stamp}` },
    ];
    const teacher = await (await browser.newContext()).newPage();
    platform.browser.nextLaunch = {
      target: `${E2E_BASE_URL}/api/lti/deep-link`,
      sub: `adv-teacher-${stamp}`,
      name: `Prof Frame ${stamp}`,
      email: undefined,
      [`https://purl.imsglobal.org/spec/lti/claim/message_type`]: "LtiDeepLinkingRequest",
      [`https://purl.imsglobal.org/spec/lti/claim/resource_link`]: undefined,
      [`https://purl.imsglobal.org/spec/lti/claim/roles`]: [`${MEMBERSHIP}Instructor`],
      [`https://purl.imsglobal.org/spec/lti/claim/context`]: context,
      [DL_CLAIM.settings]: { deep_link_return_url: `${platform.base}/deep-link-return`, accept_types: ["ltiResourceLink"], accept_presentation_document_targets: ["iframe"], accept_multiple: true, data: "dl-data" },
      ...platform.serviceClaims(),
    };
    await teacher.goto(coursePage(`${E2E_BASE_URL}/api/lti/deep-link`));
    const picker = teacher.frameLocator('iframe[title="Casebook"]');
    await expect(picker.getByRole("heading", { name: "Add Casebook to your Test LMS (Advantage) course" })).toBeVisible();
    await picker.getByLabel("The whole course").check();
    await picker.getByLabel(quiz.title).check();
    await picker.getByLabel("Final assessment: internship readiness").check();
    await picker.getByRole("button", { name: "Add to the course" }).click();
    await expect(picker.getByTestId("lms-received")).toHaveText("The LMS received a deep-linking response.");
    const { payload } = await jwtVerify(platform.browser.deepLinkResponses[0], createLocalJWKSet(await toolKeys()), { issuer: r.clientId, audience: r.issuer });
    const items = payload[DL_CLAIM.contentItems] as { url: string; lineItem?: { resourceId: string } }[];
    expect(items.map((i) => [i.url, i.lineItem?.resourceId])).toEqual([
      [`${E2E_BASE_URL}/course`, "readiness"],
      [`${E2E_BASE_URL}/quizzes/${quiz.slug}`, `quiz:${quiz.slug}`],
      [`${E2E_BASE_URL}/quizzes/final-assessment`, "quiz:final-assessment"],
    ]);
    expect(payload[DL_CLAIM.data]).toBe("dl-data");

    // A coordinator finds the LMS course's section: the grade sent, and the LMS roster read on demand.
    const coordinator = await (await browser.newContext({ baseURL: E2E_BASE_URL })).newPage();
    await signIn(coordinator, createInstructor("coordinator"));
    await expect(coordinator.getByTestId("signed-in-name")).toBeVisible();
    await coordinator.goto("/instructor/sections");
    await coordinator.getByRole("link", { name: context.title }).click();
    await expect(coordinator.getByTestId("lms-links")).toContainText("0 sent, 1 waiting, 0 not sent");
    const section = coordinator.url();
    await coordinator.getByRole("button", { name: "Read the roster from the LMS now" }).click();
    await expect(coordinator.getByTestId("lms-links")).toContainText("Read 2 members from the LMS");
    await expectAccessible(coordinator);
    await coordinator.goto(`/instructor?q=${encodeURIComponent(`Quinn Quiet ${stamp}`)}`);
    await expect(coordinator.getByRole("row", { name: new RegExp(`Quinn Quiet ${stamp}`) })).toContainText(/not started/i);
    // The learner's grade waits for the LMS; once it is back, the coordinator sends it again and it arrives.
    await coordinator.goto(`/instructor?q=${encodeURIComponent(learner)}`);
    await coordinator.getByRole("link", { name: learner }).click();
    await expect(coordinator.getByTestId("lms-grades")).toContainText("The platform answered 503 to the score.");
    await expectAccessible(coordinator);
    expect(platform.services.scores.filter((s) => s.body.userId === `adv-learner-${stamp}`)).toEqual([]);
    platform.services.scoreMode = "up";
    await coordinator.getByRole("button", { name: "Send these grades again" }).click();
    await expect.poll(() => platform.services.scores.filter((s) => s.body.userId === `adv-learner-${stamp}`).map((s) => s.body.scoreGiven), { timeout: 60_000 }).toEqual([100]);
    const column = platform.services.lineItems.find((l) => l.resourceId === `quiz:${quiz.slug}`);
    expect(column?.label).toBe(`Casebook: ${quiz.title}`);
    await coordinator.reload();
    await expect(coordinator.getByTestId("lms-grades")).toContainText("Sent");
    await coordinator.goto(section);
    await expect(coordinator.getByTestId("lms-links")).toContainText("1 sent, 0 waiting, 0 not sent");

    // Pages stay unframeable for everyone else.
    const plain = await coordinator.request.get("/signin");
    expect(plain.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  } finally {
    await platform.close();
  }
});

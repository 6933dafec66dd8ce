// The access-control matrix: every page and route handler under app/ (found by walking
// the tree, so a new route fails this spec until it has a row here), requested as a
// signed-out visitor, as another student, as the owner, as an instructor of the owner's
// section, as an instructor who teaches no section the owner is in, and as a coordinator.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser } from "@playwright/test";
import { E2E_BASE_URL } from "./support/env";
import { createInstructor, expect, newAccount, progressCli, signIn, signUp, test, type Account } from "./support/fixtures";

type Caller = "signedOut" | "other" | "owner" | "instructor" | "otherInstructor" | "coordinator";
/** Allowed statuses; "signin" is a redirect to /signin (pages) or 401 (handlers); "skip" is covered elsewhere. */
type Outcome = number[] | "signin" | "skip";
/** otherInstructor and coordinator answer as the instructor unless the row says otherwise. */
type Row = Record<"signedOut" | "other" | "owner" | "instructor", Outcome> & Partial<Record<"otherInstructor" | "coordinator", Outcome>>;

const PUBLIC: Row = { signedOut: [200], other: [200], owner: [200], instructor: [200] };
const STUDENT_PAGE: Row = { signedOut: "signin", other: [200], owner: [200], instructor: [200] };
const INSTRUCTOR_ONLY: Row = { signedOut: "signin", other: [403], owner: [403], instructor: [200] };
const OWN_ATTEMPT_PAGE: Row = { signedOut: "signin", other: [404], owner: [200], instructor: [404] };
// Signed-in visitors are sent on to their course.
const SIGNED_OUT_ONLY: Row = { signedOut: [200], other: [307], owner: [307], instructor: [307] };
const OWN_ATTEMPT_API: Row = { signedOut: "signin", other: [404], owner: [200], instructor: [403] };

const MATRIX: Record<string, Row | "skip"> = {
  "GET /": { signedOut: [200], other: [307], owner: [307], instructor: [307] },
  "GET /about": PUBLIC,
  "GET /signin": SIGNED_OUT_ONLY,
  "GET /signup": SIGNED_OUT_ONLY,
  "GET /forgot-password": SIGNED_OUT_ONLY,
  "GET /reset-password/[token]": PUBLIC, // a link that is not (or no longer) good: a page that says so
  "GET /verify/[code]": PUBLIC, // an unknown code is a page that says so (e2e/readiness.spec.ts)
  "GET /course": STUDENT_PAGE,
  "GET /glossary": STUDENT_PAGE,
  "GET /lessons/[slug]": STUDENT_PAGE,
  "GET /quizzes/[slug]": STUDENT_PAGE,
  "GET /readiness": STUDENT_PAGE,
  "GET /readiness/skills": STUDENT_PAGE,
  "GET /certificate": STUDENT_PAGE,
  "GET /account": STUDENT_PAGE,
  "GET /account/export": STUDENT_PAGE,
  "GET /certificate/credential": { signedOut: "signin", other: [404], owner: [404], instructor: [403, 404] },
  "GET /quizzes/[slug]/attempts/[attemptId]": OWN_ATTEMPT_PAGE,
  "GET /quizzes/[slug]/attempts/[attemptId]/confirm": OWN_ATTEMPT_PAGE,
  "GET /instructor": INSTRUCTOR_ONLY,
  "GET /instructor/certificates": INSTRUCTOR_ONLY,
  "GET /instructor/gradebook.csv": INSTRUCTOR_ONLY,
  "GET /instructor/objectives": INSTRUCTOR_ONLY,
  "GET /instructor/quizzes": INSTRUCTOR_ONLY,
  "GET /instructor/quizzes/[slug]": INSTRUCTOR_ONLY,
  "GET /instructor/sign-offs": INSTRUCTOR_ONLY,
  "GET /instructor/students/[id]": { ...INSTRUCTOR_ONLY, otherInstructor: [404] }, // another section's student is not found
  "GET /instructor/sections": INSTRUCTOR_ONLY,
  "GET /instructor/settings": INSTRUCTOR_ONLY, // instructors read the bounds; the coordinator's form is the same page
  "GET /instructor/lti": { ...INSTRUCTOR_ONLY, instructor: [403], coordinator: [200] }, // registering an LMS is the coordinator's
  "GET /instructor/sections/[id]": { ...INSTRUCTOR_ONLY, otherInstructor: [404] }, // the owner's section
  "GET /invitations/[token]": PUBLIC, // a token that is not an invitation: a page that says so (e2e/sections.spec.ts follows a real one)
  "GET /join": PUBLIC,
  "GET /join/[code]": PUBLIC, // the owner's section's code: an invitation to anyone, joining is a POST
  // Written work (issue 17): the assignment page is every student's own; the review step exists only for a student with a draft.
  "GET /assignments/[slug]": STUDENT_PAGE,
  "GET /assignments/[slug]/submit": { signedOut: "signin", other: [307], owner: [200], instructor: [404] },
  "POST /api/assignments/[slug]/draft": { signedOut: "signin", other: [400], owner: [400], instructor: [403] }, // the matrix's body is not a draft
  "GET /instructor/assignments": INSTRUCTOR_ONLY,
  "GET /instructor/assignments/[submissionId]": { ...INSTRUCTOR_ONLY, otherInstructor: [404] }, // the owner's submission
  "GET /api/attempts/[attemptId]": OWN_ATTEMPT_API,
  "POST /api/attempts/[attemptId]/answers": { ...OWN_ATTEMPT_API, owner: [400] }, // a question not in the attempt, refused after access is granted
  "POST /api/attempts/[attemptId]/submit": { ...OWN_ATTEMPT_API, owner: "skip" }, // submitting is the quiz spec's business
  "POST /api/quizzes/[slug]/attempts": { signedOut: "signin", other: [409], owner: [200], instructor: [403] },
  "GET /api/auth/[...nextauth]": PUBLIC,
  "POST /api/auth/[...nextauth]": "skip", // sign-in itself: e2e/auth.spec.ts
  "GET /api/credentials/jwks": PUBLIC,
  "GET /api/credentials/status/[code]": { signedOut: [404], other: [404], owner: [404], instructor: [404] },
  "POST /api/credentials/verify": { signedOut: [400], other: [400], owner: [400], instructor: [400] },
  "GET /api/health": PUBLIC,
  // LTI: public by nature (the LMS calls them); without a login request's fields, a 400 that says which; a JSON body instead of a form, 415.
  "GET /api/lti/jwks": PUBLIC,
  "GET /api/lti/login": { signedOut: [400], other: [400], owner: [400], instructor: [400] },
  "POST /api/lti/login": { signedOut: [415], other: [415], owner: [415], instructor: [415] },
  "POST /api/lti/launch": { signedOut: [415], other: [415], owner: [415], instructor: [415] },
  // Deep linking: the picker needs the token a deep-linking launch gave (e2e/lti-advantage.spec.ts follows one).
  "GET /api/lti/deep-link": { signedOut: [400], other: [400], owner: [400], instructor: [400] },
  "POST /api/lti/deep-link": { signedOut: [415], other: [415], owner: [415], instructor: [415] },
  // Dynamic registration: only with a coordinator's ticket (tests/integration/lti-registration.test.ts).
  "GET /api/lti/register": { signedOut: [400], other: [400], owner: [400], instructor: [400] },
  "POST /api/lti/register": { signedOut: [415], other: [415], owner: [415], instructor: [415] },
  // "Open in a new window": only a framed page's signed pass opens one (lib/lti/handoff.ts).
  "POST /api/lti/window": { signedOut: [415], other: [415], owner: [415], instructor: [415] },
  // Sign out: a form post from Casebook's own page (the header's button; e2e/auth.spec.ts, e2e/lti-storage.spec.ts); JSON, 415.
  "POST /api/sign-out": { signedOut: [415], other: [415], owner: [415], instructor: [415] },
};

/** Every page and route handler method, as "METHOD /path" with route groups dropped. */
function inventory(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page.tsx" || entry.name === "route.ts") {
        const route = "/" + path.relative("app", dir).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/");
        const normalized = route === "/" ? "/" : route.replace(/\/$/, "");
        if (entry.name === "page.tsx") found.push(`GET ${normalized}`);
        else {
          const source = fs.readFileSync(full, "utf8");
          for (const m of source.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b|\bas (GET|POST|PUT|PATCH|DELETE)\b|export const (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${m[1] ?? m[2] ?? m[3]} ${normalized}`);
        }
      }
    }
  };
  walk("app");
  return [...new Set(found)].sort();
}

async function signedInContext(browser: Browser, account: Account, create: boolean) {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  const page = await context.newPage();
  if (create) await signUp(page, account);
  else {
    await signIn(page, account);
    await expect(page.getByTestId("signed-in-name")).toBeVisible();
  }
  return { context, request: page.request };
}

test("every page and route handler is in the access matrix", () => {
  expect(inventory()).toEqual(Object.keys(MATRIX).sort());
});

test("each page and handler answers each kind of caller as the matrix says", async ({ browser, playwright }) => {
  // About 270 requests as six users; a loaded CI machine on PostgreSQL took over two minutes.
  test.setTimeout(300_000);
  const ownerAccount = newAccount("owner");
  const owner = await signedInContext(browser, ownerAccount, true);
  const other = await signedInContext(browser, newAccount("other"), true);
  const instructor = await signedInContext(browser, createInstructor(), false);
  const otherInstructor = await signedInContext(browser, createInstructor("instructor", null), false);
  const coordinator = await signedInContext(browser, createInstructor("coordinator"), false);
  const signedOut = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
  progressCli("complete-all", ownerAccount.email);
  const ownerId = progressCli("whois", ownerAccount.email);
  const [sectionId, joinCode] = progressCli("section-of", ownerAccount.email).split(" ");
  const started = await owner.request.post("/api/quizzes/final-assessment/attempts");
  expect(started.status()).toBe(201);
  const attemptId = (await started.json()).attempt.id as string;
  // A submitted ethics reflection (for the grading view) and a draft of the application (for its review step).
  const submissionId = progressCli("submit-assignment", ownerAccount.email, "ethics-reflection");
  expect((await owner.request.post("/api/assignments/internship-application/draft", { data: { text: "A first draft.", version: 1 } })).status()).toBe(200);

  const concrete = (route: string) =>
    route
      .replace(/^\/lessons\/\[slug\]/, "/lessons/legal-team")
      .replace(/^\/instructor\/quizzes\/\[slug\]/, "/instructor/quizzes/legal-team-quiz")
      .replace(/^\/instructor\/sections\/\[id\]/, `/instructor/sections/${sectionId}`)
      .replace(/^\/join\/\[code\]/, `/join/${joinCode}`)
      .replace(/^\/(api\/)?assignments\/\[slug\]/, (_m, api: string | undefined) => `/${api ?? ""}assignments/internship-application`)
      .replace(/\[submissionId\]/, submissionId)
      .replace(/\[slug\]/, "final-assessment")
      .replace(/\[attemptId\]/, attemptId)
      .replace(/\[id\]/, ownerId)
      .replace(/\[code\]/, "no-such-certificate-code")
      .replace(/\[token\]/, "not-a-reset-token-0123456789")
      .replace(/\[\.\.\.nextauth\]/, "session");
  const callers: Record<Caller, APIRequestContext> = {
    signedOut,
    other: other.request,
    owner: owner.request,
    instructor: instructor.request,
    otherInstructor: otherInstructor.request,
    coordinator: coordinator.request,
  };
  const wrong: string[] = [];
  for (const [key, row] of Object.entries(MATRIX)) {
    if (row === "skip") continue;
    const [method, route] = key.split(" ");
    const url = concrete(route);
    const isHandler = route.startsWith("/api/") || /\/(export|credential|gradebook\.csv)$/.test(route);
    // The six callers are different users, so each route's requests go out together.
    const callersOfRow = (["signedOut", "other", "instructor", "otherInstructor", "coordinator", "owner"] as Caller[]).flatMap((caller) => {
      const expected = caller === "otherInstructor" || caller === "coordinator" ? (row[caller] ?? row.instructor) : row[caller];
      return expected === "skip" ? [] : [{ caller, expected }];
    });
    await Promise.all(
      callersOfRow.map(async ({ caller, expected }) => {
        const response = method === "GET" ? await callers[caller].get(url, { maxRedirects: 0 }) : await callers[caller].post(url, { maxRedirects: 0, data: { questionId: "not-in-this-attempt", response: { choice: "a" } } });
        const status = response.status();
        const ok =
          expected === "signin"
            ? isHandler && route.startsWith("/api/")
              ? status === 401
              : [302, 303, 307, 308].includes(status) ? (response.headers()["location"] ?? "").includes("/signin") : status === 401
            : expected.includes(status);
        if (!ok) wrong.push(`${key} as ${caller}: ${status} (expected ${JSON.stringify(expected)})`);
      }),
    );
  }
  expect(wrong).toEqual([]);
  for (const context of [owner.context, other.context, instructor.context, otherInstructor.context, coordinator.context]) await context.close();
  await signedOut.dispose();
});

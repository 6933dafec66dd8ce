// The one door, exercised through the real exported actions and handlers: what each
// defect that went through a side door looked like, and that it is now answered right.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { parseCourseConfig } from "@/lib/course/config";
import { seed } from "@/lib/seed";
import { completeLesson } from "@/lib/progress";
import { startAttempt } from "@/lib/quiz/attempts";
import { makeUser } from "@/tests/support/users";

let caller: CurrentUser | null = null;
vi.mock("@/lib/auth/session-token", async (original) => ({ ...(await original<object>()), sessionUserId: async () => caller?.id ?? null }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const json = (body: string) => new Request("http://casebook.test/api", { method: "POST", headers: { "content-type": "application/json" }, body });
const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });

beforeAll(async () => {
  await seed({ demo: false });
});

async function signOffRequired() {
  const course = await db.course.findFirstOrThrow({ select: { config: true } });
  return parseCourseConfig(course.config).requireInstructorSignOff;
}

describe("server actions through the door", () => {
  it("the sign-off switch turns the requirement on and off again (off used to do nothing)", async () => {
    const { setSignOffRequiredAction } = await import("@/app/(site)/instructor/sign-offs/actions");
    caller = await makeUser("coordinator");
    const post = (value: string) => {
      const form = new FormData();
      form.set("required", value);
      return setSignOffRequiredAction(form);
    };
    await post("on");
    expect(await signOffRequired()).toBe(true);
    await post("off");
    expect(await signOffRequired()).toBe(false);
    // A forged value is refused (a redirect back) and changes nothing.
    await expect(post("yes please")).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
    expect(await signOffRequired()).toBe(false);
    caller = null;
  });
});

describe("route handlers through the door", () => {
  let student: CurrentUser;
  let attemptId: string;
  let questionId: string;

  beforeAll(async () => {
    student = await makeUser();
    const lesson = await db.lesson.findFirstOrThrow({ orderBy: { position: "asc" }, select: { slug: true, quiz: { select: { slug: true } } } });
    await completeLesson(student, lesson.slug);
    const started = await startAttempt(student, lesson.quiz!.slug);
    if (!started.ok) throw new Error(started.message);
    attemptId = started.attemptId;
    const layout = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { layout: true } });
    questionId = (JSON.parse(layout.layout) as { q: string; y: string }[]).find((entry) => entry.y === "single")!.q;
  });

  it("an answer nested 5,000 arrays deep is a 400 with a message, not a 500", async () => {
    const { POST } = await import("@/app/api/attempts/[attemptId]/answers/route");
    caller = student;
    const body = `{"questionId":"${questionId}","response":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    expect(body.length).toBeLessThan(16 * 1024);
    const response = await POST(json(body), params({ attemptId }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/nested too deeply/);
    expect(await db.attemptAnswer.count({ where: { attemptId } })).toBe(0);
  });

  it("a refused answer says why, in the one error shape the autosave reads", async () => {
    const { POST } = await import("@/app/api/attempts/[attemptId]/answers/route");
    const { errorMessageOf } = await import("@/lib/boundary/contracts");
    caller = student;
    const response = await POST(json(JSON.stringify({ questionId, response: { choice: "not-an-option" } })), params({ attemptId }));
    expect(response.status).toBe(400);
    expect(errorMessageOf(await response.json())).toBe("That option is not part of this question.");
  });

  it("callers are checked before anything is read: signed out 401, an instructor 403, a malformed id 404", async () => {
    const { POST } = await import("@/app/api/attempts/[attemptId]/answers/route");
    const valid = JSON.stringify({ questionId, response: { choice: "x" } });
    caller = null;
    expect((await POST(json(valid), params({ attemptId }))).status).toBe(401);
    caller = await makeUser("instructor");
    expect((await POST(json(valid), params({ attemptId }))).status).toBe(403);
    caller = student;
    expect((await POST(json(valid), params({ attemptId: "x".repeat(65) }))).status).toBe(404);
    caller = null;
  });
});

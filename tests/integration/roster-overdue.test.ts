// The roster's "overdue" (SQL, for every student it sorts or filters by status) against the
// outline's (getDueLabels, the pure rule lib/sections/dates.ts dueLabel): one rule, two
// readers, compared on every combination of section date, extension and pass.
import { beforeAll, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { completeLesson, getDueLabels } from "@/lib/progress";
import { queryRoster } from "@/lib/roster/query";
import { rosterQuerySchema } from "@/lib/roster/schemas";
import { seed } from "@/lib/seed";
import { addInstructor, createSection, getSection } from "@/lib/sections/manage";
import { setQuizDates } from "@/lib/sections/schedule";
import { dayIn } from "@/lib/sections/terms";
import { createUser } from "@/lib/users";
import { passQuiz } from "@/tests/support/course";
import { makeUser } from "@/tests/support/users";

const dayFromNow = (days: number) => dayIn(new Date(Date.now() + days * 86_400_000), "UTC");
const at = (days: number) => new Date(Date.now() + days * 86_400_000);

let teacher: CurrentUser;
let sectionId: string;
let code: string;
let lessons: { slug: string; quiz: { id: string; slug: string } }[];

beforeAll(async () => {
  await seed({ demo: false });
  const coordinator = await makeUser("coordinator");
  teacher = await makeUser("instructor");
  await db.sectionInstructor.deleteMany({ where: { userId: teacher.id } });
  sectionId = (await createSection(coordinator, { name: "Overdue", termStart: dayFromNow(-30), termEnd: dayFromNow(90), timeZone: "UTC" })).id;
  await addInstructor(coordinator, sectionId, teacher.email);
  code = (await getSection(coordinator, sectionId))!.joinCode;
  lessons = (await db.lesson.findMany({ orderBy: { position: "asc" }, take: 3, select: { slug: true, quiz: { select: { id: true, slug: true } } } })).map((l) => ({ slug: l.slug, quiz: l.quiz! }));
  // The first quiz was due yesterday, the second is due next week, the third has no date.
  await setQuizDates(teacher, { sectionId, quizId: lessons[0].quiz.id, opensOn: null, dueOn: dayFromNow(-1), latePolicy: "accept_late" });
  await setQuizDates(teacher, { sectionId, quizId: lessons[1].quiz.id, opensOn: null, dueOn: dayFromNow(7), latePolicy: "accept_late" });
}, 120_000);

async function student(name: string, { passFirst = false, extensions = [] as { quiz: number; dueAt: Date | null }[] } = {}) {
  const user = await createUser({ name, email: `${name.replace(/ /g, ".").toLowerCase()}@overdue.test`, password: "long-enough-password", role: "student" }, code);
  const s: CurrentUser = { ...user, role: "student" };
  if (passFirst) {
    await completeLesson(s, lessons[0].slug);
    await passQuiz(s, lessons[0].quiz.slug);
  }
  // Written directly: the form refuses a date earlier than the section's, the rule must not care.
  for (const x of extensions) await db.dueDateExtension.create({ data: { userId: s.id, quizId: lessons[x.quiz].quiz.id, dueAt: x.dueAt, extraAttempts: x.dueAt ? 0 : 1 }, select: { quizId: true } });
  return s;
}

it("marks exactly the students whose outline says overdue", async () => {
  const cases: [CurrentUser, boolean][] = [
    [await student("Due Plain"), true],
    [await student("Due Passed", { passFirst: true }), false],
    [await student("Due Extended", { extensions: [{ quiz: 0, dueAt: at(5) }] }), false],
    [await student("Due Attempts Only", { extensions: [{ quiz: 0, dueAt: null }] }), true],
    [await student("Due Undated Extension Past", { passFirst: true, extensions: [{ quiz: 2, dueAt: at(-2) }] }), true],
    [await student("Due Extension Earlier", { passFirst: true, extensions: [{ quiz: 1, dueAt: at(-1) }] }), true],
    [await student("Due Extension Later", { passFirst: true, extensions: [{ quiz: 1, dueAt: at(20) }] }), false],
  ];
  const roster = (await queryRoster(teacher, rosterQuerySchema.parse({ section: sectionId })))!;
  for (const [s, expected] of cases) {
    const outline = [...(await getDueLabels(s)).values()].includes("overdue");
    // Fresh, active students without failed attempts: at risk exactly when something is overdue.
    const onRoster = roster.entries.find((e) => e.id === s.id)!.status === "at_risk";
    expect({ name: s.name, outline, onRoster }).toEqual({ name: s.name, outline: expected, onRoster: expected });
  }
  const atRisk = (await queryRoster(teacher, rosterQuerySchema.parse({ section: sectionId, status: "at_risk" })))!;
  expect(atRisk.entries.map((e) => e.id).sort()).toEqual(cases.filter(([, due]) => due).map(([s]) => s.id).sort());
}, 120_000);

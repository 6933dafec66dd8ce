// Written work, the grader's side (issue 17, ADR 0023), tried hard to break: a whole rubric
// grade or none, two graders at once (exactly one saves, the other hears who), grades held
// until released (the student's page and readiness see nothing before), an audited change
// after release, anonymous grading, the queue's order, the distribution, and who may grade.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { AccessDeniedError } from "@/lib/auth/assert";
import { db } from "@/lib/db";
import { criterionDistribution, getSubmissionForGrading, gradingQueue, releaseGrades, saveGrade, studentWrittenWork } from "@/lib/assignments/grading";
import { parseRubric, type Rubric } from "@/lib/assignments/rubric";
import { getSectionAssignments, setSectionAssignment } from "@/lib/assignments/settings";
import { getOwnAssignment, getOwnAssignmentList, resubmission, saveDraft, startNewVersion, submitDraft } from "@/lib/assignments/student";
import { changeCourseConfig } from "@/lib/course/settings";
import { getReadiness } from "@/lib/readiness";
import { seed } from "@/lib/seed";
import { addInstructor, createSection, getSection } from "@/lib/sections/manage";
import { chooseSections } from "@/lib/sections/scope";
import { dayIn } from "@/lib/sections/terms";
import { createUser } from "@/lib/users";
import { makeUser } from "@/tests/support/users";

const LETTER = "internship-application";
const ETHICS = "ethics-reflection";
const today = (days = 0) => dayIn(new Date(Date.now() + days * 86_400_000), "UTC");
const words = (count: number, tag = "word") => Array.from({ length: count }, (_, i) => `${tag}${i}`).join(" ");

let coordinator: CurrentUser;
let teacherA: CurrentUser;
let teacherA2: CurrentUser;
let teacherB: CurrentUser;
const sections = { a: "", b: "", d: "" };
const codes = { a: "", b: "", d: "" };
const assignments: Record<string, { id: string; title: string; rubric: Rubric }> = {};
let n = 0;

async function writer(code: string, name = `Writer ${++n}`): Promise<CurrentUser> {
  const user = await createUser({ name, email: `grading-${++n}@written.test`, password: "long-enough-password", role: "student" }, code);
  const lessons = await db.lesson.findMany({ select: { id: true, contentHash: true } });
  const now = new Date();
  // Every lesson complete, as the progress service records it (the assignments open after lessons 7 and 8).
  await db.lessonProgress.createMany({ data: lessons.map((l) => ({ userId: user.id, lessonId: l.id, startedAt: now, lastVisitedAt: now, completedAt: now, completedHash: l.contentHash })) });
  return { ...user, role: "student" };
}

async function latestId(student: CurrentUser, slug: string) {
  return (await db.assignmentSubmission.findFirstOrThrow({ where: { userId: student.id, assignmentId: assignments[slug].id }, orderBy: { tryNumber: "desc" }, select: { id: true } })).id;
}

/** The student's latest try, written, saved and submitted; its id. */
async function submitted(student: CurrentUser, slug = LETTER, text = words(250)) {
  const open = await db.assignmentSubmission.count({ where: { userId: student.id, assignmentId: assignments[slug].id } });
  if (open > 0 && !(await startNewVersion(student, slug)).ok) throw new Error("no new version");
  if (!(await saveDraft(student, slug, { text, version: 1 })).ok) throw new Error("save failed");
  const done = await submitDraft(student, slug, { tryNumber: open + 1, version: 1 });
  if (!done.ok) throw new Error(done.message);
  return latestId(student, slug);
}

/** Picks level `index` (0: the top) on every criterion, or per criterion. */
const picks = (slug: string, index: number | number[]) =>
  Object.fromEntries(assignments[slug].rubric.map((c, i) => [c.id, c.levels[Math.min(Array.isArray(index) ? index[i] : index, c.levels.length - 1)].id]));

const grade = (viewer: CurrentUser, submissionId: string, version: number, levels: Record<string, string>, more: { comments?: Record<string, string>; overallComment?: string } = {}) =>
  saveGrade(viewer, { submissionId, version, levels, comments: more.comments ?? {}, overallComment: more.overallComment ?? "" });

const stored = (submissionId: string) => db.assignmentGrade.findUnique({ where: { submissionId } });

beforeAll(async () => {
  await seed({ demo: false });
  coordinator = await makeUser("coordinator");
  teacherA = await makeUser("instructor");
  teacherA2 = await makeUser("instructor");
  teacherB = await makeUser("instructor");
  await db.sectionInstructor.deleteMany({ where: { userId: { in: [teacherA.id, teacherA2.id, teacherB.id] } } });
  for (const key of ["a", "b", "d"] as const) {
    const section = await createSection(coordinator, { name: `Grading ${key}`, termStart: today(-30), termEnd: today(90), timeZone: "UTC" });
    sections[key] = section.id;
    codes[key] = (await getSection(coordinator, section.id))!.joinCode;
  }
  for (const t of [teacherA, teacherA2]) await addInstructor(coordinator, sections.a, t.email);
  await addInstructor(coordinator, sections.b, teacherB.email);
  for (const slug of [LETTER, ETHICS]) {
    const row = await db.assignment.findFirstOrThrow({ where: { slug }, select: { id: true, title: true, rubric: true } });
    assignments[slug] = { ...row, rubric: parseRubric(row.rubric) };
  }
});

afterEach(() => {
  vi.useRealTimers();
});

describe("saving a grade", () => {
  it("refuses a grade missing a criterion, with a level the criterion lacks, or with a criterion not in the rubric, and saves nothing", async () => {
    const id = await submitted(await writer(codes.a));
    const [first, second] = assignments[LETTER].rubric;
    const missing = picks(LETTER, 0);
    delete missing[first.id];
    expect(await grade(teacherA, id, 0, missing)).toMatchObject({ ok: false, status: 400, fieldErrors: { [`level.${first.id}`]: expect.stringContaining(first.title) } });
    expect(await grade(teacherA, id, 0, { ...picks(LETTER, 0), [second.id]: "outstanding" })).toMatchObject({ ok: false, status: 400, fieldErrors: { [`level.${second.id}`]: expect.any(String) } });
    // A level id of the other assignment's rubric, or another criterion's, is not this criterion's level.
    expect(await grade(teacherA, id, 0, { ...picks(LETTER, 0), [first.id]: "" })).toMatchObject({ ok: false, status: 400 });
    expect(await grade(teacherA, id, 0, { ...picks(LETTER, 0), sneaky: "exemplary" })).toMatchObject({ ok: false, status: 400, fieldErrors: { "level.sneaky": expect.any(String) } });
    expect(await grade(teacherA, id, 0, {})).toMatchObject({ ok: false, status: 400 });
    expect(await stored(id)).toBeNull();
  });

  it("computes points, possible and percent, and keeps comments only for the rubric's criteria", async () => {
    const id = await submitted(await writer(codes.a));
    const [c0, c1] = assignments[LETTER].rubric;
    // 4 + 3 + 0 + 2 of 16 (honest presentation's weakest level is worth 0).
    const result = await grade(teacherA, id, 0, picks(LETTER, [0, 1, 3, 2]), { comments: { [c0.id]: "Good start.", [c1.id]: "Name a skill.", ghost: "dropped" }, overallComment: "Revise part 2." });
    expect(result).toEqual({ ok: true, version: 1, percent: 56.3 });
    const row = (await stored(id))!;
    expect(row).toMatchObject({ points: 9, possible: 16, percent: 56.3, version: 1, gradedById: teacherA.id, gradedByName: teacherA.name, releasedAt: null, overallComment: "Revise part 2." });
    expect(JSON.parse(row.levels)).toEqual(picks(LETTER, [0, 1, 3, 2]));
    expect(JSON.parse(row.comments)).toEqual({ [c0.id]: "Good start.", [c1.id]: "Name a skill." });
    expect(await grade(teacherA, id, 1, picks(LETTER, 0))).toEqual({ ok: true, version: 2, percent: 100 });
    expect(await stored(id)).toMatchObject({ points: 16, possible: 16, percent: 100, version: 2 });
  });

  it("of graders who loaded the same version, exactly one saves and the others hear who saved first", async () => {
    const graders = [teacherA, teacherA2, coordinator];
    for (let round = 0; round < 3; round++) {
      const id = await submitted(await writer(codes.a));
      // Round 0: two graders; later rounds: three at once.
      const who = round === 0 ? graders.slice(0, 2) : graders;
      const first = await Promise.all(who.map((g, i) => grade(g, id, 0, picks(LETTER, i))));
      const won = first.flatMap((r, i) => (r.ok ? [i] : []));
      expect(won).toHaveLength(1);
      const winner = who[won[0]];
      for (const [i, r] of first.entries()) {
        if (i === won[0]) expect(r).toMatchObject({ ok: true, version: 1 });
        else expect(r).toMatchObject({ ok: false, status: 409, message: expect.stringContaining(`${winner.name} saved`) });
      }
      expect(await stored(id)).toMatchObject({ version: 1, gradedById: winner.id, gradedByName: winner.name, levels: JSON.stringify(picks(LETTER, won[0])) });

      // Both load version 1 and save at once: one wins, the stored grade is the winner's.
      const second = await Promise.all(who.map((g, i) => grade(g, id, 1, picks(LETTER, 3 - i))));
      const won2 = second.flatMap((r, i) => (r.ok ? [i] : []));
      expect(won2).toHaveLength(1);
      const winner2 = who[won2[0]];
      for (const [i, r] of second.entries()) if (i !== won2[0]) expect(r).toMatchObject({ ok: false, status: 409, message: expect.stringContaining(`${winner2.name} saved`) });
      const after = (await stored(id))!;
      expect(after).toMatchObject({ version: 2, gradedById: winner2.id, levels: JSON.stringify(picks(LETTER, 3 - won2[0])) });

      // Stale versions (an old form, a first-grade form, a version from the future) change nothing.
      for (const version of [1, 0, 7]) {
        expect(await grade(teacherA, id, version, picks(LETTER, 2))).toMatchObject({ ok: false, status: 409, message: expect.stringContaining(`${winner2.name} saved`) });
      }
      expect(await stored(id)).toEqual(after);
    }
    expect(await db.auditLog.count({ where: { action: "assignment.grade.changed_after_release" } })).toBe(0);
  });

  it("only a submitted try can be graded: an open draft is not found, and an ungraded one cannot be released", async () => {
    const s = await writer(codes.a);
    const first = await submitted(s);
    expect(await releaseGrades(teacherA, { submissionId: first })).toMatchObject({ ok: false, status: 409 });
    await startNewVersion(s, LETTER);
    const draft = await latestId(s, LETTER);
    expect(draft).not.toBe(first);
    expect(await getSubmissionForGrading(teacherA, draft)).toBeNull();
    expect(await grade(teacherA, draft, 0, picks(LETTER, 0))).toMatchObject({ ok: false, status: 404 });
    expect(await releaseGrades(teacherA, { submissionId: draft })).toMatchObject({ ok: false, status: 404 });
    expect(await grade(teacherA, "no-such-submission", 0, picks(LETTER, 0))).toMatchObject({ ok: false, status: 404 });
    expect(await getSubmissionForGrading(teacherA, "x".repeat(65))).toBeNull();
    // The earlier try stays gradable, and lists the later one once it is submitted.
    expect((await getSubmissionForGrading(teacherA, first))!.otherTries).toEqual([]);
    await saveDraft(s, LETTER, { text: words(240), version: 1 });
    await submitDraft(s, LETTER, { tryNumber: 2, version: 1 });
    expect((await getSubmissionForGrading(teacherA, first))!.otherTries).toEqual([{ id: draft, tryNumber: 2 }]);
  });
});

describe("held until released", () => {
  it("the student and readiness see nothing before release; after it, the levels, comments and the percent; a later change is audited", async () => {
    await changeCourseConfig(coordinator, { writtenWorkPercent: 50 });
    try {
      const s = await writer(codes.a, "Rita Released");
      const letterId = await submitted(s, LETTER);
      const ethicsId = await submitted(s, ETHICS, words(200));
      const [c0] = assignments[LETTER].rubric;
      expect((await grade(teacherA, letterId, 0, picks(LETTER, 1), { comments: { [c0.id]: "SECRET-CRITERION-NOTE" }, overallComment: "SECRET-OVERALL-NOTE" })).ok).toBe(true);
      expect((await grade(teacherA, ethicsId, 0, picks(ETHICS, 2))).ok).toBe(true); // 8 of 16: 50%
      // Changed before release: not audited.
      expect((await grade(teacherA, letterId, 1, picks(LETTER, 0), { comments: { [c0.id]: "SECRET-CRITERION-NOTE" }, overallComment: "SECRET-OVERALL-NOTE" })).ok).toBe(true);
      expect(await db.auditLog.count({ where: { action: "assignment.grade.changed_after_release" } })).toBe(0);

      const held = (await getOwnAssignment(s, LETTER))!;
      expect(held.tries.map((t) => t.grade)).toEqual([null]);
      expect(JSON.stringify(held)).not.toContain("SECRET");
      expect(JSON.stringify(held)).not.toContain(teacherA.name);
      expect((await getOwnAssignmentList(s)).map((a) => a.state)).toEqual(["submitted", "submitted"]);
      const written = async () => (await getReadiness(s)).requirements.find((r) => r.id === "written")!;
      expect(await written()).toMatchObject({ met: false, label: expect.stringContaining("50%") });
      expect((await written()).detail).toContain(assignments[LETTER].title);

      expect(await releaseGrades(teacherA, { submissionId: letterId })).toEqual({ ok: true, released: 1 });
      const seen = (await getOwnAssignment(s, LETTER))!.tries[0].grade!;
      expect(seen).toMatchObject({ levels: picks(LETTER, 0), comments: { [c0.id]: "SECRET-CRITERION-NOTE" }, overallComment: "SECRET-OVERALL-NOTE", points: 16, possible: 16, percent: 100, gradedByName: teacherA.name });
      expect((await getOwnAssignmentList(s)).map((a) => a.state)).toEqual(["graded: 100%", "submitted"]);
      // The letter counts now; the ethics grade is still held.
      expect(await written()).toMatchObject({ met: false });
      expect((await written()).detail).not.toContain(assignments[LETTER].title);
      expect((await written()).detail).toContain(assignments[ETHICS].title);

      // Releasing again releases nothing and keeps the first release time.
      const releasedAt = (await stored(letterId))!.releasedAt;
      expect(await releaseGrades(teacherA2, { submissionId: letterId })).toEqual({ ok: true, released: 0 });
      expect((await stored(letterId))!.releasedAt).toEqual(releasedAt);
      expect(await releaseGrades(teacherA, { submissionId: ethicsId })).toEqual({ ok: true, released: 1 });
      expect(await written()).toMatchObject({ met: true });

      // A change after release is audited with the old and new levels, and readiness follows it.
      expect(await grade(teacherA2, ethicsId, 1, picks(ETHICS, 3))).toMatchObject({ ok: true, version: 2 });
      const audits = await db.auditLog.findMany({ where: { action: "assignment.grade.changed_after_release" } });
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actorId: teacherA2.id, targetId: ethicsId });
      expect(JSON.parse(audits[0].detail)).toEqual({ from: { levels: picks(ETHICS, 2), percent: 50 }, to: { levels: picks(ETHICS, 3), percent: 18.8 } });
      expect((await getOwnAssignment(s, ETHICS))!.tries[0].grade).toMatchObject({ percent: 18.8, levels: picks(ETHICS, 3) });
      expect(await written()).toMatchObject({ met: false, detail: expect.stringContaining("18.8%") });
      // A refused change after release writes no audit row.
      expect(await grade(teacherA, ethicsId, 1, picks(ETHICS, 0))).toMatchObject({ ok: false, status: 409 });
      expect(await db.auditLog.count({ where: { action: "assignment.grade.changed_after_release" } })).toBe(1);
    } finally {
      await changeCourseConfig(coordinator, { writtenWorkPercent: null });
    }
  });

  it("a section's release releases every graded submission there, and nowhere else", async () => {
    const [a1, a2, a3, b1] = [await writer(codes.a), await writer(codes.a), await writer(codes.a), await writer(codes.b)];
    const ids = { a1: await submitted(a1), a2: await submitted(a2), a3: await submitted(a3), b1: await submitted(b1) };
    for (const [id, g] of [[ids.a1, teacherA], [ids.a2, teacherA2], [ids.b1, teacherB]] as const) expect((await grade(g, id, 0, picks(LETTER, 1))).ok).toBe(true);
    const which = { sectionId: sections.a, assignmentId: assignments[LETTER].id };
    expect(await releaseGrades(teacherB, which)).toMatchObject({ ok: false, status: 404 });
    const heldInA = await db.assignmentGrade.count({ where: { releasedAt: null, submission: { assignmentId: which.assignmentId, user: { enrollments: { some: { sectionId: sections.a } } } } } });
    expect(heldInA).toBeGreaterThanOrEqual(2);
    expect(await releaseGrades(teacherA, which)).toEqual({ ok: true, released: heldInA });
    expect((await stored(ids.a1))!.releasedAt).toBeInstanceOf(Date);
    expect((await stored(ids.a2))!.releasedAt).toBeInstanceOf(Date);
    expect(await stored(ids.a3)).toBeNull();
    expect((await stored(ids.b1))!.releasedAt).toBeNull();
    expect((await getOwnAssignment(b1, LETTER))!.tries[0].grade).toBeNull();
    expect(await releaseGrades(teacherA, which)).toEqual({ ok: true, released: 0 });
    expect(await releaseGrades(teacherA, { sectionId: sections.a, assignmentId: "no-such-assignment" })).toEqual({ ok: true, released: 0 });
  });

  it("once a grade is released the student cannot start another version (the content's promise: resubmit until the grade is released)", async () => {
    const s = await writer(codes.a);
    const id = await submitted(s);
    await grade(teacherA, id, 0, picks(LETTER, 2));
    expect(resubmission((await getOwnAssignment(s, LETTER))!).canStartNew).toBe(true); // held: not yet final
    await releaseGrades(teacherA, { submissionId: id });
    expect(resubmission((await getOwnAssignment(s, LETTER))!).canStartNew).toBe(false);
    expect(await startNewVersion(s, LETTER)).toMatchObject({ ok: false, status: 409 });
    expect(await db.assignmentSubmission.count({ where: { userId: s.id } })).toBe(1);
  });

  it("a grader releases the grade they saw: one changed since by another grader stays held (409)", async () => {
    const s = await writer(codes.a);
    const id = await submitted(s);
    expect(await grade(teacherA, id, 0, picks(LETTER, 1))).toMatchObject({ ok: true, version: 1 });
    expect(await grade(teacherA2, id, 1, picks(LETTER, 3))).toMatchObject({ ok: true, version: 2 });
    expect(await releaseGrades(teacherA, { submissionId: id, version: 1 })).toMatchObject({ ok: false, status: 409 });
    expect((await db.assignmentGrade.findUniqueOrThrow({ where: { submissionId: id }, select: { releasedAt: true } })).releasedAt).toBeNull();
    expect(await releaseGrades(teacherA, { submissionId: id, version: 2 })).toEqual({ ok: true, released: 1 });
  });

  it("releasing a section's grades takes each student's latest try only, as the queue shows it", async () => {
    const s = await writer(codes.a);
    const first = await submitted(s);
    await grade(teacherA, first, 0, picks(LETTER, 0));
    const second = await submitted(s); // a second version, waiting for its grade
    expect(second).not.toBe(first);
    await releaseGrades(teacherA, { sectionId: sections.a, assignmentId: assignments[LETTER].id });
    expect((await db.assignmentGrade.findUniqueOrThrow({ where: { submissionId: first }, select: { releasedAt: true } })).releasedAt).toBeNull();
    expect((await getOwnAssignment(s, LETTER))!.tries.every((t) => t.grade === null)).toBe(true);
  });

  it("a version opened before the grade was released cannot be handed in after it", async () => {
    const s = await writer(codes.a);
    const id = await submitted(s);
    await grade(teacherA, id, 0, picks(LETTER, 2));
    expect(await startNewVersion(s, LETTER)).toEqual({ ok: true, tryNumber: 2 });
    await saveDraft(s, LETTER, { text: words(260, "revised"), version: 1 });
    await releaseGrades(teacherA, { submissionId: id });
    expect(await submitDraft(s, LETTER, { tryNumber: 2, version: 1 })).toMatchObject({ ok: false, status: 409, message: expect.stringContaining("released") });
    expect((await db.assignmentSubmission.findFirstOrThrow({ where: { userId: s.id, tryNumber: 2 }, select: { status: true } })).status).toBe("draft");
  });
});

describe("anonymous grading", () => {
  it("shows a stable pseudonym and no name or id anywhere until the grade is released", async () => {
    await setSectionAssignment(teacherB, { sectionId: sections.b, assignmentId: assignments[LETTER].id, dueOn: null, anonymous: true });
    expect((await getSectionAssignments(teacherB, sections.b)).find((a) => a.id === assignments[LETTER].id)!.anonymous).toBe(true);
    const s = await writer(codes.b, "Zebulon Quillfeather");
    const id = await submitted(s);
    const named = await writer(codes.a, "Ophelia Plainname"); // section a grades by name
    const namedId = await submitted(named);
    const secrets = [s.name, "Zebulon", "Quillfeather", s.id, s.email];

    for (const viewer of [teacherB, coordinator]) {
      const queue = await gradingQueue(viewer, (await chooseSections(viewer, undefined))!, assignments[LETTER].id);
      const row = queue.find((r) => r.id === id)!;
      expect(row).toMatchObject({ anonymous: true, who: expect.stringMatching(/^Submission [A-HJ-NP-Z2-9]{4}$/) });
      const view = (await getSubmissionForGrading(viewer, id))!;
      expect(view).toMatchObject({ studentId: null, anonymous: true, who: row.who });
      for (const secret of secrets) {
        expect(JSON.stringify(queue)).not.toContain(secret);
        expect(JSON.stringify(view)).not.toContain(secret);
      }
    }
    // Another section's student keeps their name, even in the coordinator's queue beside the anonymous one.
    const all = await gradingQueue(coordinator, (await chooseSections(coordinator, undefined))!, null);
    expect(all.find((r) => r.id === namedId)).toMatchObject({ who: named.name, anonymous: false });

    // The student's own page in the instructor's view lists the try without the link that would pair it with the pseudonym.
    expect(await studentWrittenWork(teacherB, s.id)).toEqual([expect.objectContaining({ id: null, tryNumber: 1, state: expect.stringContaining("anonymously") })]);
    expect(await studentWrittenWork(teacherA, s.id)).toEqual([]); // another section's instructor
    expect(await studentWrittenWork(teacherA, named.id)).toEqual([expect.objectContaining({ id: namedId, state: "not graded" })]);

    // Grading keeps the name hidden; the 409 names the grader, never the student.
    expect((await grade(teacherB, id, 0, picks(LETTER, 0))).ok).toBe(true);
    expect((await getSubmissionForGrading(teacherB, id))!.studentId).toBeNull();
    expect(await grade(coordinator, id, 0, picks(LETTER, 1))).toMatchObject({ ok: false, status: 409, message: expect.not.stringContaining("Zebulon") });

    await releaseGrades(teacherB, { submissionId: id });
    expect(await getSubmissionForGrading(teacherB, id)).toMatchObject({ studentId: s.id, who: s.name, anonymous: false });
    expect(await studentWrittenWork(teacherB, s.id)).toEqual([expect.objectContaining({ id, state: expect.stringMatching(/^released: /) })]);
    const queue = await gradingQueue(teacherB, (await chooseSections(teacherB, sections.b))!, assignments[LETTER].id);
    expect(queue.find((r) => r.id === id)).toMatchObject({ who: s.name, anonymous: false, state: "released" });
    await setSectionAssignment(teacherB, { sectionId: sections.b, assignmentId: assignments[LETTER].id, dueOn: null, anonymous: false });
  });
});

describe("who may grade", () => {
  it("an instructor of another section reaches nothing; a coordinator reaches everything; a student reaches no staff function", async () => {
    const s = await writer(codes.a, "Amadeus Sectiona");
    const id = await submitted(s);
    const which = { sectionId: sections.a, assignmentId: assignments[LETTER].id };

    expect(await getSubmissionForGrading(teacherB, id)).toBeNull();
    expect(await grade(teacherB, id, 0, picks(LETTER, 0))).toMatchObject({ ok: false, status: 404 });
    expect(await releaseGrades(teacherB, { submissionId: id })).toMatchObject({ ok: false, status: 404 });
    expect(await releaseGrades(teacherB, which)).toMatchObject({ ok: false, status: 404 });
    expect(await chooseSections(teacherB, sections.a)).toBeNull();
    const theirs = await gradingQueue(teacherB, (await chooseSections(teacherB, undefined))!, null);
    expect(theirs.map((r) => r.id)).not.toContain(id);
    expect(JSON.stringify(theirs)).not.toContain(s.name);
    const dist = await criterionDistribution(teacherB, (await chooseSections(teacherB, undefined))!, assignments[LETTER].id);
    await expect(getSectionAssignments(teacherB, sections.a)).rejects.toMatchObject({ name: "DomainError", status: 404 });
    await expect(setSectionAssignment(teacherB, { ...which, dueOn: today(3), anonymous: true })).rejects.toMatchObject({ name: "DomainError", status: 404 });
    expect(await db.sectionAssignment.findUnique({ where: { sectionId_assignmentId: which } })).toBeNull();

    expect((await grade(teacherA, id, 0, picks(LETTER, 1))).ok).toBe(true);
    // The grade is no more reachable for them once it exists.
    expect(await getSubmissionForGrading(teacherB, id)).toBeNull();
    expect(await grade(teacherB, id, 1, picks(LETTER, 3))).toMatchObject({ ok: false, status: 404 });
    expect((await criterionDistribution(teacherB, (await chooseSections(teacherB, undefined))!, assignments[LETTER].id))!.graded).toBe(dist!.graded);
    expect(await stored(id)).toMatchObject({ version: 1, gradedById: teacherA.id });

    // The coordinator sees every section and may grade and release.
    const everyone = await gradingQueue(coordinator, (await chooseSections(coordinator, undefined))!, null);
    expect(everyone.map((r) => r.id)).toContain(id);
    expect((await getSubmissionForGrading(coordinator, id))!.studentId).toBe(s.id);
    expect(await grade(coordinator, id, 1, picks(LETTER, 0))).toMatchObject({ ok: true, version: 2 });
    expect(await releaseGrades(coordinator, { submissionId: id })).toEqual({ ok: true, released: 1 });
    expect((await getSectionAssignments(coordinator, sections.a)).length).toBe(2);

    // A student calling staff functions is refused outright.
    const other = await writer(codes.a);
    const chosen = { sections: [], chosen: "all", ids: [sections.a] };
    await expect(gradingQueue(other, chosen, null)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(getSubmissionForGrading(other, id)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(getSubmissionForGrading(s, id)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(grade(other, id, 2, picks(LETTER, 3))).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(releaseGrades(other, which)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(criterionDistribution(other, chosen, assignments[LETTER].id)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await stored(id)).toMatchObject({ version: 2, gradedById: coordinator.id });
  });
});

describe("the queue and the distribution", () => {
  it("lists ungraded first, then oldest first, with only each student's latest submitted try", async () => {
    const [q1, q2, q3] = [await writer(codes.a), await writer(codes.a), await writer(codes.a)];
    const base = Date.now() - 3 * 86_400_000;
    vi.useFakeTimers({ toFake: ["Date"] });
    const ids: string[] = [];
    for (const [i, s] of [q1, q2, q3].entries()) {
      vi.setSystemTime(base + i * 3_600_000);
      ids.push(await submitted(s));
    }
    vi.useRealTimers();
    const queue = async () => {
      const rows = await gradingQueue(teacherA, (await chooseSections(teacherA, sections.a))!, assignments[LETTER].id);
      // The whole queue keeps the order, not just our rows.
      const rank = (r: (typeof rows)[number]) => Number(r.state !== "ungraded");
      for (let i = 1; i < rows.length; i++) {
        const [p, c] = [rows[i - 1], rows[i]];
        expect(rank(p) < rank(c) || (rank(p) === rank(c) && p.submittedAt.getTime() <= c.submittedAt.getTime())).toBe(true);
      }
      return rows;
    };
    const mine = (rows: Awaited<ReturnType<typeof queue>>) => rows.filter((r) => ids.includes(r.id) || r.who === q1.name);
    expect(mine(await queue()).map((r) => r.id)).toEqual(ids);

    await grade(teacherA, ids[0], 0, picks(LETTER, 1));
    expect(mine(await queue()).map((r) => [r.id, r.state])).toEqual([[ids[1], "ungraded"], [ids[2], "ungraded"], [ids[0], "held"]]);

    // q1 opens a new version: while it is a draft, the graded try 1 still stands in the queue.
    await startNewVersion(q1, LETTER);
    expect(mine(await queue()).map((r) => r.id)).toEqual([ids[1], ids[2], ids[0]]);
    await saveDraft(q1, LETTER, { text: words(300), version: 1 });
    expect((await submitDraft(q1, LETTER, { tryNumber: 2, version: 1 })).ok).toBe(true);
    const retry = await latestId(q1, LETTER);
    const rows = mine(await queue());
    expect(rows.map((r) => [r.id, r.tryNumber, r.state])).toEqual([[ids[1], 1, "ungraded"], [ids[2], 1, "ungraded"], [retry, 2, "ungraded"]]);
    expect(rows.filter((r) => r.who === q1.name)).toHaveLength(1);
  });

  it("counts each criterion's levels over the latest graded try of each student", async () => {
    const [d1, d2, d3] = [await writer(codes.d), await writer(codes.d), await writer(codes.d)];
    const d1first = await submitted(d1);
    await grade(coordinator, d1first, 0, picks(LETTER, 3)); // beginning, then…
    const d1second = await submitted(d1);
    await grade(coordinator, d1second, 0, picks(LETTER, 0)); // …exemplary: this one counts
    await grade(coordinator, await submitted(d2), 0, picks(LETTER, 1)); // proficient…
    await submitted(d2); // …and a second try not graded yet: the graded one counts
    await submitted(d3); // not graded: not counted
    const dist = (await criterionDistribution(coordinator, (await chooseSections(coordinator, sections.d))!, assignments[LETTER].id))!;
    expect(dist.graded).toBe(2);
    for (const row of dist.criteria) {
      expect(Object.fromEntries(row.counts.map((c) => [c.level.id, c.count]))).toEqual({ exemplary: 1, proficient: 1, developing: 0, beginning: 0 });
      expect(row.meanPoints).toBe(3.5);
    }
    expect(await criterionDistribution(coordinator, (await chooseSections(coordinator, sections.d))!, "no-such-assignment")).toBeNull();
    const none = (await criterionDistribution(coordinator, (await chooseSections(coordinator, sections.d))!, assignments[ETHICS].id))!;
    expect(none.graded).toBe(0);
  });
});

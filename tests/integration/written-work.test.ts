// Written work, the student's side (issue 17, ADR 0023), tried hard to break: autosave with a
// version that only goes up, submit once with the word limits checked on the server, late
// marking against the section's due date in its own zone (controlled clock), resubmission
// within maxSubmissions, and a student who only ever reaches their own tries.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { AccessDeniedError } from "@/lib/auth/assert";
import { db } from "@/lib/db";
import { getOwnAssignment, getOwnAssignmentList, resubmission, saveDraft, startNewVersion, submitDraft } from "@/lib/assignments/student";
import { getSectionAssignments, setSectionAssignment } from "@/lib/assignments/settings";
import { seed } from "@/lib/seed";
import { addInstructor, createSection, getSection } from "@/lib/sections/manage";
import { dayIn, endOfDayIn } from "@/lib/sections/terms";
import { createUser } from "@/lib/users";
import { makeUser } from "@/tests/support/users";

const ZONE = "Pacific/Auckland"; // far from UTC: a due date computed in the wrong zone shows
const LETTER = "internship-application"; // 200–450 words, 2 submissions, after path-into-the-field
const ETHICS = "ethics-reflection"; // 150–400 words, after ethics-and-limits
const dayFromNow = (days: number) => dayIn(new Date(Date.now() + days * 86_400_000), ZONE);
const words = (n: number, tag = "word") => Array.from({ length: n }, (_, i) => `${tag}${i}`).join(" ");

let coordinator: CurrentUser;
let teacher: CurrentUser;
let otherTeacher: CurrentUser;
const sections = { a: "", b: "" };
const codes = { a: "", b: "" };
let letter: { id: string; afterLessonId: string };
let n = 0;

async function studentIn(code: string, name = `Student ${++n}`): Promise<CurrentUser> {
  const user = await createUser({ name, email: `writer-${++n}@written.test`, password: "long-enough-password", role: "student" }, code);
  return { ...user, role: "student" };
}

/** Marks lessons complete as the progress service would (the gate reads completedAt): all of them, or all but one. */
async function completeLessons(student: CurrentUser, except?: string) {
  const lessons = await db.lesson.findMany({ where: except ? { id: { not: except } } : {}, select: { id: true, contentHash: true } });
  const now = new Date();
  await db.lessonProgress.createMany({ data: lessons.map((l) => ({ userId: student.id, lessonId: l.id, startedAt: now, lastVisitedAt: now, completedAt: now, completedHash: l.contentHash })) });
}

async function writer(code = codes.a, name?: string) {
  const s = await studentIn(code, name);
  await completeLessons(s);
  return s;
}

/**
 * Changes an assignment's row as a re-seed of edited content would: with a new content
 * version, so anything cached per version reads it again. Returns the undo.
 */
async function editAssignment(id: string, data: { retiredAt?: Date | null; maxSubmissions?: number }) {
  const course = await db.course.findFirstOrThrow({ select: { id: true, contentHash: true } });
  const before = await db.assignment.findUniqueOrThrow({ where: { id }, select: { retiredAt: true, maxSubmissions: true } });
  await db.assignment.update({ where: { id }, data });
  await db.course.update({ where: { id: course.id }, data: { contentHash: `${course.contentHash}-edited` } });
  return async () => {
    await db.assignment.update({ where: { id }, data: before });
    await db.course.update({ where: { id: course.id }, data: { contentHash: course.contentHash } });
  };
}

const tries = (student: CurrentUser, assignmentId = letter.id) =>
  db.assignmentSubmission.findMany({ where: { userId: student.id, assignmentId }, orderBy: { tryNumber: "asc" } });

async function submitFirst(student: CurrentUser, slug = LETTER, text = words(250)) {
  expect(await saveDraft(student, slug, { text, version: 1 })).toMatchObject({ ok: true, version: 1 });
  expect(await submitDraft(student, slug, { tryNumber: 1, version: 1 })).toMatchObject({ ok: true, tryNumber: 1 });
}

beforeAll(async () => {
  await seed({ demo: false });
  coordinator = await makeUser("coordinator");
  [teacher, otherTeacher] = [await makeUser("instructor"), await makeUser("instructor")];
  await db.sectionInstructor.deleteMany({ where: { userId: { in: [teacher.id, otherTeacher.id] } } });
  for (const [key, who] of [["a", teacher], ["b", otherTeacher]] as const) {
    const section = await createSection(coordinator, { name: `Written ${key}`, termStart: dayFromNow(-30), termEnd: dayFromNow(90), timeZone: ZONE });
    sections[key] = section.id;
    await addInstructor(coordinator, section.id, who.email);
    codes[key] = (await getSection(coordinator, section.id))!.joinCode;
  }
  letter = await db.assignment.findFirstOrThrow({ where: { slug: LETTER }, select: { id: true, afterLessonId: true } });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("drafts", () => {
  it("refuses a save until the lesson the assignment follows is complete, then the first save creates try 1", async () => {
    const s = await studentIn(codes.a);
    const { title } = await db.lesson.findUniqueOrThrow({ where: { id: letter.afterLessonId }, select: { title: true } });
    const refused = await saveDraft(s, LETTER, { text: "Dear Jamie", version: 1 });
    expect(refused).toEqual({ ok: false, status: 403, message: `This assignment opens once you complete the lesson “${title}”.` });
    // Every other lesson done is not enough: it is that lesson that opens it.
    await completeLessons(s, letter.afterLessonId);
    expect(await saveDraft(s, LETTER, { text: "Dear Jamie", version: 1 })).toMatchObject({ ok: false, status: 403 });
    expect(await tries(s)).toHaveLength(0);
    expect((await getOwnAssignment(s, LETTER))!.open).toBe(false);

    await db.lessonProgress.create({ data: { userId: s.id, lessonId: letter.afterLessonId, completedAt: new Date() } });
    expect((await getOwnAssignment(s, LETTER))!.open).toBe(true);
    expect(await saveDraft(s, LETTER, { text: "Dear Jamie", version: 1 })).toMatchObject({ ok: true, version: 1 });
    expect((await tries(s)).map((t) => [t.tryNumber, t.status, t.text, t.draftVersion])).toEqual([[1, "draft", "Dear Jamie", 1]]);
  });

  it("a stale save (lower or equal version) changes nothing and answers 409; a newer one wins", async () => {
    const s = await writer();
    expect((await saveDraft(s, LETTER, { text: "five", version: 5 })).ok).toBe(true);
    expect(await saveDraft(s, LETTER, { text: "four", version: 4 })).toMatchObject({ ok: false, status: 409 });
    expect(await saveDraft(s, LETTER, { text: "five again", version: 5 })).toMatchObject({ ok: false, status: 409 });
    expect((await tries(s)).map((t) => [t.text, t.draftVersion])).toEqual([["five", 5]]);
    expect(await saveDraft(s, LETTER, { text: "six", version: 6 })).toMatchObject({ ok: true, version: 6 });
    // Saves arriving out of order, at once: the highest version's text stands whatever the order.
    const results = await Promise.all([9, 7, 8].map((v) => saveDraft(s, LETTER, { text: `v${v}`, version: v })));
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
    expect((await tries(s)).map((t) => [t.text, t.draftVersion])).toEqual([["v9", 9]]);
  });

  it("two first saves at once leave exactly one try, holding the newer text", async () => {
    for (const versions of [[1, 2], [2, 1], [1, 1]]) {
      const s = await writer();
      const results = await Promise.all(versions.map((v, i) => saveDraft(s, LETTER, { text: `first ${i} v${v}`, version: v })));
      const rows = await tries(s);
      expect(rows).toHaveLength(1);
      expect(rows[0].tryNumber).toBe(1);
      expect(rows[0].draftVersion).toBe(Math.max(...versions));
      expect(results.some((r) => r.ok)).toBe(true);
      for (const r of results) if (!r.ok) expect(r.status).toBe(409);
      if (versions[0] !== versions[1]) expect(rows[0].text).toBe(`first ${versions.indexOf(Math.max(...versions))} v${Math.max(...versions)}`);
    }
  });

  it("stores the text exactly as given: unicode, markup, quotes and whitespace", async () => {
    const s = await writer();
    const text = `  Dear Ms. Pruitt,\r\n\n<script>alert("x")</script> <b>bold</b> &amp; ' OR 1=1; DROP TABLE "User"; --\n` +
      `Café naïve Zoë, 日本語, עברית, emoji 👩🏽‍⚖️🧑‍💼, combining é, tab\there, zero-width\u200bjoin\u00a0nbsp  \n`;
    expect((await saveDraft(s, LETTER, { text, version: 1 })).ok).toBe(true);
    expect((await tries(s))[0].text).toBe(text);
    const own = (await getOwnAssignment(s, LETTER))!;
    expect(own.tries[0].text).toBe(text);
  });

  it("answers 404 for an assignment that does not exist or was retired", async () => {
    const s = await writer();
    expect(await saveDraft(s, "no-such-assignment", { text: "x", version: 1 })).toMatchObject({ ok: false, status: 404 });
    expect(await getOwnAssignment(s, "no-such-assignment")).toBeNull();
    const undo = await editAssignment(letter.id, { retiredAt: new Date() });
    try {
      expect(await saveDraft(s, LETTER, { text: "x", version: 1 })).toMatchObject({ ok: false, status: 404 });
      expect(await submitDraft(s, LETTER, { tryNumber: 1, version: 1 })).toMatchObject({ ok: false, status: 404 });
      expect(await startNewVersion(s, LETTER)).toMatchObject({ ok: false, status: 404 });
      expect(await getOwnAssignment(s, LETTER)).toBeNull();
    } finally {
      await undo();
    }
    expect(await tries(s)).toHaveLength(0);
  });
});

describe("submitting", () => {
  it("checks the word limits on the server, at the edges, and changes nothing when refused", async () => {
    const s = await writer();
    expect(await submitDraft(s, LETTER, { tryNumber: 1, version: 1 })).toMatchObject({ ok: false, status: 409 }); // nothing saved yet
    await saveDraft(s, LETTER, { text: words(199), version: 1 });
    expect(await submitDraft(s, LETTER, { tryNumber: 1, version: 1 })).toEqual({ ok: false, status: 422, message: "Write at least 200 words: this has 199." });
    await saveDraft(s, LETTER, { text: words(451), version: 2 });
    expect(await submitDraft(s, LETTER, { tryNumber: 1, version: 2 })).toEqual({ ok: false, status: 422, message: "Keep it to 450 words: this has 451. Cut 1." });
    // Markdown and punctuation are not words: 199 words dressed up are still too few.
    await saveDraft(s, LETTER, { text: `**${words(199)}** — !!! \n\n- * …`, version: 3 });
    expect(await submitDraft(s, LETTER, { tryNumber: 1, version: 3 })).toMatchObject({ ok: false, status: 422 });
    expect((await tries(s)).map((t) => [t.status, t.submittedAt, t.late])).toEqual([["draft", null, false]]);
    // Exactly at the limits is fine.
    await saveDraft(s, LETTER, { text: words(450), version: 4 });
    expect(await submitDraft(s, LETTER, { tryNumber: 1, version: 4 })).toEqual({ ok: true, tryNumber: 1, late: false });
    const t = await writer();
    await saveDraft(t, LETTER, { text: words(200), version: 1 });
    expect((await submitDraft(t, LETTER, { tryNumber: 1, version: 1 })).ok).toBe(true);
  });

  it("submits only the version the student reviewed; a retry answers the same success and submits once", async () => {
    const s = await writer();
    await saveDraft(s, LETTER, { text: words(300), version: 3 });
    for (const v of [2, 4]) expect(await submitDraft(s, LETTER, { tryNumber: 1, version: v })).toMatchObject({ ok: false, status: 409 });
    expect((await tries(s))[0].status).toBe("draft");

    const results = await Promise.all([submitDraft(s, LETTER, { tryNumber: 1, version: 3 }), submitDraft(s, LETTER, { tryNumber: 1, version: 3 }), submitDraft(s, LETTER, { tryNumber: 1, version: 3 })]);
    expect(results).toEqual(Array(3).fill({ ok: true, tryNumber: 1, late: false }));
    const [row] = await tries(s);
    expect(row.status).toBe("submitted");
    await new Promise((r) => setTimeout(r, 5));
    expect(await submitDraft(s, LETTER, { tryNumber: 1, version: 3 })).toEqual({ ok: true, tryNumber: 1, late: false });
    const [again] = await tries(s);
    expect(again.submittedAt).toEqual(row.submittedAt);
    expect(await tries(s)).toHaveLength(1);
    // A submit naming another version is not a retry of this one.
    expect(await submitDraft(s, LETTER, { tryNumber: 1, version: 2 })).toMatchObject({ ok: false, status: 409 });
  });

  it("a save after submitting answers 409 and leaves the submitted text alone", async () => {
    const s = await writer();
    await submitFirst(s);
    const before = (await tries(s))[0];
    expect(await saveDraft(s, LETTER, { text: "replaced", version: 2 })).toMatchObject({ ok: false, status: 409 });
    expect(await saveDraft(s, LETTER, { text: "replaced", version: 1 })).toMatchObject({ ok: false, status: 409 });
    expect((await tries(s))[0]).toEqual(before);
  });
});

describe("late marking, in the section's zone, with a controlled clock", () => {
  it("is on time up to the end of the due day there, and late a minute after", async () => {
    const dueOn = dayFromNow(10);
    await setSectionAssignment(teacher, { sectionId: sections.a, assignmentId: letter.id, dueOn, anonymous: false });
    const dueAt = endOfDayIn(dueOn, ZONE);
    // The end of that day where the section is, checked independently of endOfDayIn.
    const there = (d: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, dateStyle: "short", timeStyle: "medium" }).format(d);
    expect(there(dueAt)).toBe(`${dueOn} 23:59:59`);
    expect(there(new Date(dueAt.getTime() + 1)).endsWith("00:00:00")).toBe(true);
    expect((await getSectionAssignments(teacher, sections.a)).find((a) => a.id === letter.id)).toMatchObject({ dueOn, anonymous: false });

    const [early, edge, late, elsewhere] = [await writer(), await writer(), await writer(), await writer(codes.b)];
    for (const s of [early, edge, late, elsewhere]) await saveDraft(s, LETTER, { text: words(250), version: 1 });
    vi.useFakeTimers({ toFake: ["Date"] });
    const at = async (s: CurrentUser, when: Date) => {
      vi.setSystemTime(when);
      return submitDraft(s, LETTER, { tryNumber: 1, version: 1 });
    };
    expect(await at(early, new Date(dueAt.getTime() - 60_000))).toEqual({ ok: true, tryNumber: 1, late: false });
    expect(await at(edge, dueAt)).toEqual({ ok: true, tryNumber: 1, late: false });
    // A minute into the next day in Auckland is still the due day in UTC: late all the same.
    const afterEnd = new Date(dueAt.getTime() + 60_000);
    expect(dayIn(afterEnd, "UTC")).toBe(dueOn);
    expect(await at(late, afterEnd)).toEqual({ ok: true, tryNumber: 1, late: true });
    // Section b set no due date: never late.
    expect(await at(elsewhere, new Date(dueAt.getTime() + 400 * 86_400_000))).toEqual({ ok: true, tryNumber: 1, late: false });
    vi.useRealTimers();

    const row = async (s: CurrentUser) => (await tries(s))[0];
    expect(await row(early)).toMatchObject({ late: false, dueAt, submittedAt: new Date(dueAt.getTime() - 60_000) });
    expect(await row(edge)).toMatchObject({ late: false, dueAt, submittedAt: dueAt });
    expect(await row(late)).toMatchObject({ late: true, dueAt, submittedAt: afterEnd });
    expect(await row(elsewhere)).toMatchObject({ late: false, dueAt: null });
    // The retry of a late submit, now, still says late; the student's page shows the due date.
    expect(await submitDraft(late, LETTER, { tryNumber: 1, version: 1 })).toEqual({ ok: true, tryNumber: 1, late: true });
    expect((await getOwnAssignment(late, LETTER))!.due).toEqual({ dueAt, timeZone: ZONE });
    expect((await getOwnAssignment(late, LETTER))!.tries[0].late).toBe(true);

    // Moving the due date later does not rewrite what was stamped at submission.
    await setSectionAssignment(teacher, { sectionId: sections.a, assignmentId: letter.id, dueOn: dayFromNow(40), anonymous: false });
    expect(await row(late)).toMatchObject({ late: true, dueAt });
    await setSectionAssignment(teacher, { sectionId: sections.a, assignmentId: letter.id, dueOn: null, anonymous: false });
    expect(await db.auditLog.count({ where: { action: "section.assignment", targetId: sections.a } })).toBeGreaterThanOrEqual(3);
  });
});

describe("resubmission", () => {
  it("needs a first submission; then opens try 2 with the text copied, once however often it is asked", async () => {
    const s = await writer();
    expect(await startNewVersion(s, LETTER)).toMatchObject({ ok: false, status: 409 });
    await saveDraft(s, LETTER, { text: words(260, "first"), version: 1 });
    // A draft still open is kept, not doubled.
    expect(await startNewVersion(s, LETTER)).toEqual({ ok: true, tryNumber: 1 });
    expect(await tries(s)).toHaveLength(1);
    expect(resubmission((await getOwnAssignment(s, LETTER))!).canStartNew).toBe(false);
    expect((await submitDraft(s, LETTER, { tryNumber: 1, version: 1 })).ok).toBe(true);
    expect(resubmission((await getOwnAssignment(s, LETTER))!)).toEqual({ used: 1, allowed: 2, canStartNew: true, draftClosed: false });

    const results = await Promise.all([startNewVersion(s, LETTER), startNewVersion(s, LETTER), startNewVersion(s, LETTER)]);
    expect(results).toEqual(Array(3).fill({ ok: true, tryNumber: 2 }));
    const rows = await tries(s);
    expect(rows.map((t) => [t.tryNumber, t.status, t.draftVersion])).toEqual([[1, "submitted", 1], [2, "draft", 0]]);
    expect(rows[1].text).toBe(rows[0].text);

    // A late retry of try 1's submit answers try 1's success and does not submit try 2.
    expect(await submitDraft(s, LETTER, { tryNumber: 1, version: 1 })).toEqual({ ok: true, tryNumber: 1, late: false });
    expect(await submitDraft(s, LETTER, { tryNumber: 1, version: 0 })).toMatchObject({ ok: false, status: 409 });
    expect((await tries(s))[1].status).toBe("draft");
    // Try 2 is revised and submitted; try 1 stays readable as it was.
    expect(await saveDraft(s, LETTER, { text: words(270, "second"), version: 1 })).toMatchObject({ ok: true });
    expect(await submitDraft(s, LETTER, { tryNumber: 2, version: 1 })).toEqual({ ok: true, tryNumber: 2, late: false });
    const own = (await getOwnAssignment(s, LETTER))!;
    expect(own.tries.map((t) => [t.tryNumber, t.status, t.text.split(" ")[0]])).toEqual([[1, "submitted", "first0"], [2, "submitted", "second0"]]);
    expect(resubmission(own)).toEqual({ used: 2, allowed: 2, canStartNew: false, draftClosed: false });

    // Both submissions used.
    expect(await startNewVersion(s, LETTER)).toEqual({ ok: false, status: 409, message: "You have used all 2 submissions for this assignment." });
    expect(await Promise.all([startNewVersion(s, LETTER), startNewVersion(s, LETTER)])).toMatchObject([{ ok: false, status: 409 }, { ok: false, status: 409 }]);
    expect(await tries(s)).toHaveLength(2);
  });

  it("an assignment that takes one submission refuses a second version", async () => {
    const ethics = await db.assignment.findFirstOrThrow({ where: { slug: ETHICS }, select: { id: true } });
    const undo = await editAssignment(ethics.id, { maxSubmissions: 1 });
    try {
      const s = await writer();
      await submitFirst(s, ETHICS, words(200));
      expect(resubmission((await getOwnAssignment(s, ETHICS))!).canStartNew).toBe(false);
      expect(await startNewVersion(s, ETHICS)).toEqual({ ok: false, status: 409, message: "This assignment takes one submission." });
      expect(await tries(s, ethics.id)).toHaveLength(1);
    } finally {
      await undo();
    }
  });
});

describe("a student reaches only their own work", () => {
  it("another student, even in the same section, sees none of someone else's tries, and writing does not touch them", async () => {
    const [a, b, c] = [await writer(codes.a, "Adela Ownwork"), await writer(codes.a), await writer(codes.b)];
    await submitFirst(a, LETTER, words(230, "adela"));
    await startNewVersion(a, LETTER);
    const aRows = await tries(a);
    for (const other of [b, c]) {
      const view = (await getOwnAssignment(other, LETTER))!;
      expect(view.tries).toEqual([]);
      expect(JSON.stringify(view)).not.toContain("adela0");
      expect(JSON.stringify(await getOwnAssignmentList(other))).not.toContain("draft saved");
      // Their own save, submit and new version work on their own rows only.
      expect(await submitDraft(other, LETTER, { tryNumber: 1, version: 1 })).toMatchObject({ ok: false, status: 409 });
      expect(await startNewVersion(other, LETTER)).toMatchObject({ ok: false, status: 409 });
      await submitFirst(other, LETTER, words(220, "other"));
    }
    expect(await tries(a)).toEqual(aRows);
    expect((await getOwnAssignment(a, LETTER))!.tries.map((t) => t.text.split(" ")[0])).toEqual(["adela0", "adela0"]);
  });

  it("the student functions are for students, and the staff ones are not", async () => {
    const s = await writer();
    for (const staff of [teacher, coordinator]) {
      await expect(saveDraft(staff, LETTER, { text: "x", version: 1 })).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(submitDraft(staff, LETTER, { tryNumber: 1, version: 1 })).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(startNewVersion(staff, LETTER)).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(getOwnAssignment(staff, LETTER)).rejects.toBeInstanceOf(AccessDeniedError);
    }
    await expect(getSectionAssignments(s, sections.a)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(setSectionAssignment(s, { sectionId: sections.a, assignmentId: letter.id, dueOn: null, anonymous: true })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await db.sectionAssignment.count({ where: { anonymous: true } })).toBe(0);
  });
});

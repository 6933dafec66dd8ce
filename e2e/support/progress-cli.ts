// Test-only helper run in a child process against the e2e database:
//   complete-all <email>        every lesson complete and every lesson quiz passed (real answers)
//   expire <attemptId>          move an attempt's deadline into the past
//   whois <email>               print the user's id
//   section-of <email>          print the id and join code of the student's active section
//   make-section <email> <zone> a current section taught by that instructor; prints its id and join code
//   complete-lesson <email> <slug>  mark one lesson complete
//   past-section <email>        move the student into a section whose term ended long ago (their work comes along)
//   submit-assignment <email> <slug>  write a draft within the word limits and submit it; prints the submission id
//   fingerprint [email]         per-table hashes of every row that matters (only that user's, with content, given an email)
import { db } from "../../lib/db";
import { fingerprint } from "../../tests/support/fingerprint";
import { isRole } from "../../lib/auth/roles";
import { completeLessonsAndQuizzes } from "../../tests/support/course";

async function main() {
  const [command, arg] = process.argv.slice(2);
  if (command === "complete-all") {
    const user = await db.user.findUniqueOrThrow({ where: { email: arg }, select: { id: true, name: true, email: true, role: true } });
    if (!isRole(user.role)) throw new Error("bad role");
    await completeLessonsAndQuizzes({ ...user, role: user.role });
  } else if (command === "expire") {
    await db.quizAttempt.update({ where: { id: arg }, data: { deadlineAt: new Date(Date.now() - 5 * 60_000) }, select: { id: true } });
  } else if (command === "whois") {
    console.log((await db.user.findUniqueOrThrow({ where: { email: arg }, select: { id: true } })).id);
  } else if (command === "section-of") {
    const row = await db.enrollment.findFirstOrThrow({ where: { user: { email: arg }, endedAt: null }, select: { section: { select: { id: true, joinCode: true } } } });
    console.log(`${row.section.id} ${row.section.joinCode}`);
  } else if (command === "make-section") {
    const zone = process.argv[4] ?? "UTC";
    const { newJoinCode } = await import("../../lib/sections/codes");
    const instructor = await db.user.findUniqueOrThrow({ where: { email: arg }, select: { id: true } });
    const course = await db.course.findFirstOrThrow({ select: { id: true } });
    const section = await db.section.create({
      data: { courseId: course.id, name: `E2E section ${arg.slice(0, 19)}`, termStart: new Date(Date.now() - 30 * 86_400_000), termEnd: new Date(Date.now() + 90 * 86_400_000), timeZone: zone, joinCode: newJoinCode() },
      select: { id: true, joinCode: true },
    });
    await db.sectionInstructor.create({ data: { sectionId: section.id, userId: instructor.id }, select: { userId: true } });
    console.log(`${section.id} ${section.joinCode}`);
  } else if (command === "past-section") {
    const { newJoinCode } = await import("../../lib/sections/codes");
    const { enrollInTx } = await import("../../lib/sections/enrollment");
    const student = await db.user.findUniqueOrThrow({ where: { email: arg }, select: { id: true } });
    const course = await db.course.findFirstOrThrow({ select: { id: true } });
    const day = 86_400_000;
    await db.$transaction(async (tx) => {
      const section = await tx.section.create({
        data: { courseId: course.id, name: `Last year ${arg.slice(0, 19)}`, termStart: new Date(Date.now() - 300 * day), termEnd: new Date(Date.now() - 40 * day), timeZone: "UTC", joinCode: newJoinCode() },
        select: { id: true, courseId: true },
      });
      await enrollInTx(tx, student.id, section);
    });
  } else if (command === "complete-lesson") {
    const user = await db.user.findUniqueOrThrow({ where: { email: arg }, select: { id: true, name: true, email: true, role: true } });
    if (!isRole(user.role)) throw new Error("bad role");
    const { completeLesson } = await import("../../lib/progress");
    const done = await completeLesson({ ...user, role: user.role }, process.argv[4]);
    if (!done.ok) throw new Error(done.message);
  } else if (command === "submit-assignment") {
    const user = await db.user.findUniqueOrThrow({ where: { email: arg }, select: { id: true, name: true, email: true } });
    const student = { ...user, role: "student" as const };
    const slug = process.argv[4];
    const { saveDraft, submitDraft } = await import("../../lib/assignments/student");
    const { minWords } = await db.assignment.findFirstOrThrow({ where: { slug }, select: { minWords: true } });
    const text = Array.from({ length: minWords + 5 }, (_, i) => `word${i}`).join(" ");
    const saved = await saveDraft(student, slug, { text, version: 1_000 });
    if (!saved.ok) throw new Error(saved.message);
    const submitted = await submitDraft(student, slug, { tryNumber: 1, version: saved.version });
    if (!submitted.ok) throw new Error(submitted.message);
    const row = await db.assignmentSubmission.findFirstOrThrow({ where: { userId: user.id, assignment: { slug }, status: "submitted" }, orderBy: { tryNumber: "desc" }, select: { id: true } });
    console.log(row.id);
  } else if (command === "fingerprint") {
    const userId = arg ? (await db.user.findUniqueOrThrow({ where: { email: arg }, select: { id: true } })).id : undefined;
    console.log(JSON.stringify(await fingerprint({ userId })));
  } else {
    throw new Error(`unknown command ${command}`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

// Test-only helper run in a child process against the e2e database:
//   complete-all <email>        every lesson complete and every lesson quiz passed
//   expire <attemptId>          move an attempt's deadline into the past
import { db } from "../../lib/db";

async function main() {
  const [command, arg] = process.argv.slice(2);
  if (command === "complete-all") {
    const user = await db.user.findUniqueOrThrow({ where: { email: arg }, select: { id: true } });
    const lessons = await db.lesson.findMany({ select: { id: true, contentHash: true, quiz: { select: { id: true } } } });
    const now = new Date();
    for (const lesson of lessons) {
      await db.lessonProgress.upsert({
        where: { userId_lessonId: { userId: user.id, lessonId: lesson.id } },
        create: { userId: user.id, lessonId: lesson.id, startedAt: now, completedAt: now, completedHash: lesson.contentHash },
        update: { completedAt: now },
        select: { id: true },
      });
      if (lesson.quiz) {
        await db.quizAttempt.create({
          data: { userId: user.id, quizId: lesson.quiz.id, attemptNumber: 1, status: "graded", layout: "[]", submittedAt: now, gradedAt: now, score: 1, maxScore: 1, percent: 100, passed: true },
          select: { id: true },
        });
      }
    }
  } else if (command === "expire") {
    await db.quizAttempt.update({ where: { id: arg }, data: { deadlineAt: new Date(Date.now() - 5 * 60_000) }, select: { id: true } });
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

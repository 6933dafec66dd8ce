// Test-only helper run in a child process against the e2e database:
//   complete-all <email>        every lesson complete and every lesson quiz passed (real answers)
//   expire <attemptId>          move an attempt's deadline into the past
//   whois <email>               print the user's id
//   section-of <email>          print the id and join code of the student's active section
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

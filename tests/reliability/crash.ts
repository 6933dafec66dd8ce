// `npm run test:crash`: students submit the final while the server is killed with
// SIGKILL mid-load. After a restart, every submission the server acknowledged must be
// stored and graded exactly once with the score it reported, no attempt may be left
// half-graded, and re-submitting the rest grades each once. Meanwhile each student autosaves
// a written assignment's draft: every draft the server acknowledged must survive the kill
// (issue 17). Exits non-zero on any breach.
import { answerFor } from "../../bench/final-class";
import { startApp } from "../../bench/support/servers";
import { sleep } from "../../bench/support/stats";
import { post, prepareClass } from "./support";

const STUDENTS = 120;
const PORT = 3231;
const ASSIGNMENT = "ethics-reflection";
const draftText = (userIndex: number, version: number) => `Student ${userIndex}'s reflection, version ${version}. `.repeat(20);

async function main() {
  const fixture = await prepareClass("data/crash.db", STUDENTS);
  const env = { DATABASE_URL: fixture.url, NEXTAUTH_SECRET: fixture.secret, CASEBOOK_DEMO: "0" };
  const app = await startApp(PORT, env);
  const base = app.url;

  // Everyone starts and answers every question (all saved before the storm).
  const attempts: { cookie: string; attemptId: string }[] = [];
  await Promise.all(
    fixture.cookies.map(async (cookie) => {
      const started = await post(`${base}/api/quizzes/${fixture.finalSlug}/attempts`, cookie);
      if (started.status >= 300) throw new Error(`start failed: ${started.status} ${started.text}`);
      const { attempt, questions } = started.json();
      for (const question of questions) {
        const saved = await post(`${base}/api/attempts/${attempt.id}/answers`, cookie, { questionId: question.id, response: answerFor(question) });
        if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${saved.text}`);
      }
      attempts.push({ cookie, attemptId: attempt.id });
    }),
  );
  // Everyone's first draft is saved before the storm; later versions go out during it.
  const draftsAcknowledged = new Map<number, number>();
  await Promise.all(
    fixture.cookies.map(async (cookie, i) => {
      const saved = await post(`${base}/api/assignments/${ASSIGNMENT}/draft`, cookie, { text: draftText(i, 1), version: 1 });
      if (saved.status !== 200) throw new Error(`draft save failed: ${saved.status} ${saved.text}`);
      draftsAcknowledged.set(i, 1);
    }),
  );

  // The storm: submits spread over ~2 s; the server dies 0.8 s in.
  const acknowledged = new Map<string, { percent: number; score: number }>();
  let refused = 0;
  const storm = attempts.map(async ({ cookie, attemptId }, i) => {
    await sleep((i / attempts.length) * 2000);
    try {
      const result = await post(`${base}/api/attempts/${attemptId}/submit`, cookie);
      if (result.status === 200) acknowledged.set(attemptId, result.json());
      else refused++;
    } catch {
      // Connection dropped by the kill: not acknowledged, so nothing is promised.
    }
  });
  // Autosaves during the storm: the highest version each student was told was saved.
  const drafts = fixture.cookies.map(async (cookie, i) => {
    for (let version = 2; version <= 6; version++) {
      await sleep((i / fixture.cookies.length) * 1000 + version * 120);
      try {
        const saved = await post(`${base}/api/assignments/${ASSIGNMENT}/draft`, cookie, { text: draftText(i, version), version });
        if (saved.status === 200) draftsAcknowledged.set(i, version);
      } catch {
        return; // the server is gone: nothing more is promised
      }
    }
  });
  await sleep(800);
  app.kill!();
  await Promise.all([...storm, ...drafts]);
  console.log(`killed mid-storm: ${acknowledged.size} of ${attempts.length} submissions acknowledged before the kill (${refused} refused)`);

  const restarted = await startApp(PORT, env);
  const { db } = await import("../../lib/db");
  const problems: string[] = [];
  try {
    const rows = await db.quizAttempt.findMany({
      where: { id: { in: attempts.map((a) => a.attemptId) } },
      select: { id: true, status: true, percent: true, score: true, gradedAt: true, answers: { select: { score: true } } },
    });
    for (const row of rows) {
      const ack = acknowledged.get(row.id);
      if (ack && (row.status !== "graded" || row.percent !== ack.percent)) problems.push(`${row.id}: acknowledged ${ack.percent}% but stored ${row.status} ${row.percent}`);
      if (row.status === "graded" && (row.gradedAt === null || row.score === null || row.answers.some((a) => a.score === null)))
        problems.push(`${row.id}: graded but half-written`);
      if (row.status === "in_progress" && (row.gradedAt !== null || row.answers.some((a) => a.score !== null)))
        problems.push(`${row.id}: in progress but partly graded`);
    }
    // Retrying every submission now grades the rest once and repeats the stored result for the others.
    const retried = await Promise.all(attempts.map(({ cookie, attemptId }) => post(`${restarted.url}/api/attempts/${attemptId}/submit`, cookie)));
    retried.forEach((r, i) => {
      if (r.status !== 200) problems.push(`${attempts[i].attemptId}: retry answered ${r.status}`);
      const ack = acknowledged.get(attempts[i].attemptId);
      if (ack && r.status === 200 && r.json().percent !== ack.percent) problems.push(`${attempts[i].attemptId}: retry changed the grade`);
    });
    const graded = await db.quizAttempt.count({ where: { id: { in: attempts.map((a) => a.attemptId) }, status: "graded" } });
    const perStudent = await db.quizAttempt.groupBy({ by: ["userId"], where: { quizId: fixture.finalId, userId: { in: fixture.userIds } }, _count: { _all: true } });
    if (graded !== attempts.length) problems.push(`${graded} of ${attempts.length} attempts graded after the retry`);
    if (perStudent.some((p) => p._count._all !== 1)) problems.push("a student has more than one final attempt");
    // Every acknowledged draft is there, at that version or a later one, with that version's words.
    const assignment = await db.assignment.findFirstOrThrow({ where: { slug: ASSIGNMENT }, select: { id: true } });
    const stored = new Map(
      (await db.assignmentSubmission.findMany({ where: { assignmentId: assignment.id, userId: { in: fixture.userIds } }, select: { userId: true, draftVersion: true, text: true } })).map((d) => [d.userId, d]),
    );
    for (const [i, version] of draftsAcknowledged) {
      const row = stored.get(fixture.userIds[i]);
      if (!row || row.draftVersion < version) problems.push(`student ${i}: draft version ${version} acknowledged, ${row ? `version ${row.draftVersion}` : "nothing"} stored`);
      else if (row.text !== draftText(i, row.draftVersion)) problems.push(`student ${i}: the stored draft's words are not its version's`);
    }
    const later = [...draftsAcknowledged.values()].filter((v) => v > 1).length;
    console.log(`drafts: ${draftsAcknowledged.size} acknowledged (${later} with a version saved during the storm), ${stored.size} stored, each at its acknowledged version or later`);
    console.log(`after restart: ${graded} of ${attempts.length} graded, ${acknowledged.size} acknowledged and intact, ${problems.length} problems`);
  } finally {
    await restarted.stop();
  }
  if (problems.length) {
    console.error(problems.slice(0, 20).join("\n"));
    process.exit(1);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

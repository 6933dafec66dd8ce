-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "attemptNumber" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'in_progress',
    "layout" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadlineAt" DATETIME,
    "submittedAt" DATETIME,
    "gradedAt" DATETIME,
    "score" REAL,
    "maxScore" REAL,
    "percent" REAL,
    "passed" BOOLEAN,
    "autoSubmitted" BOOLEAN NOT NULL DEFAULT false,
    "keysRevealed" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "QuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizAttempt_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_QuizAttempt" ("attemptNumber", "autoSubmitted", "deadlineAt", "gradedAt", "id", "layout", "maxScore", "passed", "percent", "quizId", "score", "startedAt", "status", "submittedAt", "userId") SELECT "attemptNumber", "autoSubmitted", "deadlineAt", "gradedAt", "id", "layout", "maxScore", "passed", "percent", "quizId", "score", "startedAt", "status", "submittedAt", "userId" FROM "QuizAttempt";
DROP TABLE "QuizAttempt";
ALTER TABLE "new_QuizAttempt" RENAME TO "QuizAttempt";
CREATE INDEX "QuizAttempt_quizId_status_idx" ON "QuizAttempt"("quizId", "status");
CREATE INDEX "QuizAttempt_userId_status_idx" ON "QuizAttempt"("userId", "status");
CREATE UNIQUE INDEX "QuizAttempt_userId_quizId_attemptNumber_key" ON "QuizAttempt"("userId", "quizId", "attemptNumber");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill: attempts graded before this column existed showed their keys under the old
-- rule after a pass, after the last attempt, or always under "after_submit".
UPDATE "QuizAttempt" SET "keysRevealed" = true WHERE "status" = 'graded' AND ("passed" = true OR "attemptNumber" >= (SELECT "maxAttempts" FROM "Quiz" WHERE "Quiz"."id" = "QuizAttempt"."quizId") OR (SELECT "reviewPolicy" FROM "Quiz" WHERE "Quiz"."id" = "QuizAttempt"."quizId") = 'after_submit');

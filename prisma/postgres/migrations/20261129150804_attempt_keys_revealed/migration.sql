-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "keysRevealed" BOOLEAN NOT NULL DEFAULT false;


-- Backfill: attempts graded before this column existed showed their keys under the old
-- rule after a pass, after the last attempt, or always under "after_submit".
UPDATE "QuizAttempt" SET "keysRevealed" = true WHERE "status" = 'graded' AND ("passed" = true OR "attemptNumber" >= (SELECT "maxAttempts" FROM "Quiz" WHERE "Quiz"."id" = "QuizAttempt"."quizId") OR (SELECT "reviewPolicy" FROM "Quiz" WHERE "Quiz"."id" = "QuizAttempt"."quizId") = 'after_submit');

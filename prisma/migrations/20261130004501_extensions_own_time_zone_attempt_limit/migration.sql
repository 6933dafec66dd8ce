-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN "timeLimitSeconds" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DueDateExtension" (
    "userId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "dueAt" DATETIME,
    "extraAttempts" INTEGER NOT NULL DEFAULT 0,
    "timeMultiplier" REAL NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "quizId"),
    CONSTRAINT "DueDateExtension_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DueDateExtension_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DueDateExtension" ("dueAt", "quizId", "updatedAt", "userId") SELECT "dueAt", "quizId", "updatedAt", "userId" FROM "DueDateExtension";
DROP TABLE "DueDateExtension";
ALTER TABLE "new_DueDateExtension" RENAME TO "DueDateExtension";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


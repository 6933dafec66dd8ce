-- CreateTable
CREATE TABLE "StudentSummary" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "lessonsComplete" INTEGER NOT NULL DEFAULT 0,
    "quizzesPassed" INTEGER NOT NULL DEFAULT 0,
    "progressPercent" INTEGER NOT NULL DEFAULT 0,
    "finalBest" REAL,
    "finalPassed" BOOLEAN NOT NULL DEFAULT false,
    "readyAt" DATETIME,
    "lastActiveAt" DATETIME,
    "maxFailsUnpassed" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StudentSummary_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudentSummary_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuizBest" (
    "userId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "bestPercent" REAL NOT NULL,
    "attempts" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,

    PRIMARY KEY ("userId", "quizId"),
    CONSTRAINT "QuizBest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizBest_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "StudentSummary_courseId_progressPercent_idx" ON "StudentSummary"("courseId", "progressPercent");

-- CreateIndex
CREATE INDEX "StudentSummary_courseId_lastActiveAt_idx" ON "StudentSummary"("courseId", "lastActiveAt");

-- CreateIndex
CREATE INDEX "StudentSummary_courseId_readyAt_idx" ON "StudentSummary"("courseId", "readyAt");

-- CreateIndex
CREATE INDEX "QuizBest_quizId_bestPercent_idx" ON "QuizBest"("quizId", "bestPercent");


-- CreateTable
CREATE TABLE "SectionQuizDates" (
    "sectionId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "opensAt" DATETIME,
    "dueAt" DATETIME,
    "latePolicy" TEXT NOT NULL DEFAULT 'accept_late',
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("sectionId", "quizId"),
    CONSTRAINT "SectionQuizDates_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SectionQuizDates_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DueDateExtension" (
    "userId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "quizId"),
    CONSTRAINT "DueDateExtension_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DueDateExtension_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);


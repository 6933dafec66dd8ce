-- CreateTable
CREATE TABLE "AssignmentSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "pastRun" INTEGER NOT NULL DEFAULT 0,
    "tryNumber" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "text" TEXT NOT NULL DEFAULT '',
    "draftVersion" INTEGER NOT NULL DEFAULT 0,
    "savedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" DATETIME,
    "dueAt" DATETIME,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AssignmentSubmission_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AssignmentSubmission_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssignmentGrade" (
    "submissionId" TEXT NOT NULL PRIMARY KEY,
    "levels" TEXT NOT NULL,
    "comments" TEXT NOT NULL DEFAULT '{}',
    "overallComment" TEXT NOT NULL DEFAULT '',
    "points" INTEGER NOT NULL,
    "possible" INTEGER NOT NULL,
    "percent" REAL NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "gradedById" TEXT,
    "gradedByName" TEXT NOT NULL DEFAULT '',
    "gradedAt" DATETIME NOT NULL,
    "releasedAt" DATETIME,
    CONSTRAINT "AssignmentGrade_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "AssignmentSubmission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SectionAssignment" (
    "sectionId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "dueAt" DATETIME,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("sectionId", "assignmentId"),
    CONSTRAINT "SectionAssignment_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SectionAssignment_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AssignmentSubmission_assignmentId_status_idx" ON "AssignmentSubmission"("assignmentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "AssignmentSubmission_userId_assignmentId_pastRun_tryNumber_key" ON "AssignmentSubmission"("userId", "assignmentId", "pastRun", "tryNumber");

-- CreateIndex
CREATE INDEX "AssignmentGrade_releasedAt_idx" ON "AssignmentGrade"("releasedAt");


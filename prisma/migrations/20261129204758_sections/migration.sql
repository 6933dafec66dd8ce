-- CreateTable
CREATE TABLE "Section" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "termStart" DATETIME NOT NULL,
    "termEnd" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "joinCode" TEXT NOT NULL,
    "joinOpen" BOOLEAN NOT NULL DEFAULT true,
    "openSignup" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Section_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SectionInstructor" (
    "sectionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("sectionId", "userId"),
    CONSTRAINT "SectionInstructor_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SectionInstructor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Enrollment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "endReason" TEXT,
    "activeCourseId" TEXT,
    CONSTRAINT "Enrollment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enrollment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enrollment_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StudentSummary" (
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
    "sectionId" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StudentSummary_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudentSummary_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudentSummary_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StudentSummary" ("courseId", "finalBest", "finalPassed", "lastActiveAt", "lessonsComplete", "maxFailsUnpassed", "progressPercent", "quizzesPassed", "readyAt", "searchText", "updatedAt", "userId") SELECT "courseId", "finalBest", "finalPassed", "lastActiveAt", "lessonsComplete", "maxFailsUnpassed", "progressPercent", "quizzesPassed", "readyAt", "searchText", "updatedAt", "userId" FROM "StudentSummary";
DROP TABLE "StudentSummary";
ALTER TABLE "new_StudentSummary" RENAME TO "StudentSummary";
CREATE INDEX "StudentSummary_courseId_progressPercent_idx" ON "StudentSummary"("courseId", "progressPercent");
CREATE INDEX "StudentSummary_sectionId_progressPercent_idx" ON "StudentSummary"("sectionId", "progressPercent");
CREATE INDEX "StudentSummary_courseId_lastActiveAt_idx" ON "StudentSummary"("courseId", "lastActiveAt");
CREATE INDEX "StudentSummary_courseId_readyAt_idx" ON "StudentSummary"("courseId", "readyAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Section_joinCode_key" ON "Section"("joinCode");

-- CreateIndex
CREATE INDEX "Section_courseId_termStart_idx" ON "Section"("courseId", "termStart");

-- CreateIndex
CREATE INDEX "SectionInstructor_userId_idx" ON "SectionInstructor"("userId");

-- CreateIndex
CREATE INDEX "Enrollment_sectionId_endedAt_idx" ON "Enrollment"("sectionId", "endedAt");

-- CreateIndex
CREATE INDEX "Enrollment_userId_startedAt_idx" ON "Enrollment"("userId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_userId_activeCourseId_key" ON "Enrollment"("userId", "activeCourseId");


-- Data (issue 14): what existed before sections moves into one default section, open to
-- new sign-ups, so nothing is lost and every instructor keeps seeing the students they saw.
INSERT INTO "Section" ("id", "courseId", "name", "termStart", "termEnd", "timeZone", "joinCode", "joinOpen", "openSignup", "createdAt", "updatedAt")
SELECT 'default-' || c."id", c."id", 'Default section',
       strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', '+1 year'), 'UTC',
       upper(hex(randomblob(5))), true, true,
       strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
  FROM "Course" c;

INSERT INTO "Enrollment" ("id", "userId", "courseId", "sectionId", "startedAt", "activeCourseId")
SELECT 'migrated-' || u."id" || '-' || s."courseId", u."id", s."courseId", s."id", u."createdAt", s."courseId"
  FROM "User" u JOIN "Section" s ON s."openSignup"
 WHERE u."role" = 'student' AND u."deletedAt" IS NULL;

INSERT INTO "SectionInstructor" ("sectionId", "userId", "createdAt")
SELECT s."id", u."id", strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
  FROM "User" u JOIN "Section" s ON s."openSignup"
 WHERE u."role" = 'instructor' AND u."deletedAt" IS NULL;

UPDATE "StudentSummary" SET "sectionId" = (
  SELECT e."sectionId" FROM "Enrollment" e WHERE e."userId" = "StudentSummary"."userId" AND e."activeCourseId" = "StudentSummary"."courseId");

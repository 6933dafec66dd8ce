-- AlterTable
ALTER TABLE "StudentSummary" ADD COLUMN     "sectionId" TEXT;

-- CreateTable
CREATE TABLE "Section" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "termStart" TIMESTAMP(3) NOT NULL,
    "termEnd" TIMESTAMP(3) NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "joinCode" TEXT NOT NULL,
    "joinOpen" BOOLEAN NOT NULL DEFAULT true,
    "openSignup" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SectionInstructor" (
    "sectionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SectionInstructor_pkey" PRIMARY KEY ("sectionId","userId")
);

-- CreateTable
CREATE TABLE "Enrollment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "activeCourseId" TEXT,

    CONSTRAINT "Enrollment_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "StudentSummary_sectionId_progressPercent_idx" ON "StudentSummary"("sectionId", "progressPercent");

-- AddForeignKey
ALTER TABLE "StudentSummary" ADD CONSTRAINT "StudentSummary_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Section" ADD CONSTRAINT "Section_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SectionInstructor" ADD CONSTRAINT "SectionInstructor_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SectionInstructor" ADD CONSTRAINT "SectionInstructor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Data (issue 14): what existed before sections moves into one default section, open to
-- new sign-ups, so nothing is lost and every instructor keeps seeing the students they saw.
INSERT INTO "Section" ("id", "courseId", "name", "termStart", "termEnd", "timeZone", "joinCode", "joinOpen", "openSignup", "createdAt", "updatedAt")
SELECT 'default-' || c."id", c."id", 'Default section',
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '1 year', 'UTC',
       upper(substr(md5(random()::text || c."id"), 1, 10)), true, true,
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
  FROM "Course" c;

INSERT INTO "Enrollment" ("id", "userId", "courseId", "sectionId", "startedAt", "activeCourseId")
SELECT 'migrated-' || u."id" || '-' || s."courseId", u."id", s."courseId", s."id", u."createdAt", s."courseId"
  FROM "User" u JOIN "Section" s ON s."openSignup"
 WHERE u."role" = 'student' AND u."deletedAt" IS NULL;

INSERT INTO "SectionInstructor" ("sectionId", "userId", "createdAt")
SELECT s."id", u."id", CURRENT_TIMESTAMP
  FROM "User" u JOIN "Section" s ON s."openSignup"
 WHERE u."role" = 'instructor' AND u."deletedAt" IS NULL;

UPDATE "StudentSummary" SET "sectionId" = (
  SELECT e."sectionId" FROM "Enrollment" e WHERE e."userId" = "StudentSummary"."userId" AND e."activeCourseId" = "StudentSummary"."courseId");

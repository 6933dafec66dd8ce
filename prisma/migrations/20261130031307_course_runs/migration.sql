-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Certificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "courseId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "holderName" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "revokedReason" TEXT,
    "withdrawnAt" DATETIME,
    "pastRun" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Certificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Certificate_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Certificate" ("code", "courseId", "holderName", "id", "issuedAt", "revokedAt", "revokedReason", "userId", "withdrawnAt") SELECT "code", "courseId", "holderName", "id", "issuedAt", "revokedAt", "revokedReason", "userId", "withdrawnAt" FROM "Certificate";
DROP TABLE "Certificate";
ALTER TABLE "new_Certificate" RENAME TO "Certificate";
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");
CREATE UNIQUE INDEX "Certificate_userId_courseId_pastRun_key" ON "Certificate"("userId", "courseId", "pastRun");
CREATE TABLE "new_Enrollment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "endReason" TEXT,
    "activeCourseId" TEXT,
    "pastRun" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Enrollment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enrollment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enrollment_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Enrollment" ("activeCourseId", "courseId", "endReason", "endedAt", "id", "sectionId", "startedAt", "userId") SELECT "activeCourseId", "courseId", "endReason", "endedAt", "id", "sectionId", "startedAt", "userId" FROM "Enrollment";
DROP TABLE "Enrollment";
ALTER TABLE "new_Enrollment" RENAME TO "Enrollment";
CREATE INDEX "Enrollment_sectionId_endedAt_idx" ON "Enrollment"("sectionId", "endedAt");
CREATE INDEX "Enrollment_userId_startedAt_idx" ON "Enrollment"("userId", "startedAt");
CREATE UNIQUE INDEX "Enrollment_userId_activeCourseId_key" ON "Enrollment"("userId", "activeCourseId");
CREATE TABLE "new_InstructorSignOff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "studentId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "instructorId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pastRun" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "InstructorSignOff_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InstructorSignOff_instructorId_fkey" FOREIGN KEY ("instructorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InstructorSignOff_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_InstructorSignOff" ("courseId", "createdAt", "id", "instructorId", "note", "studentId") SELECT "courseId", "createdAt", "id", "instructorId", "note", "studentId" FROM "InstructorSignOff";
DROP TABLE "InstructorSignOff";
ALTER TABLE "new_InstructorSignOff" RENAME TO "InstructorSignOff";
CREATE UNIQUE INDEX "InstructorSignOff_studentId_courseId_pastRun_key" ON "InstructorSignOff"("studentId", "courseId", "pastRun");
CREATE TABLE "new_LessonProgress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastVisitedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    "completedHash" TEXT,
    "pastRun" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "LessonProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LessonProgress_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LessonProgress" ("completedAt", "completedHash", "id", "lastVisitedAt", "lessonId", "startedAt", "userId") SELECT "completedAt", "completedHash", "id", "lastVisitedAt", "lessonId", "startedAt", "userId" FROM "LessonProgress";
DROP TABLE "LessonProgress";
ALTER TABLE "new_LessonProgress" RENAME TO "LessonProgress";
CREATE INDEX "LessonProgress_lessonId_completedAt_idx" ON "LessonProgress"("lessonId", "completedAt");
CREATE INDEX "LessonProgress_userId_lastVisitedAt_idx" ON "LessonProgress"("userId", "lastVisitedAt");
CREATE UNIQUE INDEX "LessonProgress_userId_lessonId_pastRun_key" ON "LessonProgress"("userId", "lessonId", "pastRun");
CREATE TABLE "new_QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "attemptNumber" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'in_progress',
    "layout" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadlineAt" DATETIME,
    "timeLimitSeconds" INTEGER,
    "submittedAt" DATETIME,
    "gradedAt" DATETIME,
    "score" REAL,
    "maxScore" REAL,
    "percent" REAL,
    "passed" BOOLEAN,
    "autoSubmitted" BOOLEAN NOT NULL DEFAULT false,
    "keysRevealed" BOOLEAN NOT NULL DEFAULT false,
    "pastRun" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "QuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizAttempt_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_QuizAttempt" ("attemptNumber", "autoSubmitted", "deadlineAt", "gradedAt", "id", "keysRevealed", "layout", "maxScore", "passed", "percent", "quizId", "score", "startedAt", "status", "submittedAt", "timeLimitSeconds", "userId") SELECT "attemptNumber", "autoSubmitted", "deadlineAt", "gradedAt", "id", "keysRevealed", "layout", "maxScore", "passed", "percent", "quizId", "score", "startedAt", "status", "submittedAt", "timeLimitSeconds", "userId" FROM "QuizAttempt";
DROP TABLE "QuizAttempt";
ALTER TABLE "new_QuizAttempt" RENAME TO "QuizAttempt";
CREATE INDEX "QuizAttempt_quizId_status_idx" ON "QuizAttempt"("quizId", "status");
CREATE INDEX "QuizAttempt_userId_status_idx" ON "QuizAttempt"("userId", "status");
CREATE UNIQUE INDEX "QuizAttempt_userId_quizId_pastRun_attemptNumber_key" ON "QuizAttempt"("userId", "quizId", "pastRun", "attemptNumber");
CREATE TABLE "new_Readiness" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "reachedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pastRun" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Readiness_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Readiness_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Readiness" ("courseId", "id", "reachedAt", "userId") SELECT "courseId", "id", "reachedAt", "userId" FROM "Readiness";
DROP TABLE "Readiness";
ALTER TABLE "new_Readiness" RENAME TO "Readiness";
CREATE UNIQUE INDEX "Readiness_userId_courseId_pastRun_key" ON "Readiness"("userId", "courseId", "pastRun");
CREATE TABLE "new_SkillsSelfAssessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "ratings" TEXT NOT NULL,
    "specialization" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "pastRun" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "SkillsSelfAssessment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SkillsSelfAssessment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SkillsSelfAssessment" ("courseId", "id", "ratings", "specialization", "submittedAt", "updatedAt", "userId") SELECT "courseId", "id", "ratings", "specialization", "submittedAt", "updatedAt", "userId" FROM "SkillsSelfAssessment";
DROP TABLE "SkillsSelfAssessment";
ALTER TABLE "new_SkillsSelfAssessment" RENAME TO "SkillsSelfAssessment";
CREATE UNIQUE INDEX "SkillsSelfAssessment_userId_courseId_pastRun_key" ON "SkillsSelfAssessment"("userId", "courseId", "pastRun");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


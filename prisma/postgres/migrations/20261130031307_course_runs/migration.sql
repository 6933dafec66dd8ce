-- DropIndex
DROP INDEX "QuizAttempt_userId_quizId_attemptNumber_key";

-- DropIndex
DROP INDEX "LessonProgress_userId_lessonId_key";

-- DropIndex
DROP INDEX "SkillsSelfAssessment_userId_courseId_key";

-- DropIndex
DROP INDEX "InstructorSignOff_studentId_courseId_key";

-- DropIndex
DROP INDEX "Readiness_userId_courseId_key";

-- DropIndex
DROP INDEX "Certificate_userId_courseId_key";

-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "pastRun" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "LessonProgress" ADD COLUMN     "pastRun" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "SkillsSelfAssessment" ADD COLUMN     "pastRun" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "InstructorSignOff" ADD COLUMN     "pastRun" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Readiness" ADD COLUMN     "pastRun" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "pastRun" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "pastRun" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_userId_quizId_pastRun_attemptNumber_key" ON "QuizAttempt"("userId", "quizId", "pastRun", "attemptNumber");

-- CreateIndex
CREATE UNIQUE INDEX "LessonProgress_userId_lessonId_pastRun_key" ON "LessonProgress"("userId", "lessonId", "pastRun");

-- CreateIndex
CREATE UNIQUE INDEX "SkillsSelfAssessment_userId_courseId_pastRun_key" ON "SkillsSelfAssessment"("userId", "courseId", "pastRun");

-- CreateIndex
CREATE UNIQUE INDEX "InstructorSignOff_studentId_courseId_pastRun_key" ON "InstructorSignOff"("studentId", "courseId", "pastRun");

-- CreateIndex
CREATE UNIQUE INDEX "Readiness_userId_courseId_pastRun_key" ON "Readiness"("userId", "courseId", "pastRun");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_userId_courseId_pastRun_key" ON "Certificate"("userId", "courseId", "pastRun");


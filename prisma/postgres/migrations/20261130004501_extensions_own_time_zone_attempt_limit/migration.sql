-- AlterTable
ALTER TABLE "User" ADD COLUMN     "timeZone" TEXT;

-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "timeLimitSeconds" INTEGER;

-- AlterTable
ALTER TABLE "DueDateExtension" ADD COLUMN     "extraAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "timeMultiplier" DOUBLE PRECISION NOT NULL DEFAULT 1,
ALTER COLUMN "dueAt" DROP NOT NULL;


-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "keysRevealed" BOOLEAN NOT NULL DEFAULT false;


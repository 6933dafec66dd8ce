-- DropIndex
DROP INDEX "AttemptAnswer_questionId_idx";

-- CreateIndex
CREATE INDEX "AttemptAnswer_questionId_score_idx" ON "AttemptAnswer"("questionId", "score");


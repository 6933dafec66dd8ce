-- CreateTable
CREATE TABLE "SectionQuizDates" (
    "sectionId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "latePolicy" TEXT NOT NULL DEFAULT 'accept_late',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SectionQuizDates_pkey" PRIMARY KEY ("sectionId","quizId")
);

-- CreateTable
CREATE TABLE "DueDateExtension" (
    "userId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DueDateExtension_pkey" PRIMARY KEY ("userId","quizId")
);

-- AddForeignKey
ALTER TABLE "SectionQuizDates" ADD CONSTRAINT "SectionQuizDates_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SectionQuizDates" ADD CONSTRAINT "SectionQuizDates_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DueDateExtension" ADD CONSTRAINT "DueDateExtension_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DueDateExtension" ADD CONSTRAINT "DueDateExtension_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;


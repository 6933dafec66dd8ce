-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "settings" TEXT NOT NULL DEFAULT '{}';


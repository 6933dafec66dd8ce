-- AlterTable
ALTER TABLE "MailMessage" ADD COLUMN "claimedUntil" DATETIME;


-- AlterTable
ALTER TABLE "MailMessage" ADD COLUMN     "claimedUntil" TIMESTAMP(3);


-- CreateTable
CREATE TABLE "LtiRegistrationTicket" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "platformId" TEXT,

    CONSTRAINT "LtiRegistrationTicket_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LtiRegistrationTicket_tokenHash_key" ON "LtiRegistrationTicket"("tokenHash");

-- AddForeignKey
ALTER TABLE "LtiRegistrationTicket" ADD CONSTRAINT "LtiRegistrationTicket_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


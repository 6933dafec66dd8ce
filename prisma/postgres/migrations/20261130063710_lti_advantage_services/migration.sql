-- AlterTable
ALTER TABLE "LtiContext" ADD COLUMN     "canManageLineItems" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "canPostScores" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lineItemsUrl" TEXT,
ADD COLUMN     "membershipsError" TEXT,
ADD COLUMN     "membershipsSyncedAt" TIMESTAMP(3),
ADD COLUMN     "membershipsUrl" TEXT;

-- CreateTable
CREATE TABLE "LtiLineItem" (
    "platformId" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "activity" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LtiLineItem_pkey" PRIMARY KEY ("platformId","contextId","activity")
);

-- CreateTable
CREATE TABLE "LtiDeepLink" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "returnUrl" TEXT NOT NULL,
    "data" TEXT,
    "acceptMultiple" BOOLEAN NOT NULL DEFAULT false,
    "acceptLineItems" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "LtiDeepLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LtiScore" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "activity" TEXT NOT NULL,
    "scoreGiven" DOUBLE PRECISION NOT NULL,
    "scoreMaximum" DOUBLE PRECISION NOT NULL,
    "activityProgress" TEXT NOT NULL,
    "gradingProgress" TEXT NOT NULL,
    "scoredAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "sentVersion" INTEGER,
    "sentAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'pending',
    "tries" INTEGER NOT NULL DEFAULT 0,
    "nextTryAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "LtiScore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LtiDeepLink_tokenHash_key" ON "LtiDeepLink"("tokenHash");

-- CreateIndex
CREATE INDEX "LtiDeepLink_expiresAt_idx" ON "LtiDeepLink"("expiresAt");

-- CreateIndex
CREATE INDEX "LtiScore_status_nextTryAt_idx" ON "LtiScore"("status", "nextTryAt");

-- CreateIndex
CREATE INDEX "LtiScore_userId_idx" ON "LtiScore"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "LtiScore_platformId_contextId_userId_activity_key" ON "LtiScore"("platformId", "contextId", "userId", "activity");

-- AddForeignKey
ALTER TABLE "LtiLineItem" ADD CONSTRAINT "LtiLineItem_platformId_contextId_fkey" FOREIGN KEY ("platformId", "contextId") REFERENCES "LtiContext"("platformId", "contextId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LtiDeepLink" ADD CONSTRAINT "LtiDeepLink_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "LtiPlatform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LtiDeepLink" ADD CONSTRAINT "LtiDeepLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LtiScore" ADD CONSTRAINT "LtiScore_platformId_contextId_fkey" FOREIGN KEY ("platformId", "contextId") REFERENCES "LtiContext"("platformId", "contextId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LtiScore" ADD CONSTRAINT "LtiScore_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


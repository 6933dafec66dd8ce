-- CreateTable
CREATE TABLE "LtiLineItem" (
    "platformId" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "activity" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("platformId", "contextId", "activity"),
    CONSTRAINT "LtiLineItem_platformId_contextId_fkey" FOREIGN KEY ("platformId", "contextId") REFERENCES "LtiContext" ("platformId", "contextId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LtiDeepLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "returnUrl" TEXT NOT NULL,
    "data" TEXT,
    "acceptMultiple" BOOLEAN NOT NULL DEFAULT false,
    "acceptLineItems" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    CONSTRAINT "LtiDeepLink_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "LtiPlatform" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LtiDeepLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LtiScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platformId" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "activity" TEXT NOT NULL,
    "scoreGiven" REAL NOT NULL,
    "scoreMaximum" REAL NOT NULL,
    "activityProgress" TEXT NOT NULL,
    "gradingProgress" TEXT NOT NULL,
    "scoredAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "sentVersion" INTEGER,
    "sentAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "tries" INTEGER NOT NULL DEFAULT 0,
    "nextTryAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" DATETIME,
    "lastError" TEXT,
    CONSTRAINT "LtiScore_platformId_contextId_fkey" FOREIGN KEY ("platformId", "contextId") REFERENCES "LtiContext" ("platformId", "contextId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LtiScore_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LtiContext" (
    "platformId" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lineItemsUrl" TEXT,
    "canPostScores" BOOLEAN NOT NULL DEFAULT false,
    "canManageLineItems" BOOLEAN NOT NULL DEFAULT false,
    "membershipsUrl" TEXT,
    "membershipsSyncedAt" DATETIME,
    "membershipsError" TEXT,

    PRIMARY KEY ("platformId", "contextId"),
    CONSTRAINT "LtiContext_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "LtiPlatform" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LtiContext_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LtiContext" ("contextId", "createdAt", "platformId", "sectionId", "title") SELECT "contextId", "createdAt", "platformId", "sectionId", "title" FROM "LtiContext";
DROP TABLE "LtiContext";
ALTER TABLE "new_LtiContext" RENAME TO "LtiContext";
CREATE INDEX "LtiContext_sectionId_idx" ON "LtiContext"("sectionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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


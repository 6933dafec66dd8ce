-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Section" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "termStart" DATETIME NOT NULL,
    "termEnd" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "joinCode" TEXT NOT NULL,
    "joinOpen" BOOLEAN NOT NULL DEFAULT true,
    "openSignup" BOOLEAN NOT NULL DEFAULT false,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Section_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Section" ("courseId", "createdAt", "id", "joinCode", "joinOpen", "name", "openSignup", "termEnd", "termStart", "timeZone", "updatedAt") SELECT "courseId", "createdAt", "id", "joinCode", "joinOpen", "name", "openSignup", "termEnd", "termStart", "timeZone", "updatedAt" FROM "Section";
DROP TABLE "Section";
ALTER TABLE "new_Section" RENAME TO "Section";
CREATE UNIQUE INDEX "Section_joinCode_key" ON "Section"("joinCode");
CREATE INDEX "Section_courseId_termStart_idx" ON "Section"("courseId", "termStart");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


// What `npm run user:create -- --section` does: the operator's way to put an account in a
// section before anyone has a coordinator account to do it in the app.
import { db } from "@/lib/db";
import { normalizeJoinCode } from "./codes";
import { enrollInTx, openSignupSection } from "./enrollment";

export async function placeInSection(user: { id: string; role: string }, section: string): Promise<string> {
  const code = section === "open" ? null : normalizeJoinCode(section);
  const found = section === "open" ? await openSignupSection(db) : code ? await db.section.findUnique({ where: { joinCode: code }, select: { id: true, courseId: true } }) : null;
  if (!found) throw new Error(`No section ${section === "open" ? "is open to sign-ups" : `has the code ${section}`}.`);
  if (user.role === "instructor") {
    await db.sectionInstructor.upsert({ where: { sectionId_userId: { sectionId: found.id, userId: user.id } }, create: { sectionId: found.id, userId: user.id }, update: {}, select: { userId: true } });
    return `Teaches section ${found.id}`;
  }
  if (user.role === "student") {
    await db.$transaction((tx) => enrollInTx(tx, user.id, found));
    return `Enrolled in section ${found.id}`;
  }
  return "Coordinators see every section; --section ignored.";
}

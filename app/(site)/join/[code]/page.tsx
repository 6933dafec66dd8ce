import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { COURSE_TITLE } from "@/lib/course/constants";
import { db } from "@/lib/db";
import { JoinEffect } from "@/components/join-effect";
import { enrollmentStartsNewRun } from "@/lib/progress/restart";
import { displayJoinCode } from "@/lib/sections/codes";
import { activeSectionOf, sectionForCode } from "@/lib/sections/enrollment";
import { termLabel } from "@/lib/sections/terms";
import { routeParam } from "@/lib/urls";
import { joinSectionAction } from "../actions";

export const metadata: Metadata = { title: "Join a section" };

/** The page a join link opens. It only reads; joining is the form's POST. */
export default async function JoinCodePage({ params }: { params: Promise<{ code: string }> }) {
  const user = await getCurrentUser();
  const { code } = await params;
  const section = code.length <= 40 ? await sectionForCode(db, routeParam(code)) : null;
  if (!section) notFound();
  const pretty = displayJoinCode(section.joinCode);
  const current = user?.role === "student" ? await activeSectionOf(user.id) : null;
  const startsAgain = user?.role === "student" ? await enrollmentStartsNewRun(db, user.id, section.courseId, section.id) : false;
  return (
    <div className="narrow">
      <h1>Join {section.name}</h1>
      <p>
        {COURSE_TITLE} · {termLabel(section.termStart, section.termEnd, section.timeZone)}
      </p>
      {!user ? (
        <>
          <p>Create your student account with this code, or sign in if you already have one.</p>
          <p className="button-row">
            <Link className="button" href={`/signup?code=${pretty}`}>
              Create an account
            </Link>
            <Link href={`/signin?callbackUrl=${encodeURIComponent(`/join/${pretty}`)}`}>Sign in</Link>
          </p>
        </>
      ) : user.role !== "student" ? (
        <p>Enrollment codes are for students. Staff are added to a section by a course coordinator.</p>
      ) : current?.id === section.id ? (
        <p data-testid="already-joined">
          You are in this section. <Link href="/course">Go to the course</Link>.
        </p>
      ) : (
        <form action={joinSectionAction} className="form">
          <JoinEffect startsAgain={startsAgain} current={current?.name ?? null} target={section.name} />
          <input type="hidden" name="joinCode" value={section.joinCode} />
          <button type="submit" className="button">
            Join {section.name}
          </button>
        </form>
      )}
    </div>
  );
}

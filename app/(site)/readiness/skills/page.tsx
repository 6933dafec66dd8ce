import type { Metadata } from "next";
import Link from "next/link";
import { SelfAssessmentForm } from "@/components/readiness/self-assessment-form";
import { requireUser } from "@/lib/auth/session";
import { getSelfAssessment } from "@/lib/readiness/self-assessment";
import { reflect, SKILL_LESSON_HREF, SPECIALIZATIONS } from "@/lib/readiness/skills";
import { saveSelfAssessmentAction } from "./actions";

export const metadata: Metadata = { title: "Skills self-assessment" };

export default async function SkillsPage() {
  const user = await requireUser("/readiness/skills");
  const saved = user.role === "student" ? await getSelfAssessment(user) : null;
  const reflection = saved ? reflect(saved.ratings) : null;
  return (
    <div className="skills-page">
      <p className="breadcrumb">
        <Link href="/readiness">Internship readiness</Link>
      </p>
      <h1>Skills self-assessment</h1>
      <p className="lead">
        Rate yourself from 1 to 5 on each skill the course names for legal assistants and paralegals. There are no wrong
        answers: this is for you and your instructor to plan what to practise before an internship.
      </p>
      {reflection && saved && (
        <section id="reflection" className="card" aria-labelledby="reflection-heading" tabIndex={-1} data-testid="reflection">
          <h2 id="reflection-heading">What your ratings say</h2>
          <p>
            You lean toward <strong>{SPECIALIZATIONS.find((s) => s.value === saved.specialization)?.label ?? "Undecided"}</strong>.
          </p>
          <h3>Strengths</h3>
          {reflection.strengths.length ? (
            <ul>
              {reflection.strengths.map((s) => (
                <li key={s.key}>{s.label}</li>
              ))}
            </ul>
          ) : (
            <p>No skill rated 4 or 5 yet. That is fine at the start of a program.</p>
          )}
          <h3>Skills to grow</h3>
          {reflection.toGrow.length ? (
            <ul>
              {reflection.toGrow.map((s) => (
                <li key={s.key}>
                  {s.label}: <Link href={SKILL_LESSON_HREF[s.role]}>revisit why it matters</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>No skill rated 1 or 2. Keep practising the ones you rated 3.</p>
          )}
        </section>
      )}
      {user.role === "student" ? <SelfAssessmentForm action={saveSelfAssessmentAction} initial={saved} /> : <p>Students complete this page.</p>}
    </div>
  );
}

import type { Metadata } from "next";
import { InstructorNav } from "@/components/instructor/nav";
import { SignOffForm } from "@/components/readiness/sign-off-form";
import { notFound } from "next/navigation";
import { allLabelFor, SectionPicker } from "@/components/instructor/section-picker";
import { requireStaff } from "@/lib/auth/session";
import { sectionParamSchema } from "@/lib/sections/schemas";
import { parseCourseConfig } from "@/lib/course/config";
import { getCourse } from "@/lib/progress";
import { listAwaitingSignOff } from "@/lib/readiness/sign-off";
import { setSignOffRequiredAction, signOffAction } from "./actions";

export const metadata: Metadata = { title: "Sign-offs" };

export default async function SignOffsPage({ searchParams }: { searchParams: Promise<{ section?: string | string[] }> }) {
  const viewer = await requireStaff("/instructor/sign-offs");
  const config = parseCourseConfig((await getCourse()).config);
  const listed = await listAwaitingSignOff(viewer, sectionParamSchema.parse((await searchParams).section));
  if (!listed) notFound();
  const { students: awaiting, chosen } = listed;
  return (
    <div>
      <h1>Instructor sign-off</h1>
      <InstructorNav current="sign-offs" section={chosen.chosen} />
      <SectionPicker action="/instructor/sign-offs" sections={chosen.sections} chosen={chosen.chosen} allLabel={allLabelFor(viewer.role)} />
      {viewer.role === "coordinator" ? (
        <form action={setSignOffRequiredAction} className="card">
          <p>
            By default, sign-off is <strong>{config.requireInstructorSignOff ? "required" : "not required"}</strong> for internship readiness
            {config.sectionBounds.signOffChoice ? "; a section's instructors may decide otherwise on the section's page." : ", in every section."}
          </p>
          <input type="hidden" name="required" value={config.requireInstructorSignOff ? "off" : "on"} />
          <button type="submit" className="button button--small">
            {config.requireInstructorSignOff ? "Stop requiring sign-off" : "Require sign-off"}
          </button>
        </form>
      ) : (
        <p className="card">
          By default, sign-off is <strong>{config.requireInstructorSignOff ? "required" : "not required"}</strong> for internship readiness.{" "}
          {config.sectionBounds.signOffChoice ? "You may decide otherwise for a section you teach, on the section's page." : "The course coordinator sets this for every section."}
        </p>
      )}
      <h2>Students awaiting sign-off</h2>
      <p>Students who have passed the final assessment and have not been signed off.</p>
      {awaiting.length === 0 ? (
        <p>Nobody is waiting.</p>
      ) : (
        <ul className="cert-list">
          {awaiting.map((s) => (
            <li key={s.id} className="card">
              <p>
                <strong>{s.name}</strong> ({s.email})
              </p>
              <SignOffForm studentId={s.id} name={s.name} action={signOffAction} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

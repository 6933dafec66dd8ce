import type { Metadata } from "next";
import { InstructorNav } from "@/components/instructor/nav";
import { SignOffForm } from "@/components/readiness/sign-off-form";
import { requireRole } from "@/lib/auth/session";
import { parseCourseConfig } from "@/lib/course/config";
import { getCourse } from "@/lib/progress";
import { listAwaitingSignOff } from "@/lib/readiness/sign-off";
import { setSignOffRequiredAction, signOffAction } from "./actions";

export const metadata: Metadata = { title: "Sign-offs" };

export default async function SignOffsPage() {
  const viewer = await requireRole("instructor", "/instructor/sign-offs");
  const config = parseCourseConfig((await getCourse()).config);
  const awaiting = await listAwaitingSignOff(viewer);
  return (
    <div>
      <h1>Instructor sign-off</h1>
      <InstructorNav current="sign-offs" />
      <form action={setSignOffRequiredAction} className="card">
        <p>
          Sign-off is currently <strong>{config.requireInstructorSignOff ? "required" : "not required"}</strong> for internship readiness.
        </p>
        <input type="hidden" name="required" value={config.requireInstructorSignOff ? "off" : "on"} />
        <button type="submit" className="button button--small">
          {config.requireInstructorSignOff ? "Stop requiring sign-off" : "Require sign-off"}
        </button>
      </form>
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

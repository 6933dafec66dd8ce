import type { Metadata } from "next";
import Link from "next/link";
import { InstructorNav } from "@/components/instructor/nav";
import { SectionForm } from "@/components/instructor/section-form";
import { requireStaff } from "@/lib/auth/session";
import { displayJoinCode } from "@/lib/sections/codes";
import { listSections } from "@/lib/sections/manage";
import { timeZones } from "@/lib/sections/terms";
import { createSectionAction } from "./actions";

export const metadata: Metadata = { title: "Sections" };

export default async function SectionsPage() {
  const viewer = await requireStaff("/instructor/sections");
  const sections = await listSections(viewer);
  const coordinator = viewer.role === "coordinator";
  return (
    <div>
      <h1>Sections</h1>
      <InstructorNav current="sections" />
      <p>{coordinator ? "Every section of the course, current terms first." : "The sections you teach. A course coordinator creates sections and assigns instructors."}</p>
      {sections.length === 0 ? (
        <p>No sections yet.</p>
      ) : (
        <div className="table-wrap" role="region" aria-label="Sections table" tabIndex={0}>
          <table className="table table--compact" data-testid="sections-table">
            <caption className="visually-hidden">Sections with their term, instructors, students and enrollment code</caption>
            <thead>
              <tr>
                <th scope="col">Section</th>
                <th scope="col">Term</th>
                <th scope="col">Instructors</th>
                <th scope="col">Students</th>
                <th scope="col">Enrollment code</th>
              </tr>
            </thead>
            <tbody>
              {sections.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link href={`/instructor/sections/${s.id}`}>{s.name}</Link>
                  </th>
                  <td>
                    {s.term} ({s.timeZone}){s.state !== "current" ? `, ${s.state}` : ""}
                  </td>
                  <td>{s.instructors.length ? s.instructors.map((i) => i.name).join(", ") : "none yet"}</td>
                  <td>{s.students}</td>
                  <td>{s.joinOpen ? displayJoinCode(s.joinCode) : "closed"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {coordinator && (
        <section aria-labelledby="new-section-heading" className="card">
          <h2 id="new-section-heading">New section</h2>
          <SectionForm action={createSectionAction} zones={timeZones()} submitLabel="Create section" />
        </section>
      )}
    </div>
  );
}

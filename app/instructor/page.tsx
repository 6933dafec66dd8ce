import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { listStudents } from "@/lib/roster";

export const metadata: Metadata = { title: "Instructor" };

export default async function InstructorPage() {
  const viewer = await requireRole("instructor", "/instructor");
  const students = await listStudents(viewer);
  return (
    <div>
      <h1>Instructor dashboard</h1>
      <nav aria-label="Instructor tools">
        <ul className="nav-list">
          <li>
            <Link href="/course">Preview the course</Link>
          </li>
          <li>
            <Link href="/instructor/certificates">Certificates</Link>
          </li>
          <li>
            <Link href="/instructor/sign-offs">Sign-offs</Link>
          </li>
        </ul>
      </nav>
      <h2>Students ({students.length})</h2>
      {students.length === 0 ? (
        <p>No students have signed up yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Students, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Joined</th>
            </tr>
          </thead>
          <tbody>
            {students.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>{s.email}</td>
                <td>{s.createdAt.toISOString().slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

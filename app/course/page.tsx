import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { COURSE_DESCRIPTION, COURSE_TITLE } from "@/lib/course/constants";

export const metadata: Metadata = { title: "Your course" };

export default async function CoursePage() {
  const user = await requireUser("/course");
  return (
    <div>
      <h1>{COURSE_TITLE}</h1>
      <p className="lead">Welcome, {user.name}.</p>
      <p>{COURSE_DESCRIPTION}</p>
    </div>
  );
}

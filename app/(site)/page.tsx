import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { COURSE_DESCRIPTION, COURSE_TITLE } from "@/lib/course/constants";

export default async function HomePage() {
  const user = await getCurrentUser();
  if (user?.role === "instructor") redirect("/instructor");
  if (user) redirect("/course");
  return (
    <div className="landing">
      <h1>{COURSE_TITLE}</h1>
      <p className="lead">{COURSE_DESCRIPTION}</p>
      <p>
        Read short lessons in order, check your understanding with quizzes graded on the server, and finish with a
        certificate that shows you are <strong>internship ready</strong>.
      </p>
      <p className="actions">
        <Link href="/signup" className="button">
          Create a student account
        </Link>
        <Link href="/signin" className="button button--quiet">
          Sign in
        </Link>
      </p>
    </div>
  );
}

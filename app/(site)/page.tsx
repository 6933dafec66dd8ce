import { JoinActions } from "@/components/layout/static-chrome";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { COURSE_DESCRIPTION, COURSE_TITLE } from "@/lib/course/constants";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: Props) {
  const user = await getCurrentUser();
  const closed = (await searchParams).account === "deleted";
  if (user && isStaff(user.role)) redirect("/instructor");
  if (user) redirect("/course");
  return (
    <div className="landing">
      {closed && (
        <p className="alert alert--success" role="status">
          Your account is closed and you are signed out.
        </p>
      )}
      <h1>{COURSE_TITLE}</h1>
      <p className="lead">{COURSE_DESCRIPTION}</p>
      <p>
        Read short lessons in order, check your understanding with quizzes graded on the server, and finish with a
        certificate that shows you are <strong>internship ready</strong>.
      </p>
      <JoinActions />
    </div>
  );
}

import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="narrow">
      <h1>You do not have access to this page</h1>
      <p>This area is for instructors. If you think you should have access, ask your program administrator.</p>
      <p>
        <Link href="/">Back to your course</Link>
      </p>
    </div>
  );
}

import Link from "next/link";
import { StaticChrome } from "@/components/layout/static-chrome";

// Rendered in the root layout (outside (site)/layout), so it brings its own frame: the
// static one, because Next renders this fallback with every page and it must not read the session.
export default function Forbidden() {
  return (
    <StaticChrome>
      <div className="narrow">
        <h1>You do not have access to this page</h1>
        <p>This area is for instructors. If you think you should have access, ask your program administrator.</p>
        <p>
          <Link href="/">Back to your course</Link>
        </p>
      </div>
    </StaticChrome>
  );
}

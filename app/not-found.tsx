import Link from "next/link";
import { StaticChrome } from "@/components/layout/static-chrome";

// Rendered in the root layout (outside (site)/layout), so it brings its own frame: the
// static one, because Next renders this fallback with every page and it must not read the session.
export default function NotFound() {
  return (
    <StaticChrome>
      <div className="narrow">
        <h1>Page not found</h1>
        <p>We could not find that page. It may have moved, or the link may be mistyped.</p>
        <p>
          <Link href="/">Go to your course</Link>
        </p>
      </div>
    </StaticChrome>
  );
}

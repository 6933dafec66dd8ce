import Link from "next/link";
import { COURSE_TITLE } from "@/lib/course/constants";

export function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to main content
    </a>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        Casebook, an open-source course module. Course content is for education, not legal advice.{" "}
        <Link href="/about">About the course</Link>
      </p>
    </footer>
  );
}

/**
 * The frame for public pages that are the same for everyone (prerendered at build
 * time): it never reads the session, so it links to the course instead of naming the user.
 */
export function StaticChrome({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header__inner">
          <Link href="/" className="brand">
            <span className="brand__name">Casebook</span>
            <span className="brand__course">{COURSE_TITLE}</span>
          </Link>
          <nav aria-label="Account">
            <ul className="nav-list">
              <li>
                <Link href="/course">Your course</Link>
              </li>
              <li>
                <Link href="/signup" className="button button--small">
                  Create account
                </Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}

import Link from "next/link";
import { COURSE_TITLE } from "@/lib/course/constants";

/** The page frame every layout shares: skip link, header, main landmark, footer. */
export function Frame({ header, children }: { header: React.ReactNode; children: React.ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      {header}
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Casebook, an open-source course module. Course content is for education, not legal advice.{" "}
          <Link href="/about">About the course</Link>
        </p>
      </footer>
    </>
  );
}

/** The site header around a given account navigation list. */
export function HeaderFrame({ children }: { children: React.ReactNode }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <span className="brand__name">Casebook</span>
          <span className="brand__course">{COURSE_TITLE}</span>
        </Link>
        <nav aria-label="Account">
          <ul className="nav-list">{children}</ul>
        </nav>
      </div>
    </header>
  );
}

/** The two ways in for a visitor who is not signed in. */
export function JoinActions() {
  return (
    <p className="actions">
      <Link href="/signup" className="button">
        Create a student account
      </Link>
      <Link href="/signin" className="button button--quiet">
        Sign in
      </Link>
    </p>
  );
}

/**
 * The frame for public pages that are the same for everyone (prerendered at build
 * time): it never reads the session, so it links to the course instead of naming the user.
 */
export function StaticChrome({ children }: { children: React.ReactNode }) {
  return (
    <Frame
      header={
        <HeaderFrame>
          <li>
            <Link href="/course">Your course</Link>
          </li>
          <li>
            <Link href="/signup" className="button button--small">
              Create account
            </Link>
          </li>
        </HeaderFrame>
      }
    >
      {children}
    </Frame>
  );
}

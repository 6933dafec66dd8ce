import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { COURSE_TITLE } from "@/lib/course/constants";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <span className="brand__name">Casebook</span>
          <span className="brand__course">{COURSE_TITLE}</span>
        </Link>
        <nav aria-label="Account">
          {user ? (
            <ul className="nav-list">
              {user.role === "instructor" && (
                <li>
                  <Link href="/instructor">Instructor</Link>
                </li>
              )}
              <li className="who">
                <span className="visually-hidden">Signed in as </span>
                <span data-testid="signed-in-name">{user.name}</span>
                <span className="role-badge">{user.role}</span>
              </li>
              <li>
                <Link href="/account">Account</Link>
              </li>
              <li>
                <SignOutButton />
              </li>
            </ul>
          ) : (
            <ul className="nav-list">
              <li>
                <Link href="/signin">Sign in</Link>
              </li>
              <li>
                <Link href="/signup" className="button button--small">
                  Create account
                </Link>
              </li>
            </ul>
          )}
        </nav>
      </div>
    </header>
  );
}

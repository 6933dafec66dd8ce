import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { HeaderFrame } from "@/components/layout/static-chrome";
import { headers } from "next/headers";
import { sessionSecret } from "@/lib/auth/session-token";
import { handoffPass } from "@/lib/lti/handoff";
import { NewWindowForm } from "./lti/new-window-form";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const user = await getCurrentUser();
  // Shown inside an LMS's frame (the browser says so): a way out to a window of its own.
  const framed = user !== null && (await headers()).get("sec-fetch-dest") === "iframe";
  return (
    <HeaderFrame>
      {user ? (
        <>
          {isStaff(user.role) && (
            <li>
              <Link href="/instructor">Teaching</Link>
            </li>
          )}
          <li className="who">
            <span className="visually-hidden">Signed in as </span>
            <span data-testid="signed-in-name">{user.name}</span>
            <span className="role-badge">{user.role}</span>
          </li>
          {framed && (
            <li>
              <NewWindowForm pass={handoffPass(user.id, sessionSecret())} />
            </li>
          )}
          <li>
            <Link href="/account">Account</Link>
          </li>
          <li>
            <SignOutButton />
          </li>
        </>
      ) : (
        <>
          <li>
            <Link href="/signin">Sign in</Link>
          </li>
          <li>
            <Link href="/signup" className="button button--small">
              Create account
            </Link>
          </li>
        </>
      )}
    </HeaderFrame>
  );
}

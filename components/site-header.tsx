import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { HeaderFrame } from "@/components/layout/static-chrome";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const user = await getCurrentUser();
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

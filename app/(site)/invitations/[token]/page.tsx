import type { Metadata } from "next";
import Link from "next/link";
import { JoinEffect } from "@/components/join-effect";
import { SignUpForm } from "@/components/sign-up-form";
import { getCurrentUser } from "@/lib/auth/session";
import { COURSE_TITLE } from "@/lib/course/constants";
import { invitationView } from "@/lib/sections/invitations";
import { routeParam } from "@/lib/urls";
import { acceptAsStudentAction, acceptWithNewAccountAction } from "../actions";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const ERRORS: Record<string, string> = {
  "403": "This invitation was sent to another address. Sign out and sign in as that address to accept it.",
  "410": "This invitation link has expired or was already used. Ask your instructor for a new one.",
};

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ error?: string | string[] }> };

/** The page an invitation's link opens. It only reads; accepting is the form's POST. */
export default async function InvitationPage({ params, searchParams }: Props) {
  const token = routeParam((await params).token);
  const [view, user, { error }] = await Promise.all([invitationView(token), getCurrentUser(), searchParams]);
  const failure = typeof error === "string" ? ERRORS[error] : undefined;
  if (view.state !== "open") {
    return (
      <div className="narrow">
        <h1>This invitation cannot be used</h1>
        <p data-testid="invitation-gone">
          {view.state === "invalid"
            ? "The link is not a valid invitation. Check that you copied all of it."
            : `The invitation to ${view.sectionName} has ${view.state === "used" ? "already been used" : "expired"}. Ask your instructor for a new one.`}
        </p>
        <p>
          <Link href="/signin">Sign in</Link>
        </p>
      </div>
    );
  }
  const mine = user?.email.toLowerCase() === view.email;
  return (
    <div className="narrow">
      <h1>Join {view.section.name}</h1>
      <p>
        {COURSE_TITLE} · {view.section.term}
      </p>
      {failure && (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      )}
      {!user && !view.hasAccount ? (
        <>
          <p>
            Create your student account for <strong>{view.email}</strong>. You join this section at once.
          </p>
          <SignUpForm action={acceptWithNewAccountAction} invitation={{ token: token, name: view.name, email: view.email }} />
        </>
      ) : !user ? (
        <p>
          You have an account for {view.email}.{" "}
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`/invitations/${encodeURIComponent(token)}`)}`}>Sign in</Link> to join this section.
        </p>
      ) : !mine || user.role !== "student" ? (
        <p data-testid="invitation-other">This invitation was sent to {view.email}. Sign out and sign in as that address to accept it.</p>
      ) : (
        <form action={acceptAsStudentAction} className="form">
          <input type="hidden" name="token" value={token} />
          {view.startsAgain ? <JoinEffect startsAgain current={null} target={view.section.name} /> : <p>Your lessons, attempts and readiness come with you to this section.</p>}
          <button type="submit" className="button">
            Join {view.section.name}
          </button>
        </form>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/account/password-forms";
import { getCurrentUser } from "@/lib/auth/session";
import { resetLinkState } from "@/lib/auth/password-reset";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

/** Opens from the mailed link. Reading it spends nothing: only saving the new password does. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  await getCurrentUser(); // the header shows who is signed in; read first so the page stays dynamic
  const { token } = await params;
  const state = await resetLinkState(token);
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      {state === "valid" ? (
        <ResetPasswordForm action={resetPasswordAction} token={token} />
      ) : (
        <p className="alert alert--error" data-testid="reset-expired">
          This link has expired or was already used. <Link href="/forgot-password">Ask for a new one</Link>.
        </p>
      )}
    </div>
  );
}

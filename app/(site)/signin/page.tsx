import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { safeReturnPath } from "@/lib/urls";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; reset?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <p>Welcome back. Sign in to continue your course.</p>
      {params.reset === "1" && (
        <p className="alert alert--success" role="status" data-testid="password-changed">
          Your password was changed. Sign in with the new one.
        </p>
      )}
      <SignInForm returnTo={returnTo} initialError={signInErrorMessage(params.error)} />
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New here? <Link href="/signup">Create a student account</Link>.
      </p>
    </div>
  );
}

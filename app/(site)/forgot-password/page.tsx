import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ForgotPasswordForm } from "@/components/account/password-forms";
import { getCurrentUser } from "@/lib/auth/session";
import { forgotPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Forgotten password" };

export default async function ForgotPasswordPage() {
  if (await getCurrentUser()) redirect("/");
  return (
    <div className="narrow">
      <h1>Forgotten password</h1>
      <p>Enter the email you signed up with. We will send a link to choose a new password.</p>
      <ForgotPasswordForm action={forgotPasswordAction} />
      <p>
        <Link href="/signin">Back to sign in</Link>
      </p>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/sign-up-form";
import { getCurrentUser } from "@/lib/auth/session";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create account" };

type Props = { searchParams: Promise<{ code?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect("/");
  const code = (await searchParams).code;
  return (
    <div className="narrow">
      <h1>Create your student account</h1>
      <p>Work through the lessons at your own pace, take the quizzes, and become internship ready.</p>
      <SignUpForm action={signUpAction} joinCode={typeof code === "string" ? code.slice(0, 40) : undefined} />
      <p>
        Already have an account? <Link href="/signin">Sign in</Link>.
      </p>
    </div>
  );
}

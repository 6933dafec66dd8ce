"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Field, FormAlert } from "./forms/field";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { fieldErrorsOf } from "@/lib/forms";
import { signInSchema } from "@/lib/auth/schemas";

export function SignInForm({ returnTo, initialError }: { returnTo: string; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const router = useRouter();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      setError("Please fix the highlighted fields.");
      return;
    }
    setFieldErrors({});
    setPending(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    if (result?.ok && !result.error) {
      router.replace(returnTo);
      router.refresh();
      return;
    }
    setPending(false);
    setError(signInErrorMessage(result?.error ?? "credentials"));
    requestAnimationFrame(() => alertRef.current?.focus());
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-describedby={error ? "signin-alert" : undefined}>
      <div ref={alertRef} tabIndex={-1}>
        <FormAlert id="signin-alert" message={error} />
      </div>
      <Field name="email" label="Email" type="email" autoComplete="email" required error={fieldErrors.email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

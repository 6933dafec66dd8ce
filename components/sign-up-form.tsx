"use client";
import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Field } from "./forms/field";
import { FocusedFormAlert } from "./forms/focused-alert";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schemas";
import type { FormState } from "@/lib/forms";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  joinCode?: string;
  /** From an invitation's link: the address is the invited one, and the section is the invitation's. */
  invitation?: { token: string; name: string; email: string };
};

export function SignUpForm({ action, joinCode, invitation }: Props) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(async (prev: FormState, form: FormData) => {
    const result = await action(prev, form);
    if (result.ok) {
      // The account exists; sign in with the same credentials and go to the course.
      const signedIn = await signIn("credentials", {
        email: result.values?.email,
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      router.replace(signedIn?.ok && !signedIn.error ? "/" : "/signin");
      router.refresh();
    }
    return result;
  }, { ok: false });

  return (
    <form action={formAction} noValidate className="form">
      <FocusedFormAlert state={state} message={state.ok ? "Account created. Signing you in…" : state.message} />
      <Field name="name" label="Full name" autoComplete="name" required defaultValue={state.values?.name ?? invitation?.name} error={state.fieldErrors?.name} />
      {invitation ? (
        <>
          <input type="hidden" name="token" value={invitation.token} />
          <p>
            Email: <strong data-testid="invited-email">{invitation.email}</strong>
          </p>
        </>
      ) : (
        <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      )}
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        required
        minLength={PASSWORD_MIN_LENGTH}
        error={state.fieldErrors?.password}
      />
      {!invitation && (
      <Field
        name="joinCode"
        label="Enrollment code (optional)"
        autoComplete="off"
        hint="The code your instructor gave you, like K7M2-QX9P. Without one you join the open class."
        maxLength={40}
        defaultValue={state.values?.joinCode ?? joinCode}
        error={state.fieldErrors?.joinCode}
      />
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}

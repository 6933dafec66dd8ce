import "server-only";
// The one door for server actions. Actions are public endpoints: whatever a client
// encodes arrives as their arguments. Each wrapper reads the form (or an empty one for a
// forged argument), checks who is asking, parses with the action's zod schema, calls the
// domain and maps a DomainError to what the form shows, the same way every time.
import { forbidden, redirect } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, requireUser, type CurrentUser } from "@/lib/auth/session";
import { allows, type Access } from "@/lib/auth/roles";
import { fieldErrorsOf, formOf, type FormState } from "@/lib/forms";
import { DomainError, type Failure } from "./errors";
import { markDoor } from "./mark";
import { runWithRequestCache } from "@/lib/http/request-cache";

type Caller<A extends Access> = A extends "public" ? CurrentUser | null : CurrentUser;

type Spec<A extends Access, I> = {
  access: A;
  /** Where a signed-out caller returns after signing in. */
  returnTo: string | ((form: FormData) => string);
  schema: z.ZodType<I>;
  /** Picks the schema's input out of the form. */
  fields: (form: FormData) => unknown;
};

/** `values`: the fields named in the spec's `echo`, as typed, for re-filling the form. */
type Ctx<A extends Access, I> = { user: Caller<A>; input: I; form: FormData; values?: Record<string, string> };

async function callerFor(access: Access, form: FormData, returnTo: Spec<Access, unknown>["returnTo"]): Promise<CurrentUser | null> {
  if (access === "public") return getCurrentUser();
  const user = await requireUser(typeof returnTo === "function" ? returnTo(form) : returnTo);
  if (!allows(access, user.role)) forbidden();
  return user;
}

/** A failure as the form shows it. */
export function formStateOf(failure: Pick<Failure, "message" | "fieldErrors">, values?: Record<string, string>): FormState {
  return { ok: false, message: failure.message, fieldErrors: failure.fieldErrors, values };
}

/**
 * An action used with useActionState: `(previous state, form) => next state`. Bad input
 * comes back as field errors; a DomainError as the form's message.
 */
export function formAction<A extends Access, I>(
  spec: Spec<A, I> & { invalidMessage?: string | ((fieldErrors: Record<string, string>) => string); echo?: string[] },
  run: (ctx: Ctx<A, I>) => Promise<FormState>,
): (previous: unknown, formInput: unknown) => Promise<FormState> {
  const action = (previous: unknown, formInput: unknown): Promise<FormState> => runWithRequestCache(() => act(previous, formInput));
  const act = async (_previous: unknown, formInput: unknown): Promise<FormState> => {
    const form = formOf(formInput);
    const user = (await callerFor(spec.access, form, spec.returnTo)) as Caller<A>;
    const values = spec.echo ? Object.fromEntries(spec.echo.map((key) => [key, String(form.get(key) ?? "")])) : undefined;
    const parsed = spec.schema.safeParse(spec.fields(form));
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      const message = typeof spec.invalidMessage === "function" ? spec.invalidMessage(fieldErrors) : (spec.invalidMessage ?? "Please fix the highlighted fields.");
      return { ok: false, message, fieldErrors, values };
    }
    try {
      return await run({ user, input: parsed.data, form, values });
    } catch (error) {
      if (error instanceof DomainError) return formStateOf(error, values);
      throw error;
    }
  };
  return markDoor(action, "formAction");
}

/**
 * A plain form post that ends in a redirect (works without JavaScript). Bad input and a
 * DomainError both redirect: to `invalid`, and to `onFailure`'s address.
 */
export function postAction<A extends Access, I>(
  spec: Spec<A, I> & { invalid: string; onFailure?: (failure: Failure, input: I) => string },
  run: (ctx: Ctx<A, I>) => Promise<void>,
): (formInput: unknown) => Promise<void> {
  const action = (formInput: unknown): Promise<void> => runWithRequestCache(() => act(formInput));
  const act = async (formInput: unknown): Promise<void> => {
    const form = formOf(formInput);
    const user = (await callerFor(spec.access, form, spec.returnTo)) as Caller<A>;
    const parsed = spec.schema.safeParse(spec.fields(form));
    if (!parsed.success) redirect(spec.invalid);
    try {
      await run({ user, input: parsed.data, form });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      redirect(spec.onFailure ? spec.onFailure(error.failure, parsed.data) : spec.invalid);
    }
  };
  return markDoor(action, "postAction");
}

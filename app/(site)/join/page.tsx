import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { displayJoinCode, normalizeJoinCode } from "@/lib/sections/codes";

export const metadata: Metadata = { title: "Join a section" };

type Props = { searchParams: Promise<{ code?: string | string[]; error?: string | string[] }> };

/** Where a student types the code their instructor gave them; the code's own page does the rest. */
export default async function JoinPage({ searchParams }: Props) {
  await getCurrentUser(); // the header shows who is signed in; reading it first keeps the page dynamic
  const { code, error } = await searchParams;
  const typed = typeof code === "string" ? code.slice(0, 40) : "";
  const normalized = typed ? normalizeJoinCode(typed) : null;
  if (normalized) redirect(`/join/${displayJoinCode(normalized)}`);
  const message = error ? "That enrollment code is not open. Check it with your instructor." : typed ? "That does not look like an enrollment code: it has eight letters and digits, like K7M2-QX9P." : null;
  return (
    <div className="narrow">
      <h1>Join a section</h1>
      <p>Your instructor gives you an enrollment code for their section. Joining puts you in their class; your work so far comes with you, unless the section is in a later term: then you start the course again and your earlier term stays readable.</p>
      <form method="get" action="/join" className="form" noValidate>
        <div role="alert" data-testid="form-alert" className={message ? "alert alert--error" : "alert alert--empty"}>
          {message}
        </div>
        <div className={message ? "field field--error" : "field"}>
          <label htmlFor="join-code">Enrollment code</label>
          <input id="join-code" name="code" defaultValue={typed} maxLength={40} autoComplete="off" aria-invalid={message ? true : undefined} required />
        </div>
        <button type="submit" className="button">
          Continue
        </button>
      </form>
    </div>
  );
}

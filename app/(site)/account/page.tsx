import type { Metadata } from "next";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { activeSectionOf } from "@/lib/sections/enrollment";
import { termLabel, timeZones } from "@/lib/sections/terms";
import { TimeZoneForm } from "@/components/account/time-zone-form";
import { deleteAccountAction, setTimeZoneAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

type Props = { searchParams: Promise<{ joined?: string | string[]; again?: string | string[] }> };

export default async function AccountPage({ searchParams }: Props) {
  const user = await requireUser("/account");
  const section = user.role === "student" ? await activeSectionOf(user.id) : null;
  const { joined, again } = await searchParams;
  return (
    <div className="narrow">
      <h1>Your account</h1>
      {typeof joined === "string" && section && (
        <p className="alert alert--success" role="status" data-testid="joined-notice">
          You joined {section.name}.
          {again === "1" && (
            <>
              {" "}
              You start the course again in this term; your earlier term is kept under <Link href="/readiness#past-runs">Earlier terms</Link>.
            </>
          )}
        </p>
      )}
      <dl className="facts">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{user.role}</dd>
        {user.role === "student" && (
          <>
            <dt>Section</dt>
            <dd data-testid="my-section">
              {section ? `${section.name} (${termLabel(section.termStart, section.termEnd, section.timeZone)})` : "None yet"} · <Link href="/join">Join with a code</Link>
            </dd>
          </>
        )}
      </dl>

      <TimeZoneForm current={user.timeZone ?? ""} sectionZone={section?.timeZone ?? null} zones={timeZones()} action={setTimeZoneAction} />

      <h2>Your data</h2>
      <p>Download everything Casebook keeps about you: your profile, lesson progress, quiz attempts and answers, readiness and certificates, as a JSON file.</p>
      <p>
        <a className="button button--quiet" href="/account/export" download>
          Download my data
        </a>
      </p>

      {user.role === "student" ? (
        <section aria-labelledby="close-heading">
          <h2 id="close-heading">Close your account</h2>
          <p>
            This cannot be undone. You will be signed out and your name and email are removed; your instructor will no longer
            see you in the class. Your graded answers stay, without your name, so the class statistics do not change. A
            certificate you earned will show as withdrawn to anyone who checks it.
          </p>
          <DeleteAccountForm action={deleteAccountAction} />
        </section>
      ) : (
        <p>Instructor accounts are closed by your program administrator.</p>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { InstructorNav } from "@/components/instructor/nav";
import { PlatformForm } from "@/components/instructor/platform-form";
import { requireStaff } from "@/lib/auth/session";
import { publicBaseUrl } from "@/lib/http/base-url";
import { listPlatforms, toolUrls } from "@/lib/lti/platforms";
import { OneButtonForm } from "@/components/instructor/one-button-form";
import { registerPlatformAction, registrationTicketAction } from "./actions";

export const metadata: Metadata = { title: "LMS (LTI 1.3)" };

export default async function LtiPage() {
  const viewer = await requireStaff("/instructor/lti");
  if (viewer.role !== "coordinator") forbidden();
  const [platforms, base] = await Promise.all([listPlatforms(viewer), publicBaseUrl()]);
  const urls = toolUrls(base);
  return (
    <div>
      <h1>LMS (LTI 1.3)</h1>
      <InstructorNav current="lti" />
      <section aria-labelledby="tool-heading" className="card">
        <h2 id="tool-heading">Casebook&apos;s addresses for the LMS</h2>
        <p>When adding Casebook as an LTI 1.3 tool in Canvas, Moodle, Brightspace or Open edX, enter:</p>
        <dl className="facts" data-testid="tool-urls">
          <dt>Login initiation (OIDC) URL</dt>
          <dd>
            <code>{urls.loginUrl}</code>
          </dd>
          <dt>Redirect (launch) URL</dt>
          <dd>
            <code>{urls.redirectUrl}</code>
          </dd>
          <dt>Public keyset (JWKS) URL</dt>
          <dd>
            <code>{urls.jwksUrl}</code>
          </dd>
          <dt>Target link URI (the course outline)</dt>
          <dd>
            <code>{urls.targetLinkUrl}</code>
          </dd>
          <dt>Deep linking (content selection) URL</dt>
          <dd>
            <code>{urls.deepLinkingUrl}</code>
          </dd>
        </dl>
        <p>Then register the LMS below with the values it shows for the tool. Learners, instructors and administrators launched from it are signed in without a Casebook password; each LMS course becomes a section. Turn on the LMS&apos;s grade and roster services for Casebook: grades then go back to the LMS gradebook, and its learners appear on the roster before they first open Casebook.</p>
      </section>
      <section aria-labelledby="dynamic-heading" className="card">
        <h2 id="dynamic-heading">Register by one address (Dynamic Registration)</h2>
        <p>
          Moodle 4.1 and later and Canvas can register a tool from one address: Casebook reads the LMS&apos;s configuration, registers itself there and keeps the
          registration. Make an address, then paste it into the LMS (Moodle: Manage tools → Tool URL → Add LTI Advantage; Canvas: Developer Keys → LTI
          Registration). Each address works once, for a week.
        </p>
        <OneButtonForm fields={{}} label="Make a registration address" pendingLabel="Making the address…" action={registrationTicketAction} testId="registration-ticket" />
      </section>
      <section aria-labelledby="platforms-heading">
        <h2 id="platforms-heading">Registered</h2>
        {platforms.length === 0 ? (
          <p>No LMS is registered yet.</p>
        ) : (
          <div className="table-wrap" role="region" aria-label="Registered LMS platforms" tabIndex={0}>
            <table className="table table--compact" data-testid="platforms-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Issuer and client id</th>
                  <th scope="col">Deployments</th>
                  <th scope="col">People launched</th>
                </tr>
              </thead>
              <tbody>
                {platforms.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td>
                      <code>{p.issuer}</code> · <code>{p.clientId}</code>
                    </td>
                    <td>{p.deploymentIds.join(", ")}</td>
                    <td>{p.launches}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="register-heading" className="card">
        <h2 id="register-heading">Register an LMS</h2>
        <p>Registering the same issuer and client id again updates it.</p>
        <PlatformForm action={registerPlatformAction} />
      </section>
    </div>
  );
}

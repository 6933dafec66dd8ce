import "server-only";
// The pages of LTI Dynamic Registration (lib/lti/html.ts), inside the LMS's registration
// frame or window: a confirmation with the LMS's details (the GET writes nothing), then the
// result, which tells the LMS to close the frame (Dynamic Registration §3.7).
import { escapeHtml as escape, htmlPage, pagePolicy } from "./html";
import type { Platform } from "./platforms";
import type { PlatformConfiguration, RegistrationRequest } from "./dynamic-registration";

export function confirmRegistrationPage(request: RegistrationRequest, configuration: PlatformConfiguration, frameOrigin: string): Response {
  const hidden = Object.entries(request)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(String(value))}">`)
    .join("");
  const body = `<h1>Register Casebook with this LMS?</h1><dl><dt>Issuer</dt><dd><code>${escape(configuration.issuer)}</code></dd><dt>Sign-in (authorization) URL</dt><dd><code>${escape(configuration.authorization_endpoint)}</code></dd></dl><p class="muted">Casebook asks for launches, deep linking, grade passback and the course roster. Learners, instructors and administrators launched from this LMS are signed in without a Casebook password.</p><form method="post" action="/api/lti/register">${hidden}<button type="submit">Register Casebook</button></form>`;
  return htmlPage("Register Casebook", body, pagePolicy({ frameOrigin, formAction: "'self'" }));
}

export function registeredPage(platform: Platform, frameOrigin: string, nonce: string): Response {
  const body = `<h1>Casebook is registered</h1><p>${escape(platform.name)}: client id <code>${escape(platform.clientId)}</code>, deployment <code>${escape(platform.deploymentIds.join(", "))}</code>. A coordinator sees it on Casebook's LMS page. You can close this window.</p><script nonce="${nonce}">(window.opener || window.parent).postMessage({ subject: "org.imsglobal.lti.close" }, "*");</script>`;
  return htmlPage("Casebook is registered", body, pagePolicy({ frameOrigin, nonce }));
}

export function registrationFailedPage(message: string, status: number): Response {
  return htmlPage("Registration failed", `<h1>Casebook could not be registered</h1><p>${escape(message)}</p>`, pagePolicy({ frameOrigin: "*" }), status);
}

// LTI Dynamic Registration: the LMS opens the coordinator's registration address (GET, a
// confirmation that writes nothing); the administrator's confirmation (POST) registers.
import { route } from "@/lib/boundary/route";
import { DomainError } from "@/lib/boundary/errors";
import { newNonce } from "@/lib/security/csp";
import { completeRegistration, readPlatformConfiguration, registrationRequestSchema } from "@/lib/lti/dynamic-registration";
import { confirmRegistrationPage, registeredPage, registrationFailedPage } from "@/lib/lti/registration-pages";

const spec = { access: "public", fields: registrationRequestSchema, maxBytes: 8 * 1024, invalidBody: "Open this address from the LMS's registration page, with the ticket Casebook made for it." } as const;

export const GET = route(spec, async ({ body }) => {
  try {
    return confirmRegistrationPage(body, await readPlatformConfiguration(body), new URL(body.openid_configuration).origin);
  } catch (error) {
    if (error instanceof DomainError) return registrationFailedPage(error.message, error.status);
    throw error;
  }
});

export const POST = route(spec, async ({ body }) => {
  try {
    return registeredPage(await completeRegistration(body), new URL(body.openid_configuration).origin, newNonce());
  } catch (error) {
    if (error instanceof DomainError) return registrationFailedPage(error.message, error.status);
    throw error;
  }
});

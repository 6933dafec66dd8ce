// Deep Linking (LTI Deep Linking 2.0): GET shows the picker a deep-linking launch sent the
// instructor to; POST signs the chosen items and posts them back to the LMS. Both inside
// the LMS's frame, with their own policy (lib/lti/deep-link-pages.ts).
import { z } from "zod";
import { route } from "@/lib/boundary/route";
import { newNonce } from "@/lib/security/csp";
import { answerDeepLink, deepLinkAnswerSchema, deepLinkChoices, deepLinkTokenSchema, openDeepLink } from "@/lib/lti/deep-linking";
import { goneDeepLinkPage, pickerPage, returnPage } from "@/lib/lti/deep-link-pages";
import { LaunchError } from "@/lib/lti/launch-error";

export const GET = route({ access: "public", fields: z.object({ token: deepLinkTokenSchema }), maxBytes: 1024, invalidBody: "This address needs the token the LMS launch gave." }, async ({ body }) => {
  const request = await openDeepLink(body.token);
  if (!request) return goneDeepLinkPage();
  return pickerPage(body.token, await deepLinkChoices(), { acceptMultiple: request.acceptMultiple, platformName: request.platform.name, frameOrigin: new URL(request.returnUrl).origin });
});

export const POST = route({ access: "public", fields: deepLinkAnswerSchema, maxBytes: 16 * 1024, invalidBody: "Choose what to add, from the page the LMS opened." }, async ({ body }) => {
  try {
    const { returnUrl, jwt, count } = await answerDeepLink(body.token, body.items);
    return returnPage(returnUrl, jwt, count, newNonce());
  } catch (error) {
    if (error instanceof LaunchError && error.problem === "state") return goneDeepLinkPage();
    throw error;
  }
});

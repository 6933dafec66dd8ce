// Why a launch was refused, in words for the LMS administrator who set it up. The error page
// shows the text for a code (never anything the request carried), and the log keeps it.
// No server-only import: the error page reads the texts too.
export const LAUNCH_PROBLEMS = {
  bad_request: "The login or launch request is missing its fields (iss, login_hint and target_link_uri to start; id_token and state to finish).",
  unknown_platform: "No LMS is registered with this issuer and client id. A coordinator registers it in Casebook under Course settings → LMS (LTI 1.3).",
  unknown_deployment: "This deployment id is not one the registration lists. Add it to the registration.",
  target_off_site: "The target_link_uri is not an address on this Casebook site.",
  browser:
    "This launch did not start in this browser (the login's cookie is missing, and the LMS's storage in this browser did not hold the login either). Open the link from the LMS again; where the LMS shows Casebook inside a frame and the browser blocks its cookies, set the link to open in a new window.",
  state: "The launch's state is unknown, already used or expired (a login lasts 10 minutes). Start the launch again from the LMS.",
  bad_signature: "The id_token's signature does not verify with the platform's keys.",
  bad_algorithm: "The id_token is not signed with RS256 (unsigned tokens are never accepted).",
  unknown_key: "The id_token is signed with a key (kid) that the platform's JWKS URL does not publish.",
  keys_unreachable: "The platform's JWKS URL could not be read, so the id_token cannot be checked.",
  expired: "The id_token has expired or was issued too long ago (or in the future): check the LMS server's clock.",
  wrong_issuer: "The id_token's issuer (iss) is not the registered one.",
  wrong_audience: "The id_token is not addressed to Casebook's client id (aud / azp).",
  nonce: "The id_token's nonce does not match the login: a replayed or mixed-up launch.",
  malformed: "The id_token is not a well-formed signed JWT.",
  missing_claims: "The launch lacks a claim Casebook needs: LTI version 1.3.0, message type LtiResourceLinkRequest (with its resource link) or LtiDeepLinkingRequest (with its settings, accepting ltiResourceLink), deployment id, target_link_uri, roles and, for learners and instructors, the context.",
  not_teaching: "Only an LMS course's instructors and administrators can add Casebook content to it (Deep Linking).",
  no_role: "None of the user's LMS roles is one Casebook knows (Learner, Instructor, TeachingAssistant, Administrator).",
} as const;

export type LaunchProblem = keyof typeof LAUNCH_PROBLEMS;

export function isLaunchProblem(value: unknown): value is LaunchProblem {
  return typeof value === "string" && Object.hasOwn(LAUNCH_PROBLEMS, value);
}

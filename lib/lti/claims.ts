// The parts of an LTI 1.3 launch's id_token Casebook reads (1EdTech LTI Core 1.3, section 5),
// parsed with zod after the signature and the standard claims are checked (lib/lti/launch.ts).
// Pure: no I/O, so it is unit tested on its own.
import { z } from "zod";
import { isPlatformUrl } from "./schemas";

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";

export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
} as const;

export const RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
export const DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";

/** Deep Linking 2.0: the request's settings, and the response's claims. */
const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
export const DL_CLAIM = { settings: `${DL}deep_linking_settings`, contentItems: `${DL}content_items`, data: `${DL}data`, msg: `${DL}msg` } as const;

/** LTI Advantage service claims: grades (AGS 2.0) and the course's members (NRPS 2.0). */
export const SERVICE_CLAIM = {
  grades: "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
  members: "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
} as const;

const AGS_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/";
export const SCOPE = {
  lineItem: `${AGS_SCOPE}lineitem`,
  score: `${AGS_SCOPE}score`,
  memberships: "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
} as const;

const serviceUrl = z.string().max(2000).refine(isPlatformUrl);

const text = (max: number) => z.string().trim().min(1).max(max);

/** The launch claims Casebook needs, each with the reason an LMS administrator reads when it is missing. */
export const launchClaimsSchema = z.object({
  sub: text(255),
  // Shown, never relied on: an odd value is dropped rather than refusing the launch.
  name: z.string().trim().max(200).optional().catch(undefined),
  given_name: z.string().trim().max(100).optional().catch(undefined),
  family_name: z.string().trim().max(100).optional().catch(undefined),
  email: z.email().max(254).optional().catch(undefined),
  [CLAIM.messageType]: z.enum([RESOURCE_LINK_REQUEST, DEEP_LINKING_REQUEST], { error: `The message type must be ${RESOURCE_LINK_REQUEST} or ${DEEP_LINKING_REQUEST}.` }),
  [CLAIM.version]: z.literal("1.3.0", { error: "The LTI version must be 1.3.0." }),
  [CLAIM.deploymentId]: text(255),
  [CLAIM.targetLinkUri]: z.url({ error: "The target_link_uri claim must be a URL." }),
  // A resource link launch names its link; a deep-linking request says where to answer.
  [CLAIM.resourceLink]: z.object({ id: text(255), title: z.string().optional().catch(undefined) }).optional(),
  [DL_CLAIM.settings]: z
    .object({
      deep_link_return_url: serviceUrl,
      accept_types: z.array(z.string().max(100)).max(20),
      accept_multiple: z.boolean().optional().catch(undefined),
      accept_lineitem: z.boolean().optional().catch(undefined),
      data: z.string().max(2000).optional(),
    })
    .optional(),
  [CLAIM.roles]: z.array(z.string().max(255)).max(100),
  [CLAIM.context]: z.object({ id: text(255), label: z.string().optional().catch(undefined), title: z.string().optional().catch(undefined) }).optional(),
  // A service the platform describes oddly is a service Casebook does without, not a failed launch.
  [SERVICE_CLAIM.grades]: z
    .object({ scope: z.array(z.string().max(255)).max(20).default([]), lineitems: serviceUrl.optional(), lineitem: serviceUrl.optional() })
    .optional()
    .catch(undefined),
  [SERVICE_CLAIM.members]: z.object({ context_memberships_url: serviceUrl }).optional().catch(undefined),
}).superRefine((claims, context) => {
  if (claims[CLAIM.messageType] === RESOURCE_LINK_REQUEST && !claims[CLAIM.resourceLink]) context.addIssue({ code: "custom", path: [CLAIM.resourceLink], message: "A resource link launch needs its resource_link claim." });
  if (claims[CLAIM.messageType] === DEEP_LINKING_REQUEST && !claims[DL_CLAIM.settings]) context.addIssue({ code: "custom", path: [DL_CLAIM.settings], message: "A deep-linking request needs its deep_linking_settings claim." });
});

export type LaunchClaims = z.infer<typeof launchClaimsSchema>;

const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
// The institution's or the system's administrators; a course's own Administrator role
// (membership#Administrator) runs that course only, so it teaches its section.
const ADMINISTRATOR = ["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator", "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator"];
const TEACHING = [`${MEMBERSHIP}Instructor`, `${MEMBERSHIP}Administrator`, `${MEMBERSHIP}ContentDeveloper`, "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant"];
const LEARNING = [`${MEMBERSHIP}Learner`];

export type LaunchRole = "student" | "instructor" | "coordinator";

/**
 * The Casebook role an LMS's roles give (issue 15): Administrator → coordinator, Instructor
 * or TA → instructor of the context's section, Learner → student; the most senior wins.
 * Null: no role Casebook knows (a Mentor, a Guest): the launch is refused.
 */
export function roleFromLti(roles: string[]): LaunchRole | null {
  const has = (list: string[]) => roles.some((r) => list.includes(r));
  if (has(ADMINISTRATOR)) return "coordinator";
  if (has(TEACHING)) return "instructor";
  if (has(LEARNING)) return "student";
  return null;
}

/** A display name from the claims: `name`, else given and family name, else a neutral label. */
export function displayName(claims: Pick<LaunchClaims, "name" | "given_name" | "family_name">): string {
  const joined = [claims.given_name, claims.family_name].filter(Boolean).join(" ");
  return (claims.name || joined || "LMS user").slice(0, 100);
}

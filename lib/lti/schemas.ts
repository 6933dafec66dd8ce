// The platform registration form (UI and `npm run lti:register`), shared by both.
import { z } from "zod";

/** https, or http on this machine only (a platform under test, or a local LMS). */
export function isPlatformUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === "https:" || (url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname));
}

const endpoint = (label: string) => z.string().trim().max(500).refine(isPlatformUrl, `The ${label} must be an https:// URL.`);

export const platformSchema = z.object({
  name: z.string().trim().min(1, "Name the platform (e.g. the college's Canvas).").max(100),
  issuer: endpoint("issuer"),
  clientId: z.string().trim().min(1, "Enter the client id the platform gave Casebook.").max(255),
  authUrl: endpoint("OIDC authorization URL"),
  tokenUrl: endpoint("token URL"),
  jwksUrl: endpoint("JWKS URL"),
  deploymentIds: z
    .array(z.string().trim().min(1).max(255))
    .min(1, "Enter at least one deployment id.")
    .max(50),
});

export type PlatformInput = z.infer<typeof platformSchema>;

/** The form's deployment ids: one per line (or separated by commas), blanks ignored. */
export const splitDeploymentIds = (text: string) =>
  text
    .split(/[\n,]/)
    .map((id) => id.trim())
    .filter(Boolean);

export const PLATFORM_FORM_FIELDS = ["name", "issuer", "clientId", "authUrl", "tokenUrl", "jwksUrl", "deploymentIds"] as const;

/** The registration form: the same fields, deployment ids as one text box. */
export const platformFormSchema = platformSchema.extend({
  deploymentIds: z
    .string()
    .max(20_000)
    .transform(splitDeploymentIds)
    .pipe(platformSchema.shape.deploymentIds),
});

/** The instructor's "send again" for a student's LMS scores. */
export const resendScoresSchema = z.object({ studentId: z.string().trim().min(1, "Choose a student.").max(100) });
/** The coordinator's "make a registration address" (no fields: the ticket is made on the server). */
export const registrationTicketSchema = z.object({});

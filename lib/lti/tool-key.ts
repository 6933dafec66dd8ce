import "server-only";
// Casebook's own RS256 key for LTI (issue 15): the LMS asks for it when the tool is added
// (its JWKS URL), and it will sign deep-linking responses and grade-service token requests.
import { keyPairFor, type KeySpec } from "@/lib/credentials/keys";

const TOOL_KEY: KeySpec = { id: "casebook-lti-rs256-1", alg: "RS256" };

export const toolKey = () => keyPairFor(TOOL_KEY);

export async function toolJwks() {
  const { publicJwk } = await toolKey();
  return { keys: [publicJwk] };
}

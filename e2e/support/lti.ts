// Registers a simulated LMS the way an operator would: `npm run lti:register` against the e2e database.
import { spawnSync } from "node:child_process";
import type { startPlatform } from "../../tests/support/lti-platform";
import { E2E_BASE_URL, E2E_DATABASE_URL } from "./env";

export function registerWithCli(platform: Awaited<ReturnType<typeof startPlatform>>, name = platform.registration.name) {
  const r = platform.registration;
  return spawnSync(
    "npm",
    ["run", "--silent", "lti:register", "--", "--name", name, "--issuer", r.issuer, "--client-id", r.clientId, "--auth-url", r.authUrl, "--token-url", r.tokenUrl, "--jwks-url", r.jwksUrl, "--deployment", platform.deploymentId],
    { env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL, NEXTAUTH_URL: E2E_BASE_URL }, encoding: "utf8" },
  );
}

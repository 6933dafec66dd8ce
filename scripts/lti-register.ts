// `npm run lti:register -- --name "Riverside Canvas" --issuer https://canvas.instructure.com
//   --client-id 10000000000001 --auth-url https://sso.canvaslms.com/api/lti/authorize_redirect
//   --token-url https://sso.canvaslms.com/login/oauth2/token --jwks-url https://sso.canvaslms.com/api/lti/security/jwks
//   --deployment 1:abc [--deployment …]`
// Registers an LMS (or updates the one with that issuer and client id) and prints the
// addresses to enter in the LMS. The same fields and checks as the coordinator's page.
import { parseArgs } from "node:util";
import { prepareEnv } from "./runtime-env";
import { platformSchema } from "../lib/lti/schemas";

async function main() {
  const { values } = parseArgs({
    options: {
      name: { type: "string" },
      issuer: { type: "string" },
      "client-id": { type: "string" },
      "auth-url": { type: "string" },
      "token-url": { type: "string" },
      "jwks-url": { type: "string" },
      deployment: { type: "string", multiple: true },
    },
  });
  const parsed = platformSchema.safeParse({
    name: values.name ?? values.issuer,
    issuer: values.issuer,
    clientId: values["client-id"],
    authUrl: values["auth-url"],
    tokenUrl: values["token-url"],
    jwksUrl: values["jwks-url"],
    deploymentIds: values.deployment ?? [],
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".") || "args"}: ${issue.message}`);
    process.exit(2);
  }
  prepareEnv();
  const { migrateIfPending } = await import("../lib/db/migrate");
  await migrateIfPending();
  const { registerPlatform, toolUrls } = await import("../lib/lti/platforms");
  const { baseUrlFrom } = await import("../lib/http/base-url");
  const { serverEnv } = await import("../lib/env");
  const platform = await registerPlatform(null, parsed.data);
  const urls = toolUrls(baseUrlFrom(serverEnv()));
  console.log(`Registered ${platform.name} (${platform.issuer}, client ${platform.clientId}; deployments ${platform.deploymentIds.join(", ")}).`);
  console.log(`In the LMS, enter:\n  Login initiation URL: ${urls.loginUrl}\n  Redirect URL:         ${urls.redirectUrl}\n  Public keyset URL:    ${urls.jwksUrl}\n  Target link URI:      ${urls.targetLinkUrl}\n  Deep linking URL:     ${urls.deepLinkingUrl}`);
  await (await import("../lib/db")).db.$disconnect();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

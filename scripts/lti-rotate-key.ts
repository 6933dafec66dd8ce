// `npm run lti:rotate-key`: Casebook signs LTI messages with a new RS256 key from now on.
// The previous key stays published at the JWKS URL (an LMS that cached the key set still
// verifies); the one before it is removed. Run it again later to retire the previous one.
import { prepareEnv } from "./runtime-env";

async function main() {
  prepareEnv();
  const { migrateIfPending } = await import("../lib/db/migrate");
  await migrateIfPending();
  const { rotateToolKey } = await import("../lib/lti/tool-key");
  const { kid, retired } = await rotateToolKey();
  console.log(`LTI messages are now signed with ${kid}; the previous key stays published.${retired.length ? ` Removed: ${retired.join(", ")}.` : ""}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

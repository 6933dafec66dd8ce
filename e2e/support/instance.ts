import { spawn } from "node:child_process";
import { SERVER_ENTRY } from "../../scripts/server-entry";
import { E2E_DATABASE_URL, E2E_SECRET } from "./env";

/**
 * Another production instance of the e2e build on `port`, on the same database and
 * secret, through the same server entry as `npm start`; `env` adds or overrides
 * settings. Resolves once it answers its health check.
 */
export async function startInstance(port: number, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: E2E_DATABASE_URL, NEXTAUTH_SECRET: E2E_SECRET, PORT: String(port), ...env },
    stdio: "ignore",
  });
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, stop: () => child.kill("SIGTERM") };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`the instance on port ${port} did not start`);
}

import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { sleep } from "./stats";

import { SERVER_ENTRY } from "../../scripts/server-entry";

/** `pid` lets the bench read the server's CPU time (support/cpu.ts). */
export type Server = { url: string; pid: number; stop: () => Promise<void>; kill?: () => void };

async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server for ${url} exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`server for ${url} did not become healthy in ${timeoutMs / 1000} s`);
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
}

/**
 * The production build through the same server entry as `npm start`, on its own process
 * so the load generator does not share its event loop.
 */
export async function startApp(port: number, env: Record<string, string>, onLog?: (text: string) => void): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, NODE_ENV: "production", NEXTAUTH_URL: url, PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", onLog ? "pipe" : "ignore", onLog ? "pipe" : "inherit"],
  });
  if (onLog) {
    child.stdout?.on("data", (chunk: Buffer) => onLog(chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      onLog(chunk.toString());
    });
  }
  await waitFor(`${url}/api/health`, child);
  // SIGKILL: no shutdown hooks, no flushing; what a power cut or OOM kill looks like.
  return { url, pid: child.pid!, stop: stopper(child), kill: () => child.kill("SIGKILL") };
}

export async function startBareHttp(port: number): Promise<Server> {
  const child = spawn(process.execPath, [path.join("bench", "support", "bare-http.mjs"), String(port)], { stdio: "inherit" });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, child);
  return { url, pid: child.pid!, stop: stopper(child) };
}

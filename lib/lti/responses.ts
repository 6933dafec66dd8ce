import "server-only";
// What the browser gets when a login or launch is refused: a small page, with a 4xx, that
// tells the LMS administrator what to fix. Only the fixed text for the problem is shown
// (nothing the request carried); the detail goes to the log.
import { LAUNCH_PROBLEMS } from "./problems";
import type { LaunchError } from "./launch-error";
import { escapeHtml as escape, pagePolicy } from "./html";


export function refusedLaunch(error: LaunchError, stage: "login" | "launch"): Response {
  console.warn(JSON.stringify({ event: `lti.${stage}.refused`, problem: error.problem, detail: error.detail?.slice(0, 500) ?? null }));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>LTI ${stage} refused · Casebook</title></head><body><main><h1>Casebook could not complete this LTI ${stage}</h1><p data-problem="${escape(error.problem)}">${escape(LAUNCH_PROBLEMS[error.problem])}</p><p>Nobody was signed in. Code: <code>${escape(error.problem)}</code>.</p></main></body></html>`;
  return new Response(html, { status: error.status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...pagePolicy({ frameOrigin: "*" }) } });
}

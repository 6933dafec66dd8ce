import "server-only";
// LTI client-side postMessage storage (1EdTech "LTI Client Side postMessages" and "OIDC Login
// with LTI Client Side postMessages"). Inside an LMS's frame a browser may drop Casebook's
// cookies (third-party), and with them the cookie that binds a launch to the browser that
// started the login (lib/lti/browser-binding.ts). A platform that offers storage names a frame
// (`lti_storage_target`) that keeps small values for the tool in the browser itself:
// - the login page puts the state there (`lti.put_data`), then goes on to the platform's
//   authorization endpoint (it also sets the cookie, which wins when it comes back);
// - a launch that arrives without the cookie gets a page that asks for it back
//   (`lti.get_data`) and re-posts the launch to Casebook only when the platform returns it.
// The re-post is accepted only from Casebook's own page (the browser's Sec-Fetch-Site), so
// another site cannot skip the check; and only this browser's LMS frame holds the state,
// because the platform answers only messages from and to the origins it expects.
import { randomBytes } from "node:crypto";
import type { NextResponse } from "next/server";
import { escapeHtml, htmlPage, pagePolicy } from "./html";
import { LAUNCH_PROBLEMS } from "./problems";

/** A storage target the spec allows: "_parent" or a frame's name (no markup, no paths). */
export const STORAGE_TARGET = /^(_parent|[A-Za-z0-9_-]{1,64})$/;

/** The key Casebook keeps a login's state under in the platform's storage (the spec's own example). */
export const stateKey = (state: string) => `state_${state}`;

/** How long a page waits for the platform's answer before it gives up (the platform may not answer at all). */
const ANSWER_WAIT_MS = 3000;

// One script for both pages, in plain ES5 so any browser an LMS supports runs it. It reads
// its settings from a data attribute (escaped, so nothing in them can close the script),
// sends one message to the storage frame, and acts on the answer with the same message_id
// from the platform's origin only.
const SCRIPT = `(function(){
var c=JSON.parse(document.getElementById("lti-storage").getAttribute("data-config"));
var id="casebook-"+Math.random().toString(36).slice(2)+Date.now().toString(36);
var done=false;
function finish(ok){if(done)return;done=true;if(ok){c.put?window.location.replace(c.next):document.getElementById("launch").submit();}else if(c.put){window.location.replace(c.next);}else{document.getElementById("refused").hidden=false;document.getElementById("waiting").hidden=true;}}
window.addEventListener("message",function(e){var d=e.data;if(e.origin!==c.origin||!d||typeof d!=="object"||d.message_id!==id||d.subject!==(c.put?"lti.put_data.response":"lti.get_data.response"))return;finish(!d.error&&d.value===c.value);});
var frame=null;try{frame=c.target==="_parent"?window.parent:window.parent.frames[c.target];}catch(x){}
if(!frame||frame===window){finish(false);return;}
var m={subject:c.put?"lti.put_data":"lti.get_data",message_id:id,key:c.key};if(c.put)m.value=c.value;
try{frame.postMessage(m,c.origin);}catch(x){finish(false);return;}
setTimeout(function(){finish(false);},${ANSWER_WAIT_MS});
})();`;

/** Where the platform keeps values for Casebook in the browser: its frame and the origin that answers for it. */
export type PlatformStorage = { target: string; origin: string };

function page(title: string, body: string, config: Record<string, unknown>, frameOrigin: string, formAction: string): NextResponse {
  const nonce = randomBytes(16).toString("base64");
  const settings = `<div id="lti-storage" hidden data-config="${escapeHtml(JSON.stringify(config))}"></div><script nonce="${nonce}">${SCRIPT}</script>`;
  return htmlPage(title, `${body}${settings}`, pagePolicy({ frameOrigin, formAction, nonce }));
}

/**
 * The login's answer when the platform offers storage: keep the state in the platform's
 * storage frame, then go to the authorization endpoint (also when the platform does not
 * answer: the cookie may still come back). Any LMS page may frame it: it shows nothing
 * and holds no session, and the state reaches only the platform's origin.
 */
export function storeStatePage(storage: PlatformStorage, state: string, authorize: URL): NextResponse {
  const next = authorize.toString();
  const body = `<p>Signing you in to Casebook…</p><noscript><p><a href="${escapeHtml(next)}">Continue to your LMS's sign-in</a></p></noscript>`;
  return page("Signing in", body, { put: true, target: storage.target, origin: storage.origin, key: stateKey(state), value: state, next }, "*", "'none'");
}

/**
 * A launch that came back without the login's cookie, from a platform that offered storage:
 * a page that asks the storage frame for the state and re-posts the launch when it matches.
 * `frame` carries the LMS's origin (signed) for the session the re-post starts.
 */
export function checkStatePage(storage: PlatformStorage, fields: { id_token: string; state: string; frame?: string }, frameOrigin: string): NextResponse {
  const inputs = Object.entries({ ...fields, storage_checked: "1" })
    .filter((entry): entry is [string, string] => typeof entry[1] === "string")
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join("");
  const body =
    `<form id="launch" method="post" action="/api/lti/launch">${inputs}</form>` +
    `<p id="waiting" role="status">Checking that this launch started in this browser…</p>` +
    `<div id="refused" hidden role="alert"><h1>Casebook could not complete this LTI launch</h1><p data-problem="browser">${escapeHtml(LAUNCH_PROBLEMS.browser)}</p><p>Nobody was signed in. Code: <code>browser</code>.</p></div>` +
    `<noscript><p>${escapeHtml(LAUNCH_PROBLEMS.browser)} Scripts are off, so Casebook cannot ask your LMS instead.</p></noscript>`;
  return page("Checking the launch", body, { put: false, target: storage.target, origin: storage.origin, key: stateKey(fields.state), value: fields.state }, frameOrigin, "'self'");
}

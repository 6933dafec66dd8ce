import "server-only";
// The two small pages of Deep Linking, served by the route handler rather than the app's
// layout: both live inside the LMS's frame (frame-ancestors names the LMS the request came
// from) and the second posts to the LMS (form-action names its return address), which the
// app's pages, framed by nobody and posting only to themselves, must never allow.
import type { DeepLinkChoice } from "./deep-linking";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:1.5rem;max-width:40rem;color:#1a1f29}fieldset{border:1px solid #8a94a6;border-radius:.4rem;margin:0 0 1rem;padding:.5rem 1rem}legend{font-weight:600}label{display:block;padding:.25rem 0}button{font:inherit;padding:.5rem 1rem;border-radius:.4rem;border:2px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}button:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}.muted{color:#4a5567}`;

function page(title: string, body: string, headers: Record<string, string>, status = 200): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · Casebook</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer", ...headers } });
}

/** Only the LMS the request came from may frame these pages; nothing else loads. */
function policy(frameOrigin: string, extra = "") {
  return { "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors ${frameOrigin}${extra}` };
}

const GROUPS: { kind: DeepLinkChoice["kind"][]; legend: string }[] = [
  { kind: ["course"], legend: "The course" },
  { kind: ["quiz", "final"], legend: "Quizzes and the final (each gets a grade column)" },
  { kind: ["lesson"], legend: "Lessons" },
];

/** The picker: one checkbox per item (one radio group when the LMS takes a single item). */
export function pickerPage(token: string, choices: DeepLinkChoice[], request: { acceptMultiple: boolean; platformName: string; frameOrigin: string }): Response {
  const type = request.acceptMultiple ? "checkbox" : "radio";
  let n = 0;
  const groups = GROUPS.map((group) => {
    const inputs = choices
      .filter((c) => group.kind.includes(c.kind))
      .map((c) => {
        const name = request.acceptMultiple ? `item-${n++}` : "item";
        return `<label><input type="${type}" name="${name}" value="${escape(c.key)}"> ${escape(c.title)}</label>`;
      })
      .join("");
    return `<fieldset><legend>${escape(group.legend)}</legend>${inputs}</fieldset>`;
  }).join("");
  const body = `<h1>Add Casebook to your ${escape(request.platformName)} course</h1><p class="muted">Choose ${request.acceptMultiple ? "what" : "one item"} to add. Students open each link from the LMS and land on that page; graded items send their scores back to the LMS gradebook.</p><form method="post" action="/api/lti/deep-link"><input type="hidden" name="token" value="${escape(token)}">${groups}<button type="submit">Add to the course</button></form>`;
  return page("Add Casebook content", body, policy(request.frameOrigin, "; form-action 'self'"));
}

/** The answer: a form that posts the signed response to the LMS, sent at once by a script (or by the button without one). */
export function returnPage(returnUrl: string, jwt: string, count: number, nonce: string): Response {
  const origin = new URL(returnUrl).origin;
  const body = `<h1>${count ? `Adding ${count} item${count === 1 ? "" : "s"} to the course` : "Nothing to add"}</h1><form id="return" method="post" action="${escape(returnUrl)}"><input type="hidden" name="JWT" value="${escape(jwt)}"><button type="submit">Return to the LMS</button></form><script nonce="${nonce}">document.getElementById("return").submit();</script>`;
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action ${origin}; frame-ancestors ${origin}`;
  return page("Returning to the LMS", body, { "content-security-policy": csp });
}

/** A spent, expired or unknown picker address. */
export function goneDeepLinkPage(): Response {
  return page("Link expired", `<h1>This Casebook link has expired</h1><p>Choosing content lasts an hour and works once. Start again from the LMS: add an activity and pick Casebook.</p>`, { "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *" }, 404);
}

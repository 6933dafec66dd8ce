import "server-only";
// The two small pages of Deep Linking (lib/lti/html.ts): both live inside the LMS's frame
// (frame-ancestors names the LMS the request came from) and the second posts to the LMS
// (form-action names its return address).
import type { DeepLinkChoice } from "./deep-linking";
import { escapeHtml as escape, htmlPage as page, pagePolicy } from "./html";

const GROUPS: { kind: DeepLinkChoice["kind"][]; legend: string }[] = [
  { kind: ["course"], legend: "The course" },
  { kind: ["quiz", "final"], legend: "Quizzes and the final (each gets a grade column)" },
  { kind: ["assignment"], legend: "Written assignments (each gets a grade column, filled when the grade is released)" },
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
        return `<label><input type="${type}" name="${name}" value="${escape(c.key)}"> ${escape(c.title)}${c.note ? ` (${escape(c.note)})` : ""}</label>`;
      })
      .join("");
    return `<fieldset><legend>${escape(group.legend)}</legend>${inputs}</fieldset>`;
  }).join("");
  const body = `<h1>Add Casebook to your ${escape(request.platformName)} course</h1><p class="muted">Choose ${request.acceptMultiple ? "what" : "one item"} to add. Students open each link from the LMS and land on that page; graded items send their scores back to the LMS gradebook.</p><form method="post" action="/api/lti/deep-link"><input type="hidden" name="token" value="${escape(token)}">${groups}<button type="submit">Add to the course</button></form>`;
  return page("Add Casebook content", body, pagePolicy({ frameOrigin: request.frameOrigin, formAction: "'self'" }));
}

/** The answer: a form that posts the signed response to the LMS, sent at once by a script (or by the button without one). */
export function returnPage(returnUrl: string, jwt: string, count: number, nonce: string): Response {
  const origin = new URL(returnUrl).origin;
  const body = `<h1>${count ? `Adding ${count} item${count === 1 ? "" : "s"} to the course` : "Nothing to add"}</h1><form id="return" method="post" action="${escape(returnUrl)}"><input type="hidden" name="JWT" value="${escape(jwt)}"><button type="submit">Return to the LMS</button></form><script nonce="${nonce}">document.getElementById("return").submit();</script>`;
  return page("Returning to the LMS", body, pagePolicy({ frameOrigin: origin, formAction: origin, nonce }));
}

/** A spent, expired or unknown picker address. */
export function goneDeepLinkPage(): Response {
  return page("Link expired", `<h1>This Casebook link has expired</h1><p>Choosing content lasts an hour and works once. Start again from the LMS: add an activity and pick Casebook.</p>`, pagePolicy({ frameOrigin: "*" }), 404);
}

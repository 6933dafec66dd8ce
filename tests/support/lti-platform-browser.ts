// The simulated LMS's pages a browser visits (e2e): a course page that shows Casebook in an
// iframe (and, asked with `storage=1`, LTI client-side postMessage storage for it), the OIDC
// authorization endpoint that answers Casebook's login with a form_post of
// a signed id_token for whoever `nextLaunch` says is using the LMS, and the deep-linking
// return address that keeps what Casebook sent back. Served on the simulator's port, a
// different site from Casebook's (127.0.0.1 against localhost), so the frame is third-party.
import type http from "node:http";
import type { JWTPayload } from "jose";

type Hooks = {
  base: () => string;
  clientId: string;
  launchClaims: (nonce: string, target: string, claims: Record<string, unknown>) => JWTPayload;
  sign: (payload: JWTPayload) => Promise<string>;
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    request.on("data", (chunk) => (text += chunk));
    request.on("end", () => resolve(text));
  });
}

function html(response: http.ServerResponse, body: string) {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title></head><body>${body}</body></html>`);
}

// The platform's side of LTI client-side postMessage storage: values kept per sending origin
// and key, answered to that origin only. `window.ltiStorage` lets a test look (and forget).
const STORAGE_SCRIPT = `<script>
window.ltiStorage = { values: {}, subjects: [] };
window.addEventListener("message", function (event) {
  var data = event.data;
  if (!data || typeof data !== "object" || typeof data.subject !== "string") return;
  window.ltiStorage.subjects.push(data.subject);
  var slot = event.origin + " " + data.key;
  var reply = { message_id: data.message_id, key: data.key };
  if (data.subject === "lti.put_data") {
    window.ltiStorage.values[slot] = data.value;
    reply.subject = "lti.put_data.response";
    reply.value = data.value;
  } else if (data.subject === "lti.get_data") {
    reply.subject = "lti.get_data.response";
    if (slot in window.ltiStorage.values) reply.value = window.ltiStorage.values[slot];
    else reply.error = { code: "bad_request", message: "Nothing is stored under that key." };
  } else return;
  event.source.postMessage(reply, event.origin);
});
</script>`;

export function platformBrowser(hooks: Hooks) {
  const state = {
    /** The claims of the person using the LMS now (sub, name, roles …), merged into the next launch. */
    nextLaunch: {} as Record<string, unknown>,
    /** Deep-linking responses Casebook posted back (the JWT as it came). */
    deepLinkResponses: [] as string[],
    authRequests: 0,
    /** The authorization page waits for a click instead of posting at once (a test can drop cookies meanwhile). */
    holdAuth: false,
  };

  async function authorize(request: http.IncomingMessage, response: http.ServerResponse, url: URL) {
    state.authRequests++;
    const params = request.method === "POST" ? new URLSearchParams(await readBody(request)) : url.searchParams;
    if (params.get("client_id") !== hooks.clientId || params.get("response_mode") !== "form_post") return html(response, "<p>Bad authorization request</p>");
    const target = String(state.nextLaunch.target ?? "");
    const { target: _target, ...claims } = state.nextLaunch;
    void _target;
    const idToken = await hooks.sign(hooks.launchClaims(params.get("nonce") ?? "", target, claims));
    const fields = { id_token: idToken, state: params.get("state") ?? "" };
    const inputs = Object.entries(fields).map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`).join("");
    const submit = state.holdAuth ? "" : `<script>document.getElementById("post").submit()</script>`;
    html(response, `<form id="post" method="post" action="${escape(params.get("redirect_uri") ?? "")}">${inputs}<button>Continue to Casebook</button></form>${submit}`);
  }

  /** Handles the request if it is one of these pages; false otherwise. */
  function handles(request: http.IncomingMessage, response: http.ServerResponse): boolean {
    const url = new URL(request.url ?? "/", hooks.base());
    if (url.pathname === "/auth") {
      void authorize(request, response, url);
      return true;
    }
    if (url.pathname === "/course-page") {
      // The LMS's course page: Casebook in a frame, started by the LMS's login initiation;
      // with `storage=1` the page offers its storage to the frame (the login names it "_parent").
      const storage = url.searchParams.get("storage") === "1";
      const login = new URL(url.searchParams.get("login") ?? "");
      if (storage) login.searchParams.set("lti_storage_target", "_parent");
      const frame = `<iframe title="Casebook" src="${escape(login.toString())}" style="width:100%;height:900px" allow="clipboard-write"></iframe>`;
      html(response, `<h1>PARA 101 in the Test LMS</h1>${frame}${storage ? STORAGE_SCRIPT : ""}`);
      return true;
    }
    if (url.pathname === "/deep-link-return" && request.method === "POST") {
      void readBody(request).then((body) => {
        const jwt = new URLSearchParams(body).get("JWT") ?? "";
        state.deepLinkResponses.push(jwt);
        html(response, `<p data-testid="lms-received">The LMS received ${jwt ? "a deep-linking response" : "nothing"}.</p>`);
      });
      return true;
    }
    return false;
  }

  return { state, handles };
}

// The simulated LMS's LTI Advantage services (lti-platform.ts serves them on its port):
// - POST /token: OAuth 2 client credentials, the client assertion checked against
//   Casebook's public keys (1EdTech Security Framework §4.1);
// - GET/POST /lineitems, POST /lineitems/<n>/scores: AGS 2.0 line items and scores;
// - GET /memberships: NRPS 2.0, two members a page with Link rel="next".
// Every service call needs a token it issued, with the scope the call needs. Tests
// switch the score service down, slow or refusing, and read what arrived.
import type http from "node:http";
import { randomUUID } from "node:crypto";
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { SCOPE } from "../../lib/lti/claims";

export type ToolKeys = () => Promise<JSONWebKeySet>;

export type ReceivedScore = { lineItem: string; body: Record<string, unknown>; token: string };
export type Member = { user_id: string; roles: string[]; status?: string; name?: string; email?: string };
type LineItem = { id: string; label: string; scoreMaximum: number; resourceId?: string; tag?: string };

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    request.on("data", (chunk) => (text += chunk));
    request.on("end", () => resolve(text));
  });
}

function send(response: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(body === undefined ? "" : JSON.stringify(body));
}

export function platformServices(base: () => string, clientId: string, toolKeys?: ToolKeys) {
  const state = {
    tokenRequests: 0,
    /** What the score service answers: "up" (200), "down" (503), "refuse" (400), "unauthorized" (401 once per token). */
    scoreMode: "up" as "up" | "down" | "refuse",
    scores: [] as ReceivedScore[],
    lineItems: [] as LineItem[],
    members: [] as Member[],
    membershipRequests: 0,
    /** Holds score posts until released, to put a post in flight (resolve to let them through). */
    holdScores: null as Promise<void> | null,
    /** Dynamic registration: the token the LMS expects, what tools asked to register, and the configuration's issuer. */
    registrationToken: "registration-token-1",
    registrations: [] as { body: Record<string, unknown>; authorization: string | undefined }[],
    configurationRequests: 0,
    configurationIssuer: null as string | null,
  };
  const tokens = new Map<string, string[]>();

  async function token(request: http.IncomingMessage, response: http.ServerResponse) {
    state.tokenRequests++;
    const form = new URLSearchParams(await readBody(request));
    if (form.get("grant_type") !== "client_credentials" || form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer") return send(response, 400, { error: "unsupported_grant_type" });
    if (!toolKeys) return send(response, 401, { error: "invalid_client" });
    try {
      await jwtVerify(form.get("client_assertion") ?? "", createLocalJWKSet(await toolKeys()), { issuer: clientId, subject: clientId, audience: `${base()}/token`, algorithms: ["RS256"], requiredClaims: ["jti", "exp", "iat"] });
    } catch {
      return send(response, 401, { error: "invalid_client" });
    }
    const granted = (form.get("scope") ?? "").split(" ").filter((s) => Object.values(SCOPE).includes(s as never));
    const accessToken = randomUUID();
    tokens.set(accessToken, granted);
    send(response, 200, { access_token: accessToken, token_type: "Bearer", expires_in: 3600, scope: granted.join(" ") });
  }

  const bearer = (request: http.IncomingMessage) => /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "";
  const allowed = (request: http.IncomingMessage, scope: string) => tokens.get(bearer(request))?.includes(scope) ?? false;

  async function lineItems(request: http.IncomingMessage, response: http.ServerResponse, url: URL) {
    if (!allowed(request, SCOPE.lineItem)) return send(response, 401, { error: "invalid_token" });
    if (request.method === "GET") {
      const resourceId = url.searchParams.get("resource_id");
      return send(response, 200, state.lineItems.filter((item) => resourceId === null || item.resourceId === resourceId), { "content-type": "application/vnd.ims.lis.v2.lineitemcontainer+json" });
    }
    const body = JSON.parse(await readBody(request)) as Omit<LineItem, "id">;
    const item = { ...body, id: `${base()}/lineitems/${state.lineItems.length + 1}` };
    state.lineItems.push(item);
    send(response, 201, item, { "content-type": "application/vnd.ims.lis.v2.lineitem+json" });
  }

  async function score(request: http.IncomingMessage, response: http.ServerResponse, lineItem: string) {
    if (!allowed(request, SCOPE.score)) return send(response, 401, { error: "invalid_token" });
    if (request.headers["content-type"] !== "application/vnd.ims.lis.v1.score+json") return send(response, 415, { error: "score media type expected" });
    const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
    if (state.holdScores) await state.holdScores;
    if (state.scoreMode === "down") return send(response, 503, { error: "maintenance" });
    if (state.scoreMode === "refuse") return send(response, 400, { error: "userId is not a member of this course" });
    state.scores.push({ lineItem, body, token: bearer(request) });
    send(response, 200, {});
  }

  function memberships(request: http.IncomingMessage, response: http.ServerResponse, url: URL) {
    if (!allowed(request, SCOPE.memberships)) return send(response, 401, { error: "invalid_token" });
    state.membershipRequests++;
    const page = Number(url.searchParams.get("page") ?? "0");
    const members = state.members.slice(page * 2, page * 2 + 2);
    const more = (page + 1) * 2 < state.members.length;
    send(response, 200, { id: url.toString(), context: { id: "course-101" }, members }, {
      "content-type": "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
      ...(more ? { link: `<${base()}/memberships?page=${page + 1}>; rel="next"` } : {}),
    });
  }

  function configuration(request: http.IncomingMessage, response: http.ServerResponse) {
    state.configurationRequests++;
    if (request.headers.authorization !== `Bearer ${state.registrationToken}`) return send(response, 401, { error: "invalid_token" });
    send(response, 200, {
      issuer: state.configurationIssuer ?? base(),
      authorization_endpoint: `${base()}/auth`,
      token_endpoint: `${base()}/token`,
      jwks_uri: `${base()}/jwks`,
      registration_endpoint: `${base()}/register`,
      "https://purl.imsglobal.org/spec/lti-platform-configuration": { product_family_code: "moodle", version: "4.5" },
    });
  }

  async function register(request: http.IncomingMessage, response: http.ServerResponse) {
    const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
    state.registrations.push({ body, authorization: request.headers.authorization });
    if (request.headers.authorization !== `Bearer ${state.registrationToken}`) return send(response, 401, { error: "invalid_token" });
    send(response, 200, { ...body, client_id: `dynamic-client-${state.registrations.length}`, "https://purl.imsglobal.org/spec/lti-tool-configuration": { deployment_id: "dynamic-deployment-1" } });
  }

  /** Answers the request if it is a service's; false for anything else. */
  function handles(request: http.IncomingMessage, response: http.ServerResponse): boolean {
    const url = new URL(request.url ?? "/", base());
    const scores = /^\/lineitems\/([\w-]+)\/scores$/.exec(url.pathname);
    let handling: Promise<void> | void;
    if (url.pathname === "/token" && request.method === "POST") handling = token(request, response);
    else if (url.pathname === "/lineitems") handling = lineItems(request, response, url);
    else if (scores && request.method === "POST") handling = score(request, response, `${base()}/lineitems/${scores[1]}`);
    else if (url.pathname === "/memberships") handling = memberships(request, response, url);
    else if (url.pathname === "/.well-known/openid-configuration") handling = configuration(request, response);
    else if (url.pathname === "/register" && request.method === "POST") handling = register(request, response);
    else return false;
    void Promise.resolve(handling).catch(() => send(response, 500, { error: "simulator" }));
    return true;
  }

  return { state, handles };
}

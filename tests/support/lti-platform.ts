// A simulated LMS for LTI 1.3 tests (issue 15): its own RSA keys published at a JWKS URL on
// a local port, and id_tokens shaped like the 1EdTech specification's examples, signed with
// them (or deliberately not, for the refused launches). Its LTI Advantage services (an
// OAuth token endpoint, AGS line items and scores, NRPS memberships) are in
// lti-platform-services.ts, served from the same port.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from "jose";
import { CLAIM, SCOPE, SERVICE_CLAIM } from "../../lib/lti/claims";
import { platformBrowser } from "./lti-platform-browser";
import { platformServices, type ToolKeys } from "./lti-platform-services";

export const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/**
 * `toolKeys`: Casebook's public keys, which the token endpoint checks client assertions
 * against. `clientId`: another registration of the same LMS (e2e specs each register their
 * own). `servedAuth`: the authorization endpoint is this server's /auth (a browser follows
 * it), rather than an address tests only read.
 */
export async function startPlatform({ toolKeys, clientId = "casebook-client-1", servedAuth = false }: { toolKeys?: ToolKeys; clientId?: string; servedAuth?: boolean } = {}) {
  const issuer = "https://lms.example.edu";
  const deploymentId = "deployment-1";
  const pairs = new Map<string, KeyPair>();
  const published = new Map<string, JWK>();
  let jwksRequests = 0;
  const addKey = async (kid: string, publish = true) => {
    const pair = await generateKeyPair("RS256", { extractable: true });
    pairs.set(kid, pair);
    if (publish) published.set(kid, { ...(await exportJWK(pair.publicKey)), kid, alg: "RS256", use: "sig" });
    return pair;
  };
  await addKey("platform-key-1");

  let base = "";
  const services = platformServices(() => base, clientId, toolKeys);
  const browserSide = platformBrowser({ base: () => base, clientId, launchClaims, sign: (payload) => sign(payload) });
  const server = http.createServer((request, response) => {
    if (services.handles(request, response) || browserSide.handles(request, response)) return;
    if (request.url === "/jwks") {
      jwksRequests++;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ keys: [...published.values()] }));
      return;
    }
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** The service claims of a launch from the course: grades (with these scopes) and members. */
  function serviceClaims({ scopes = [SCOPE.score, SCOPE.lineItem], lineItem }: { scopes?: string[]; lineItem?: string } = {}) {
    return {
      [SERVICE_CLAIM.grades]: { scope: scopes, lineitems: `${base}/lineitems`, ...(lineItem ? { lineitem: lineItem } : {}) },
      [SERVICE_CLAIM.members]: { context_memberships_url: `${base}/memberships`, service_versions: ["2.0"] },
    };
  }

  /** A resource link launch for this user; `claims` override or add (undefined removes). */
  function launchClaims(nonce: string, target: string, claims: Record<string, unknown> = {}): JWTPayload {
    const payload: Record<string, unknown> = {
      sub: "lms-user-1",
      name: "Ana Ruiz",
      email: "ana.ruiz@college.example.edu",
      nonce,
      [CLAIM.messageType]: "LtiResourceLinkRequest",
      [CLAIM.version]: "1.3.0",
      [CLAIM.deploymentId]: deploymentId,
      [CLAIM.targetLinkUri]: target,
      [CLAIM.resourceLink]: { id: "resource-link-1", title: "Casebook: the course" },
      [CLAIM.roles]: [`${MEMBERSHIP}Learner`],
      [CLAIM.context]: { id: "course-101", label: "PARA 101", title: "Introduction to Paralegal Studies" },
      ...claims,
    };
    for (const [key, value] of Object.entries(payload)) if (value === undefined) delete payload[key];
    return payload;
  }

  /** Signs like the platform (RS256, its kid), with iss, aud and the times set unless overridden. */
  async function sign(payload: JWTPayload, options: { kid?: string; key?: KeyPair; audience?: string | string[]; issuedAt?: number; expiresAt?: number; issuer?: string } = {}) {
    const kid = options.kid ?? "platform-key-1";
    const key = options.key ?? pairs.get(kid) ?? (await addKey(kid, false));
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(payload)
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? clientId)
      .setIssuedAt(options.issuedAt ?? now)
      .setExpirationTime(options.expiresAt ?? now + 300)
      .sign(key.privateKey);
  }

  return {
    issuer,
    clientId,
    deploymentId,
    registration: { name: "Test LMS", issuer, clientId, authUrl: servedAuth ? `${base}/auth` : `${issuer}/auth`, tokenUrl: `${base}/token`, jwksUrl: `${base}/jwks`, deploymentIds: [deploymentId] },
    base,
    launchClaims,
    serviceClaims,
    services: services.state,
    browser: browserSide.state,
    sign,
    addKey,
    jwksRequests: () => jwksRequests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// A simulated LMS for LTI 1.3 tests (issue 15): its own RSA keys published at a JWKS URL on
// a local port, and id_tokens shaped like the 1EdTech specification's examples, signed with
// them (or deliberately not, for the refused launches).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from "jose";
import { CLAIM } from "../../lib/lti/claims";

export const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

export async function startPlatform() {
  const issuer = "https://lms.example.edu";
  const clientId = "casebook-client-1";
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

  const server = http.createServer((request, response) => {
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
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

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
    registration: { name: "Test LMS", issuer, clientId, authUrl: `${issuer}/auth`, tokenUrl: `${issuer}/token`, jwksUrl: `${base}/jwks`, deploymentIds: [deploymentId] },
    launchClaims,
    sign,
    addKey,
    jwksRequests: () => jwksRequests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

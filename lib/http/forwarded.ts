// The client-address rule. Shared by the production server entry (scripts/serve.mjs,
// plain Node in front of Next, where the socket is visible) and by the tests; the app
// itself only reads the header it sets (lib/http/client-address.ts). No "server-only"
// import: the server entry loads this file outside Next's bundle, where that guard's
// package resolves to the throwing client build.
import type { IncomingHttpHeaders } from "node:http";

/** Set by the server entry on every request, after deleting any value the client sent. */
export const CLIENT_ADDRESS_HEADER = "x-casebook-client-ip";

// A process-wide mark (Symbol.for reaches across Next's bundles and the entry's own
// module copy) that the server entry is in front: without it, a client could write
// the header itself (`next dev`, a bare `next start`), so the app must not believe it.
const SERVER_MARK = Symbol.for("casebook.client-address-header");

export function markServerSetsClientAddress(): void {
  (globalThis as Record<symbol, unknown>)[SERVER_MARK] = true;
}

export function serverSetsClientAddress(): boolean {
  return (globalThis as Record<symbol, unknown>)[SERVER_MARK] === true;
}

// Keys are stored per address; anything longer than an IPv6 literal is not an address.
const MAX_ADDRESS_LENGTH = 64;

/** One spelling per address: no port, no brackets, IPv4-mapped IPv6 as plain IPv4, lower case. */
export function normalizeAddress(raw: string): string {
  let address = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (address.startsWith("::ffff:") && /^\d{1,3}(\.\d{1,3}){3}$/.test(address.slice(7))) address = address.slice(7);
  return address.slice(0, MAX_ADDRESS_LENGTH);
}

/**
 * The client's address: the peer (socket) address when no proxy is trusted; behind
 * `trustedHops` proxies, the entry that many hops from the right of
 * X-Forwarded-For + peer, i.e. the right-most address no trusted proxy vouches for.
 * Entries further left were written by the client and are never used. A chain shorter
 * than the hops yields its left-most entry (as Express's `trust proxy` does).
 */
export function clientAddressOf(peer: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string | null {
  const chain: string[] = [];
  if (trustedHops > 0 && forwardedFor !== undefined) {
    const joined = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
    for (const entry of joined.split(",")) if (entry.trim()) chain.push(entry);
  }
  if (peer) chain.push(peer);
  if (chain.length === 0) return null;
  const entry = chain[Math.max(0, chain.length - 1 - trustedHops)];
  return normalizeAddress(entry) || null;
}

type NodeRequest = { headers: IncomingHttpHeaders; socket: { remoteAddress?: string } };

/** What the server entry does to each request before Next sees it. */
export function setClientAddress(req: NodeRequest, trustedHops: number): void {
  delete req.headers[CLIENT_ADDRESS_HEADER];
  const address = clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedHops);
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
}

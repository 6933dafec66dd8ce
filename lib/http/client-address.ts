import "server-only";
import { CLIENT_ADDRESS_HEADER, serverSetsClientAddress } from "./forwarded";

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

/**
 * The client's address, as the production server entry (scripts/serve.mjs) computed
 * it from the socket and the trusted proxies (lib/http/forwarded.ts). The one place
 * the app learns who is asking; null when that entry is not in front (`next dev`),
 * because then the header could have been written by the client.
 */
export function clientAddress(headers: HeaderBag): string | null {
  if (!headers || !serverSetsClientAddress()) return null;
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const address = Array.isArray(value) ? value[0] : value;
  return address || null;
}

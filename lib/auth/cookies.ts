// next-auth's session cookie: the plain name over http, the __Secure- one behind https.
// No server-only import: proxy.ts reads it too.
export const SESSION_COOKIE_NAMES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

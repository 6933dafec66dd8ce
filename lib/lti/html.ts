import "server-only";
import { NextResponse } from "next/server";
// The small pages LTI's route handlers answer with (a refused launch, deep linking,
// registration): outside the app's layout, because an LMS frames them or they post to the
// LMS, which the app's pages never allow. Every value is escaped; each page sets its own policy.

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:1.5rem;max-width:40rem;color:#1a1f29}fieldset{border:1px solid #8a94a6;border-radius:.4rem;margin:0 0 1rem;padding:.5rem 1rem}legend{font-weight:600}label{display:block;padding:.25rem 0}button{font:inherit;padding:.5rem 1rem;border-radius:.4rem;border:2px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}button:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}.muted{color:#4a5567}`;

/** A page: `title` and `body` (already escaped HTML), with `headers` (its policy). */
export function htmlPage(title: string, body: string, headers: Record<string, string>, status = 200): NextResponse {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Casebook</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
  return new NextResponse(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer", ...headers } });
}

/** Nothing loads but the page's own styles (and a script with `nonce`); only `frameOrigin` may frame it; forms post to `formAction`. */
export function pagePolicy({ frameOrigin, formAction = "'none'", nonce }: { frameOrigin: string; formAction?: string; nonce?: string }): Record<string, string> {
  const script = nonce ? `; script-src 'nonce-${nonce}'` : "";
  return { "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'${script}; base-uri 'none'; form-action ${formAction}; frame-ancestors ${frameOrigin}` };
}

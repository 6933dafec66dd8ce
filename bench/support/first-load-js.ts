import { gzipSync } from "node:zlib";

/** Every script a page loads on first visit, gzipped as a CDN would send it. */
export async function firstLoadJs(baseUrl: string, path: string, cookie: string) {
  const html = await (await fetch(baseUrl + path, { headers: { cookie } })).text();
  // noModule scripts are polyfills only browsers without ES modules download.
  const tags = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
  const sources = [...new Set(tags.map((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1]).filter((src): src is string => Boolean(src)).map((src) => src.replaceAll("&amp;", "&")))];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  // The inline RSC payload is part of the HTML, not JS the browser downloads and parses as a bundle.
  return { path, scripts: sources.length, rawKb: Math.round(raw / 102.4) / 10, gzipKb: Math.round(gzip / 102.4) / 10 };
}

import { describe, expect, it } from "vitest";
import { isCrossOriginWrite, isFromThisOrigin } from "./cross-site";

const request = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers({ host: "casebook.example", ...headers }) });

describe("isCrossOriginWrite", () => {
  it("refuses a post from another site, by Sec-Fetch-Site or by Origin", () => {
    expect(isCrossOriginWrite(request("POST", { "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossOriginWrite(request("POST", { "sec-fetch-site": "same-site" }))).toBe(true);
    expect(isCrossOriginWrite(request("POST", { origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOriginWrite(request("POST", { origin: "null" }))).toBe(true);
    expect(isCrossOriginWrite(request("DELETE", { origin: "not a url" }))).toBe(true);
  });
  it("lets through the site's own pages, requests that carry no origin, and reads", () => {
    expect(isCrossOriginWrite(request("POST", { "sec-fetch-site": "same-origin", origin: "https://casebook.example" }))).toBe(false);
    expect(isCrossOriginWrite(request("POST", { origin: "https://casebook.example" }))).toBe(false);
    expect(isCrossOriginWrite(request("POST", { "x-forwarded-host": "casebook.example", host: "internal:3000", origin: "https://casebook.example" }))).toBe(false);
    expect(isCrossOriginWrite(request("POST", {}))).toBe(false);
    // The browser's Sec-Fetch-Site wins over a Host a proxy rewrote.
    expect(isCrossOriginWrite(request("POST", { "sec-fetch-site": "same-origin", origin: "https://public.example" }))).toBe(false);
    expect(isCrossOriginWrite(request("GET", { "sec-fetch-site": "cross-site" }))).toBe(false);
  });
});

describe("isFromThisOrigin", () => {
  const headers = (h: Record<string, string>) => new Headers({ host: "casebook.example", ...h });
  it("needs the browser's positive word that one of the site's own pages sent it", () => {
    expect(isFromThisOrigin(headers({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isFromThisOrigin(headers({ origin: "https://casebook.example" }))).toBe(true);
  });
  it("refuses anything else, including a request that says nothing", () => {
    expect(isFromThisOrigin(headers({}))).toBe(false);
    expect(isFromThisOrigin(headers({ "sec-fetch-site": "none" }))).toBe(false);
    expect(isFromThisOrigin(headers({ "sec-fetch-site": "same-site", origin: "https://casebook.example" }))).toBe(false);
    expect(isFromThisOrigin(headers({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isFromThisOrigin(headers({ origin: "https://evil.example" }))).toBe(false);
    expect(isFromThisOrigin(headers({ origin: "null" }))).toBe(false);
  });
});

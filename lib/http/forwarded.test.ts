import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, normalizeAddress, setClientAddress } from "./forwarded";

describe("clientAddressOf", () => {
  it("uses the peer address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("203.0.113.5", undefined, 0)).toBe("203.0.113.5");
    expect(clientAddressOf("203.0.113.5", "198.51.100.1", 0)).toBe("203.0.113.5");
    expect(clientAddressOf("203.0.113.5", "198.51.100.1, 198.51.100.2", 0)).toBe("203.0.113.5");
  });

  it("behind one proxy takes the right-most X-Forwarded-For entry, never the first", () => {
    // The proxy appended the address it saw; everything to its left is the client's own writing.
    expect(clientAddressOf("127.0.0.1", "10.0.0.9", 1)).toBe("10.0.0.9");
    expect(clientAddressOf("127.0.0.1", "1.2.3.4, 10.0.0.9", 1)).toBe("10.0.0.9");
    expect(clientAddressOf("127.0.0.1", "spoofed, 1.2.3.4,10.0.0.9", 1)).toBe("10.0.0.9");
  });

  it("behind n proxies skips n hops from the right of X-Forwarded-For plus the peer", () => {
    expect(clientAddressOf("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.1", 2)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.3", "1.2.3.4, 198.51.100.7, 10.0.0.1, 10.0.0.2", 3)).toBe("198.51.100.7");
  });

  it("without the header, or with fewer entries than hops, falls back to what is there", () => {
    expect(clientAddressOf("203.0.113.5", undefined, 1)).toBe("203.0.113.5");
    expect(clientAddressOf("203.0.113.5", "", 1)).toBe("203.0.113.5");
    expect(clientAddressOf("10.0.0.2", "198.51.100.7", 3)).toBe("198.51.100.7");
    expect(clientAddressOf(undefined, undefined, 1)).toBeNull();
  });

  it("joins repeated X-Forwarded-For headers in order", () => {
    expect(clientAddressOf("127.0.0.1", ["1.2.3.4", "10.0.0.9"], 1)).toBe("10.0.0.9");
  });

  it("spells an address one way", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress(" 198.51.100.7:4711 ")).toBe("198.51.100.7");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("x".repeat(500))).toHaveLength(64);
    expect(clientAddressOf("::ffff:10.1.2.3", undefined, 0)).toBe("10.1.2.3");
  });
});

describe("setClientAddress", () => {
  it("replaces any client-sent header with the computed address", () => {
    const req = { headers: { [CLIENT_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" }, socket: { remoteAddress: "203.0.113.5" } };
    setClientAddress(req, 0);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.5");
  });

  it("leaves no header when there is no address at all", () => {
    const req = { headers: { [CLIENT_ADDRESS_HEADER]: "6.6.6.6" } as Record<string, string>, socket: {} };
    setClientAddress(req, 1);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBeUndefined();
  });
});

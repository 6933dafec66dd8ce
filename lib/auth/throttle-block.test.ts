import { describe, expect, it } from "vitest";
import { addressBlock, throttleKeys } from "./throttle";

describe("the address a limit counts", () => {
  it("is the IPv4 address itself", () => {
    expect(addressBlock("203.0.113.7")).toBe("203.0.113.7");
  });
  it("is the /64 of an IPv6 address, however it is written", () => {
    const block = "2001:db8:abcd:12::/64";
    for (const a of ["2001:db8:abcd:12::1", "2001:0db8:abcd:0012:ffff:1:2:3", "2001:db8:abcd:12:a:b:c:d"]) expect(addressBlock(a)).toBe(block);
    expect(addressBlock("2001:db8:abcd:13::1")).not.toBe(block);
    expect(addressBlock("::1")).toBe("0:0:0:0::/64");
    expect(addressBlock("fe80::1")).toBe("fe80:0:0:0::/64");
  });
  it("so rotating addresses inside one /64 lands on one counter", () => {
    const keys = ["2001:db8:1:2::a", "2001:db8:1:2::b", "2001:db8:1:2:ffff::"].map((a) => throttleKeys("x@example.edu", a)[1]);
    expect(new Set(keys).size).toBe(1);
  });
});

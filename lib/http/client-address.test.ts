import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";
import { CLIENT_ADDRESS_HEADER, markServerSetsClientAddress } from "./forwarded";

describe("clientAddress", () => {
  it("ignores the header unless the server entry is in front (a client could have written it)", () => {
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "6.6.6.6" })).toBeNull();
  });

  it("reads the header the server entry set, from a header object or Headers", () => {
    markServerSetsClientAddress();
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "203.0.113.5" })).toBe("203.0.113.5");
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientAddress({})).toBeNull();
    expect(clientAddress(undefined)).toBeNull();
  });
});

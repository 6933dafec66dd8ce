import { describe, expect, it } from "vitest";
import { requestCache, runWithRequestCache } from "./request-cache";

describe("one memo per request", () => {
  it("dedupes calls within a request run by the door, by argument, and not across requests", async () => {
    let reads = 0;
    const read = requestCache(async (id: string) => `${id}#${++reads}`);
    const user = { id: "u" };
    const byUser = requestCache((u: { id: string }) => ({ u, n: ++reads }));
    await runWithRequestCache(async () => {
      expect(await read("a")).toBe("a#1");
      expect(await read("a")).toBe("a#1");
      expect(await read("b")).toBe("b#2");
      expect(byUser(user)).toBe(byUser(user));
      expect(byUser({ id: "u" })).not.toBe(byUser(user));
    });
    const next = reads + 1;
    await runWithRequestCache(async () => expect(await read("a")).toBe(`a#${next}`));
  });
});

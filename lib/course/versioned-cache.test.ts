import { describe, expect, it } from "vitest";
import { VersionedCache } from "./versioned-cache";

describe("a value held per content version", () => {
  it("loads once per version and again when the version changes", async () => {
    const cache = new VersionedCache<string>();
    let loads = 0;
    const load = (v: string) => async () => `${v}#${++loads}`;
    expect(await cache.get("v1", load("v1"))).toBe("v1#1");
    expect(await cache.get("v1", load("v1"))).toBe("v1#1");
    expect(await cache.get("v2", load("v2"))).toBe("v2#2");
    expect(await cache.get("v1", load("v1"))).toBe("v1#3");
  });
  it("concurrent first requests share one load", async () => {
    const cache = new VersionedCache<number>();
    let loads = 0;
    const results = await Promise.all(Array.from({ length: 5 }, () => cache.get("v", async () => ++loads)));
    expect(results).toEqual([1, 1, 1, 1, 1]);
  });
  it("does not keep a failed load", async () => {
    const cache = new VersionedCache<string>();
    await expect(cache.get("v", async () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await cache.get("v", async () => "ok")).toBe("ok");
  });
});

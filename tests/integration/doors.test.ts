// Imports every actions.ts and route.ts under app/ and checks that each exported action
// and each HTTP method was made by the door (lib/boundary): the door marks what it makes,
// so a hand-written handler named like one, or a local function called `route`, fails.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { doorOf } from "@/lib/boundary/mark";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const files = fs.readdirSync("app", { recursive: true, encoding: "utf8" }).filter((f) => /(^|\/)(actions|route)\.ts$/.test(f));

describe("every request enters through the door", () => {
  it("every exported action and route method carries the door's mark", async () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    const unmarked: string[] = [];
    for (const file of files) {
      const mod = (await import(path.resolve("app", file))) as Record<string, unknown>;
      const isRoute = file.endsWith("route.ts");
      for (const [name, value] of Object.entries(mod)) {
        if (isRoute && !METHODS.has(name)) continue;
        const kind = doorOf(value);
        if (isRoute ? kind !== "route" : kind !== "formAction" && kind !== "postAction") unmarked.push(`${file}: ${name}`);
      }
    }
    expect(unmarked).toEqual([]);
  });
});

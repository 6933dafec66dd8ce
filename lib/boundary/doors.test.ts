// Every server action and route handler in app/ goes through the one door
// (lib/boundary/action.ts or route.ts). Found by walking app/, so a new file is checked too.
// This reads the source; tests/integration/doors.test.ts imports every module and checks
// the mark the door puts on what it makes, which a name cannot fake.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve(__dirname, "../../app");
const files = fs
  .readdirSync(APP, { recursive: true, encoding: "utf8" })
  .map((f) => path.join(APP, f))
  .filter((f) => /\.tsx?$/.test(f) && fs.statSync(f).isFile());
const source = (file: string) => fs.readFileSync(file, "utf8");
const rel = (file: string) => path.relative(APP, file);

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Names a module exports, and how: `export const X = wrapper(` gives the wrapper. */
function exportsOf(text: string) {
  const found: { name: string; how: string }[] = [];
  for (const m of text.matchAll(/^export\s+(?:async\s+)?function\s+(\w+)/gm)) found.push({ name: m[1], how: "function" });
  // Any exported binding: `export const X = wrapper(` names the wrapper; anything else
  // (an arrow function, a typed binding, a plain value, `let`) is "other".
  for (const m of text.matchAll(/^export\s+(?:const|let|var)\s+(\w+)\s*(:[^=]+)?=\s*(?:([\w.]+)\()?/gm)) found.push({ name: m[1], how: !m[2] && m[3] ? m[3] : "other" });
  for (const m of text.matchAll(/^export\s+\{([^}]*)\}/gm))
    for (const part of m[1].split(",")) found.push({ name: part.trim().split(/\s+as\s+/).pop()!, how: "re-export" });
  return found;
}

describe("one door for every request", () => {
  const actions = files.filter((f) => path.basename(f) === "actions.ts" || /^["']use server["']/.test(source(f).trimStart()));
  const routes = files.filter((f) => /^route\.tsx?$/.test(path.basename(f)));

  it("finds the actions and handlers it checks", () => {
    expect(actions.length).toBeGreaterThanOrEqual(8);
    expect(routes.length).toBeGreaterThanOrEqual(12);
  });

  it("every server action is made by formAction or postAction", () => {
    const bypass = actions.flatMap((file) =>
      exportsOf(source(file))
        .filter((e) => e.how !== "formAction" && e.how !== "postAction")
        .map((e) => `${rel(file)}: ${e.name} (${e.how})`),
    );
    expect(bypass).toEqual([]);
  });

  it("every route handler method is made by route()", () => {
    const bypass = routes.flatMap((file) =>
      exportsOf(source(file))
        .filter((e) => METHODS.includes(e.name) && e.how !== "route")
        .map((e) => `${rel(file)}: ${e.name} (${e.how})`),
    );
    expect(bypass).toEqual([]);
    for (const file of routes) expect(exportsOf(source(file)).some((e) => METHODS.includes(e.name)), rel(file)).toBe(true);
  });

  it("no page or handler reads the session or the body around the door", () => {
    const around = [...actions, ...routes].filter((file) => /authorizeRequest|getServerSession|sessionUserId|requireUser|requireRole|request\.json\(\)|formOf\(/.test(source(file))).map(rel);
    expect(around).toEqual([]);
  });

  it("the walker would notice a bypass", () => {
    expect(exportsOf("export async function POST() {}")).toEqual([{ name: "POST", how: "function" }]);
    expect(exportsOf("export { handler as GET, handler as POST };").map((e) => e.name)).toEqual(["GET", "POST"]);
    expect(exportsOf("export const POST = route({}, run);")).toEqual([{ name: "POST", how: "route" }]);
    for (const bypass of ["export const POST = async (req) => new Response();", "export const POST: Handler = route({}, run);", "export let POST = handler;", "export const POST = handler;"])
      expect(exportsOf(bypass), bypass).toEqual([{ name: "POST", how: "other" }]);
  });
});

import { describe, expect, it } from "vitest";
import { aliasesFor, servedOrder, servedPayload, servedResponse, storedResponse } from "./aliases";

const entry = { o: ["s2", "s1", "s3"], t: ["t2", "t1"], ...aliasesFor(["s2", "s1", "s3"], ["t2", "t1"]) };

describe("per-attempt aliases", () => {
  it("serves fresh, distinct aliases and never a stored id", () => {
    const served = [...entry.a, ...entry.b];
    expect(new Set(served).size).toBe(5);
    for (const id of ["s1", "s2", "s3", "t1", "t2"]) expect(served).not.toContain(id);
    const again = aliasesFor(entry.o, entry.t);
    expect(again.a.some((alias) => entry.a.includes(alias))).toBe(false);
  });
  it("lists choices in display order under their aliases", () => {
    const payload = servedPayload({ options: [{ id: "s1", text: "one" }, { id: "s2", text: "two" }, { id: "s3", text: "three" }] }, entry);
    expect(payload.options!.map((o) => o.text)).toEqual(["two", "one", "three"]);
    expect(payload.options!.map((o) => o.id)).toEqual(entry.a);
    expect(servedOrder(entry)).toEqual({ order: entry.a, targets: entry.b });
  });
  it("translates responses both ways and refuses an unknown id", () => {
    const [a2, a1, a3] = entry.a;
    const [b2, b1] = entry.b;
    expect(storedResponse("single", { choice: a1 }, entry)).toEqual({ choice: "s1" });
    expect(storedResponse("multiple", { choices: [a3, a2] }, entry)).toEqual({ choices: ["s3", "s2"] });
    expect(storedResponse("ordering", { order: [a1, a2, a3] }, entry)).toEqual({ order: ["s1", "s2", "s3"] });
    expect(storedResponse("matching", { matches: { [a1]: b2, [a2]: b1 } }, entry)).toEqual({ matches: { s1: "t2", s2: "t1" } });
    expect(storedResponse("single", { choice: "s1" }, entry)).toBeNull();
    expect(storedResponse("matching", { matches: { [a1]: "t1" } }, entry)).toBeNull();
    expect(storedResponse("true_false", { value: true }, entry)).toEqual({ value: true });
    expect(servedResponse("matching", { matches: { s1: "t2" } }, entry)).toEqual({ matches: { [a1]: b2 } });
    // A blank answer (stored as null when an attempt is graded) passes through untouched.
    expect(servedResponse("single", null, entry)).toBeNull();
  });
  it("an attempt started before aliases keeps its stored ids", () => {
    const legacy = { o: ["s1", "s2"], t: [] };
    expect(servedOrder(legacy).order).toEqual(["s1", "s2"]);
    expect(storedResponse("single", { choice: "s2" }, legacy)).toEqual({ choice: "s2" });
  });
});

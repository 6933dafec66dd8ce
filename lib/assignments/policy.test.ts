import { describe, expect, it } from "vitest";
import { mayHandIn, mayStartNewVersion, type TryState } from "./policy";

const t = (tryNumber: number, status: string, released = false): TryState => ({ tryNumber, status, released });

describe("resubmission", () => {
  it("opens a new version after a submit, while versions remain and no grade is released", () => {
    expect(mayStartNewVersion([], 2)).toEqual({ ok: false, reason: "nothing-submitted" });
    expect(mayStartNewVersion([t(1, "draft")], 2)).toEqual({ ok: false, reason: "draft-open" });
    expect(mayStartNewVersion([t(1, "submitted")], 2)).toEqual({ ok: true });
    expect(mayStartNewVersion([t(1, "submitted")], 1)).toEqual({ ok: false, reason: "all-used" });
    expect(mayStartNewVersion([t(1, "submitted", true)], 3)).toEqual({ ok: false, reason: "released" });
    expect(mayStartNewVersion([t(2, "submitted"), t(1, "submitted")], 2)).toEqual({ ok: false, reason: "all-used" });
  });

  it("hands in a later version only while no grade is released", () => {
    expect(mayHandIn([t(1, "draft")], 1)).toBe(true);
    expect(mayHandIn([t(1, "submitted"), t(2, "draft")], 2)).toBe(true);
    expect(mayHandIn([t(1, "submitted", true), t(2, "draft")], 2)).toBe(false);
  });
});

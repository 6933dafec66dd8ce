import { describe, expect, it } from "vitest";
import { secretProblem } from "./env";

const prod = (extra: Record<string, string>) => ({ NODE_ENV: "production", ...extra }) as NodeJS.ProcessEnv;

describe("secretProblem", () => {
  it("allows anything outside production", () => {
    expect(secretProblem({ NODE_ENV: "development" } as NodeJS.ProcessEnv)).toBeNull();
  });
  it("refuses production without a secret, in one line", () => {
    const problem = secretProblem(prod({}));
    expect(problem).toMatch(/NEXTAUTH_SECRET/);
    expect(problem).not.toContain("\n");
  });
  it("refuses a secret shorter than 32 bytes and accepts 32", () => {
    expect(secretProblem(prod({ NEXTAUTH_SECRET: "x".repeat(31) }))).toMatch(/31 bytes/);
    expect(secretProblem(prod({ NEXTAUTH_SECRET: "x".repeat(32) }))).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { parseEnv, secretProblem, startProblem } from "./env";

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

describe("parseEnv", () => {
  it("fills defaults for an empty environment", () => {
    const { env, problem } = parseEnv({});
    expect(problem).toBeNull();
    expect(env).toMatchObject({
      NODE_ENV: "development",
      DATABASE_URL: "file:./data/casebook.db",
      DATABASE_POOL_SIZE: 10,
      CASEBOOK_TRUST_PROXY: 0,
      PORT: 3000,
      HOST: "0.0.0.0",
    });
  });

  it("reads good values, and treats an empty value as unset", () => {
    const { env } = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://casebook@db:5432/casebook",
      DATABASE_POOL_SIZE: "25",
      NEXTAUTH_URL: "https://casebook.example.edu/",
      CASEBOOK_DEMO: "0",
      CASEBOOK_TRUST_PROXY: "2",
      CASEBOOK_SKIP_BUILD: "1",
      PORT: "8080",
      HOST: "127.0.0.1",
    });
    expect(env).toMatchObject({
      NODE_ENV: "production",
      DATABASE_POOL_SIZE: 25,
      NEXTAUTH_URL: "https://casebook.example.edu",
      CASEBOOK_DEMO: "0",
      CASEBOOK_TRUST_PROXY: 2,
      PORT: 8080,
    });
    expect(parseEnv({ PORT: "", CASEBOOK_TRUST_PROXY: "" }).env).toMatchObject({ PORT: 3000, CASEBOOK_TRUST_PROXY: 0 });
  });

  it.each([
    ["NODE_ENV", "prod", /NODE_ENV must be development, production or test/],
    ["DATABASE_URL", "mysql://x", /DATABASE_URL must be a file: URL/],
    ["DATABASE_POOL_SIZE", "0", /DATABASE_POOL_SIZE must be a whole number/],
    ["DATABASE_POOL_SIZE", "ten", /DATABASE_POOL_SIZE must be a whole number/],
    ["NEXTAUTH_URL", "casebook.example.edu", /NEXTAUTH_URL must be an http/],
    ["NEXTAUTH_URL", "ftp://casebook.example.edu", /NEXTAUTH_URL must be an http/],
    ["CASEBOOK_DEMO", "yes", /CASEBOOK_DEMO must be 0 or 1/],
    ["CASEBOOK_TRUST_PROXY", "true", /CASEBOOK_TRUST_PROXY must be the number of reverse proxies/],
    ["CASEBOOK_TRUST_PROXY", "-1", /CASEBOOK_TRUST_PROXY must be the number/],
    ["CASEBOOK_SKIP_BUILD", "yes", /CASEBOOK_SKIP_BUILD must be 0 or 1/],
    ["PORT", "70000", /PORT must be a port number/],
    ["HOST", "a host", /HOST must be an address/],
  ])("refuses %s=%s with one line naming the variable and the value", (name, value, message) => {
    const { env, problem } = parseEnv({ [name]: value });
    expect(env).toBeNull();
    expect(problem).toMatch(/^Casebook refuses to start: /);
    expect(problem).toMatch(message);
    expect(problem).toContain(JSON.stringify(value));
    expect(problem).not.toContain("\n");
  });

  it("names every bad value at once", () => {
    expect(parseEnv({ PORT: "x", CASEBOOK_DEMO: "2" }).problem).toMatch(/CASEBOOK_DEMO.*; PORT|PORT.*; CASEBOOK_DEMO/);
  });
});

describe("startProblem", () => {
  const secret = "x".repeat(32);
  it("accepts a local production instance without NEXTAUTH_URL", () => {
    expect(startProblem(prod({ NEXTAUTH_SECRET: secret }))).toBeNull();
  });
  it("refuses a bad value before anything else", () => {
    expect(startProblem(prod({ NEXTAUTH_SECRET: secret, CASEBOOK_TRUST_PROXY: "yes" }))).toMatch(/CASEBOOK_TRUST_PROXY/);
  });
  it("refuses a missing secret in production", () => {
    expect(startProblem(prod({}))).toMatch(/NEXTAUTH_SECRET/);
  });
  it("refuses a shared (PostgreSQL) production instance without NEXTAUTH_URL, and accepts it with one", () => {
    const shared = { NEXTAUTH_SECRET: secret, DATABASE_URL: "postgres://casebook@db/casebook" };
    expect(startProblem(prod(shared))).toMatch(/set NEXTAUTH_URL/);
    expect(startProblem(prod({ ...shared, NEXTAUTH_URL: "https://casebook.example.edu" }))).toBeNull();
  });
});

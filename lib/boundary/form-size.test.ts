import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { FORM_BODY_LIMIT_BYTES, formSizeProblem } from "./form-size";

const post = (headers: Record<string, string>) => ({ method: "POST", headers: new Headers(headers) });

describe("formSizeProblem", () => {
  it("lets a form within the limit through, and never looks at other methods", () => {
    expect(formSizeProblem(post({ "content-length": String(FORM_BODY_LIMIT_BYTES) }))).toBeNull();
    expect(formSizeProblem(post({ "content-length": "0" }))).toBeNull();
    expect(formSizeProblem({ method: "GET", headers: new Headers() })).toBeNull();
  });
  it("refuses a declared body over the limit with 413", () => {
    expect(formSizeProblem(post({ "content-length": String(FORM_BODY_LIMIT_BYTES + 1) }))).toMatchObject({ status: 413, message: expect.stringContaining("256 KB") });
  });
  it("refuses a post that declares no length (chunked) with 411, and a nonsense length with 400", () => {
    expect(formSizeProblem(post({ "transfer-encoding": "chunked" }))).toMatchObject({ status: 411 });
    for (const length of ["-1", "1e9", "abc", "99999999999999999999"]) expect(formSizeProblem(post({ "content-length": length }))).toMatchObject({ status: 400 });
  });
  it("is the limit next.config.js gives Next for server actions", () => {
    const config = createRequire(import.meta.url)("../../next.config.js") as { experimental: { serverActions: { bodySizeLimit: string } } };
    expect(config.experimental.serverActions.bodySizeLimit).toBe(`${FORM_BODY_LIMIT_BYTES / 1024}kb`);
  });
});

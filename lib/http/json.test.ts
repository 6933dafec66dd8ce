import { describe, expect, it } from "vitest";
import { boundedJsonSize, jsonDepth, parseJsonText, readTextWithin } from "./json";

const deep = (n: number) => "[".repeat(n) + "]".repeat(n);

describe("reading untrusted JSON", () => {
  it("measures depth without parsing, ignoring brackets inside strings", () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
    expect(jsonDepth(deep(5000))).toBe(5000);
  });
  it("refuses a body nested 5,000 deep with a 400 and a message (it once crashed JSON.stringify)", () => {
    const body = `{"questionId":"q","response":${deep(5000)}}`;
    expect(body.length).toBeLessThan(16 * 1024);
    expect(parseJsonText(body, 16 * 1024)).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/nested too deeply/) });
  });
  it("refuses oversize bodies with 413 and malformed ones with 400", () => {
    expect(parseJsonText("x".repeat(20), 10)).toMatchObject({ ok: false, status: 413 });
    expect(parseJsonText("{", 10)).toMatchObject({ ok: false, status: 400 });
    expect(parseJsonText('{"a":[1]}', 100)).toEqual({ ok: true, value: { a: [1] } });
  });
  it("sizes values with an explicit stack, so deep values come back null instead of throwing", () => {
    let value: unknown = [];
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(() => JSON.stringify(value)).toThrow(RangeError);
    expect(boundedJsonSize(value, 4096)).toBeNull();
    expect(boundedJsonSize({ choice: "abc" }, 4096)).toBeGreaterThan(0);
    expect(boundedJsonSize({ text: "x".repeat(5000) }, 4096)).toBeNull();
  });
});

describe("reading a body within a limit", () => {
  const streamed = (chunks: number, size: number) => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= chunks) controller.close();
        else controller.enqueue(new Uint8Array(size).fill(120));
      },
    });
    return { request: new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit), sent: () => sent };
  };
  it("stops reading a chunked body without Content-Length as soon as it passes the limit", async () => {
    const { request, sent } = streamed(10_000, 1024);
    expect(await readTextWithin(request, 16 * 1024)).toMatchObject({ ok: false, status: 413 });
    expect(sent()).toBeLessThan(40);
  });
  it("reads a body within the limit, and refuses a declared length over it unread", async () => {
    expect(await readTextWithin(new Request("http://x/", { method: "POST", body: '{"a":1}' }), 100)).toEqual({ ok: true, text: '{"a":1}' });
    expect(await readTextWithin(new Request("http://x/", { method: "POST", body: "x", headers: { "content-length": "999999" } }), 100)).toMatchObject({ ok: false, status: 413 });
  });
});

import { describe, expect, it } from "vitest";
import { CorruptQuestionError, keyOf, payloadOf } from "./columns";

describe("question columns are parsed, not cast", () => {
  it("parses a well-formed payload and key by the question's type", () => {
    expect(payloadOf({ id: "q", type: "single", payload: '{"options":[{"id":"x","text":"X"}]}' })).toEqual({ options: [{ id: "x", text: "X" }] });
    expect(keyOf({ id: "q", type: "ordering", answerKey: '{"order":["b","a"]}' })).toEqual({ order: ["b", "a"] });
  });
  it("refuses malformed rows with the question named", () => {
    expect(() => payloadOf({ id: "q1", type: "single", payload: '{"options":"nope"}' })).toThrow(CorruptQuestionError);
    expect(() => keyOf({ id: "q2", type: "single", answerKey: "{" })).toThrow(/q2.*not JSON/);
    expect(() => keyOf({ id: "q3", type: "essay", answerKey: "{}" })).toThrow(/unknown type/);
  });
});

import { describe, expect, it } from "vitest";
import { ANSWER_PROBLEMS, problemCodeOf, problemText } from "./problems";

describe("answer problems", () => {
  it("round-trips a refusal through its code", () => {
    expect(problemText(problemCodeOf(ANSWER_PROBLEMS.option))).toBe(ANSWER_PROBLEMS.option);
    expect(problemText(problemCodeOf(`${ANSWER_PROBLEMS.shape} Too many matches.`))).toBe(ANSWER_PROBLEMS.shape);
  });
  it("reads anything else in the address bar as a generic refusal, inherited names included", () => {
    for (const code of [undefined, "", "nope", "__proto__", "toString", "constructor", "hasOwnProperty"]) expect(problemText(code)).toBe(ANSWER_PROBLEMS.shape);
  });
});

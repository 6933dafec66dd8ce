import { describe, expect, it } from "vitest";
import { fieldName, readAnswer, readAnswers } from "./form";

const reader = (fields: Record<string, string[]>) => (name: string) => fields[name] ?? [];

describe("reading the attempt form", () => {
  it("reads each question type", () => {
    const read = reader({
      [fieldName("s")]: ["o2"],
      [fieldName("t")]: ["false"],
      [fieldName("m")]: ["o1", "o3"],
      [fieldName("x")]: ["  one percent "],
      [fieldName("mt", "i1")]: ["pl"],
      [fieldName("mt", "i2")]: [""],
      [fieldName("or", "a")]: ["2"],
      [fieldName("or", "b")]: ["1"],
    });
    expect(readAnswer({ id: "s", type: "single", order: [] }, read)).toEqual({ response: { choice: "o2" } });
    expect(readAnswer({ id: "t", type: "true_false", order: [] }, read)).toEqual({ response: { value: false } });
    expect(readAnswer({ id: "m", type: "multiple", order: [] }, read)).toEqual({ response: { choices: ["o1", "o3"] } });
    expect(readAnswer({ id: "x", type: "short_text", order: [] }, read)).toEqual({ response: { text: "one percent" } });
    expect(readAnswer({ id: "mt", type: "matching", order: ["i1", "i2"] }, read)).toEqual({ response: { matches: { i1: "pl" } } });
    expect(readAnswer({ id: "or", type: "ordering", order: ["a", "b"] }, read)).toEqual({ response: { order: ["b", "a"] } });
  });

  it("treats blanks as unanswered", () => {
    const read = reader({});
    for (const type of ["single", "true_false", "multiple", "short_text", "matching", "ordering"]) {
      expect(readAnswer({ id: "q", type, order: ["a", "b"] }, read)).toBeNull();
    }
  });

  it("asks for distinct positions in an ordering question", () => {
    const read = reader({ [fieldName("or", "a")]: ["1"], [fieldName("or", "b")]: ["1"] });
    const { responses, problems } = readAnswers([{ id: "or", type: "ordering", order: ["a", "b"] }], read);
    expect(responses.size).toBe(0);
    expect(problems.or).toMatch(/different position/);
  });
});

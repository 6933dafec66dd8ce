import { describe, expect, it } from "vitest";
import { countWords, wordLimitProblem } from "./words";

describe("countWords", () => {
  it("counts words as a reader does", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("   \n\t ")).toBe(0);
    expect(countWords("Dear Ms. Whitfield,")).toBe(3);
    expect(countWords("The client's well-known 2023–33 projection")).toBe(5);
    expect(countWords("I can't advise you — but I'll tell the lawyer today.")).toBe(10);
    expect(countWords("Línea uno\n\nsegunda línea")).toBe(4);
  });
  it("does not count punctuation or markup on its own", () => {
    expect(countWords("- * ** -- … !!")).toBe(0);
    expect(countWords("**Part 1:** hello")).toBe(3);
  });
});

describe("wordLimitProblem", () => {
  const limits = { minWords: 3, maxWords: 5 };
  it("accepts the limits themselves and anything between", () => {
    expect(wordLimitProblem(3, limits)).toBeNull();
    expect(wordLimitProblem(5, limits)).toBeNull();
  });
  it("says how far outside the limits a text is", () => {
    expect(wordLimitProblem(2, limits)).toBe("Write at least 3 words: this has 2.");
    expect(wordLimitProblem(7, limits)).toBe("Keep it to 5 words: this has 7. Cut 2.");
  });
});

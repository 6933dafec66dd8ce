import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("csv", () => {
  it("neutralizes formula injection", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
  });
  it("leaves ordinary values alone and numbers unquoted", () => {
    expect(csvCell("Ana Lucía")).toBe("Ana Lucía");
    expect(csvCell(85.5)).toBe("85.5");
    expect(csvCell(null)).toBe("");
  });
  it("quotes commas, quotes and newlines", () => {
    expect(csvCell('Smith, "Jo"')).toBe('"Smith, ""Jo"""');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvRow(["a", 1, null])).toBe("a,1,\r\n");
  });
});

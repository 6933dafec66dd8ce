import { describe, expect, it } from "vitest";
import { renderMarkdown, sectionsOf } from "./markdown";

describe("renderMarkdown", () => {
  it("renders headings with anchor ids, lists and tables", () => {
    const html = renderMarkdown("## Day-to-day duties\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    expect(html).toContain('<h2 id="day-to-day-duties">Day-to-day duties</h2>');
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<table>");
  });

  it("strips scripts, raw HTML, event handlers and javascript: links", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[x](javascript:alert(1))\n\nok');
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
    expect(html).toContain("ok");
  });

  it("turns marked blockquotes into labelled callouts", () => {
    const html = renderMarkdown("> [!EXAMPLE]\n> **Example (illustrative):** a scenario.");
    expect(html).toContain('<div class="callout callout--example" role="note">');
    expect(html).toContain('<p class="callout__label"><strong>Example</strong></p>');
    expect(html).not.toContain("[!EXAMPLE]");
  });

  it("marks glossary links", () => {
    expect(renderMarkdown("a [deposition](/glossary#deposition)")).toContain('<a href="/glossary#deposition" class="term-link">');
  });

  it("lists sections", () => {
    expect(sectionsOf("## One\n\ntext\n\n## Two: more\n")).toEqual([
      { id: "one", title: "One" },
      { id: "two-more", title: "Two: more" },
    ]);
  });
});

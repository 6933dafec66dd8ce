// The course content is code too: every file validates, every glossary link resolves,
// the article's facts are all taught, and nothing is copied from the article.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { loadGlossary } from "@/lib/content/glossary";
import { loadLessons, parseLessonFile } from "@/lib/content/lessons";
import { loadQuizzes } from "@/lib/content/quizzes";
import shingles from "@/tests/fixtures/article-shingles.json";
import { copiedRuns } from "@/tests/support/originality";

const lessons = loadLessons();
const glossary = loadGlossary();
const plain = (s: string) => s.toLowerCase().replace(/[’']/g, "").replace(/\s+/g, " ");
const allText = plain(lessons.map((l) => `${l.title}\n${l.summary}\n${l.body}`).join("\n"));
const lesson = (slug: string) => {
  const found = lessons.find((l) => l.slug === slug);
  if (!found) throw new Error(`missing lesson ${slug}`);
  return plain(found.body);
};

describe("lesson files", () => {
  it("has at least six valid lessons in a gap-free order", () => {
    expect(lessons.length).toBeGreaterThanOrEqual(6);
    expect(lessons.map((l) => l.order)).toEqual(lessons.map((_, i) => i + 1));
  });

  it("each lesson ends with key takeaways and cites its sources", () => {
    for (const l of lessons) {
      const takeaways = l.body.indexOf("## Key takeaways");
      const sources = l.body.indexOf("## Sources");
      expect(takeaways, l.file).toBeGreaterThan(0);
      expect(sources, l.file).toBeGreaterThan(takeaways);
      for (const source of l.sources) expect(l.body.slice(sources), `${l.file} cites ${source.title}`).toContain(source.title);
    }
  });

  it("a bad file fails with the file name and the field", () => {
    const bad = "---\nslug: Not A Slug\norder: 1\ntitle: T\n---\nbody";
    expect(() => parseLessonFile("lessons/99-bad.md", bad)).toThrow(/lessons\/99-bad\.md: slug: use lower-case/);
    expect(() => parseLessonFile("lessons/99-bad.md", bad)).toThrow(/lessons\/99-bad\.md: summary/);
  });
});

describe("glossary", () => {
  it("every term link in a lesson resolves, and each term lists exactly the lessons that link it", () => {
    const slugs = new Set(glossary.map((t) => t.slug));
    const linkedBy = new Map<string, Set<string>>();
    for (const l of lessons) {
      for (const [, term] of l.body.matchAll(/\]\(\/glossary#([a-z0-9-]+)\)/g)) {
        expect(slugs.has(term), `${l.file} links to missing term ${term}`).toBe(true);
        linkedBy.set(term, (linkedBy.get(term) ?? new Set()).add(l.slug));
      }
    }
    for (const term of glossary) expect([...term.lessons].sort(), term.slug).toEqual([...(linkedBy.get(term.slug) ?? [])].sort());
  });
});

describe("the article's facts are all taught", () => {
  // [where, what must be found] — each entry is one fact from the source article.
  const facts: [string | null, RegExp][] = [
    // The roles and how they differ
    ["roles-compared", /associate/],
    ["roles-compared", /bachelor/],
    ["roles-compared", /(no|not need|does not require|without)[^.]*formal education|formal education[^.]*(not|isn)/],
    ["roles-compared", /manag\w+ a (department|paralegal team)|managing[^.]*paralegal team/],
    ["roles-compared", /clerical/],
    ["roles-compared", /secretarial/],
    ["roles-compared", /administrative assistant/],
    ["roles-compared", /side by side/],
    ["roles-compared", /semi-independently/],
    ["roles-compared", /supervision/],
    // Legal assistant duties (all five)
    ["legal-assistant-duties", /travel/],
    ["legal-assistant-duties", /calendar/],
    ["legal-assistant-duties", /witnesses/],
    ["legal-assistant-duties", /deposition/],
    ["legal-assistant-duties", /draft/],
    ["legal-assistant-duties", /proofread/],
    ["legal-assistant-duties", /correspondence/],
    ["legal-assistant-duties", /billing/],
    ["legal-assistant-duties", /evidence/],
    ["legal-assistant-duties", /customer service/],
    // Paralegal duties (all six), specializations, contracting
    ["paralegal-duties", /legal research/],
    ["paralegal-duties", /hearings/],
    ["paralegal-duties", /trials/],
    ["paralegal-duties", /corporate meetings/],
    ["paralegal-duties", /electronic discovery/],
    ["paralegal-duties", /accounting databases/],
    ["paralegal-duties", /(locat\w+|find\w*)[^.]*interview\w*[^.]*witness|interview\w* witness/],
    ["paralegal-duties", /testimony/],
    ["paralegal-duties", /interrogator/],
    ["paralegal-duties", /appeal/],
    ["paralegal-duties", /family/],
    ["paralegal-duties", /criminal/],
    ["paralegal-duties", /real estate/],
    ["paralegal-duties", /immigration/],
    ["paralegal-duties", /independent contractor/],
    ["paralegal-duties", /supervision of an attorney|attorney'?s? supervision|supervised by an attorney/],
    // Skills (seven and five)
    ["skills", /organizational skills/],
    ["skills", /writing skills/],
    ["skills", /technical skills/],
    ["skills", /detail-oriented/],
    ["skills", /interpersonal skills/],
    ["skills", /adaptability/],
    ["skills", /legal terminology/],
    ["skills", /multitasking/],
    ["skills", /full attention to detail/],
    ["skills", /willingness to learn/],
    ["skills", /organization/],
    ["skills", /intuition/],
    ["skills", /secondary point of contact/],
    // Outlook
    ["career-outlook", /1 percent/],
    ["career-outlook", /2023/],
    ["career-outlook", /2033/],
    ["career-outlook", /bureau of labor statistics/],
    ["career-outlook", /occupational outlook handbook/],
    ["career-outlook", /law firms/],
    ["career-outlook", /largest employers/],
    // Education and the path in
    ["path-into-the-field", /associate degree/],
    ["path-into-the-field", /certificate/],
    ["path-into-the-field", /65 credit hours/],
    ["path-into-the-field", /two years/],
    ["path-into-the-field", /a\.a\.s\./],
    ["path-into-the-field", /internship/],
    ["path-into-the-field", /employer-based/],
    ["path-into-the-field", /on-the-job training/],
  ];
  it.each(facts.map(([where, what]) => [where ?? "any lesson", what] as const))("%s teaches %s", (where, what) => {
    expect(where === "any lesson" ? allText : lesson(where)).toMatch(what);
  });
});

describe("originality", () => {
  it("no lesson repeats eight words in a row from the article (the BLS quotation aside)", () => {
    for (const l of lessons) expect(copiedRuns(l.body), l.file).toEqual([]);
  });

  it("no quiz item does either, in its prompt, options or explanation", () => {
    const copied: string[] = [];
    for (const quiz of loadQuizzes(lessons))
      for (const q of quiz.questions) {
        const choices = "options" in q ? q.options : "items" in q ? [...q.items, ...("targets" in q ? q.targets : [])] : [];
        // Each text on its own: a run across the end of one option and the start of the next is no copy.
        for (const text of [q.prompt, q.explanation, ...choices.map((c) => c.text)]) copied.push(...copiedRuns(text).map((run) => `${quiz.file} ${q.key}: "${run}"`));
      }
    expect(copied).toEqual([]);
  });

  it("the fingerprint file is present and non-trivial", () => {
    expect(fs.existsSync("tests/fixtures/article-shingles.json")).toBe(true);
    expect(shingles.hashes.length).toBeGreaterThan(500);
  });
});

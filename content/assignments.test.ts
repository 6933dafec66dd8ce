// Written assignments (issue 17) are content like lessons and quizzes: every file validates,
// names a lesson and objectives that exist, and copies nothing from the article.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rubricMaxPoints } from "@/lib/content/assignment-schema";
import { loadAssignments, parseAssignmentFile } from "@/lib/content/assignments";
import { loadLessons } from "@/lib/content/lessons";
import { copiedRuns } from "@/tests/support/originality";

const lessons = loadLessons();
const assignments = loadAssignments(lessons);

describe("assignment files", () => {
  it("ships the internship application and the ethics reflection, each after its lesson", () => {
    expect(assignments.map((a) => [a.slug, a.afterLesson])).toEqual([
      ["internship-application", "path-into-the-field"],
      ["ethics-reflection", "ethics-and-limits"],
    ]);
  });

  it("each rubric has a writing criterion and measures objectives of the course, with points that add up", () => {
    for (const a of assignments) {
      expect(a.rubric.length, a.file).toBeGreaterThanOrEqual(3);
      expect(rubricMaxPoints(a.rubric), a.file).toBeGreaterThan(0);
      expect(a.rubric.some((c) => /writ|organi|tone|clear/i.test(`${c.title} ${c.description}`)), `${a.file}: a criterion on clear, professional writing`).toBe(true);
      expect(a.maxSubmissions, a.file).toBeGreaterThanOrEqual(1);
    }
  });

  it("copies nothing from the article", () => {
    const copied = assignments.flatMap((a) =>
      [a.prompt, a.instructions, ...a.rubric.flatMap((c) => [c.description, ...c.levels.map((l) => l.description)])].flatMap((text) => copiedRuns(text).map((run) => `${a.file}: "${run}"`)),
    );
    expect(copied).toEqual([]);
  });

  it("a bad file fails with the file name and the field; an objective or lesson that does not exist is named", () => {
    const file = (over: { minWords?: number; objective?: string; afterLesson?: string; lowPoints?: number } = {}) =>
      [
        "slug: x",
        'title: "A title"',
        `afterLesson: ${over.afterLesson ?? "legal-team"}`,
        'prompt: "Write a short letter to a client about the next step."',
        'instructions: "Use your own words and the course\'s terms."',
        `minWords: ${over.minWords ?? 50}`,
        "maxWords: 100",
        "rubric:",
        "  - id: c",
        '    title: "Content"',
        '    description: "Says what the task asks."',
        `    objectives: [${over.objective ?? "legal-team.role"}]`,
        "    levels:",
        '      - { id: high, title: "High", description: "Does the whole task well.", points: 4 }',
        `      - { id: low, title: "Low", description: "Misses the task entirely.", points: ${over.lowPoints ?? 0} }`,
      ].join("\n");
    expect(loadAssignmentsFrom(file())).toHaveLength(1);
    expect(() => parseAssignmentFile("assignments/bad.yaml", file({ minWords: 500 }))).toThrow("assignments/bad.yaml: minWords: minWords is more than maxWords");
    expect(() => parseAssignmentFile("assignments/bad.yaml", file({ lowPoints: 5 }))).toThrow("assignments/bad.yaml: rubric.0.levels: levels go from the most points to the fewest, strictly");
    expect(() => loadAssignmentsFrom(file({ objective: "legal-team.nope" }))).toThrow('assignments/01-x.yaml: rubric c: objective: no objective "legal-team.nope"');
    expect(() => loadAssignmentsFrom(file({ afterLesson: "no-such-lesson" }))).toThrow('assignments/01-x.yaml: afterLesson: no lesson "no-such-lesson"');
  });
});

function loadAssignmentsFrom(yaml: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assignments-"));
  fs.writeFileSync(path.join(dir, "01-x.yaml"), yaml);
  try {
    return loadAssignments(lessons, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

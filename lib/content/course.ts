// Reads content/course.yaml: the course-level objectives the lessons' objectives map up to.
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { CONTENT_DIR } from "./dir";
import { ContentError, courseFileSchema, describeIssues, type CourseFile } from "./schema";

export function loadCourseFile(file = path.join(CONTENT_DIR, "course.yaml")): CourseFile {
  const result = courseFileSchema.safeParse(YAML.parse(fs.readFileSync(/* turbopackIgnore: true */ file, "utf8")));
  if (!result.success) throw new ContentError(describeIssues("course.yaml", result.error));
  return result.data;
}

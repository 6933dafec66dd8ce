// Reads content/course.yaml: the course-level objectives the lessons' objectives map up to.
import fs from "node:fs";
import path from "node:path";
import { CONTENT_DIR } from "./dir";
import { courseFileSchema, type CourseFile } from "./schema";
import { parseYamlContent } from "./yaml";

export function loadCourseFile(file = path.join(CONTENT_DIR, "course.yaml")): CourseFile {
  return parseYamlContent("course.yaml", fs.readFileSync(/* turbopackIgnore: true */ file, "utf8"), courseFileSchema);
}

// One way to read a YAML content file: parse, validate with its zod schema, and fail with the
// file's name and the offending field (quizzes, assignments, the course file).
import YAML from "yaml";
import type { z } from "zod";
import { ContentError, describeIssues } from "./schema";

export function parseYamlContent<T>(file: string, raw: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = YAML.parse(raw);
  } catch (error) {
    throw new ContentError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) throw new ContentError(describeIssues(file, result.error));
  return result.data;
}

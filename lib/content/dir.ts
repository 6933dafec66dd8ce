import fs from "node:fs";
import path from "node:path";

// Content is read from the project folder at seed time (and by the glossary page);
// the ignore hint keeps Next's file tracing from pulling in the whole project.
export const CONTENT_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "content");

/** Each file in `dir` whose name ends with `extension`, in name order, parsed by `parse(label, text)` ("<folder>/<name>"). */
export function readContentFiles<T>(dir: string, folder: string, extension: string, parse: (label: string, raw: string) => T): T[] {
  return fs
    .readdirSync(/* turbopackIgnore: true */ dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => parse(`${folder}/${name}`, fs.readFileSync(/* turbopackIgnore: true */ path.join(dir, name), "utf8")));
}

import path from "node:path";

// Content is read from the project folder at seed time (and by the glossary page);
// the ignore hint keeps Next's file tracing from pulling in the whole project.
export const CONTENT_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "content");

// Runs of words copied from the source article, found through its fingerprint
// (tests/fixtures/article-shingles.json: hashes of every run of `words` words), so the check
// needs no copy of the article itself.
import { createHash } from "node:crypto";
import shingles from "@/tests/fixtures/article-shingles.json";

const known = new Set<string>(shingles.hashes);

/** Every run of the fingerprint's length in `text` that also appears in the article. */
export function copiedRuns(text: string): string[] {
  const words = text.toLowerCase().replace(/[’']/g, "").replace(/\s+/g, " ").replace(/[^a-z0-9 ]+/g, " ").split(/\s+/).filter(Boolean);
  const copied: string[] = [];
  for (let i = 0; i + shingles.words <= words.length; i++) {
    const run = words.slice(i, i + shingles.words).join(" ");
    if (known.has(createHash("sha256").update(run).digest("hex").slice(0, 16))) copied.push(run);
  }
  return copied;
}

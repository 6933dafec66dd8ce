// A class list as instructors have it: a CSV exported from a spreadsheet or the college's
// system, "name,email" per line (a header line, quotes, semicolons or tabs are fine), or
// a line typed by hand. Pure, so the rules for what is understood are tested alone.
import { z } from "zod";

export const MAX_INVITES = 500;
export const MAX_LIST_BYTES = 100_000;

export type Invitee = { name: string; email: string };
export type ListProblem = { line: number; text: string; reason: string };

const email = z.email();

/** Splits one CSV line into fields: quoted fields may hold the separator and doubled quotes. */
function fieldsOf(line: string, separator: string): string[] {
  const fields: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      // A doubled quote inside quotes is one quote.
      current += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === separator) {
      fields.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  fields.push(current);
  return fields.map((f) => f.trim());
}

function separatorOf(line: string): string {
  for (const candidate of ["\t", ";", ","]) if (line.includes(candidate)) return candidate;
  return ",";
}

/**
 * The people in a list, each address once (lower-cased), and the lines that were not
 * understood, by line number. The email is whichever field looks like one; the name is
 * the other fields joined ("Last, First" columns become "First Last").
 */
export function parseInviteList(text: string): { invitees: Invitee[]; problems: ListProblem[] } {
  const invitees: Invitee[] = [];
  const problems: ListProblem[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const fields = fieldsOf(line, separatorOf(line)).filter(Boolean);
    const at = fields.findIndex((f) => email.safeParse(f.toLowerCase()).success);
    if (at === -1) {
      // A header ("name,email") is skipped without complaint; anything else is reported.
      if (index === 0 && /e-?mail/i.test(line)) return;
      problems.push({ line: index + 1, text: line.slice(0, 120), reason: "no email address" });
      return;
    }
    const address = fields[at].toLowerCase();
    const rest = fields.filter((_, i) => i !== at);
    const name = (rest.length === 2 && /last/i.test(lines[0] ?? "") && /first/i.test(lines[0] ?? "") ? [rest[1], rest[0]] : rest).join(" ").trim();
    if (!name) return void problems.push({ line: index + 1, text: line.slice(0, 120), reason: "no name" });
    if (name.length > 100) return void problems.push({ line: index + 1, text: line.slice(0, 120), reason: "the name is longer than 100 characters" });
    if (seen.has(address)) return void problems.push({ line: index + 1, text: line.slice(0, 120), reason: "this address is already in the list" });
    seen.add(address);
    invitees.push({ name, email: address });
  });
  if (invitees.length > MAX_INVITES) {
    problems.push({ line: 0, text: "", reason: `the list has ${invitees.length} people; invite at most ${MAX_INVITES} at a time` });
    invitees.length = MAX_INVITES;
  }
  return { invitees, problems };
}

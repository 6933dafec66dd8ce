import { randomInt } from "node:crypto";

// Join codes are read aloud in class and typed from a slide, so they use Crockford's
// base32 alphabet (no I, L, O, U) and forgive the usual slips: case, spaces, dashes,
// and O/I/L typed for 0/1. Eight symbols are 40 bits: not a secret (anyone in the class
// may share it), but not found by walking the space either: with 200 open sections, one
// hit takes about 5·10^9 guesses, some two months at 1,000 requests a second.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const JOIN_CODE_LENGTH = 8;

export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** The stored form of a code as a person typed it; null when it cannot be a code. */
export function normalizeJoinCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  return /^[0-9A-Z]{8,12}$/.test(code) ? code : null;
}

/** As shown to people: two groups of four, e.g. "K7M2-QX9P". */
export function displayJoinCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

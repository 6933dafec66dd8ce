// Reading untrusted JSON without letting its shape hurt the server. JSON.parse itself
// is iterative, but everything that walks the result afterwards (zod, JSON.stringify,
// our own code) recurses, so a body nested thousands deep must be refused up front.

/** Deepest nesting any endpoint accepts; real payloads here are 3–4 levels deep. */
export const MAX_JSON_DEPTH = 16;

/** Nesting depth of JSON text, counted without parsing (brackets inside strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) max = Math.max(max, ++depth);
    else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return max;
}

export type JsonRead = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

/** Parses JSON text within a size and depth limit: a clear refusal instead of a throw. */
export function parseJsonText(text: string, maxBytes: number, maxDepth = MAX_JSON_DEPTH): JsonRead {
  if (Buffer.byteLength(text, "utf8") > maxBytes) return { ok: false, status: 413, message: "That request is too large." };
  if (jsonDepth(text) > maxDepth) return { ok: false, status: 400, message: `That JSON is nested too deeply (at most ${maxDepth} levels).` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, message: "Send a JSON body." };
  }
}

/**
 * Size of a value as JSON, or null past `maxBytes` or `maxDepth`. Walks with an explicit
 * stack, so a deeply nested value (one that did not come through parseJsonText) cannot
 * overflow the call stack the way JSON.stringify does.
 */
export function boundedJsonSize(value: unknown, maxBytes: number, maxDepth = MAX_JSON_DEPTH): number | null {
  let size = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (depth > maxDepth) return null;
    if (current !== null && typeof current === "object") {
      const entries = Array.isArray(current) ? current.map((v) => ["", v] as const) : Object.entries(current);
      size += 2 + entries.length;
      for (const [key, child] of entries) {
        size += key ? key.length + 3 : 0;
        stack.push([child, depth + 1]);
      }
    } else size += JSON.stringify(current ?? null)?.length ?? 4;
    if (size > maxBytes) return null;
  }
  return size;
}

export type TextRead = { ok: true; text: string } | { ok: false; status: 413; message: string };

/**
 * A request body as text, read chunk by chunk and abandoned as soon as it passes
 * `maxBytes`: a chunked upload with no Content-Length is never buffered whole.
 */
export async function readTextWithin(request: Request, maxBytes: number): Promise<TextRead> {
  const tooLarge = { ok: false, status: 413, message: "That request is too large." } as const;
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return tooLarge;
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return tooLarge;
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}

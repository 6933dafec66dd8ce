// A response (or a key) in words, whatever the question type: for reviews and for the
// data export, which must never show option ids (they mean nothing to a person).
type Choice = { id: string; text: string };
export type Payload = { options?: Choice[]; items?: Choice[]; targets?: Choice[] };

function textOf(list: Choice[] | undefined, id: string | undefined) {
  return list?.find((c) => c.id === id)?.text ?? "—";
}

/** A response (or a key) in words, whatever the question type. */
export function describeResponse(type: string, payload: Payload, value: unknown): string {
  if (value === null || value === undefined) return "No answer";
  const v = value as { choice?: string; correct?: string | string[]; choices?: string[]; value?: boolean; answer?: boolean; text?: string; accepted?: string[]; matches?: Record<string, string>; order?: string[] };
  switch (type) {
    case "single":
      return textOf(payload.options, v.choice ?? (v.correct as string));
    case "multiple": {
      const ids = v.choices ?? (v.correct as string[]) ?? [];
      return ids.length ? ids.map((id) => textOf(payload.options, id)).join("; ") : "No answer";
    }
    case "true_false": {
      const b = v.value ?? v.answer;
      return b === undefined ? "No answer" : b ? "True" : "False";
    }
    case "short_text":
      return v.text ?? (v.accepted ? v.accepted[0] : "No answer");
    case "matching":
      return Object.entries(v.matches ?? {}).map(([item, target]) => `${textOf(payload.items, item)} → ${textOf(payload.targets, target)}`).join("; ") || "No answer";
    case "ordering":
      return (v.order ?? []).map((id, i) => `${i + 1}. ${textOf(payload.items, id)}`).join("  ") || "No answer";
    default:
      return "—";
  }
}

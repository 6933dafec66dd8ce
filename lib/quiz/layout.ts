// What one attempt shows: which questions, in what order, with options in what order.
// Fixed by the server at start and stored on the attempt, so a reload shows the same.
import { randomInt } from "node:crypto";
import { z } from "zod";
import { aliasesFor, randomAlias, type AliasSource } from "./aliases";

export const layoutSchema = z.array(
  z.object({
    /** Question id */
    q: z.string(),
    /** Display order of options / items (ids); targets for matching in `t`. */
    o: z.array(z.string()).default([]),
    t: z.array(z.string()).default([]),
    /** Question type, so an autosave need not look the question up (absent on older attempts). */
    y: z.string().optional(),
    /** Per-attempt aliases served in place of the ids in `o` and `t` (absent on older attempts). */
    a: z.array(z.string()).optional(),
    b: z.array(z.string()).optional(),
  }),
);
export type AttemptLayout = z.infer<typeof layoutSchema>;

export type Random = (maxExclusive: number) => number;
export const cryptoRandom: Random = (max) => randomInt(max);

export function shuffle<T>(list: T[], random: Random = cryptoRandom): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export type BankQuestion = { id: string; objective: string; type: string; payload: { options?: { id: string }[]; items?: { id: string }[]; targets?: { id: string }[] }; orderKey?: string[] };

/**
 * Draws `count` questions spread across objectives: objectives take turns, each
 * giving one random question, until the count is reached. A bank smaller than the
 * count is used whole.
 */
export function drawQuestions(bank: BankQuestion[], count: number | null, random: Random = cryptoRandom): BankQuestion[] {
  if (!count || count >= bank.length) return shuffle(bank, random);
  const byObjective = new Map<string, BankQuestion[]>();
  for (const q of shuffle(bank, random)) byObjective.set(q.objective, [...(byObjective.get(q.objective) ?? []), q]);
  const pools = shuffle([...byObjective.values()], random);
  const drawn: BankQuestion[] = [];
  while (drawn.length < count) {
    for (const pool of pools) {
      const next = pool.pop();
      if (next && drawn.length < count) drawn.push(next);
    }
  }
  return shuffle(drawn, random);
}

/**
 * Shuffles options (an ordering question never starts in its correct order) and gives
 * every option, item and target a random alias for this attempt.
 */
export function layoutFor(questions: BankQuestion[], random: Random = cryptoRandom, alias: AliasSource = randomAlias): AttemptLayout {
  return questions.map((q) => {
    const ids = (q.payload.options ?? q.payload.items ?? []).map((o) => o.id);
    let order = shuffle(ids, random);
    if (q.type === "ordering" && q.orderKey && ids.length > 1) {
      while (order.join() === q.orderKey.join()) order = shuffle(ids, random);
    }
    const targets = shuffle((q.payload.targets ?? []).map((t) => t.id), random);
    return { q: q.id, o: order, t: targets, y: q.type, ...aliasesFor(order, targets, alias) };
  });
}

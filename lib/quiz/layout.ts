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
 * How many questions of each type a draw of `count` holds: the bank's mix, scaled (largest
 * remainder, ties to the type listed first), so every form of a quiz has the same number of,
 * say, true/false items.
 */
export function typeQuotas(bank: { type: string }[], count: number): Map<string, number> {
  const inBank = new Map<string, number>();
  for (const q of bank) inBank.set(q.type, (inBank.get(q.type) ?? 0) + 1);
  const exact = [...inBank].map(([type, n]) => ({ type, share: (count * n) / bank.length }));
  const quotas = new Map(exact.map((e) => [e.type, Math.floor(e.share)]));
  let left = count - [...quotas.values()].reduce((a, b) => a + b, 0);
  for (const e of [...exact].sort((a, b) => b.share - Math.floor(b.share) - (a.share - Math.floor(a.share)))) {
    if (left-- <= 0) break;
    quotas.set(e.type, quotas.get(e.type)! + 1);
  }
  return quotas;
}

/**
 * `count` shared across objectives as evenly as their sizes allow. Objectives take turns in
 * random order, those with questions not yet `shown` to this student first, so when there are
 * more objectives than questions to draw, a retake favours objectives it can draw afresh.
 */
function objectiveQuotas(bank: { id: string; objective: string }[], count: number, random: Random, shown: ReadonlySet<string>): Map<string, number> {
  const size = new Map<string, number>();
  for (const q of bank) size.set(q.objective, (size.get(q.objective) ?? 0) + 1);
  const quotas = new Map([...size.keys()].map((o) => [o, 0]));
  const fresh = new Set(bank.filter((q) => !shown.has(q.id)).map((q) => q.objective));
  const turns = [...shuffle([...fresh], random), ...shuffle([...size.keys()].filter((o) => !fresh.has(o)), random)];
  for (let given = 0; given < count; ) {
    for (const o of turns) {
      if (given < count && quotas.get(o)! < size.get(o)!) {
        quotas.set(o, quotas.get(o)! + 1);
        given++;
      }
    }
  }
  return quotas;
}

/**
 * How many questions of each type to take from each objective, meeting both quotas where the
 * bank allows: a maximum flow from objectives (their quotas) through the questions available
 * (objective × type) to types (their quotas). Small: a few dozen nodes, augmenting paths by BFS.
 */
function allocate(available: Map<string, Map<string, number>>, rowQuota: Map<string, number>, columnQuota: Map<string, number>, random: Random): Map<string, Map<string, number>> {
  const rows = shuffle([...available.keys()], random);
  const columns = [...columnQuota.keys()];
  const flow = new Map(rows.map((r) => [r, new Map(columns.map((c) => [c, 0]))]));
  const rowUsed = new Map(rows.map((r) => [r, 0]));
  const columnUsed = new Map(columns.map((c) => [c, 0]));
  for (;;) {
    // BFS from the source over rows with quota left, forward along available cells, back along flow.
    const parentOfColumn = new Map<string, string>();
    const parentOfRow = new Map<string, string | null>(rows.filter((r) => rowUsed.get(r)! < (rowQuota.get(r) ?? 0)).map((r) => [r, null]));
    const queue = [...parentOfRow.keys()];
    let end: string | null = null;
    while (queue.length && !end) {
      const r = queue.shift()!;
      for (const c of columns) {
        if (parentOfColumn.has(c) || flow.get(r)!.get(c)! >= (available.get(r)!.get(c) ?? 0)) continue;
        parentOfColumn.set(c, r);
        if (columnUsed.get(c)! < (columnQuota.get(c) ?? 0)) {
          end = c;
          break;
        }
        for (const back of rows) {
          if (parentOfRow.has(back) || flow.get(back)!.get(c)! === 0) continue;
          parentOfRow.set(back, c);
          queue.push(back);
        }
      }
    }
    if (!end) return flow;
    // Push one unit along the path.
    columnUsed.set(end, columnUsed.get(end)! + 1);
    let c: string | null = end;
    while (c) {
      const r: string = parentOfColumn.get(c)!;
      flow.get(r)!.set(c, flow.get(r)!.get(c)! + 1);
      const previous: string | null = parentOfRow.get(r)!;
      if (previous === null) {
        rowUsed.set(r, rowUsed.get(r)! + 1);
        c = null;
      } else {
        flow.get(r)!.set(previous, flow.get(r)!.get(previous)! - 1);
        c = previous;
      }
    }
  }
}

/**
 * Draws `count` questions for one attempt, so that every form of a quiz is alike:
 * - spread across objectives as evenly as the bank allows;
 * - with the bank's mix of question types (typeQuotas), where the objectives allow it;
 * - on a retake, from questions this student has not been shown (`shown`) before any they
 *   have, even at the cost of the type mix (not of the spread: an objective whose questions
 *   were all shown still gets its share).
 * A bank no larger than the count is used whole.
 */
export function drawQuestions(bank: BankQuestion[], count: number | null, random: Random = cryptoRandom, shown: ReadonlySet<string> = new Set()): BankQuestion[] {
  if (!count || count >= bank.length) return shuffle(bank, random);
  // The objectives' shares are dealt in a random order, and a few orders leave no way to also
  // meet the type mix; another deal almost always does. A retake that must cost the mix to
  // avoid repeats keeps the last try.
  let draw = drawOnce(bank, count, random, shown);
  for (let again = 0; again < 12 && !draw.mixKept; again++) draw = drawOnce(bank, count, random, shown);
  return draw.drawn;
}

function drawOnce(bank: BankQuestion[], count: number, random: Random, shown: ReadonlySet<string>): { drawn: BankQuestion[]; mixKept: boolean } {
  const typeLeft = typeQuotas(bank, count);
  const objectiveLeft = objectiveQuotas(bank, count, random, shown);
  const drawn: BankQuestion[] = [];
  const take = (q: BankQuestion) => {
    drawn.push(q);
    typeLeft.set(q.type, (typeLeft.get(q.type) ?? 0) - 1);
    objectiveLeft.set(q.objective, objectiveLeft.get(q.objective)! - 1);
  };
  const taken = new Set<string>();
  const fresh = shuffle(bank.filter((q) => !shown.has(q.id)), random);
  const again = shuffle(bank.filter((q) => shown.has(q.id)), random);
  for (const group of [fresh, again]) {
    for (const keepMix of [true, false]) {
      const open = group.filter((q) => !taken.has(q.id));
      const available = new Map<string, Map<string, number>>();
      for (const q of open) {
        const row = available.get(q.objective) ?? new Map<string, number>();
        row.set(q.type, (row.get(q.type) ?? 0) + 1);
        available.set(q.objective, row);
      }
      const columns = keepMix ? typeLeft : new Map([...new Set(open.map((q) => q.type))].map((t) => [t, count]));
      const plan = allocate(available, objectiveLeft, columns, random);
      for (const q of open) {
        const cell = plan.get(q.objective)?.get(q.type) ?? 0;
        if (cell > 0) {
          plan.get(q.objective)!.set(q.type, cell - 1);
          taken.add(q.id);
          take(q);
        }
      }
    }
  }
  return { drawn: shuffle(drawn, random), mixKept: [...typeLeft.values()].every((left) => left === 0) };
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

// Per-attempt option aliases. Stored option ids are derived from public facts (quiz
// slug, question key, authoring id), so anyone can recompute them; serving them would
// let a student who guesses the authoring convention find the key. Instead each attempt
// draws random aliases for its options, items and targets at start, kept in its layout.
// Only aliases leave the server while an attempt is open; the stored ids never do.
import { randomBytes } from "node:crypto";
import type { QuestionType } from "./types";

type Choice = { id: string; text: string };

/** The part of a layout entry aliases depend on: display orders and their aliases. */
export type AliasedEntry = { o: string[]; t: string[]; a?: string[]; b?: string[] };

export type AliasSource = () => string;
/** 64 random bits: unguessable, and short enough to keep the page small. */
export const randomAlias: AliasSource = () => randomBytes(8).toString("base64url");

/** Aliases for an entry's options/items (`a`, parallel to `o`) and targets (`b`, parallel to `t`). */
export function aliasesFor(o: string[], t: string[], next: AliasSource = randomAlias): { a: string[]; b: string[] } {
  const used = new Set<string>();
  const fresh = () => {
    let alias = next();
    while (used.has(alias)) alias = next();
    used.add(alias);
    return alias;
  };
  return { a: o.map(fresh), b: t.map(fresh) };
}

/**
 * Both directions of one entry's id mapping. Attempts started before aliases existed
 * have none; they keep serving the stored ids, as they did when they were started.
 */
export function aliasMaps(entry: AliasedEntry) {
  const toServed = new Map<string, string>();
  const toStored = new Map<string, string>();
  const pair = (stored: string[], served: string[] | undefined) =>
    stored.forEach((id, i) => {
      const alias = served?.[i] ?? id;
      toServed.set(id, alias);
      toStored.set(alias, id);
    });
  pair(entry.o, entry.a);
  pair(entry.t, entry.b);
  return { toServed, toStored };
}

type Payload = { options?: Choice[]; items?: Choice[]; targets?: Choice[] };

/**
 * The payload a student receives: choices listed in the attempt's display order (the
 * stored order is sorted by stored id, which is itself derivable) under their aliases.
 */
export function servedPayload(payload: Payload, entry: AliasedEntry): Payload & Record<string, unknown> {
  const { toServed } = aliasMaps(entry);
  const inOrder = (list: Choice[] | undefined, order: string[]) => {
    if (!list) return undefined;
    const byId = new Map(list.map((c) => [c.id, c]));
    return order.flatMap((id) => {
      const choice = byId.get(id);
      return choice ? [{ id: toServed.get(id) ?? id, text: choice.text }] : [];
    });
  };
  const served: Payload = {};
  if (payload.options) served.options = inOrder(payload.options, entry.o);
  if (payload.items) served.items = inOrder(payload.items, entry.o);
  if (payload.targets) served.targets = inOrder(payload.targets, entry.t);
  return served;
}

/** Served ids in display order: what the page lists, and what a response may name. */
export function servedOrder(entry: AliasedEntry) {
  const { toServed } = aliasMaps(entry);
  return { order: entry.o.map((id) => toServed.get(id)!), targets: entry.t.map((id) => toServed.get(id)!) };
}

type AnyResponse = { choice?: string; choices?: string[]; matches?: Record<string, string>; order?: string[] };

/**
 * Renames the ids inside a response with `rename`. Returns null when an id has no
 * counterpart (a forged or stale id), so the caller can refuse it.
 */
function renameResponse(type: QuestionType, response: AnyResponse, rename: Map<string, string>): unknown | null {
  // Grading stores a blank answer as null; it names no ids.
  if (response === null || typeof response !== "object") return response;
  const one = (id: string) => rename.get(id);
  const all = (ids: string[]) => {
    const out = ids.map(one);
    return out.every((id): id is string => id !== undefined) ? out : null;
  };
  switch (type) {
    case "single": {
      const choice = one(response.choice!);
      return choice === undefined ? null : { choice };
    }
    case "multiple": {
      const choices = all(response.choices!);
      return choices && { choices };
    }
    case "ordering": {
      const order = all(response.order!);
      return order && { order };
    }
    case "matching": {
      const pairs = Object.entries(response.matches!).map(([item, target]) => [one(item), one(target)] as const);
      return pairs.every(([item, target]) => item !== undefined && target !== undefined) ? { matches: Object.fromEntries(pairs) } : null;
    }
    default:
      return response;
  }
}

/** A response as the student sent it (aliases) → as stored (stored ids); null for an unknown id. */
export function storedResponse(type: QuestionType, served: unknown, entry: AliasedEntry): unknown | null {
  return renameResponse(type, served as AnyResponse, aliasMaps(entry).toStored);
}

/** A saved response → what the student's page shows (aliases). */
export function servedResponse(type: QuestionType, stored: unknown, entry: AliasedEntry): unknown {
  if (stored === null || typeof stored !== "object") return stored;
  return renameResponse(type, stored as AnyResponse, aliasMaps(entry).toServed) ?? {};
}

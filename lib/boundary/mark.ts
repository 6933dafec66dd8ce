// Every function the door makes carries this mark, so a test can import each module in
// app/ and check that each export really came through the door (a name alone can lie).
export const DOOR = Symbol.for("casebook.door");
export type DoorKind = "route" | "formAction" | "postAction";

export function markDoor<F extends object>(fn: F, kind: DoorKind): F {
  Object.defineProperty(fn, DOOR, { value: kind });
  return fn;
}

export function doorOf(value: unknown): DoorKind | undefined {
  return typeof value === "function" ? ((value as unknown as Record<symbol, DoorKind | undefined>)[DOOR]) : undefined;
}

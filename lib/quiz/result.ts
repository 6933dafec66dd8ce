// Quiz operations return the domain's one Failure type (lib/boundary/errors.ts).
import { fail } from "@/lib/boundary/errors";

export { fail, type Failure, type Result } from "@/lib/boundary/errors";

export const NOT_FOUND = fail(404, "We could not find that quiz attempt.");

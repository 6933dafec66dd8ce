import { DomainError } from "@/lib/boundary/errors";
import { LAUNCH_PROBLEMS, type LaunchProblem } from "./problems";

/** A refused login or launch: a 4xx whose code picks the administrator's explanation. */
export class LaunchError extends DomainError {
  constructor(
    readonly problem: LaunchProblem,
    readonly detail?: string,
  ) {
    super(problem === "state" || problem === "nonce" || problem === "browser" ? 401 : 400, LAUNCH_PROBLEMS[problem]);
  }
}

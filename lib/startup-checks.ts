// Refuse to serve with a weak or missing session secret, with a single clear line.
import { secretProblem } from "./env";

const problem = secretProblem();
if (problem) {
  console.error(problem);
  process.exit(1);
}

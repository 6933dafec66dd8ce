// Refuse to serve with a bad setting (lib/env.ts) or a weak or missing session secret,
// with a single clear line. The start script checks first; this covers any other way
// the server is started.
import { startProblem } from "./env";

const problem = startProblem();
if (problem) {
  console.error(problem);
  process.exit(1);
}

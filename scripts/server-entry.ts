// The one production server entry (scripts/serve.mjs). npm start, the e2e instances,
// the bench and the reliability checks all spawn it with `node SERVER_ENTRY`, with PORT
// and HOST in the environment, so every one of them serves the way production does.
import path from "node:path";

export const SERVER_ENTRY = path.join("scripts", "serve.mjs");

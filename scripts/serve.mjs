// The production server: Next's request handler behind node:http. It replaces
// `next start` because route handlers never see the socket, and the sign-in throttle
// needs the client's address: each request's `x-casebook-client-ip` is deleted and set
// again from the socket's peer address and the trusted proxies (lib/http/forwarded.ts).
// Everything that serves the production build (npm start, the e2e instances, the
// bench and the reliability checks) starts this file, so what is tested is what runs.
//
// Plain JavaScript so no TypeScript loader sits in front of Next's own module loading;
// the two TypeScript modules it needs are loaded in tsx's isolated scope.
import http from "node:http";
import { tsImport } from "tsx/esm/api";

const { serverEnv, startProblem } = await tsImport("../lib/env.ts", import.meta.url);
const { markServerSetsClientAddress, setClientAddress } = await tsImport("../lib/http/forwarded.ts", import.meta.url);

process.env.NODE_ENV ??= "production";
const problem = startProblem();
if (problem) {
  console.error(problem);
  process.exit(1);
}
const { PORT: port, HOST: hostname, CASEBOOK_TRUST_PROXY: trustedHops } = serverEnv();

const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
markServerSetsClientAddress();

const server = http.createServer((req, res) => {
  // The only per-request work added in front of Next: one header, from the socket.
  setClientAddress(req, trustedHops);
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

server.listen(port, hostname, () => console.log(`Casebook is serving on http://${hostname}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Open requests get a moment to finish; then go, as `next start` does.
    setTimeout(() => process.exit(0), 3000).unref();
  });
}

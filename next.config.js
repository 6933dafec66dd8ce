const STATIC_PAGE_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

// `npm run bench` builds with CASEBOOK_BENCH_FLOORS=1 (bench/support/bench-build.ts): files named
// page.bench.tsx / route.bench.ts (the bench's floor cases) become routes only in that build, and it
// goes to its own directory, so the production build in .next never holds them. data/ because git,
// ESLint and tsc already leave it alone. No type check in that build: the same sources are checked by
// `npm run typecheck`, and its generated route types would collide with .next's.
const benchFloors = process.env.CASEBOOK_BENCH_FLOORS === "1";
const BENCH_BUILD = {
  pageExtensions: ["tsx", "ts", "jsx", "js", "bench.tsx", "bench.ts"],
  distDir: "data/next-bench",
  typescript: { ignoreBuildErrors: true },
};

/** @type {import('next').NextConfig} */
const nextConfig = {
  ...(benchFloors ? BENCH_BUILD : {}),
  poweredByHeader: false,
  reactStrictMode: true,
  // Native modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    ];
    // Headers set here win over a route handler's own (Next keeps the first), so the LTI
    // pages an LMS frames (a refused launch, deep linking, registration) are left out of the
    // three below and set their own policy (lib/lti/html.ts: no referrer, as their addresses hold tokens).
    const ltiPages = "api/lti/(?:login|launch|deep-link|register)$";
    return [
      { source: "/:path*", headers: common },
      {
        source: `/:path((?!${ltiPages}).*)`,
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      // Prerendered pages cannot carry a per-request nonce (lib/security/csp.ts; a unit test keeps these equal).
      { source: "/about", headers: [{ key: "Content-Security-Policy", value: STATIC_PAGE_CSP }] },
      // JSON and files from route handlers never need to run or embed anything.
      { source: `/:path((?!${ltiPages})api/.*)`, headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
  async rewrites() {
    return [{ source: "/.well-known/jwks.json", destination: "/api/credentials/jwks" }];
  },
  experimental: {
    // Server actions read forms of a few kilobytes (a class list file up to 100 KB); proxy.ts
    // refuses a post that declares more with 413 (lib/boundary/form-size.ts, kept equal by a test).
    serverActions: { bodySizeLimit: "256kb" },
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
};

module.exports = nextConfig;

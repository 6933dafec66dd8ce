// Lighthouse (12.2.3) in Debian's Chromium: default mobile profile with simulated
// throttling, performance and accessibility only. Plain JavaScript on purpose:
// Lighthouse sends functions' source to the page, and tsx's transform adds helpers
// (__name) the page does not have.
//   node bench/support/lighthouse.mjs <baseUrl> <cookie> <out.json> <path>...
import fs from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const [baseUrl, cookie, out, ...paths] = process.argv.slice(2);
const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", chromeFlags: FLAGS });
const scores = [];
try {
  for (const path of paths) {
    const result = await lighthouse(baseUrl + path, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], extraHeaders: { Cookie: cookie } });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const { categories, audits } = result.lhr;
    const failing = Object.values(audits).filter((a) => a.score === 0 && categories.accessibility.auditRefs.some((r) => r.id === a.id)).map((a) => a.id);
    scores.push({
      path,
      performance: Math.round((categories.performance.score ?? 0) * 100),
      accessibility: Math.round((categories.accessibility.score ?? 0) * 100),
      lcpMs: Math.round(audits["largest-contentful-paint"].numericValue ?? 0),
      tbtMs: Math.round(audits["total-blocking-time"].numericValue ?? 0),
      cls: Math.round((audits["cumulative-layout-shift"].numericValue ?? 0) * 1000) / 1000,
      accessibilityFailures: failing,
    });
  }
} finally {
  await chrome.kill();
}
fs.writeFileSync(out, JSON.stringify(scores));

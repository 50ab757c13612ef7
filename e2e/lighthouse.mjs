// Lighthouse on step pages of the built site, in Debian's Chromium: prints
// the performance, accessibility, best-practices and SEO scores for a phone
// (Lighthouse's default, throttled) and a desktop, and exits 1 if any is
// below 0.95 or when an audit could not run.
//
//   node e2e/lighthouse.mjs [path...]    (default: step 2 of the first scene,
//   in the first left-to-right and the first right-to-left language)
import fs from "node:fs";
import path from "node:path";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { serve, site, pages, RTL } from "./lib.mjs";

const MIN = 0.95;
const categories = ["performance", "accessibility", "best-practices", "seo"];

const step2 = pages().filter((p) => /^[^/]+\/[^/]+\/2\/index\.html$/.test(p));
const targets = process.argv.length > 2 ? process.argv.slice(2)
  : [step2.find((p) => !RTL.includes(p.split("/")[0])), step2.find((p) => RTL.includes(p.split("/")[0]))].filter(Boolean);
for (const page of targets.length ? targets : [""]) {
  if (!page || !fs.existsSync(path.join(site, page))) {
    console.error(`lighthouse: no step page ${page} under ${site}; run make build first`);
    process.exit(1);
  }
}

const srv = await serve();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
let failed = false;
try {
  for (const page of targets) for (const preset of ["mobile", "desktop"]) {
    const url = `${srv.url}/${page}`;
    const config = preset === "desktop" ? (await import("lighthouse/core/config/desktop-config.js")).default : undefined;
    const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: categories, logLevel: "error", output: "json" }, config);
    if (lhr.runtimeError) {
      console.error(`lighthouse ${preset}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      failed = true;
      continue;
    }
    const scores = categories.map((c) => [c, lhr.categories[c].score]);
    console.log(`lighthouse ${preset} ${page}: ${scores.map(([c, s]) => `${c} ${s?.toFixed(2)}`).join(", ")}`);
    for (const [c, s] of scores) {
      if (s === null || s < MIN) {
        failed = true;
        const bad = lhr.categories[c].auditRefs
          .map((r) => lhr.audits[r.id])
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual");
        console.error(`  ${c} below ${MIN}: ${bad.map((a) => `${a.id} (${a.score}${a.displayValue ? `, ${a.displayValue}` : ""})`).join(", ")}`);
      }
    }
  }
} finally {
  chrome.kill();
  await srv.close();
}
process.exit(failed ? 1 : 0);

// Screenshots of a step page for the README: desktop (1280×800) and phone
// (390×844), light and dark, in the first left-to-right language and in
// Arabic when the site has it. They are written into docs/ only with
// UPDATE_SCREENSHOTS=1 (make screenshots), like golden files; otherwise
// into a temporary folder, so that the test still runs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serve, launch, pages, languages, settle, root, RTL } from "./lib.mjs";

const out = process.env.UPDATE_SCREENSHOTS ? path.join(root, "docs") : fs.mkdtempSync(path.join(os.tmpdir(), "lessongen-shots-"));
const views = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
];

// The step to show: step 5 (or the last) of the language's longest scene.
function stepPage(lang) {
  const counts = new Map();
  for (const p of pages()) {
    const m = new RegExp(`^(${lang}/[^/]+/)(\\d+)/index\\.html$`).exec(p);
    if (m) counts.set(m[1], Math.max(counts.get(m[1]) || 0, +m[2]));
  }
  const [base, n] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] || [];
  return base && `${base}${Math.min(5, n)}/index.html`;
}

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const langs = languages();
const ltr = langs.find((l) => !RTL.includes(l));
for (const [lang, prefix] of [[ltr, "step"], ["ar", "step-ar"]]) {
  test(`screenshots of a step page in ${lang || "a left-to-right language"}`, { skip: !langs.includes(lang) && `no /${lang || "ltr"}/ pages yet` }, async () => {
    const page0 = stepPage(lang);
    assert.ok(page0, `no step page in ${lang}`);
    for (const view of views) {
      for (const colorScheme of ["light", "dark"]) {
        const { name, ...options } = view;
        const ctx = await browser.newContext({ ...options, colorScheme });
        const page = await ctx.newPage();
        await page.goto(`${srv.url}/${page0}`);
        await page.evaluate(() => document.fonts.ready);
        await settle(page);
        const file = path.join(out, `${prefix}-${name}-${colorScheme}.png`);
        await page.screenshot({ path: file, animations: "disabled" });
        assert.ok(fs.statSync(file).size > 10_000, `${file} is too small to show a page`);
        await ctx.close();
      }
    }
  });
}

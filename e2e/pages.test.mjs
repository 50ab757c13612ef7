// Every page kind in every built language (in CI, each language's turn of
// scenes: see turns in lib.mjs), in headless Chromium: axe-core
// finds no violation (desktop in light colours, a 320 px phone in dark), no
// page scrolls sideways at 320 px (WCAG 1.4.10), and none logs a console
// error or asks another host for anything.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, sample, sweep, full, watch, settle, axe, pool, turns } from "./lib.mjs";

const views = [
  { name: "desktop, light", viewport: { width: 1280, height: 800 }, colorScheme: "light" },
  // Reflow is checked on every page here, axe on the sample.
  { name: "320 px phone, dark", viewport: { width: 320, height: 640 }, colorScheme: "dark", isMobile: true, hasTouch: true, reflow: true },
];

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

for (const view of views) {
  test(`pages, ${view.name}: no axe violation, console error or other host${view.reflow ? ", no sideways scroll" : ""}`, async () => {
    const checked = new Set(sample().map((p) => p.path));
    // Reflow: every kind of page in every language's turn (see turns), with
    // a sample of each scene's steps (every page with make e2e-full; each
    // costs a second).
    const inTurn = turns();
    const swept = new Set(sweep().filter(inTurn));
    const list = view.reflow
      ? sample(undefined, true).filter((p) => checked.has(p.path) || swept.has(p.path))
      : sample(undefined, full);
    for (const kind of ["index", "overview", "step"]) {
      assert.ok(list.some((p) => p.kind === kind), `the built site has no ${kind} page`);
    }
    const ctx = await browser.newContext({ viewport: view.viewport, colorScheme: view.colorScheme, isMobile: view.isMobile, hasTouch: view.hasTouch });
    const problems = [], errors = [], foreign = [];
    let axed = 0;
    await pool(list, 3, async (p) => {
      const page = await ctx.newPage();
      const w = watch(page);
      await page.goto(`${srv.url}/${p.path}`);
      await settle(page);
      if (checked.has(p.path)) {
        axed++;
        for (const v of await axe(page)) problems.push(`${p.path}: ${v}`);
      }
      if (view.reflow) {
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (wide > 0) problems.push(`${p.path}: scrolls sideways by ${wide}px`);
      }
      errors.push(...w.errors);
      foreign.push(...w.foreign);
      await page.close();
    });
    await ctx.close();
    assert.ok(axed >= 3, "axe ran on too few pages");
    assert.deepEqual(problems, [], "accessibility or reflow problems");
    assert.deepEqual(errors, [], "console errors");
    assert.deepEqual(foreign, [], "requests to another host");
  });
}

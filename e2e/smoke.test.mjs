// The smallest end-to-end check: a step page loads in Chromium without
// console errors and shows its diagram.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serve, launch } from "./lib.mjs";

test("a step page loads and shows its diagram", async () => {
  const srv = await serve();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(`${srv.url}/en/https/1/index.html`);
    assert.equal(await page.locator("svg.lgd:not(.hds):visible").count(), 1);
    assert.match(await page.title(), /^Step 1 of \d+ – /);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await srv.close();
  }
});

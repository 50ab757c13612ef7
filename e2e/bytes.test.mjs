// The byte view of a step imported from a real capture, in headless
// Chromium: folded by default and opened from the keyboard, axe-clean when
// open, every field's hex beside its name without overlap from 320 px to a
// desktop, the hex left to right in Arabic, and printed open.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { serve, launch, root, axe } from "./lib.mjs";

let dir, server, browser;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", ...opts });
  assert.equal(r.status, 0, `${cmd} ${args.join(" ")}:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lessongen-bytes-"));
  fs.cpSync(path.join(root, "generator/pipeline/testdata/fixture"), path.join(dir, "content"), { recursive: true });
  const bin = path.join(dir, "lessongen");
  run("go", ["build", "-o", bin, "./cmd/lessongen"]);
  const data = path.join(root, "generator/capture/testdata");
  run(bin, ["import", "pcap", path.join(data, "tls13.pcap"), "--keylog", path.join(data, "tls13.keys"),
    "--content", path.join(dir, "content"), "--id", "real", "--topic", "basics"]);
  run(bin, ["build", "--quiet", "--content", path.join(dir, "content"), "--out", path.join(dir, "public")]);
  server = await serve(path.join(dir, "public"));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// layout runs in the page: rows whose hex and description overlap, and
// anything that makes the page scroll sideways.
function layout() {
  const problems = [];
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
  for (const row of document.querySelectorAll(".bytes .bf")) {
    const hx = row.querySelector(".hx"), bd = row.querySelector(".bd");
    if (hx && bd && overlap(hx.getBoundingClientRect(), bd.getBoundingClientRect())) problems.push(`hex overlaps its name: ${bd.textContent}`);
    for (const el of [hx, bd]) {
      if (el && el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5) problems.push(`leaves the screen: ${el.textContent.slice(0, 40)}`);
      if (el && el.getBoundingClientRect().left < -0.5) problems.push(`leaves the screen on the left: ${el.textContent.slice(0, 40)}`);
    }
  }
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth) problems.push(`scrolls sideways: ${document.documentElement.scrollWidth} > ${document.documentElement.clientWidth}`);
  return problems;
}

for (const width of [320, 1280]) {
  for (const lang of ["en", "ar"]) {
    test(`byte view, ${lang}, ${width} px: folded, opens from the keyboard, axe-clean, no overlap`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${server.url}/${lang}/real/4/index.html`);
      const details = page.locator("details.bytes");
      assert.equal(await details.count(), 1);
      assert.equal(await details.evaluate((d) => d.open), false, "the byte view is folded by default");
      assert.equal(await page.locator(".bytes .hx").first().isVisible(), false);
      await page.locator("details.bytes > summary").focus();
      await page.keyboard.press("Enter");
      assert.equal(await details.evaluate((d) => d.open), true, "Enter on the summary opens it");
      assert.ok(await page.locator(".bytes .bn", { hasText: "Random" }).isVisible());
      assert.deepEqual(await page.evaluate(layout), []);
      const hexDir = await page.locator(".bytes .hx").first().evaluate((el) => getComputedStyle(el).direction);
      assert.equal(hexDir, "ltr", "hex stays left to right");
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test("byte view prints open, and works without script", async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}/en/real/7/index.html`);
  await page.locator("details.bytes > summary").click();
  assert.ok(await page.locator(".bytes .bn", { hasText: "Authentication tag" }).isVisible(), "opens without script");
  await page.locator("details.bytes > summary").click();
  await page.emulateMedia({ media: "print" });
  assert.ok(await page.locator(".bytes .bn", { hasText: "Authentication tag" }).isVisible(), "printed open while folded on screen");
  await context.close();
});

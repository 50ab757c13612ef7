// lessongen serve as an author uses it: open a step page in Chromium, save
// an edit to the scene, and watch the page reload by itself with the edit;
// save a mistake and see the error overlay; fix it and see it go; insert a
// step before the open one and stay on the same step, by its id.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root, launch } from "./lib.mjs";

test("an edit appears in the open page, a mistake shows an overlay", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lessongen-serve-"));
  fs.cpSync(path.join(root, "content"), path.join(dir, "content"), { recursive: true });
  const bin = path.join(dir, "lessongen");
  execFileSync("go", ["build", "-o", bin, "./cmd/lessongen"], { cwd: root });
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = spawn(bin, ["serve", "--port", String(port)], { cwd: dir });
  let log = "";
  server.stdout.on("data", (d) => (log += d));
  const browser = await launch();
  try {
    for (let i = 0; i < 100 && !log.includes("Serving"); i++) await new Promise((r) => setTimeout(r, 50));
    assert.match(log, /Serving content at http:\/\/127\.0\.0\.1:\d+\/ \(listening on 127\.0\.0\.1:\d+ only/);
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/en/http/2/index.html`);
    await page.waitForFunction(() => document.querySelector('script[src="/_lessongen/live.js"]'));
    await page.waitForTimeout(300); // let the event stream connect

    const scene = path.join(dir, "content/scenes/http.yaml");
    const original = fs.readFileSync(scene, "utf8");
    const saved = Date.now();
    fs.writeFileSync(scene, original.replace("label: SYN\n", "label: SYN (edited)\n"));
    await page.waitForFunction(() => document.querySelector("#step-h").textContent.includes("SYN (edited)"), null, { timeout: 10000 });
    console.log(`# edit visible in the browser ${Date.now() - saved} ms after saving`);
    assert.equal(new URL(page.url()).pathname, "/en/http/2/", "the reader stays on the same step, its address the folder");

    fs.writeFileSync(scene, original.replace("to: server\n", "to: sever\n"));
    const overlay = page.locator("#lessongen-errors");
    await overlay.waitFor({ timeout: 10000 });
    assert.match(await overlay.textContent(), /content\/scenes\/http\.yaml:\d+:\d+: unknown actor "sever"; did you mean "server"\?/);
    assert.match(await page.locator("#step-h").textContent(), /SYN \(edited\)/, "the last good page stays underneath");

    fs.writeFileSync(scene, original);
    await page.waitForFunction(() => !document.querySelector("#lessongen-errors") && !document.querySelector("#step-h").textContent.includes("edited"), null, { timeout: 10000 });

    // A step inserted before this one: the reader stays on the same step,
    // now number 3, by its id; the address bar shows the folder.
    assert.equal(new URL(page.url()).pathname, "/en/http/2/", "the address bar shows the folder, not index.html");
    const inserted = original.replace("  - id: syn\n", "  - id: lookup\n    note: pc\n    label: Finds 203.0.113.80 in its cache\n  - id: syn\n");
    assert.notEqual(inserted, original);
    fs.writeFileSync(scene, inserted);
    // A rebuild takes seconds on a loaded machine: wait as long as the other checks would together.
    await page.waitForURL(/\/en\/http\/3\/$/, { timeout: 30000 });
    assert.match(await page.locator("#step-h").textContent(), /SYN$/, "not the same step after the insertion");
    // Its step removed, and the one before it, the reader lands on the
    // nearest one still there: the step after it, now number 2.
    fs.writeFileSync(scene, original.replace(/  - id: syn\n(    .*\n|      .*\n)+/, ""));
    await page.waitForURL(/\/en\/http\/2\/$/, { timeout: 30000 });
    assert.match(await page.locator("#step-h").textContent(), /SYN\+ACK$/);
    fs.writeFileSync(scene, original);
  } finally {
    await browser.close();
    server.kill("SIGINT");
    await new Promise((r) => server.on("exit", r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.match(log, /stopped\n$/, "Ctrl-C stops the server cleanly");
});

// Static checks of the built site: the theme's CSS and JavaScript together
// stay under 30 KB before compression, and every step page's title reads
// "Step n of N – label – scene" (in the page's language).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { site, pages, latinDigits } from "./lib.mjs";

test("all CSS and JavaScript together weigh under 30 KB", () => {
  const assets = path.join(site, "assets");
  const files = fs.readdirSync(assets).filter((f) => /\.(css|js)$/.test(f));
  assert.ok(files.some((f) => f.endsWith(".css")) && files.some((f) => f.endsWith(".js")), "no stylesheet or script in public/assets");
  const total = files.reduce((n, f) => n + fs.statSync(path.join(assets, f)).size, 0);
  console.log(`CSS + JS: ${total} bytes (${files.join(", ")})`);
  assert.ok(total < 30 * 1024, `CSS + JS weigh ${total} bytes`);
});

test("every step page's title is “Step n of N – label – scene”", () => {
  const steps = pages().filter((p) => /\/\d+\/index\.html$/.test(p));
  assert.ok(steps.length > 0);
  for (const p of steps) {
    const html = fs.readFileSync(path.join(site, p), "utf8");
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";
    const n = /\/(\d+)\/index\.html$/.exec(p)[1];
    const parts = title.split(" – ");
    assert.equal(parts.length >= 3, true, `${p}: title "${title}"`);
    // The number may be written in the language's own digits: ١ in Arabic.
    const numbers = (parts[0].match(/\p{Nd}+/gu) ?? []).map(latinDigits);
    assert.ok(numbers.includes(n), `${p}: title "${title}" does not number the step ${n}`);
  }
});


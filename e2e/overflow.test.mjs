// The diagrams as a reader's browser draws them: in headless Chromium, on
// every page of the built site (every language under public/), each
// <text>'s box must lie inside its container (an
// actor's head, a note, a phase's title tab, a step number's badge, the
// picture itself) and must not overlap another text, an arrowhead or the
// cross of a lost message. Also: the diagram font is the one the theme
// ships, the current message is on screen without scrolling on a laptop
// and a phone, and librsvg renders every sampled standalone SVG.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { serve, launch, pages, sweep, site, pool, turns } from "./lib.mjs";

// svgs lists the built site's standalone SVGs, relative to the site, sorted.
function svgs(dir = site) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".svg") && d !== path.join(dir, "assets")) out.push(path.relative(dir, p).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.filter((p) => !p.startsWith("assets/")).sort();
}

// check runs in the page: it measures every diagram and returns the problems.
function check() {
  const slack = 0.5; // fractions of a unit, from rounding
  const problems = [];
  const box = (el) => { const b = el.getBBox(); return { x: b.x, y: b.y, r: b.x + b.width, b: b.y + b.height }; };
  const inside = (a, c) => a.x >= c.x - slack && a.y >= c.y - slack && a.r <= c.r + slack && a.b <= c.b + slack;
  const overlap = (a, c) => Math.min(a.r, c.r) - Math.max(a.x, c.x) > slack && Math.min(a.b, c.b) - Math.max(a.y, c.y) > slack;
  const fmt = (b) => `[${b.x.toFixed(1)},${b.y.toFixed(1)} – ${b.r.toFixed(1)},${b.b.toFixed(1)}]`;
  const name = (t) => `${t.closest("[id]")?.id || "svg"} ${t.getAttribute("class")} "${t.textContent}"`;
  for (const svg of document.querySelectorAll("svg.lgd")) {
    const vb = svg.viewBox.baseVal;
    const view = { x: vb.x, y: vb.y, r: vb.x + vb.width, b: vb.y + vb.height };
    const texts = [...svg.querySelectorAll("text")].map((t) => {
      let container = null;
      const cls = t.classList;
      if (cls.contains("nm")) container = t.parentNode.querySelector(".hd");
      else if (cls.contains("nn")) container = t.parentNode.querySelector(".bd");
      else if (cls.contains("pt")) container = t.parentNode.querySelector(".tab");
      else if (cls.contains("lb") && t.parentNode.classList.contains("n")) container = t.parentNode.querySelector(".nb");
      return { el: t, box: box(t), container: container && box(container) };
    });
    if (texts.length === 0) problems.push("a diagram with no text");
    const obstacles = [...svg.querySelectorAll(".ah, .x")].map((el) => ({ el, box: box(el) }));
    for (const [i, t] of texts.entries()) {
      if (t.box.r - t.box.x <= 0) problems.push(`${name(t.el)} is empty`);
      if (!inside(t.box, view)) problems.push(`${name(t.el)} ${fmt(t.box)} leaves the picture ${fmt(view)}`);
      if (t.container && !inside(t.box, t.container)) problems.push(`${name(t.el)} ${fmt(t.box)} overflows its box ${fmt(t.container)}`);
      for (const u of texts.slice(i + 1)) {
        if (overlap(t.box, u.box)) problems.push(`${name(t.el)} ${fmt(t.box)} overlaps ${name(u.el)} ${fmt(u.box)}`);
      }
      for (const o of obstacles) {
        if (overlap(t.box, o.box)) problems.push(`${name(t.el)} ${fmt(t.box)} crosses the ${o.el.getAttribute("class")} of ${o.el.closest("[id]")?.id} ${fmt(o.box)}`);
      }
    }
  }
  return problems;
}

test("no diagram text overflows its box or overlaps another, in any language", async () => {
  // Every kind of page in every language; in CI a sample of each scene's
  // steps, whose last draws every step (make e2e-full: every page). A
  // standalone SVG is its step page's drawing plus a <style> (TestPair in
  // generator/svg), so measuring it again would only double the time.
  const all = sweep().filter((p) => p.includes("/"));
  assert.ok(all.length > 0, "nothing built under public/: run make build");
  const srv = await serve();
  const browser = await launch();
  const problems = [];
  try {
    // A step page may hold a phone's narrow diagram beside its wide one:
    // both are shown, to measure both.
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    for (const p of all) {
      await page.goto(`${srv.url}/${p}`);
      await page.addStyleTag({ content: ".diagram .lgd { display: block !important }" });
      await page.evaluate(() => document.fonts.ready);
      for (const msg of await page.evaluate(check)) problems.push(`${p}: ${msg}`);
    }
  } finally {
    await browser.close();
    await srv.close();
  }
  assert.deepEqual(problems, [], `${problems.length} problems in ${all.length} files`);
});

test("diagram text is set in the shipped font, CJK in the system's", async () => {
  const langs = fs.readdirSync(site, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== "assets").map((e) => e.name);
  const srv = await serve();
  const browser = await launch();
  const problems = [];
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    for (const lang of langs) {
      // Every step page of the language's first scene, so that every kind of text is seen.
      for (const p of pages().filter((p) => p.startsWith(`${lang}/`) && /\/\d+\/index\.html$/.test(p)).slice(0, 40)) {
        await page.goto(`${srv.url}/${p}`);
        await page.evaluate(() => document.fonts.ready);
        const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
        const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: "svg.lgd text" });
        for (const nodeId of nodeIds) {
          const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
          for (const f of fonts) {
            if (!f.isCustomFont && !/CJK/.test(f.familyName)) problems.push(`${p}: text drawn in the system font ${f.familyName}`);
            if (f.isCustomFont && !/^Noto Sans( Arabic| Hebrew)?$/.test(f.familyName)) problems.push(`${p}: unexpected web font ${f.familyName}`);
          }
        }
      }
    }
  } finally {
    await browser.close();
    await srv.close();
  }
  assert.deepEqual([...new Set(problems)], []);
});

test("the current message is on screen without scrolling, on a laptop and a phone", async () => {
  // The sampled steps (every step with make e2e-full) in a left-to-right
  // and a right-to-left language on a phone, where room is shortest, and in
  // the first on a laptop; the other languages lay out alike, and each page
  // load costs a third of a second.
  const steps = (langs) => sweep().filter((p) => new RegExp(`^(${langs})/.*/\\d+/index\\.html$`).test(p));
  assert.ok(steps("en|ar").length > 0);
  const srv = await serve();
  const browser = await launch();
  const problems = [];
  try {
    for (const [viewport, langs] of [[{ width: 1280, height: 720 }, "en"], [{ width: 390, height: 844 }, "en|ar"]]) {
      const page = await browser.newPage({ viewport });
      for (const p of steps(langs)) {
        await page.goto(`${srv.url}/${p}`);
        await page.evaluate(() => document.fonts.ready);
        const r = await page.evaluate(() => {
          // Where the step comes to rest: its arrival starts at the sender.
          for (const a of document.getAnimations()) a.finish();
          const now = document.querySelector("svg.lgd .now");
          if (!now) return null;
          const b = now.getBoundingClientRect();
          return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, h: innerHeight, w: innerWidth };
        });
        if (!r) problems.push(`${p}: no current step in the diagram`);
        // A message wider than a phone cannot fit: it must then fill the
        // screen's width, its middle in view.
        else if (r.top < 0 || r.bottom > r.h ||
          (r.right - r.left <= r.w ? r.left < 0 || r.right > r.w : r.left > 0 || r.right < r.w)) {
          problems.push(`${p} at ${viewport.width}×${viewport.height}: current step at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}, off screen`);
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await srv.close();
  }
  assert.deepEqual(problems, []);
});

// make e2e installs rsvg-convert; in CI a missing one fails the test rather
// than skipping it. The step SVGs are those of the pages sweep picks (every
// one with make e2e-full), and the thumbnails and animations of each
// language's turn (see turns): a step's SVG differs from the next only by a
// row, and librsvg took 450 of CI's seconds over all of them. Two run at
// once, one per core.
const noRsvg = !process.env.CI && spawnSync("rsvg-convert", ["--version"]).error;
test("librsvg renders every sampled standalone SVG", { skip: noRsvg ? "rsvg-convert is not installed" : false }, async () => {
  const picked = new Set(sweep().map((p) => p.replace(/\/index\.html$/, ".svg")));
  const inTurn = turns();
  const isStep = (p) => /\/\d+\.svg$/.test(p);
  const files = svgs().filter((p) => isStep(p) ? picked.has(p) : inTurn(p));
  assert.ok(files.some(isStep), "no step SVG to render");
  const problems = [];
  await pool(files, 2, (p) => new Promise((resolve) => {
    const c = spawn("rsvg-convert", [path.join(site, p)], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    c.stderr.on("data", (d) => { stderr += d; });
    c.on("close", (status) => {
      if (status !== 0 || stderr) problems.push(`${p}: exit ${status} ${stderr}`);
      resolve();
    });
  }));
  assert.deepEqual(problems.sort(), []);
});

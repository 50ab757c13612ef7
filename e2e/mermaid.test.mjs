// Mermaid export and the animated SVG, checked in the tools readers use:
// "lessongen export mermaid" of every sample lesson rendered by the mermaid
// npm package in Chromium, and each scene's animation.svg played by
// Chromium's CSS engine, as a document and as an <img>.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serve, launch, root, site } from "./lib.mjs";

const shots = process.env.SHOTS_DIR; // where to keep screenshots, if set
let srv, browser, lessongen;

before(async () => {
  lessongen = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lg-mermaid-")), "lessongen");
  execFileSync("go", ["build", "-o", lessongen, "./cmd/lessongen"], { cwd: root, stdio: "inherit" });
  srv = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.close();
  fs.rmSync(path.dirname(lessongen), { recursive: true, force: true });
});

const scenes = fs.readdirSync(path.join(root, "content", "scenes")).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -5)).sort();

// exportOf runs "lessongen export mermaid" on the sample content.
function exportOf(scene, lang) {
  const args = ["export", "mermaid", scene, "--content", path.join(root, "content")];
  if (lang) args.push("--lang", lang);
  return execFileSync(lessongen, args, { encoding: "utf8" });
}

test("export mermaid of every sample lesson renders in Mermaid itself", async () => {
  const page = await browser.newPage();
  await page.setContent("<!doctype html><html><body></body></html>");
  await page.addScriptTag({ path: path.join(root, "e2e", "node_modules", "mermaid", "dist", "mermaid.min.js") });
  await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict" }));
  let n = 0;
  for (const scene of scenes) {
    for (const lang of ["", "ja", "ar"]) {
      const text = exportOf(scene, lang);
      const labels = text.split("\n").filter((l) => /^\s+(Note over |[a-z0-9_]+(->>|-->>|-x|--x))/.test(l)).map((l) => l.slice(l.indexOf(": ") + 2));
      const result = await page.evaluate(async ({ text, id }) => {
        try {
          const { svg } = await window.mermaid.render(id, text);
          const holder = document.createElement("div");
          holder.innerHTML = svg;
          return { ok: true, text: holder.textContent, messages: holder.querySelectorAll(".messageText").length, notes: holder.querySelectorAll(".note").length };
        } catch (e) {
          return { ok: false, error: String(e && e.message || e) };
        }
      }, { text, id: `d${n++}` });
      assert.ok(result.ok, `${scene} ${lang}: Mermaid refuses the export: ${result.error}\n${text}`);
      const decode = (s) => s.replace(/#(\d+);/g, (_, c) => String.fromCodePoint(+c)).replace(/#lt;/g, "<").replace(/#gt;/g, ">");
      for (const l of labels) {
        assert.ok(result.text.includes(decode(l)), `${scene} ${lang}: Mermaid's drawing lacks the label ${JSON.stringify(l)}`);
      }
      assert.equal(result.messages + result.notes, labels.length, `${scene} ${lang}: every step is one arrow or one note`);
    }
  }
  await page.close();
});

// stateAt pauses every animation of the page at t seconds and returns the
// steps whose current copy is showing, and those whose overview copy is.
async function stateAt(page, t) {
  return page.evaluate((ms) => {
    for (const a of document.getAnimations()) { a.pause(); a.currentTime = ms; }
    const shown = (sel) => [...document.querySelectorAll(sel)].filter((e) => Number(getComputedStyle(e).opacity) > 0.99).map((e) => Number(e.id.replace(/\D+/, "")));
    return { now: shown(".lga-n"), past: shown(".lga-o") };
  }, t * 1000);
}

test("the animation shows the expected step at each moment, and loops", async () => {
  for (const scene of ["tcp-handshake", "tls13", "dns"]) {
    const page = await browser.newPage();
    await page.goto(`${srv.url}/en/${scene}/animation.svg`);
    const cycle = Number(await page.getAttribute("svg", "data-cycle"));
    const steps = await page.$$eval(".lga-n", (gs) => gs.map((g) => ({ n: Number(g.id.slice(5)), t: Number(g.dataset.t), e: Number(g.dataset.e) })));
    assert.ok(steps.length > 2 && cycle > steps.at(-1).t, `${scene}: a schedule`);
    // Before the first step: the bare actors.
    assert.deepEqual(await stateAt(page, steps[0].t / 2), { now: [], past: [] }, `${scene}: the loop opens on the actors alone`);
    for (const s of steps) {
      // Each step stays long enough to read (2.2 s at least) ...
      assert.ok(s.e - s.t >= 2.2 - 1e-9, `${scene} step ${s.n} is on for ${s.e - s.t} s`);
      // ... and in the middle of its time it alone is current, every
      // earlier step drawn as in the overview, no later one yet.
      const got = await stateAt(page, (s.t + s.e) / 2);
      assert.deepEqual(got.now, [s.n], `${scene} at ${(s.t + s.e) / 2} s`);
      assert.deepEqual(got.past, steps.filter((o) => o.n < s.n).map((o) => o.n), `${scene} at ${(s.t + s.e) / 2} s: earlier steps`);
    }
    // The last step holds longer, then the loop starts again.
    const last = steps.at(-1);
    assert.ok(last.e - last.t >= 4, `${scene}: the end pause`);
    assert.deepEqual((await stateAt(page, cycle + steps[0].t / 2)).now, [], `${scene}: after ${cycle} s it starts again`);
    await page.close();
  }
});

test("under reduced motion the animation is the whole diagram, still", async () => {
  const ctx = await browser.newContext({ reducedMotion: "reduce" });
  const page = await ctx.newPage();
  await page.goto(`${srv.url}/en/tcp-handshake/animation.svg`);
  assert.equal(await page.evaluate(() => document.getAnimations().length), 0);
  const total = await page.locator(".lga-o").count();
  const got = await page.evaluate(() => ({
    now: [...document.querySelectorAll(".lga-n")].filter((e) => getComputedStyle(e).opacity !== "0").length,
    past: [...document.querySelectorAll(".lga-o")].filter((e) => getComputedStyle(e).opacity === "1").length,
  }));
  assert.deepEqual(got, { now: 0, past: total });
  await ctx.close();
});

// imgPage shows a scene's animation as a README does: an <img>, nothing else.
async function imgPage(ctx, scene, lang = "en") {
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 760, height: 900 });
  await page.goto(`${srv.url}/404.html`); // any page of the site's origin
  await page.setContent(`<!doctype html><html><body style="margin:0"><img id="a" alt="animation" src="${srv.url}/${lang}/${scene}/animation.svg"></body></html>`);
  await page.waitForFunction(() => document.getElementById("a").complete && document.getElementById("a").naturalWidth > 0);
  return page;
}

test("as an <img> the animation plays, and under reduced motion it stays still", async () => {
  // Emulated media reach the page, not the document inside an image, so
  // reduced motion is asked of the whole browser, as a reader's system would.
  const still = await launch(["--force-prefers-reduced-motion"]);
  for (const [motion, moves] of [["no-preference", true], ["reduce", false]]) {
    const ctx = await (moves ? browser : still).newContext();
    const page = await imgPage(ctx, "tcp-handshake");
    const img = page.locator("#a");
    const frames = [];
    for (const wait of [300, 3000, 3000]) {
      await page.waitForTimeout(wait);
      frames.push(await img.screenshot());
    }
    if (shots) frames.forEach((f, i) => fs.writeFileSync(path.join(shots, `img-${motion}-${i}.png`), f));
    const changed = !frames[0].equals(frames[1]) && !frames[1].equals(frames[2]);
    const same = frames[0].equals(frames[1]) && frames[1].equals(frames[2]);
    assert.ok(moves ? changed : same, `${motion}: the image ${moves ? "should move" : "should stay still"}`);
    await ctx.close();
  }
  await still.close();
});

test("every animation.svg is self-contained: no script, no external resource", () => {
  let n = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "animation.svg") {
        n++;
        const svg = fs.readFileSync(p, "utf8");
        assert.doesNotMatch(svg, /<script|\son[a-z]+=|javascript:/i, p);
        for (const m of svg.matchAll(/(?:href|src)="([^"]*)"|url\((?!data:)([^)]*)\)/g)) {
          assert.match(m[1] ?? m[2], /^#/, `${p}: ${m[0]} reaches outside the file`);
        }
      }
    }
  };
  walk(site);
  assert.ok(n >= scenes.length, `only ${n} animation.svg files`);
});

// What readers get on every screen, measured in headless Chromium with
// getBoundingClientRect and computed styles, on the fixture site (scenes of
// two, four and six actors, in English, Arabic and every other UI language)
// and on the sample:
// - the player's controls on one row, none cut off, each at least 24×24 px
//   (WCAG 2.5.8), at 320 and 1280 px in all twelve UI languages, on the
//   first, a middle and the last step;
// - at 320, 360, 390 and 1280 px, on every step page, the current message
//   (label, number, sender's and receivers' heads and lifelines) is whole on
//   screen, nothing scrolls sideways, and no diagram text is drawn under
//   11 CSS px;
// - every earlier step is in a step's diagram and its <n>.svg, and when the
//   box scrolls, scrolling up reaches step 1 below the pinned heads, with a
//   cue shown while rows are hidden above;
// - on a 1280×800 desktop the diagram leads: most of the width, labels at
//   14 CSS px or more, its panel in view while the page scrolls and as tall
//   as the room beside the narration;
// - served over HTTP the address bar shows a step's folder;
// - index cards show their lesson's picture without moving anything;
// - inline, standalone and thumbnail diagrams have the same colours, light
//   and dark, and every diagram text and arrow meets WCAG AA contrast.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, languages, pages, settle, fixture, pick } from "./lib.mjs";

let srv, browser;
before(async () => {
  assert.ok(fs.existsSync(path.join(fixture, "en/index.html")), `no fixture site in ${fixture}: run make e2e-fixture`);
  srv = await serve(fixture);
  browser = await launch();
});
after(async () => { await browser?.close(); await srv?.close(); });

// steps lists a scene's step numbers in the fixture: 1..n.
function steps(lang, scene) {
  return pages(fixture).filter((p) => p.startsWith(`${lang}/${scene}/`) && /\/\d+\/index\.html$/.test(p))
    .map((p) => +/\/(\d+)\/index\.html$/.exec(p)[1]).sort((a, b) => a - b);
}
const SCENES = { 2: "arp", 4: "dhcp-relay", 6: "nat" };

// controls runs in the page: the player's shown controls, their boxes, and
// whether any text in them is cut off.
function controls() {
  const player = document.querySelector(".player");
  const p = player.getBoundingClientRect();
  const shown = [...player.querySelectorAll(":scope > a, :scope > span:not(.auto), .auto > *")]
    .filter((el) => el.getClientRects().length && getComputedStyle(el).display !== "none" && !el.matches(".bar-progress"));
  return {
    player: { left: p.left, right: p.right, width: p.width },
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    items: shown.map((el) => {
      const r = el.getBoundingClientRect();
      const t = el.querySelector(".t:not(.vh)");
      const cut = t && getComputedStyle(t).position !== "absolute" && t.scrollWidth > t.clientWidth + 0.5;
      return { cls: el.className.split(" ")[0], top: r.top, bottom: r.bottom, left: r.left, right: r.right, w: r.width, h: r.height, cut };
    }),
  };
}

for (const width of [320, 1280]) {
  test(`the player is one row at ${width} px in every UI language, on first, middle and last steps`, async () => {
    const langs = languages(fixture);
    assert.ok(langs.length >= 12, `the fixture has ${langs.length} languages, not the theme's 12`);
    const ctx = await browser.newContext({ viewport: { width, height: 800 }, isMobile: width < 600, hasTouch: width < 600 });
    const page = await ctx.newPage();
    const problems = [];
    for (const lang of langs) {
      const ns = steps(lang, SCENES[4]);
      for (const n of [ns[0], ns[ns.length >> 1], ns.at(-1)]) {
        await page.goto(`${srv.url}/${lang}/${SCENES[4]}/${n}/index.html`);
        await page.evaluate(() => document.fonts.ready);
        const r = await page.evaluate(controls);
        const where = `${lang} step ${n} at ${width}px`;
        if (r.items.length < 4) problems.push(`${where}: only ${r.items.length} controls shown`);
        const top = Math.min(...r.items.map((i) => i.top));
        for (const i of r.items) {
          if (Math.abs(i.top - top) > 1) problems.push(`${where}: ${i.cls} is on another row (top ${Math.round(i.top)}, not ${Math.round(top)})`);
          if (i.w < 24 || i.h < 24) problems.push(`${where}: ${i.cls} is ${Math.round(i.w)}×${Math.round(i.h)} px, under 24×24`);
          if (i.cut) problems.push(`${where}: ${i.cls}'s text is cut off`);
          if (i.left < r.player.left - 0.5 || i.right > r.player.right + 0.5) problems.push(`${where}: ${i.cls} leaves the player`);
        }
        if (r.page > 0) problems.push(`${where}: the page scrolls sideways by ${r.page}px`);
      }
    }
    await ctx.close();
    assert.deepEqual(problems, []);
  });
}

// hero runs in the page: where the diagram's panel is, how large its
// labels are drawn, and where the narration and the player are.
function hero() {
  const fig = document.querySelector(".stage .diagram");
  const svg = [...fig.querySelectorAll("svg.lgd")].find((s) => s.getClientRects().length);
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll(".m text.lb")].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
  const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width }; };
  return {
    fig: box(fig), player: box(document.querySelector(".player")), narration: box(document.querySelector(".narration")),
    label: sizes.length ? Math.min(...sizes) : null, w: innerWidth, h: innerHeight,
    now: box(svg.querySelector(".now")), scroll: box(fig.querySelector(".scroll")),
  };
}

test("on a 1280×800 desktop the diagram leads, in view, with labels of 14 px or more", async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const problems = [];
  for (const lang of ["en", "ar"]) {
    for (const scene of Object.values(SCENES)) {
      for (const n of steps(lang, scene)) {
        await page.goto(`${srv.url}/${lang}/${scene}/${n}/index.html`);
        await page.evaluate(() => document.fonts.ready);
        await settle(page);
        const where = `${lang}/${scene}/${n}`;
        const r = await page.evaluate(hero);
        if (r.fig.width < 0.55 * r.w) problems.push(`${where}: the diagram is ${Math.round(r.fig.width)} px wide, under 55% of the screen`);
        if (r.label !== null && r.label < 14 - 0.05) problems.push(`${where}: labels drawn at ${r.label.toFixed(1)} px`);
        if (r.fig.top < 0 || r.fig.bottom > r.player.top + 1) problems.push(`${where}: the diagram's panel ${Math.round(r.fig.top)}–${Math.round(r.fig.bottom)} is not in view above the player at ${Math.round(r.player.top)}`);
        // Beside the narration, the panel reaches down as far as the room does.
        const room = Math.min(r.player.top, Math.max(r.narration.bottom, r.h)) - 24;
        if (r.fig.bottom < room - 64) problems.push(`${where}: ${Math.round(room - r.fig.bottom)} px blank under the diagram`);
        if (r.now.top < r.scroll.top - 1 || r.now.bottom > r.scroll.bottom + 1 || r.now.left < r.scroll.left - 1 || r.now.right > r.scroll.right + 1) {
          problems.push(`${where}: the current step is not whole in the diagram's panel`);
        }
        // Sticky: read on, and the diagram is still there.
        await page.evaluate(() => scrollTo(0, 600));
        const s = await page.evaluate(hero);
        if (s.fig.top < 0 || s.fig.bottom > s.h) problems.push(`${where}: scrolled down, the diagram leaves the screen (${Math.round(s.fig.top)}–${Math.round(s.fig.bottom)})`);
      }
    }
  }
  await ctx.close();
  assert.deepEqual(problems, []);
});

// fit runs in the page: whether the current message is whole on screen in
// the diagram that is shown, without scrolling sideways, and how small its
// text is drawn. "Whole" is its label and number, and its sender's and
// every receiver's head and lifeline: inside the screen and the diagram's
// box across, and, for the label and the heads, down too.
function fit() {
  const fig = document.querySelector(".stage .diagram");
  const sc = fig.querySelector(".scroll");
  const shown = [...fig.querySelectorAll("svg.lgd:not(.hds)")].filter((s) => s.getClientRects().length);
  const out = [];
  if (shown.length !== 1) return { out: [`${shown.length} diagrams shown`], min: 0, label: 0 };
  const svg = shown[0];
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const size = (t) => parseFloat(getComputedStyle(t).fontSize) * scale;
  const texts = [...svg.querySelectorAll("text")].filter((t) => t.getClientRects().length);
  const s = sc.getBoundingClientRect();
  const view = { left: Math.max(0, s.left), right: Math.min(innerWidth, s.right), top: Math.max(0, s.top), bottom: Math.min(innerHeight, s.bottom) };
  const on = (el, what, down) => {
    const b = el.getBoundingClientRect();
    const across = b.left >= view.left - 1 && b.right <= view.right + 1;
    const upDown = !down || (b.top >= view.top - 1 && b.bottom <= view.bottom + 1);
    if (!across || !upDown) out.push(`${what} at ${Math.round(b.left)},${Math.round(b.top)}–${Math.round(b.right)},${Math.round(b.bottom)} is outside ${Math.round(view.left)},${Math.round(view.top)}–${Math.round(view.right)},${Math.round(view.bottom)}`);
  };
  const now = svg.querySelector(".now");
  if (now?.matches(".m")) {
    for (const el of now.querySelectorAll("text.lb, .bd")) on(el, `the current ${el.matches("text") ? "label" : "number"}`, true);
    // The heads on screen are the pinned copy over the diagram's top.
    const actors = [...svg.querySelectorAll(".a")];
    const pinned = [...svg.parentElement.querySelectorAll("svg.hds .a")];
    if (pinned.length !== actors.length) out.push(`${pinned.length} pinned heads for ${actors.length} actors`);
    const heads = actors.filter((a) => a.matches(".on"));
    if (heads.length === 0) out.push("no actor is marked as taking part");
    for (const a of heads) {
      const name = a.querySelector("text.nm").textContent;
      const pin = pinned[actors.indexOf(a)];
      if (!pin?.matches(".on")) out.push(`${name}'s pinned head is not marked as taking part`);
      else on(pin.querySelector(".hd"), `${name}'s head`, true);
      for (const l of a.querySelectorAll(".ll")) on(l, `${name}'s lifeline`, false);
    }
  }
  const sideways = Math.max(sc.scrollWidth - sc.clientWidth, document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (sideways > 1) out.push(`scrolls sideways by ${sideways} px`);
  const labels = [...svg.querySelectorAll(".m text.lb")].map(size);
  return { out, min: Math.min(...texts.map(size)), label: labels.length ? Math.min(...labels) : Infinity };
}

for (const width of [320, 360, 390, 1280]) {
  test(`at ${width} px the current message is whole on screen, nothing scrolls sideways, and no diagram text is under ${width < 600 ? 11 : "11 (labels 14)"} px`, async () => {
    const phone = width < 600;
    const ctx = await browser.newContext({ viewport: { width, height: phone ? 844 : 800 }, isMobile: phone, hasTouch: phone, reducedMotion: "reduce" });
    const page = await ctx.newPage();
    const problems = [];
    for (const lang of ["en", "ar"]) {
      for (const scene of Object.values(SCENES)) {
        for (const n of steps(lang, scene)) {
          await page.goto(`${srv.url}/${lang}/${scene}/${n}/index.html`);
          await page.evaluate(() => document.fonts.ready);
          await settle(page);
          const r = await page.evaluate(fit);
          const where = `${lang}/${scene}/${n} at ${width}px`;
          for (const o of r.out) problems.push(`${where}: ${o}`);
          if (r.min < 11 - 0.05) problems.push(`${where}: text drawn at ${r.min.toFixed(1)} px`);
          if (!phone && r.label < 14 - 0.05) problems.push(`${where}: labels drawn at ${r.label.toFixed(1)} px`);
        }
      }
    }
    await ctx.close();
    assert.deepEqual(problems, []);
  });
}

// story runs in the page: whether the shown diagram and the standalone
// <n>.svg hold every step up to n and no later one, and whether, when the
// box scrolls, its earliest step can be brought into view below the pinned
// heads, with the "more above" cue shown exactly while rows are hidden.
async function story(n) {
  const out = [];
  const svg = [...document.querySelectorAll(".stage svg.lgd:not(.hds)")].find((s) => s.getClientRects().length);
  const id = svg.classList.contains("nw") ? "lgn" : "lgd";
  const file = await (await fetch(`../${n}.svg`)).text();
  for (let k = 1; k <= n + 1; k++) {
    if (!!svg.querySelector(`#${id}-s${k}`) !== (k <= n)) out.push(`step ${k} ${k <= n ? "missing from" : "drawn in"} the page's diagram`);
    if (file.includes(`id="lgd-s${k}"`) !== (k <= n)) out.push(`step ${k} ${k <= n ? "missing from" : "drawn in"} ${n}.svg`);
  }
  const box = svg.closest(".scroll");
  const pin = svg.parentElement.querySelector("svg.hds");
  const cue = () => getComputedStyle(pin.querySelector(".more")).visibility === "visible";
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const tall = box.scrollHeight > box.clientHeight + 1;
  if (cue() !== tall) out.push(`the cue is ${cue() ? "shown" : "hidden"} on a box that ${tall ? "scrolls" : "does not scroll"}`);
  if (tall) {
    box.scrollTop = -box.scrollHeight; // column-reverse: up is negative
    await frames();
    const first = svg.querySelector(`#${id}-s1`).getBoundingClientRect();
    const under = pin.getBoundingClientRect().bottom, b = box.getBoundingClientRect();
    if (first.top < under - 1 || first.bottom > b.bottom + 1) out.push(`scrolled to the top, step 1 at ${Math.round(first.top)}–${Math.round(first.bottom)} is not between the heads (${Math.round(under)}) and the box's bottom (${Math.round(b.bottom)})`);
    if (cue()) out.push("the cue is still shown at the top");
  }
  return { out, tall };
}

for (const width of [390, 1280]) {
  test(`at ${width} px every earlier step is in the step's diagram and its SVG, and scrolling up reaches the first`, async () => {
    const phone = width < 600;
    const ctx = await browser.newContext({ viewport: { width, height: phone ? 844 : 800 }, isMobile: phone, hasTouch: phone, reducedMotion: "reduce" });
    const page = await ctx.newPage();
    const problems = [];
    let tall = 0;
    for (const lang of ["en", "ar"]) {
      for (const scene of Object.values(SCENES)) {
        for (const n of steps(lang, scene)) {
          await page.goto(`${srv.url}/${lang}/${scene}/${n}/index.html`);
          await settle(page);
          const r = await page.evaluate(story, n);
          tall += r.tall;
          for (const o of r.out) problems.push(`${lang}/${scene}/${n} at ${width}px: ${o}`);
        }
      }
    }
    await ctx.close();
    assert.deepEqual(problems, []);
    assert.ok(tall > 0, "no step page's diagram is taller than its box: the scrolling back is untested");
  });
}

test("served over HTTP, the address bar shows a step's folder", async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(`${srv.url}/en/${SCENES[4]}/3/index.html`);
  await page.waitForFunction(() => location.pathname.endsWith("/3/"));
  await page.keyboard.press("ArrowRight");
  await page.waitForURL(`${srv.url}/en/${SCENES[4]}/4/`);
  assert.equal(await page.getAttribute(".player a.next", "href"), "../5/");
  await page.click(".player a.prev");
  await page.waitForURL(`${srv.url}/en/${SCENES[4]}/3/`);
  await ctx.close();
});

test("index cards show their lesson's picture, decorative, with nothing moving as it loads", async () => {
  for (const lang of ["en", "ar"]) {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      window.lgShift = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.lgShift += e.value; }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(`${srv.url}/${lang}/index.html`);
    const cards = page.locator(".card");
    assert.equal(await cards.count(), Object.keys(SCENES).length);
    for (let i = 0; i < await cards.count(); i++) await cards.nth(i).scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.images].every((im) => im.complete));
    const r = await page.evaluate(() => [...document.querySelectorAll(".card")].map((c) => {
      const im = c.querySelector("img.thumb");
      return im && { alt: im.getAttribute("alt"), w: im.getAttribute("width"), h: im.getAttribute("height"), loaded: im.naturalWidth > 0, shown: im.getBoundingClientRect().height };
    }));
    for (const im of r) {
      assert.ok(im, `${lang}: a card without a picture`);
      assert.equal(im.alt, "", `${lang}: the picture is not decorative`);
      assert.ok(im.w && im.h && im.loaded && im.shown > 50, `${lang}: picture not sized or not loaded: ${JSON.stringify(im)}`);
    }
    assert.equal(await page.evaluate(() => window.lgShift), 0, `${lang}: the index shifts as it loads`);
    await ctx.close();
  }
});

// paint runs in a document: the colours a diagram is drawn in.
function paint() {
  const svg = document.querySelector("svg.lgd");
  const css = (sel, prop) => { const el = svg.querySelector(sel); return el ? getComputedStyle(el)[prop] : null; };
  return {
    surface: getComputedStyle(svg).backgroundColor, ink: css("text.nm", "fill"), lifeline: css(".ll", "stroke"),
    head: css(".hd", "stroke"), line: css(".past .l", "stroke"), now: css(".now .l", "stroke"),
  };
}

test("a diagram has the same colours inline, standalone and as a thumbnail, light and dark", async () => {
  const problems = [];
  for (const colorScheme of ["light", "dark"]) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
    const page = await ctx.newPage();
    const base = `${srv.url}/en/${SCENES[6]}`;
    await page.goto(`${base}/3/index.html`);
    await settle(page);
    const inline = await page.evaluate(paint);
    await page.goto(`${base}/3.svg`);
    const standalone = await page.evaluate(paint);
    await page.goto(`${base}/thumb.svg`);
    const thumb = await page.evaluate(paint);
    for (const k of Object.keys(inline)) {
      if (standalone[k] !== inline[k]) problems.push(`${colorScheme}: ${k} is ${inline[k]} inline, ${standalone[k]} standalone`);
      if (thumb[k] !== null && k !== "now" && k !== "line" && thumb[k] !== inline[k]) problems.push(`${colorScheme}: ${k} is ${inline[k]} inline, ${thumb[k]} in the thumbnail`);
    }
    if (colorScheme === "dark" && inline.surface === "rgb(255, 255, 255)") problems.push("dark: the diagram stays white");
    await ctx.close();
  }
  assert.deepEqual(problems, []);
});

// contrast runs in the page: every diagram text against what lies behind
// it, and every arrow against the diagram's surface.
function contrast() {
  const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = (c) => {
    const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const out = [];
  for (const svg of document.querySelectorAll("svg.lgd")) {
    if (!svg.getClientRects().length) continue;
    const surface = getComputedStyle(svg).backgroundColor;
    for (const t of svg.querySelectorAll("text")) {
      const g = t.parentNode;
      const under = t.matches(".nn") ? g.querySelector(".bd") : t.matches(".nm") ? g.querySelector(".hd")
        : t.matches(".pt") ? g.querySelector(".tab") : g.matches(".n") ? g.querySelector(".nb") : null;
      const bg = under ? getComputedStyle(under).fill : surface;
      const r = ratio(getComputedStyle(t).fill, bg);
      if (r < 4.5) out.push(`text "${t.textContent}" (${t.getAttribute("class")}) at ${r.toFixed(2)}:1`);
    }
    for (const l of svg.querySelectorAll(".m .l, .ah, .x")) {
      const c = l.matches(".ah") ? getComputedStyle(l).fill : getComputedStyle(l).stroke;
      const r = ratio(c, surface);
      if (r < 3) out.push(`${l.getAttribute("class")} of ${l.closest("[id]")?.id} at ${r.toFixed(2)}:1`);
    }
  }
  return [...new Set(out)];
}

test("every diagram text and arrow meets WCAG AA contrast, light and dark", async () => {
  const problems = [];
  for (const colorScheme of ["light", "dark"]) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
    const page = await ctx.newPage();
    for (const lang of ["en", "ar"]) {
      for (const scene of Object.values(SCENES)) {
        for (const n of pick(steps(lang, scene))) {
          await page.goto(`${srv.url}/${lang}/${scene}/${n}/index.html`);
          await settle(page);
          for (const p of await page.evaluate(contrast)) problems.push(`${colorScheme} ${lang}/${scene}/${n}: ${p}`);
        }
      }
    }
    await ctx.close();
  }
  assert.deepEqual(problems, []);
});

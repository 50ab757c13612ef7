// The lesson player in headless Chromium: links and keys move between steps,
// swipes do on touch screens, autoplay runs to the end of a scene and can be
// paused, view transitions go the way the reader goes and move only the new
// step, focus lands where a screen reader reads the new step and is never
// hidden under the sticky player, and reduced motion shows everything at
// once.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, pages, languages, settle, latinDigits, RTL } from "./lib.mjs";

// scene picks a language's shortest scene of three steps or more (which keeps
// autoplay short): its folder and its number of steps.
function scene(lang) {
  const counts = new Map();
  for (const p of pages()) {
    const m = new RegExp(`^(${lang}/[^/]+/)(\\d+)/index\\.html$`).exec(p);
    if (m) counts.set(m[1], Math.max(counts.get(m[1]) || 0, +m[2]));
  }
  return [...counts].filter(([, n]) => n >= 3).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0] || [];
}
// Most tests play the first left-to-right language's scene; the keys and
// swipes are also tried right to left when the site has such a language.
const lang = languages().find((l) => !RTL.includes(l)) || languages()[0];
const [base, total] = scene(lang);
const rtlLang = languages().find((l) => RTL.includes(l));

let srv, browser, windowed;
before(async () => {
  srv = await serve();
  browser = await launch();
  // View transitions need a real window size rather than an emulated one.
  windowed = await launch(["--window-size=1280,800"]);
});
after(async () => { await browser?.close(); await windowed?.close(); await srv?.close(); });

// Served over HTTP, a step's address is its folder, whatever the link said.
const url = (n, b = base) => `${srv.url}/${b}${n}/`;
const stepOf = (page) => +/\/(\d+)\/(index\.html)?$/.exec(page.url())?.[1];
// A key that must not navigate: wait long enough that it would have.
const stays = async (page, n) => { await page.waitForTimeout(400); assert.equal(stepOf(page), n); };

async function open(options = {}, n = 1, b = base) {
  const ctx = options.viewport === null
    ? await windowed.newContext(options)
    : await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await ctx.newPage();
  await page.goto(`${url(n, b)}index.html`);
  return { ctx, page };
}

test("a scene to play exists", () => {
  assert.ok(base, `no scene with three steps or more under ${lang}/`);
});

for (const l of [...new Set([lang, rtlLang])].filter(Boolean)) {
  const rtl = RTL.includes(l);
  const [b, n] = scene(l);
  const [forward, backward] = rtl ? ["ArrowLeft", "ArrowRight"] : ["ArrowRight", "ArrowLeft"];
  test(`${l}: next and previous links, and the keys (arrows, Home, End) go step by step`, async () => {
    const { ctx, page } = await open({}, 1, b);
    await page.click(".player a.next");
    await page.waitForURL(url(2, b));
    await page.click(".player a.prev");
    await page.waitForURL(url(1, b));
    await page.keyboard.press(forward);
    await page.waitForURL(url(2, b));
    await page.keyboard.press(backward);
    await page.waitForURL(url(1, b));
    await page.keyboard.press(backward);
    await stays(page, 1);
    await page.keyboard.press("End");
    await page.waitForURL(url(n, b));
    await page.keyboard.press(forward);
    await stays(page, n);
    await page.keyboard.press("Home");
    await page.waitForURL(url(1, b));
    assert.match(latinDigits(await page.title()), new RegExp(`1\\D.*${n}.* – .+ – .+$`));
    await ctx.close();
  });

  test(`${l}: swiping turns the page on a touch screen`, async () => {
    const { ctx, page } = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, 2, b);
    const cdp = await ctx.newCDPSession(page);
    const swipe = async (from, to) => {
      const y = 640;
      await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: from, y }] });
      for (let i = 1; i <= 5; i++) {
        await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: from + ((to - from) * i) / 5, y: y + i }] });
      }
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    };
    // The next page comes in from the end of the line, as a page turns.
    const [start, end] = rtl ? [60, 320] : [320, 60];
    await swipe(start, end);
    await page.waitForURL(url(3, b));
    await swipe(end, start);
    await page.waitForURL(url(2, b));
    await ctx.close();
  });
}

test("the current step is in view, inside the diagram's box, on any screen", async () => {
  // The longest scene's middle and last steps, where the diagram is tallest.
  const counts = new Map();
  for (const p of pages()) {
    const m = new RegExp(`^(${lang}/[^/]+/)(\\d+)/index\\.html$`).exec(p);
    if (m) counts.set(m[1], Math.max(counts.get(m[1]) || 0, +m[2]));
  }
  const [longest, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
  for (const viewport of [{ width: 320, height: 640 }, { width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    for (const step of [n >> 1 || 1, n]) {
      const { ctx, page } = await open({ viewport }, step, longest);
      await settle(page);
      const r = await page.evaluate(() => {
        // The shown diagram's: a phone's page also holds the wide one, hidden.
        const now = [...document.querySelectorAll(".lgd .now")].find((e) => e.getClientRects().length).getBoundingClientRect();
        const box = document.querySelector(".diagram .scroll").getBoundingClientRect();
        return { now: [now.left, now.top, now.right, now.bottom], box: [box.left, box.top, box.right, box.bottom], h: innerHeight };
      });
      const [l, t, rt, b] = r.now;
      const where = `${viewport.width}px, step ${step}: step at ${r.now.map(Math.round)}, box at ${r.box.map(Math.round)}`;
      assert.ok(t >= r.box[1] - 1 && b <= r.box[3] + 1, `${where}: not within the box's height`);
      assert.ok(l >= r.box[0] - 1 && rt <= r.box[2] + 1, `${where}: not within the box's width`);
      assert.ok(t >= 0 && b <= r.h, `${where}: below the fold`);
      await ctx.close();
    }
  }
});

test("nothing fires while typing in a field or choosing a speed", async () => {
  const { ctx, page } = await open({}, 2);
  await page.evaluate(() => document.querySelector(".narration").append(Object.assign(document.createElement("input"), { id: "typing" })));
  await page.focus("#typing");
  for (const key of ["ArrowRight", "ArrowLeft", "Home", "End", " "]) await page.keyboard.press(key);
  await stays(page, 2);
  assert.equal(await page.inputValue("#typing"), " ");
  assert.notEqual(await page.evaluate(() => sessionStorage.getItem("lg-play")), "1");
  await page.focus(".player .speed");
  await page.keyboard.press("ArrowRight");
  await stays(page, 2);
  await ctx.close();
});

test("autoplay runs to the end of the scene and stops; the speed is remembered", async () => {
  const { ctx, page } = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  // The test hook: milliseconds per step, before the speed divides them.
  await page.evaluate(() => localStorage.setItem("lg-step-ms", "300"));
  await page.selectOption(".player .speed", "2");
  const play = page.locator(".player .play");
  assert.equal((await play.textContent()).trim(), await play.getAttribute("data-play"));
  await play.click();
  assert.equal((await play.textContent()).trim(), await play.getAttribute("data-pause"));
  const start = Date.now();
  await page.waitForURL(url(total), { timeout: 30_000 });
  assert.ok(Date.now() - start >= (total - 1) * 150 * 0.9, "autoplay ran faster than its speed");
  // Stopped at the end: Play again, nothing pending.
  await page.waitForFunction(() => !document.querySelector(".player .play.on"));
  await stays(page, total);
  assert.equal((await play.textContent()).trim(), await play.getAttribute("data-play"));
  assert.equal(await page.inputValue(".player .speed"), "2");
  // The pause control is in view wherever the page is scrolled (WCAG 2.2.2).
  for (const y of [0, 400, 100000]) {
    await page.evaluate((y) => scrollTo(0, y), y);
    const box = await play.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 844, `play/pause out of view when scrolled to ${y}`);
  }
  await ctx.close();
});

test("Space plays and pauses, and playing carries on across pages", async () => {
  const { ctx, page } = await open();
  await page.evaluate(() => localStorage.setItem("lg-step-ms", "4000"));
  await page.keyboard.press(" ");
  assert.equal(await page.evaluate(() => sessionStorage.getItem("lg-play")), "1");
  await page.waitForURL(url(2), { timeout: 10_000 });
  // The URL changes before the new page's script has run, seconds before on a loaded machine.
  await page.locator(".player .play.on").waitFor({ timeout: 15_000 }).catch(() => assert.fail("playing stopped after a page load"));
  await page.keyboard.press(" ");
  assert.equal(await page.locator(".player .play.on").count(), 0);
  await stays(page, 2);
  await page.waitForTimeout(4000);
  assert.equal(stepOf(page), 2, "paused, yet moved on");
  await ctx.close();
});

test("view transitions go forward and back, and only the new step moves", async () => {
  const { ctx, page } = await open({ viewport: null }, 2);
  await page.addInitScript(() => {
    addEventListener("pagereveal", (e) => { window.lgReveal = e.viewTransition; });
  });
  await page.reload();
  // A reader takes a moment before the next step; a view transition needs
  // the page to have been shown first.
  const pause = () => page.waitForTimeout(600);
  await pause();
  // pagereveal comes with the first frame, which may follow the load event.
  const types = async () => {
    await page.waitForFunction(() => "lgReveal" in window);
    return page.evaluate(() => (window.lgReveal ? [...window.lgReveal.types] : null));
  };
  await page.click(".player a.next");
  await page.waitForURL(url(3));
  assert.deepEqual(await types(), ["fwd"], "Next");
  // What animates: the new step's parts in the diagram, the narration, and
  // the view transition's own pseudo-elements for the narration.
  const moving = await page.evaluate(() => document.getAnimations().map((a) => {
    const t = a.effect.target;
    if (a.effect.pseudoElement) return a.effect.pseudoElement;
    if (t.closest(".lgd .now, .lgd .a.to, .lgd .ph.new")) return "new step";
    if (t.closest(".narration")) return "narration";
    return `${t.tagName}.${t.getAttribute("class")} in ${t.parentElement?.getAttribute("class")}`;
  }));
  assert.ok(moving.includes("new step"), "the new step does not animate");
  for (const m of moving) {
    assert.match(m, /^(new step|narration|::view-transition-(group|image-pair|old|new)\((narration|root|log)\))$/, `${m} moves`);
  }
  await pause();
  await page.click(".player a.prev");
  await page.waitForURL(url(2));
  assert.deepEqual(await types(), ["back"], "Previous");
  // Going back shows the step as it was: no arrival.
  assert.equal(await page.evaluate(() => document.getAnimations().filter((a) => !a.effect.pseudoElement && a.effect.target.closest(".lgd")).length), 0);
  // Through history too (the browser's own Back button starts no view
  // transition in Chromium; a page's history.back() does).
  await pause();
  await page.evaluate(() => history.back());
  await page.waitForURL(url(3));
  assert.deepEqual(await types(), ["fwd"], "history.back() to a later step");
  await pause();
  await page.evaluate(() => history.back());
  await page.waitForURL(url(2));
  assert.deepEqual(await types(), ["back"], "history.back() to an earlier step");
  await ctx.close();
});

test("after each step a screen reader is taken to the new step's narration", async () => {
  const { ctx, page } = await open();
  // By mouse: focus moves to the narration, whose heading names it.
  await page.click(".player a.next");
  await page.waitForURL(url(2));
  assert.equal(await page.evaluate(() => document.activeElement.id), "narration");
  assert.equal(await page.getAttribute("#narration", "aria-labelledby"), "step-h");
  // By keyboard on Next: focus stays on Next, ready for the next press, and
  // a live region reads the new step.
  await page.focus(".player a.next");
  await page.keyboard.press("Enter");
  await page.waitForURL(url(3));
  assert.equal(await page.evaluate(() => document.activeElement.className), "next");
  await page.waitForFunction(() => document.querySelector(".announce").textContent.length > 0);
  const said = await page.textContent(".announce");
  const heading = (await page.textContent("#step-h")).replace(/\s+/g, " ").trim();
  assert.ok(said.includes(heading), `the live region says "${said}", not the heading "${heading}"`);
  // Loading a page directly moves no focus.
  await page.goto(url(2));
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  await ctx.close();
});

test("focus is always visible and never hidden under the sticky player", async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    const { ctx, page } = await open({ viewport }, 2);
    await settle(page);
    const seen = new Set();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab");
      const r = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const a = el.getBoundingClientRect();
        const p = document.querySelector(".player").getBoundingClientRect();
        const inPlayer = !!el.closest(".player");
        const covered = !inPlayer && a.bottom > p.top + 1 && a.top < p.bottom - 1;
        const style = getComputedStyle(el);
        return {
          id: el.outerHTML.slice(0, 80),
          covered,
          inView: a.top >= 0 && a.bottom <= innerHeight,
          ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        };
      });
      if (!r || seen.has(r.id)) break;
      seen.add(r.id);
      assert.ok(!r.covered, `${viewport.width}px: ${r.id} is under the player bar`);
      assert.ok(r.inView, `${viewport.width}px: ${r.id} is out of view`);
      assert.ok(r.ring, `${viewport.width}px: ${r.id} shows no focus ring`);
    }
    assert.ok(seen.size >= 6, `only ${seen.size} focusable elements`);
    await ctx.close();
  }
});

test("reduced motion shows everything at once, with no animation", async () => {
  const { ctx, page } = await open({ viewport: null, reducedMotion: "reduce" }, 2);
  await page.addInitScript(() => {
    addEventListener("pagereveal", (e) => { window.lgReveal = e.viewTransition; });
  });
  await page.reload();
  assert.equal(await page.evaluate(() => document.getAnimations().length), 0);
  const names = await page.evaluate(() => [...document.querySelectorAll(".lgd .now *, .lgd .a.to *, .narration *")]
    .map((el) => getComputedStyle(el).animationName).filter((n) => n !== "none"));
  assert.deepEqual(names, []);
  await page.click(".player a.next");
  await page.waitForURL(url(3));
  await page.waitForFunction(() => "lgReveal" in window);
  assert.equal(await page.evaluate(() => window.lgReveal), null, "a view transition ran");
  assert.equal(await page.evaluate(() => document.getAnimations().length), 0);
  // Without the preference the same page does animate: the check above can fail.
  const moving = await windowed.newContext({ viewport: null, reducedMotion: "no-preference" });
  const other = await moving.newPage();
  await other.goto(url(3));
  assert.ok(await other.evaluate(() => document.getAnimations().length) > 0);
  await moving.close();
  await ctx.close();
});

test("the overview prints as a handout: the whole diagram and every step's narration", async () => {
  const ctx = await browser.newContext({ viewport: { width: 800, height: 1100 } });
  const page = await ctx.newPage();
  await page.goto(`${srv.url}/${base}index.html`);
  await page.emulateMedia({ media: "print" });
  const r = await page.evaluate(() => {
    const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    const box = document.querySelector(".diagram");
    return {
      steps: [...document.querySelectorAll(".transcript li")].filter((li) => shown(li.querySelector(".text")) && li.querySelector(".text").textContent.trim()).length,
      diagram: shown(document.querySelector("svg.lgd")) && box.scrollHeight <= box.clientHeight + 1,
      numbered: document.querySelectorAll("svg.lgd .s").length,
      buttons: [...document.querySelectorAll(".begin .button, .foot")].filter(shown).length,
    };
  });
  assert.equal(r.steps, total, "every step's narration prints");
  assert.equal(r.numbered, total, "the diagram shows every step");
  assert.ok(r.diagram, "the diagram is cut off in print");
  assert.equal(r.buttons, 0, "controls print");
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 10_000);
  await ctx.close();
});

test("without JavaScript every control but autoplay is a link that works", async () => {
  const { ctx, page } = await open({ javaScriptEnabled: false }, 2);
  assert.equal(await page.locator(".player .auto").isVisible(), false);
  await page.click(".player a.next");
  await page.waitForURL(`${url(3)}index.html`); // links name the file, for reading from the disk
  await page.click(".player a.first");
  await page.waitForURL(`${url(1)}index.html`);
  await page.click(".player a.last");
  await page.waitForURL(`${url(total)}index.html`);
  await page.click(`.log a[href$="/2/index.html"], .log a[href="../2/index.html"]`).catch(async () => {
    // The log may be folded on narrow screens; this one is wide.
    throw new Error("the step log has no link to step 2");
  });
  await page.waitForURL(`${url(2)}index.html`);
  assert.equal(await page.getAttribute(".log [aria-current]", "aria-current"), "step");
  assert.equal(await page.locator(".log li.done").count(), 1);
  await ctx.close();
});

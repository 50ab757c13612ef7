// The diagram constructs of issue #17 in a reader's browser. A site with
// one scene that uses every construct (e2e/constructs/: broadcasts, one
// lost, one in flight; notes over four actors; messages in flight, one
// lost; waits, one inside a phase) is built in every language of the
// sample site. On it run the checks of overflow.test.mjs (no text out of
// its box or over another text or an arrowhead, the shipped font, the
// current message on screen, librsvg renders every standalone SVG); then
// the player's animation is followed down a message in flight's slope and
// to each receiver of a broadcast, and the diagram's accessible name and
// description are read as a screen reader gets them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { root, serve, launch } from "./lib.mjs";

let out, srv, browser;
before(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "lessongen-constructs-"));
  const r = spawnSync("go", ["run", "./cmd/lessongen", "build", "--content", "e2e/constructs", "--out", out], { cwd: root, encoding: "utf8" });
  assert.equal(r.status, 0, `lessongen build failed:\n${r.stderr}`);
  srv = await serve(out);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.close();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

test("overflow.test.mjs's checks pass on every page and SVG of the constructs site", () => {
  // Every page, not a sample: each step shows a different construct, and
  // the site is small.
  const env = { ...process.env, SITE_DIR: out, E2E_FULL: "1" };
  delete env.NODE_TEST_CONTEXT; // a test run of its own, not a child of this one
  const r = spawnSync(process.execPath, ["--test", path.join(root, "e2e/overflow.test.mjs")], { env, encoding: "utf8" });
  assert.equal(r.status, 0, `overflow.test.mjs on the constructs site:\n${r.stdout}\n${r.stderr}`);
});

// ends measures, in the page, where the current step's moving ends (each
// .tip group's arrowhead or cross) are: their centres on screen, with the
// sender's and each receiver's lifeline.
function ends() {
  const centre = (el) => { const r = el.getBoundingClientRect(); return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 }; };
  // A step page carries a wide and a narrow diagram; measure the one shown.
  const now = [...document.querySelectorAll("svg.lgd")].find((s) => s.getClientRects().length).querySelector(".now");
  const line = now.querySelector(".sp").getBoundingClientRect();
  return [...now.querySelectorAll(".tip")].map((g) => ({ at: centre(g.querySelector(".ah, .x")), line: { x1: line.left, x2: line.right, y1: line.top, y2: line.bottom } }));
}

// at pauses every animation of the page at fraction f of its run.
function at(f) {
  for (const a of document.getAnimations()) {
    const t = a.effect.getComputedTiming();
    a.pause();
    a.currentTime = (t.delay || 0) + f * (t.duration || 0);
  }
}

test("a message in flight moves down its slope, and a broadcast reaches each receiver", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    for (const [lang, n, what] of [["en", 2, "broadcast in flight"], ["ar", 2, "broadcast in flight"], ["en", 8, "message in flight"], ["ja", 10, "reply in flight"], ["en", 5, "broadcast"]]) {
      await page.goto(`${srv.url}/${lang}/constructs/${n}/index.html`);
      await page.evaluate(() => document.fonts.ready);
      await page.evaluate(at, 0);
      const start = await page.evaluate(ends);
      await page.evaluate(at, 0.5);
      const mid = await page.evaluate(ends);
      await page.evaluate(() => { for (const a of document.getAnimations()) a.finish(); });
      const end = await page.evaluate(ends);
      const sloped = what !== "broadcast";
      if (what.startsWith("broadcast")) assert.equal(end.length, 3, `${lang}/${n}: the ${what} has ${end.length} moving arrowheads, want one for each of its 3 receivers`);
      for (const [i, e] of end.entries()) {
        const s = start[i].at, m = mid[i].at, z = e.at;
        const between = (a, b, c) => Math.min(a, c) - 1 <= b && b <= Math.max(a, c) + 1;
        assert.ok(Math.abs(z.x - s.x) > 40, `${lang}/${n}: arrowhead ${i + 1} of the ${what} does not travel (${s.x} → ${z.x})`);
        assert.ok(between(s.x, m.x, z.x) && m.x !== z.x && m.x !== s.x, `${lang}/${n}: arrowhead ${i + 1} is not on its way half way through (${s.x}, ${m.x}, ${z.x})`);
        if (sloped) {
          assert.ok(z.y - s.y > 20 && between(s.y, m.y, z.y) && m.y > s.y + 2 && m.y < z.y - 2, `${lang}/${n}: arrowhead ${i + 1} does not come down the slope (y ${s.y}, ${m.y}, ${z.y})`);
          // On the line from where it starts to where it ends.
          const cross = ((z.x - s.x) * (m.y - s.y) - (z.y - s.y) * (m.x - s.x)) / Math.hypot(z.x - s.x, z.y - s.y);
          assert.ok(Math.abs(cross) < 3, `${lang}/${n}: arrowhead ${i + 1} is ${cross.toFixed(1)} px off its slope half way through`);
        } else {
          assert.ok(Math.abs(z.y - s.y) < 1 && Math.abs(m.y - s.y) < 1, `${lang}/${n}: a level broadcast's arrowhead ${i + 1} moves up or down`);
        }
      }
      if (what.startsWith("broadcast")) {
        // Each arrowhead ends on its own receiver's lifeline.
        const lifelines = await page.evaluate(() => [...[...document.querySelectorAll("svg.lgd")].find((s) => s.getClientRects().length).querySelectorAll(".a.to")].map((g) => { const r = g.querySelector(".ll").getBoundingClientRect(); return (r.left + r.right) / 2; }));
        assert.equal(lifelines.length, 3, `${lang}/${n}: ${lifelines.length} actors are shown receiving the broadcast`);
        for (const [i, e] of end.entries()) {
          const tip = await page.evaluate((i) => {
            const h = [...[...document.querySelectorAll("svg.lgd")].find((s) => s.getClientRects().length).querySelectorAll(".now .tip")][i].querySelector(".ah");
            const r = h.getBoundingClientRect();
            return [r.left, r.right];
          }, i);
          assert.ok(lifelines.some((x) => Math.abs(x - tip[0]) < 1.5 || Math.abs(x - tip[1]) < 1.5), `${lang}/${n}: arrowhead ${i + 1} ends at ${tip}, on no receiver's lifeline (${lifelines})`);
        }
      }
    }
  } finally {
    await page.close();
  }
});

test("the diagram reads its route and wait to a screen reader, in every language", async () => {
  const want = {
    en: ["Laptop → Switch, DHCP server, Router: DHCPDISCOVER", "4 s, then Laptop → Switch, DHCP server, Router: DHCPREQUEST", "Laptop, Switch, DHCP server, Router: One broadcast domain"],
    ar: ["الحاسوب المحمول ← المبدّل، خادم DHCP، الموجّه: DHCPDISCOVER", "بعد ٤ ثوانٍ، الحاسوب المحمول ← المبدّل، خادم DHCP، الموجّه: DHCPREQUEST", "الحاسوب المحمول، المبدّل، خادم DHCP، الموجّه: نطاق بث واحد"],
    es: ["Portátil → Conmutador, Servidor DHCP, Router: DHCPDISCOVER", "4 s; después, Portátil → Conmutador, Servidor DHCP, Router: DHCPREQUEST", "Portátil, Conmutador, Servidor DHCP, Router: Un solo dominio de difusión"],
    ja: ["ノートPC → スイッチ、DHCPサーバー、ルーター：DHCPDISCOVER", "4 秒、その後、ノートPC → スイッチ、DHCPサーバー、ルーター：DHCPREQUEST", "ノートPC、スイッチ、DHCPサーバー、ルーター：一つのブロードキャストドメイン"],
    ko: ["노트북 → 스위치, DHCP 서버, 라우터: DHCPDISCOVER", "4초 후, 노트북 → 스위치, DHCP 서버, 라우터: DHCPREQUEST", "노트북, 스위치, DHCP 서버, 라우터: 하나의 브로드캐스트 도메인"],
    "zh-Hans": ["笔记本电脑 → 交换机、DHCP 服务器、路由器：DHCPDISCOVER", "4 秒，笔记本电脑 → 交换机、DHCP 服务器、路由器：DHCPREQUEST", "笔记本电脑、交换机、DHCP 服务器、路由器：一个广播域"],
  };
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  const problems = [];
  try {
    for (const [lang, descs] of Object.entries(want)) {
      for (const [i, n] of [2, 5, 1].entries()) {
        await page.goto(`${srv.url}/${lang}/constructs/${n}/index.html`);
        const { root: doc } = await cdp.send("DOM.getDocument");
        const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: doc.nodeId, selector: "svg.lgd" });
        const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
        const ax = nodes.find((x) => !x.ignored) || {};
        const role = ax.role?.value, name = ax.name?.value || "", desc = ax.description?.value || "";
        if (role !== "image") problems.push(`${lang}/${n}: the diagram's role is ${role}, not image`);
        if (!/[:：]/.test(name)) problems.push(`${lang}/${n}: the diagram's name is "${name}"`);
        if (desc !== descs[i]) problems.push(`${lang}/${n}: the diagram is described as "${desc}", want "${descs[i]}"`);
        // The step log shows the same route for the current step.
        const route = await page.evaluate(() => document.querySelector('.log [aria-current="step"] .who')?.textContent);
        if (!descs[i].includes(route)) problems.push(`${lang}/${n}: the step log's route "${route}" is not the diagram's`);
      }
    }
  } finally {
    await page.close();
  }
  assert.deepEqual(problems, []);
});

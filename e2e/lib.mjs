// Shared helpers for the browser tests: a static file server for the built
// site on a loopback port, and Debian's headless Chromium through
// playwright-core. Every test file imports these instead of starting its own.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const site = process.env.SITE_DIR || path.join(root, "public");
// fixture is the browser tests' own site, built from e2e/fixture/content
// by make e2e-fixture: scenes of two, four and six actors in every UI
// language.
export const fixture = process.env.FIXTURE_DIR || path.join(root, "public-fixture");

// full is set by make e2e-full (E2E_FULL=1): the slow sweeps then visit
// every page instead of a deterministic sample of each kind.
export const full = !!process.env.E2E_FULL;

// pick samples a scene's step numbers, sorted: the first, second, middle
// and last, where the bugs of a step page show (its first message, the
// first with a past, the tallest views); all of them in a full sweep.
export function pick(ns) {
  if (full) return ns;
  return [...new Set([ns[0], ns[1], ns[ns.length >> 1], ns.at(-1)])].filter((n) => n !== undefined);
}

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml", ".woff2": "font/woff2", ".png": "image/png", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
};

// serve serves dir on 127.0.0.1 at a free port; it resolves to { url, close }.
export function serve(dir = site) {
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = path.join(dir, path.normalize(p));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end("not found"); return; }
      res.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream" }).end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) });
  }));
}

// launch starts Debian's Chromium headless, with the flags this machine
// needs and any more in args.
//
// Cross-document view transitions are mostly skipped in a page whose
// viewport Playwright emulates: tests of them use a context with viewport
// null, in a browser launched with args ["--window-size=W,H"].
export function launch(args = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", ...args],
  });
}

// pages lists the built site's HTML pages, relative to the site folder, sorted.
export function pages(dir = site) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".html")) out.push(path.relative(dir, p).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

// languages lists the built site's language folders: those with an
// index.html, other than assets. Sorted.
export function languages(dir = site) {
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== "assets" && fs.existsSync(path.join(dir, e.name, "index.html")))
    .map((e) => e.name)
    .sort();
}

// kindOf names a page's kind from its path: index, overview, step or 404.
export function kindOf(p) {
  if (/(^|\/)404\.html$/.test(p)) return "404";
  const depth = p.split("/").length;
  if (p.endsWith("/index.html") && /\/\d+\/index\.html$/.test(p)) return "step";
  if (depth <= 2) return "index";
  return "overview";
}

// turns says which scenes a slow check visits in each language. All of
// them in the first language and the right-to-left ones; in each other
// language, which shares the templates but not the text, every third scene,
// a different third from its neighbour's, so that each scene is seen in a
// third of those languages and each language in a third of its scenes.
// With make e2e-full, every scene everywhere. It gives p → whether the page
// or file p (lang/scene/…, relative to the site) is in its language's turn.
export function turns(dir = site) {
  const langs = languages(dir);
  const scenes = fs.readdirSync(path.join(dir, langs[0]), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return (p) => {
    const [lang, scene] = p.split("/");
    const i = langs.indexOf(lang);
    if (full || i <= 0 || RTL.includes(lang) || !scenes.includes(scene)) return true;
    return scenes.indexOf(scene) % 3 === i % 3;
  };
}

// sample picks the pages the axe checks visit: in each language's turn
// (see turns), every page that is not a step, and the first, second,
// middle and last steps of each scene in the first language (the first and
// last in the others). Each entry is { path, lang, kind }; all: true gives
// every page instead.
export function sample(dir = site, all = false) {
  const langs = languages(dir);
  const inTurn = turns(dir);
  const out = [];
  const steps = new Map(); // scene folder → step numbers
  for (const p of pages(dir)) {
    const lang = langs.find((l) => p.startsWith(`${l}/`)) || "";
    const kind = kindOf(p);
    if (all) { out.push({ path: p, lang, kind }); continue; }
    if (!inTurn(p)) continue;
    if (kind !== "step") { out.push({ path: p, lang, kind }); continue; }
    const [, scene, n] = /^(.*)\/(\d+)\/index\.html$/.exec(p);
    if (!steps.has(scene)) steps.set(scene, { lang, ns: [] });
    steps.get(scene).ns.push(+n);
  }
  for (const [scene, { lang, ns }] of steps) {
    ns.sort((a, b) => a - b);
    const pick = lang === langs[0] ? [ns[0], ns[1], ns[ns.length >> 1], ns.at(-1)] : [ns[0], ns.at(-1)];
    for (const n of new Set(pick)) {
      if (n) out.push({ path: `${scene}/${n}/index.html`, lang, kind: "step" });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

// sweep lists the pages a slow check visits: every page that is not a
// step, and in every language the steps of each scene that pick chooses
// (the last one draws every step of its scene); every page in a full
// sweep. Sorted.
export function sweep(dir = site) {
  const all = pages(dir);
  if (full) return all;
  const scenes = new Map(); // scene folder → step numbers
  const out = [];
  for (const p of all) {
    const m = /^(.*)\/(\d+)\/index\.html$/.exec(p);
    if (!m) { out.push(p); continue; }
    if (!scenes.has(m[1])) scenes.set(m[1], []);
    scenes.get(m[1]).push(+m[2]);
  }
  for (const [scene, ns] of scenes) {
    for (const n of pick(ns.sort((a, b) => a - b))) out.push(`${scene}/${n}/index.html`);
  }
  return out.sort();
}

// watch records what a page must never do: log an error to the console,
// throw, or ask another host for anything.
export function watch(page) {
  const w = { errors: [], foreign: [] };
  page.on("console", (m) => { if (m.type() === "error") w.errors.push(`${page.url()}: ${m.text()}`); });
  page.on("pageerror", (e) => w.errors.push(`${page.url()}: ${e.message}`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!(u.protocol === "data:" || u.protocol === "blob:" || u.hostname === "127.0.0.1")) w.foreign.push(`${page.url()} → ${r.url()}`);
  });
  return w;
}

// settle brings every animation on the page to its end, so that checks see
// the final state rather than a frame of a fade.
export function settle(page) {
  return page.evaluate(() => { for (const a of document.getAnimations()) a.finish(); });
}

const axeSource = fs.readFileSync(path.join(root, "e2e/node_modules/axe-core/axe.min.js"), "utf8");

// axe runs axe-core's WCAG 2.0–2.2 A and AA rules and its best practices on
// the page, and resolves to the violations, each as "rule: target, …".
export async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return r.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

// pool runs fn over items with n at a time, in order of items.
export async function pool(items, n, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  }));
}

// RTL are the right-to-left languages the tests know by their tags.
export const RTL = ["ar", "fa", "he", "ur"];

// latinDigits writes the decimal digits of any script as 0-9.
export function latinDigits(s) {
  return s.replace(/\p{Nd}/gu, (d) => {
    const c = d.codePointAt(0);
    const zero = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xff10].find((z) => c >= z && c < z + 10);
    return zero === undefined ? d : String(c - zero);
  });
}

// Draws the README's pictures of the diagram constructs: builds the scenes
// of docs/constructs/ with lessongen, opens each scene's overview in
// headless Chromium and writes its diagram, as a reader sees it (light
// colours, twice the pixels), to docs/constructs/<scene>.png. Run by
// "make pictures"; the pictures are the generator's own drawing, never
// drawn by hand.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { root, serve, launch } from "./lib.mjs";

const src = path.join(root, "docs/constructs");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "lessongen-pictures-"));
try {
  const build = spawnSync("go", ["run", "./cmd/lessongen", "build", "--content", src, "--out", path.join(out, "site")], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("lessongen build failed");
  const scenes = fs.readdirSync(path.join(src, "scenes")).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -5)).sort();
  const srv = await serve(path.join(out, "site"));
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2, colorScheme: "light", reducedMotion: "reduce" });
    for (const scene of scenes) {
      await page.goto(`${srv.url}/en/${scene}/index.html`);
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(src, `${scene}.png`);
      const svg = await page.$("svg.lgd");
      // Alone on the page, at its own size rather than the column's.
      await svg.evaluate((el) => {
        document.body.replaceChildren(el);
        Object.assign(document.body.style, { margin: "0", padding: "0", display: "block", width: "max-content", maxWidth: "none" });
        Object.assign(el.style, { width: `${el.getAttribute("width")}px`, height: `${el.getAttribute("height")}px`, maxWidth: "none", maxHeight: "none", display: "block" });
      });
      await svg.screenshot({ path: file });
      console.log(`wrote ${path.relative(root, file)}`);
    }
  } finally {
    await browser.close();
    await srv.close();
  }
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}

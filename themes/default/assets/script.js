// lessongen player: progressive enhancement only. Every control but autoplay
// is a link that works without this script, which adds keyboard and swipe
// navigation, autoplay, forward and back view transitions, and moves focus to
// the new step after each navigation so that screen readers read it.
(() => {
  "use strict";
  // The site root lists the languages as links; send the reader to the
  // first one their browser prefers, matching "pt-BR" to "pt" and back.
  const chooser = document.querySelector("[data-choose-language]");
  if (chooser) {
    const links = [...chooser.querySelectorAll("a[hreflang]")];
    const base = (t) => t.toLowerCase().split("-")[0];
    for (const want of navigator.languages || [navigator.language]) {
      const hit = links.find((a) => a.hreflang.toLowerCase() === want.toLowerCase()) ||
        links.find((a) => base(a.hreflang) === base(want));
      if (hit) {
        location.replace(hit.href);
        return;
      }
    }
  }
  const doc = document;
  const html = doc.documentElement;
  const $ = (s, el = doc) => el.querySelector(s);

  // Served over HTTP, a page's address is its folder ("/en/https/6/"), as
  // the links say when JavaScript is on; the files link to index.html so
  // that the site also works straight from the disk.
  const web = /^https?:$/.test(location.protocol);
  const folder = (href) => href.replace(/(^|\/)index\.html(?=$|[?#])/, (m, slash) => slash || "./");
  if (web) {
    if (/\/index\.html$/.test(location.pathname)) history.replaceState(history.state, "", folder(location.href));
    for (const a of doc.querySelectorAll('a[href$="index.html"], link[href$="index.html"]')) {
      a.setAttribute("href", folder(a.getAttribute("href")));
    }
  }

  // Live reload (lessongen serve) asks before reloading: a step page goes
  // to the same step by its id, which may have moved, or else to its
  // nearest neighbour that is still there, or to the overview.
  addEventListener("lessongen:reload", (e) => {
    const here = $(".narration[data-step]");
    if (!here) return;
    e.preventDefault();
    const old = [...doc.querySelectorAll(".log li[data-step]")].map((li) => li.dataset.step);
    const me = old.indexOf(here.dataset.step);
    const overview = new URL("../", location.href);
    fetch(overview, { cache: "no-store" }).then((r) => {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    }).then((text) => {
      const page = new DOMParser().parseFromString(text, "text/html");
      const now = [...page.querySelectorAll(".transcript li[data-step]")].map((li) => li.dataset.step);
      let n = now.indexOf(here.dataset.step);
      for (let d = 1; n < 0 && d < old.length; d++) {
        for (const j of [me - d, me + d]) if (n < 0 && j >= 0 && j < old.length) n = now.indexOf(old[j]);
      }
      const to = n < 0 ? overview : new URL(`../${n + 1}/`, location.href);
      if (to.pathname === location.pathname) location.reload();
      else location.replace(to);
    }).catch(() => location.replace($(".brand")?.href || "../../"));
  });
  const rtl = html.dir === "rtl";
  // Storage can be switched off or full; the player then forgets, nothing more.
  const get = (s, k) => { try { return s.getItem(k); } catch { return null; } };
  const put = (s, k, v) => { try { s.setItem(k, v); } catch { /* forget */ } };
  const session = self.sessionStorage;
  const local = self.localStorage;

  // A step page's path ends in <scene>/<n>/index.html; stepOf gives
  // [scene path, n], or null for other pages.
  const stepOf = (url) => {
    const m = /^(.*\/)(\d+)\/(index\.html)?$/.exec(new URL(url, location.href).pathname);
    return m && [m[1], +m[2]];
  };

  // Tell the stylesheet which way a step-to-step navigation goes: back
  // shows the step as it was, without its arrival.
  addEventListener("pagereveal", (e) => {
    const from = self.navigation?.activation?.from;
    const a = from && stepOf(from.url);
    const b = stepOf(location.href);
    if (!a || !b || a[0] !== b[0] || a[1] === b[1]) return;
    const way = b[1] < a[1] ? "back" : "fwd";
    html.classList.toggle("back", way === "back");
    e.viewTransition?.types.add(way);
  });

  // A diagram box that does not scroll needs no place in the tab order.
  const box = $(".scroll");
  if (box && box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1) {
    box.removeAttribute("tabindex");
  }

  const player = $(".player");
  if (!player) return;
  const narration = $("#narration");
  const link = (k) => $(`.player a.${k}[href]`);
  const rel = (k) => $(`link[rel="${k}"]`);

  // go follows a link, noting which control asked (when it had keyboard
  // focus), so that the next page can give focus back to it.
  const NAV = "lg-nav";
  const note = (href, ctl) => put(session, NAV, JSON.stringify({ to: href, ctl }));
  const go = (a, ctl = "") => {
    if (!a) return;
    note(a.href, ctl);
    location.href = a.href;
  };
  doc.addEventListener("click", (e) => {
    const a = e.target.closest?.("a[href]");
    if (!a || e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    // detail is 0 when Enter activated the link.
    note(a.href, e.detail === 0 && a.parentElement === player ? a.classList[0] : "");
  });

  // After a step-to-step navigation, focus goes back to the control that was
  // used, or else to the narration, and a live region reads the new step.
  let arrived = null;
  try { arrived = JSON.parse(get(session, NAV)); } catch { /* none */ }
  try { session.removeItem(NAV); } catch { /* none */ }
  if (arrived && arrived.to === location.href) {
    const ctl = arrived.ctl && $(`.player > .${arrived.ctl}:is([href], button)`);
    (ctl || narration).focus({ preventScroll: true });
    const text = (s) => $(s)?.textContent.trim().replace(/\s+/g, " ") || "";
    const said = (ctl ? [text(".counter"), text("#step-h")] : []).concat(text(".narration .text"));
    setTimeout(() => { $(".announce").textContent = said.filter(Boolean).join(". "); }, 400);
  }

  // Keep the current step in view inside the diagram's own scroll box.
  // The shown diagram's: a phone's page also holds a narrow one.
  const now = box && [...box.querySelectorAll(".lgd .now")].find((e) => e.getClientRects().length);
  if (now) {
    // Each shape's own box, without the arrival animation's transforms.
    let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    for (const el of now.children) {
      const b = el.getBBox();
      x1 = Math.min(x1, b.x); y1 = Math.min(y1, b.y);
      x2 = Math.max(x2, b.x + b.width); y2 = Math.max(y2, b.y + b.height);
    }
    const m = now.ownerSVGElement.getScreenCTM();
    const p = new DOMPoint(x1, y1).matrixTransform(m);
    const q = new DOMPoint(x2, y2).matrixTransform(m);
    const r = box.getBoundingClientRect();
    let dx = 0, dy = 0;
    if (p.x < r.left || q.x > r.right) dx = (p.x + q.x - r.left - r.right) / 2;
    if (q.y > r.bottom - 8) dy = q.y - r.bottom + 8;
    else if (p.y < r.top + 8) dy = p.y - r.top - 8;
    box.scrollBy(dx, dy);
  }

  // The step log sits beside the diagram on wide screens and folds away on
  // narrow ones.
  const log = $(".log details");
  const wide = matchMedia("(min-width: 60rem)");
  const fold = () => { if (log) log.open = wide.matches; };
  fold();
  wide.addEventListener("change", fold);

  // Autoplay: the choice to play lasts for the tab's session, the speed for
  // good. localStorage "lg-step-ms" overrides the time per step (tests).
  const PLAY = "lg-play", SPEED = "lg-speed";
  const play = $(".play", player);
  const speed = $(".speed", player);
  const label = $(".t", play);
  const next = rel("next");
  let timer = 0;
  speed.value = get(local, SPEED) || "1";
  if (!speed.value) speed.value = "1";
  // Time to read the narration: about 17 Latin letters a second, fewer
  // ideographs.
  const wait = () => {
    const t = narration.textContent;
    const wide = (t.match(/[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/g) || []).length;
    const ms = +get(local, "lg-step-ms") || Math.min(20000, Math.max(4000, 2000 + 55 * (t.length - wide) + 200 * wide));
    return ms / (+speed.value || 1);
  };
  const set = (on) => {
    clearTimeout(timer);
    play.classList.remove("on");
    label.textContent = play.dataset[on ? "pause" : "play"];
    put(session, PLAY, on ? "1" : "");
    if (!on) return;
    const ms = wait();
    play.style.setProperty("--lg-wait", `${ms}ms`);
    void play.offsetWidth; // restart the countdown's animation
    play.classList.add("on");
    timer = setTimeout(function tick() {
      if (doc.hidden) { doc.addEventListener("visibilitychange", tick, { once: true }); return; }
      go(next, doc.activeElement === play ? "play" : "");
    }, ms);
  };
  const toggle = () => {
    if (play.classList.contains("on")) set(false);
    else if (next) set(true);
    else if (link("first")) { put(session, PLAY, "1"); go(link("first"), doc.activeElement === play ? "play" : ""); }
  };
  play.addEventListener("click", toggle);
  speed.addEventListener("change", () => {
    put(local, SPEED, speed.value);
    if (play.classList.contains("on")) set(true);
  });
  $(".auto", player).hidden = false;
  // Playing carries on from page to page, and stops at the last step.
  set(get(session, PLAY) === "1" && !!next);

  // Keyboard: arrows for previous and next (mirrored right to left), Home
  // and End for the first and last steps, Space to play or pause. Nothing
  // while typing, nor over controls that use the key themselves.
  doc.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.isComposing) return;
    const t = e.target;
    if (t.closest?.("input, textarea, select, [contenteditable]:not([contenteditable='false'])")) return;
    const scrolls = t === box && box.scrollWidth > box.clientWidth + 1;
    let to;
    switch (e.key) {
      case "ArrowRight": if (!scrolls) to = rel(rtl ? "prev" : "next"); break;
      case "ArrowLeft": if (!scrolls) to = rel(rtl ? "next" : "prev"); break;
      case "Home": to = link("first"); break;
      case "End": to = link("last"); break;
      case " ":
        if (t.closest?.("button, summary")) return;
        e.preventDefault();
        toggle();
        return;
    }
    if (to) {
      e.preventDefault();
      go(to);
    }
  });

  // Swipe: towards the start of the line for the next step, as a page turns.
  let sx = null, sy = 0;
  doc.addEventListener("touchstart", (e) => {
    const s = e.target.closest?.(".scroll, .fields");
    sx = e.touches.length === 1 && !(s && s.scrollWidth > s.clientWidth + 1) ? e.touches[0].clientX : null;
    sy = e.touches[0].clientY;
  }, { passive: true });
  doc.addEventListener("touchend", (e) => {
    if (sx === null) return;
    const c = e.changedTouches[0];
    const dx = c.clientX - sx, dy = c.clientY - sy;
    sx = null;
    if (Math.abs(dx) < 60 || Math.abs(dx) < 2 * Math.abs(dy)) return;
    go(rel((dx < 0) !== rtl ? "next" : "prev"));
  }, { passive: true });
})();

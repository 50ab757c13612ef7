// lessongen player: progressive enhancement only. Every control is a link
// that works without this script; it adds keyboard shortcuts.
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
  const link = (rel) => document.querySelector(`link[rel="${rel}"]`);
  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const t = e.target;
    if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    const rtl = document.documentElement.dir === "rtl";
    const key = { ArrowRight: rtl ? "prev" : "next", ArrowLeft: rtl ? "next" : "prev" }[e.key];
    const target = key && link(key);
    if (target) {
      e.preventDefault();
      location.href = target.href;
    }
  });
})();

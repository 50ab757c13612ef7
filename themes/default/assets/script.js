// lessongen player: progressive enhancement only. Every control is a link
// that works without this script; it adds keyboard shortcuts.
(() => {
  "use strict";
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

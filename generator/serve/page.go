package serve

import (
	"html"
	"strings"
)

// errorPage is served for every page while there has never been a good
// build: the errors, and the live script that reloads once they are fixed.
func errorPage(errors []string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Build errors – lessongen</title></head><body>` +
		`<h1>The site has errors</h1><p>Fix them and save: this page reloads by itself.</p><pre>`)
	for _, e := range errors {
		b.WriteString(html.EscapeString(e))
		b.WriteByte('\n')
	}
	b.WriteString(`</pre><script src="/_lessongen/live.js" data-gen="0" defer></script></body></html>`)
	return b.String()
}

// liveJS reloads the page after each good build, keeping its URL (so the
// reader stays on the same step and language) unless the page's own script
// cancels the "lessongen:reload" event to go elsewhere, and shows the errors
// of a failed build over the page until they are fixed.
const liveJS = `(() => {
  "use strict";
  const me = document.currentScript;
  let gen = me && me.dataset.gen !== undefined ? Number(me.dataset.gen) : null;
  const show = (errors) => {
    let box = document.getElementById("lessongen-errors");
    if (!errors.length) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "lessongen-errors";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "background:#1e1e1e;color:#fecaca;border:2px solid #ef4444;border-radius:8px;padding:1rem;" +
        "font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;direction:ltr;text-align:left";
      document.body.append(box);
    }
    box.textContent = errors.length + (errors.length === 1 ? " error" : " errors") +
      " – still showing the last good build\n\n" + errors.join("\n");
  };
  const es = new EventSource("/_lessongen/events");
  es.addEventListener("build", (e) => {
    const st = JSON.parse(e.data);
    // The theme's script may take the reload over (cancel the event) to
    // go to the same step by its id rather than by its number.
    if (gen !== null && st.gen !== gen) {
      if (dispatchEvent(new Event("lessongen:reload", { cancelable: true }))) location.reload();
      return;
    }
    gen = st.gen;
    show(st.errors || []);
  });
})();
`

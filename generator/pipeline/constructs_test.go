package pipeline

import (
	"strings"
	"testing"
)

// TestBroadcastRouteReads checks what a reader and a screen reader get for
// the constructs of issue #17 on the fixture site's step pages, in each
// language: a broadcast's route names every receiver, joined the way the
// language lists things, in the step log and in the diagram's description;
// a wait is said before the route, in words that read with any wait
// phrase; the colon is the language's own; a note over four names the four.
func TestBroadcastRouteReads(t *testing.T) {
	m := buildDir(t, "testdata/fixture")
	for _, tc := range []struct{ page, want string }{
		{"en/lan/1/index.html", `<desc id="lgd-d">Laptop → Switch, DHCP server, Router: DHCPDISCOVER</desc>`},
		{"en/lan/1/index.html", `<span class="who">Laptop → Switch, DHCP server, Router</span>`},
		{"ar/lan/1/index.html", `<desc id="lgd-d">الحاسوب المحمول ← المبدّل، خادم DHCP، الموجّه: DHCPDISCOVER</desc>`},
		{"ja/lan/1/index.html", `<desc id="lgd-d">ノートPC → スイッチ、DHCPサーバー、ルーター：DHCPDISCOVER</desc>`},
		{"en/lan/2/index.html", `<desc id="lgd-d">Laptop, Switch, DHCP server, Router: One broadcast domain</desc>`},
		{"en/lan/3/index.html", `<desc id="lgd-d">4 s, then DHCP server → Laptop: DHCPOFFER</desc>`},
		{"ar/lan/3/index.html", `<desc id="lgd-d">بعد ٤ ثوانٍ، خادم DHCP ← الحاسوب المحمول: DHCPOFFER</desc>`},
		{"ja/lan/3/index.html", `<desc id="lgd-d">4 秒、その後、DHCPサーバー → ノートPC：DHCPOFFER</desc>`},
		{"en/lan/3.svg", `<desc id="lgd-d">4 s, then DHCP server → Laptop: DHCPOFFER</desc>`},
	} {
		if got := string(m.File(tc.page)); !strings.Contains(got, tc.want) {
			t.Errorf("%s lacks %s", tc.page, tc.want)
		}
	}
}

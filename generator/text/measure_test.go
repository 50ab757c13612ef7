package text

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var harfbuzz = flag.Bool("harfbuzz", false, "re-measure testdata/harfbuzz.txt with hb-shape (Debian: libharfbuzz-bin) and Debian's Noto fonts")

// samples are the strings measured against HarfBuzz: every script the
// diagram font covers, the CJK that it leaves to the system's fonts, and
// mixtures of them as labels have.
var samples = []string{
	"ClientHello",
	"SYN+ACK",
	"ACK=x+1, seq=1000",
	"GET /index.html HTTP/1.1",
	"TLS_AES_128_GCM_SHA256",
	"192.168.1.23:443 / 203.0.113.80",
	"Verifies the certificate's signature",
	"WAVE Ävä «Œuvre» naïve fjord",
	"Ο διακομιστής απαντά",
	"Сервер отвечает клиенту",
	"يرسل المتصفح SYN إلى الخادم",
	"لا إله، الأمان، لأن، السلام",
	"يتحقق المتصفح من الشهادة",
	"الخادم يرد بـ ACK=x+1",
	"يطلب المحلل عنوان الموقع من خادم الأسماء الجذري",
	"تنتهي مهلة الانتظار فيعيد المرسل إرسال المقطع",
	"على الخادم أن يثبت هويته بشهادة موقعة",
	"يتفق الطرفان على مفاتيح الجلسة",
	"مُشفَّر بالكامل",
	"הדפדפן שולח SYN לשרת",
	"ブラウザがSYNを送信",
	"サーバーが証明書を返す。",
	"浏览器发送 SYN",
	"服务器验证证书，然后回复。",
	"브라우저가 SYN을 보냄",
	"서버가 인증서를 보낸다",
}

// TestWidthAgainstHarfBuzz compares Width with the widths HarfBuzz gives
// the same strings, shaped with the real fonts: each run of characters with
// the font the browser picks for it through the @font-face unicode ranges.
// Width ignores kerning, which only ever narrows text, so it must never be
// narrower than HarfBuzz, and not much wider either.
func TestWidthAgainstHarfBuzz(t *testing.T) {
	const file = "testdata/harfbuzz.txt"
	if *harfbuzz {
		writeHarfBuzz(t, file)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		cols := strings.SplitN(line, "\t", 3)
		style := map[string]Style{"400": Regular, "700": Bold}[cols[0]]
		want, _ := strconv.Atoi(cols[1])
		got := Width(cols[2], 1000, style)
		n++
		if got < float64(want) {
			t.Errorf("%s %q: Width %.0f is narrower than HarfBuzz's %d: the label would overflow", cols[0], cols[2], got, want)
		}
		// CJK is counted one em wide, the widest it is in any font; Noto
		// Sans CJK draws Hangul and some kana a little narrower.
		slack := 1.02
		if strings.ContainsFunc(cols[2], isCJK) {
			slack = 1.1
		}
		if got > float64(want)*slack+30 {
			t.Errorf("%s %q: Width %.0f is more than %.0f%% wider than HarfBuzz's %d", cols[0], cols[2], got, (slack-1)*100, want)
		}
		t.Logf("%s %-40q %6.0f %6d %+5.1f%%", cols[0], cols[2], got, want, (got/float64(want)-1)*100)
	}
	if n != 2*len(samples) {
		t.Errorf("%s has %d widths, want %d: run go test -harfbuzz", file, n, 2*len(samples))
	}
}

// fontFor names the font file (and face in a collection) that draws r, as
// the browser picks it: the diagram font's faces first, by unicode range,
// then the CJK system font.
func fontFor(r rune, weight string) (string, int) {
	w := map[string]string{"400": "Regular", "700": "Bold"}[weight]
	switch {
	case 0x0590 <= r && r <= 0x05FF:
		return "/usr/share/fonts/truetype/noto/NotoSansHebrew-" + w + ".ttf", 0
	case 0x060C <= r && r <= 0x06FF:
		return "/usr/share/fonts/truetype/noto/NotoSansArabic-" + w + ".ttf", 0
	case isCJK(r):
		return "/usr/share/fonts/opentype/noto/NotoSansCJK-" + w + ".ttc", 0
	}
	return "/usr/share/fonts/truetype/noto/NotoSans-" + w + ".ttf", 0
}

var advance = regexp.MustCompile(`\+(-?\d+)`)

func writeHarfBuzz(t *testing.T, file string) {
	var b strings.Builder
	b.WriteString("# Widths in 1/1000 em of strings shaped by HarfBuzz with Debian's Noto fonts.\n")
	b.WriteString("# Rewrite with: go test ./generator/text -run HarfBuzz -harfbuzz\n")
	for _, weight := range []string{"400", "700"} {
		for _, s := range samples {
			total := 0
			runes := []rune(s)
			for i := 0; i < len(runes); {
				font, face := fontFor(runes[i], weight)
				j := i + 1
				for j < len(runes) {
					if f, _ := fontFor(runes[j], weight); f != font {
						break
					}
					j++
				}
				out, err := exec.Command("hb-shape", "--no-glyph-names", "--face-index="+strconv.Itoa(face), font, string(runes[i:j])).Output()
				if err != nil {
					t.Fatalf("hb-shape: %v", err)
				}
				for _, m := range advance.FindAllStringSubmatch(string(out), -1) {
					n, _ := strconv.Atoi(m[1])
					total += n
				}
				i = j
			}
			fmt.Fprintf(&b, "%s\t%d\t%s\n", weight, total, s)
		}
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

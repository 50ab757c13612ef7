package text

import "testing"

func TestRTL(t *testing.T) {
	for _, tc := range []struct {
		in      string
		context bool
		want    bool
	}{
		{"SYN", true, false},
		{"يرسل المتصفح SYN إلى الخادم", false, true},
		{"SYN يرسل", true, true}, // a translation that starts with a token
		{"SYN يرسل", false, false},
		{"SYN sent", true, false},    // English left untranslated on an Arabic page
		{"192.168.1.23", true, true}, // no strong character: the context decides
		{"192.168.1.23", false, false},
		{"שלום", false, true},
		{"ブラウザがSYNを送信", true, false},
		{"", true, true},
	} {
		if got := RTL(tc.in, tc.context); got != tc.want {
			t.Errorf("RTL(%q, %v) = %v, want %v", tc.in, tc.context, got, tc.want)
		}
	}
}

func TestIsolate(t *testing.T) {
	// ⁦ is LRI, ⁧ RLI and ⁩ PDI.
	for _, tc := range []struct {
		in   string
		rtl  bool
		want string
	}{
		{"يرسل المتصفح SYN إلى الخادم", true, "يرسل المتصفح \u2066SYN\u2069 إلى الخادم"},
		{"يرد الخادم بـ ACK=x+1.", true, "يرد الخادم بـ \u2066ACK=x+1\u2069."},
		{"العنوان 192.168.1.23", true, "العنوان \u2066192.168.1.23\u2069"},
		{"يختار TLS_AES_128_GCM_SHA256 (الأسرع)", true, "يختار \u2066TLS_AES_128_GCM_SHA256\u2069 (الأسرع)"},
		{"SYN, ACK معًا", true, "\u2066SYN, ACK\u2069 معًا"},
		{"يرسل GET /index.html", true, "يرسل \u2066GET /index.html\u2069"},
		{"كلها عربية", true, "كلها عربية"},
		// brackets that open inside a token close inside it
		{"connect() إلى 203.0.113.80:80", true, "\u2066connect()\u2069 إلى \u2066203.0.113.80:80\u2069"},
		{"يرسل A2 FETCH 1 (FLAGS BODY.PEEK[…]) الآن", true, "يرسل \u2066A2 FETCH 1 (FLAGS BODY.PEEK[…])\u2069 الآن"},
		{"EHLO [192.168.1.57] مرة أخرى", true, "\u2066EHLO [192.168.1.57]\u2069 مرة أخرى"},
		{"يفتح https://www.example.com/", true, "يفتح \u2066https://www.example.com/\u2069"},
		{"الرقم x++ ثم y", true, "الرقم \u2066x++\u2069 ثم \u2066y\u2069"},
		{"Sends مرحبا to the server", false, "Sends \u2067مرحبا\u2069 to the server"},
		{"Plain English, 42 times.", false, "Plain English, 42 times."},
	} {
		if got := Isolate(tc.in, tc.rtl); got != tc.want {
			t.Errorf("Isolate(%q, %v)\n got %+q\nwant %+q", tc.in, tc.rtl, got, tc.want)
		}
		if Width(Isolate(tc.in, tc.rtl), 14, Regular) != Width(tc.in, 14, Regular) {
			t.Errorf("Isolate(%q) changed its width", tc.in)
		}
	}
}

func TestStripControls(t *testing.T) {
	for in, want := range map[string]string{
		"يقرأ \u2066\u2066http://www.example.com/\u2069\u2069": "يقرأ http://www.example.com/",
		"\u202bRLE\u202c and \u2067RLI\u2069":                  "RLE and RLI",
		"plain":                                                "plain",
	} {
		if got := StripControls(in); got != want {
			t.Errorf("StripControls(%q) = %q, want %q", in, got, want)
		}
	}
}

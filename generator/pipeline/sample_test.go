package pipeline

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/lessongen/lessongen/generator/content"
)

// The sample lessons are what every new user reads first, and they teach
// protocols that have exact rules. The tests in this file check the facts
// of content/ that a program can check: which scenes exist, that they build
// and link each other, that every step can be read, that messages go the
// way the protocol sends them, and that the TCP numbers add up.

// sampleScenes are the scenes the sample site promises (issue 6).
var sampleScenes = []string{
	"http", "https", "tcp-handshake", "tcp-teardown", "tcp-loss", "tls12-ecdhe",
	"tls13", "tls-resumption", "mutual-tls", "certificate-check", "dns", "url-to-page",
	"lan-dhcp", "nat", "http3-quic", "email", "tcp-flow-congestion", "inside-https",
}

func loadSample(t *testing.T) *content.Site {
	t.Helper()
	s, diags := content.Load(os.DirFS("../../content"), "content")
	if diags.HasErrors() {
		t.Fatalf("content/ has errors:\n%s", diags)
	}
	return s
}

// sampleLanguages returns the sample as the reader of each of its
// languages sees it, the source language first: a translated string where
// there is one, the English otherwise. Every check below that takes a
// language covers them all, so a translation that drops a link or pastes
// one step's narration into another fails here.
func sampleLanguages(s *content.Site) []sampleLanguage {
	var out []sampleLanguage
	for _, l := range s.Languages {
		out = append(out, sampleLanguage{l.Tag, s.In(l)})
	}
	return out
}

// TestSampleLanguagesAreTranslated holds up the tests that range over
// sampleLanguages: they prove something about a translation only if each
// language's site really is in that language. Were the translations not
// loaded, or not applied, they would check the English eleven times and
// pass.
func TestSampleLanguagesAreTranslated(t *testing.T) {
	s := loadSample(t)
	langs := sampleLanguages(s)
	if len(langs) != len(s.Languages) || len(langs) < 2 || langs[0].tag != s.Language {
		t.Fatalf("sampleLanguages gives %d languages, the source first; the sample has %d: %v", len(langs), len(s.Languages), s.Languages)
	}
	for _, ls := range langs[1:] {
		if ls.Site == s {
			t.Errorf("%s: the site as its readers see it is the source site", ls.tag)
			continue
		}
		for i, sc := range ls.Scenes {
			if sc.Lang != ls.tag {
				t.Errorf("%s: scene %s is in %q", ls.tag, sc.ID, sc.Lang)
			}
			for j, st := range sc.Steps {
				// Every narration of the sample is translated (i18n status
				// --strict keeps it so): none may be the English.
				if st.TextLang != "" || st.Text == s.Scenes[i].Steps[j].Text {
					t.Errorf("%s: %s step %s shows the %s narration %.40q", ls.tag, sc.ID, st.Key, s.Language, st.Text)
				}
			}
		}
	}
}

// A sampleLanguage is the sample in one language.
type sampleLanguage struct {
	tag string
	*content.Site
}

func sceneByID(t *testing.T, s *content.Site, id string) *content.Scene {
	t.Helper()
	for _, sc := range s.Scenes {
		if sc.ID == id {
			return sc
		}
	}
	t.Fatalf("no scene %q", id)
	return nil
}

func stepByID(t *testing.T, sc *content.Scene, id string) (int, content.Step) {
	t.Helper()
	for i, st := range sc.Steps {
		if st.ID == id {
			return i, st
		}
	}
	t.Fatalf("%s: no step %q", sc.ID, id)
	return 0, content.Step{}
}

func TestSampleHasItsScenes(t *testing.T) {
	s := loadSample(t)
	var got []string
	for _, sc := range s.Scenes {
		got = append(got, sc.ID)
	}
	want := slices.Clone(sampleScenes)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the sample's scenes are %v, want %v", got, want)
	}
}

// TestSampleScenesBuild checks that every step of every scene becomes a page
// and a diagram, in every language.
func TestSampleScenesBuild(t *testing.T) {
	heavy(t)
	s := loadSample(t)
	var m Memory
	if _, diags, err := Site(Options{Content: os.DirFS("../../content"), ContentName: "content"}, &m); err != nil {
		t.Fatalf("build: %v\n%s", err, diags)
	}
	for _, ls := range sampleLanguages(s) {
		lang := ls.tag
		for _, sc := range ls.Scenes {
			if n := len(sc.Steps); n < 8 || n > 25 {
				t.Errorf("%s has %d steps; a lesson should have 8 to 25", sc.ID, n)
			}
			files := []string{lang + "/" + sc.ID + "/index.html"}
			for n := 1; n <= len(sc.Steps); n++ {
				files = append(files, fmt.Sprintf("%s/%s/%d/index.html", lang, sc.ID, n), fmt.Sprintf("%s/%s/%d.svg", lang, sc.ID, n))
			}
			for _, f := range files {
				if m.File(f) == nil {
					t.Errorf("%s was not written", f)
				}
			}
		}
	}
}

func TestSampleStepsHaveLabelAndNarration(t *testing.T) {
	s := loadSample(t)
	for _, ls := range sampleLanguages(s) {
		lang := ls.tag
		for _, sc := range ls.Scenes {
			for i, st := range sc.Steps {
				if st.ID == "" {
					t.Errorf("%s step %d has no id; translations need a stable key", sc.ID, i+1)
				}
				label, text := st.Label, st.Text
				if strings.TrimSpace(label) == "" {
					t.Errorf("%s: %s step %s has no label", lang, sc.ID, st.Key)
				}
				if strings.TrimSpace(text) == "" {
					t.Errorf("%s: %s step %s has no narration", lang, sc.ID, st.Key)
				}
			}
		}
	}
}

// TestSampleNarrationIsNeverCopied catches a step whose narration was pasted
// from another, in this scene or any other.
func TestSampleNarrationIsNeverCopied(t *testing.T) {
	s := loadSample(t)
	for _, ls := range sampleLanguages(s) {
		lang := ls.tag
		seen := map[string]string{}
		for _, sc := range ls.Scenes {
			for _, st := range sc.Steps {
				norm := strings.Join(strings.Fields(st.Text), " ")
				where := sc.ID + "/" + st.Key
				if first, ok := seen[norm]; ok {
					t.Errorf("%s: the narration of %s repeats that of %s", lang, where, first)
				}
				seen[norm] = where
			}
		}
	}
}

func TestSampleReferencesAndRelated(t *testing.T) {
	s := loadSample(t)
	for _, sc := range s.Scenes {
		rfc := false
		for _, r := range sc.References {
			rfc = rfc || strings.HasPrefix(r.URL, "https://www.rfc-editor.org/rfc/rfc")
		}
		if !rfc {
			t.Errorf("%s cites no RFC at https://www.rfc-editor.org/rfc/", sc.ID)
		}
		if len(sc.Related) == 0 {
			t.Errorf("%s links no related scene", sc.ID)
		}
		for _, r := range sc.Related {
			if !slices.Contains(sampleScenes, r.ID) {
				t.Errorf("%s: related scene %q does not exist", sc.ID, r.ID)
			}
			if r.ID == sc.ID {
				t.Errorf("%s lists itself as related", sc.ID)
			}
		}
	}
}

// sceneLink matches a narration's link to another scene's overview.
var sceneLink = regexp.MustCompile(`\]\(\.\./\.\./([a-z0-9-]+)/index\.html\)`)

// TestSampleURLToPageLinksEachStage checks that the overview lesson sends the
// reader to the lesson on each stage, in the narration and in related.
func TestSampleURLToPageLinksEachStage(t *testing.T) {
	s := loadSample(t)
	sc := sceneByID(t, s, "url-to-page")
	var related []string
	for _, r := range sc.Related {
		related = append(related, r.ID)
	}
	for _, ls := range sampleLanguages(s) {
		lang := ls.tag
		linked := map[string]bool{}
		for _, st := range sceneByID(t, ls.Site, "url-to-page").Steps {
			for _, m := range sceneLink.FindAllStringSubmatch(st.Text, -1) {
				linked[m[1]] = true
				if !slices.Contains(related, m[1]) {
					t.Errorf("%s: url-to-page step %s links %s, which related does not list", lang, st.Key, m[1])
				}
			}
		}
		for _, stage := range []string{"dns", "tcp-handshake", "tls13", "certificate-check", "http", "https"} {
			if !linked[stage] {
				t.Errorf("%s: url-to-page never links the %s lesson", lang, stage)
			}
		}
	}
}

// sampleDirections lists, per scene, messages whose direction the protocol
// fixes, in the order they must appear.
var sampleDirections = map[string][]struct{ step, from, to string }{
	"http": {
		{"syn", "pc", "server"}, {"syn-ack", "server", "pc"}, {"ack", "pc", "server"},
		{"get", "pc", "server"}, {"data-1", "server", "pc"},
		{"fin", "pc", "server"}, {"fin-ack", "server", "pc"}, {"server-fin", "server", "pc"}, {"last-ack", "pc", "server"},
	},
	"https": {
		{"syn", "pc", "server"}, {"syn-ack", "server", "pc"}, {"ack", "pc", "server"},
		{"client-hello", "pc", "server"}, {"server-hello", "server", "pc"}, {"certificate", "server", "pc"},
		{"server-hello-done", "server", "pc"}, {"client-key-exchange", "pc", "server"},
		{"client-finished", "pc", "server"}, {"server-finished", "server", "pc"},
	},
	"tcp-handshake": {
		{"syn", "client", "server"}, {"syn-ack", "server", "client"}, {"ack", "client", "server"},
		{"old-syn", "client", "server"}, {"old-syn-ack", "server", "client"}, {"rst", "client", "server"},
	},
	"tcp-teardown": {
		{"fin", "client", "server"}, {"fin-ack", "server", "client"}, {"server-fin", "server", "client"},
		{"last-ack", "client", "server"}, {"fin-again", "server", "client"}, {"ack-again", "client", "server"},
	},
	"tcp-loss": {
		{"seg-lost", "server", "client"}, {"retransmit", "server", "client"}, {"ack-retransmit", "client", "server"},
		{"seg-b-lost", "server", "client"}, {"dup-1", "client", "server"}, {"dup-2", "client", "server"},
		{"dup-3", "client", "server"}, {"fast-retransmit", "server", "client"}, {"cumulative-ack", "client", "server"},
	},
	"tls12-ecdhe": {
		{"client-hello", "pc", "server"}, {"server-hello", "server", "pc"}, {"certificate", "server", "pc"},
		{"server-key-exchange", "server", "pc"}, {"server-hello-done", "server", "pc"},
		{"client-key-exchange", "pc", "server"}, {"client-ccs", "pc", "server"}, {"client-finished", "pc", "server"},
		{"server-ccs", "server", "pc"}, {"server-finished", "server", "pc"},
	},
	"tls13": {
		{"client-hello", "pc", "server"}, {"server-hello", "server", "pc"}, {"encrypted-extensions", "server", "pc"},
		{"certificate", "server", "pc"}, {"certificate-verify", "server", "pc"}, {"server-finished", "server", "pc"},
		{"client-finished", "pc", "server"}, {"new-session-ticket", "server", "pc"},
	},
	"inside-https": {
		{"syn", "client", "server"}, {"syn-ack", "server", "client"}, {"ack", "client", "server"},
		{"client-hello", "client", "server"}, {"server-hello", "server", "client"}, {"encrypted-extensions", "server", "client"},
		{"certificate", "server", "client"}, {"certificate-verify", "server", "client"}, {"server-finished", "server", "client"},
		{"client-finished", "client", "server"}, {"ticket-1", "server", "client"}, {"get", "client", "server"},
		{"response", "server", "client"}, {"server-fin", "server", "client"}, {"client-fin", "client", "server"}, {"last-ack", "server", "client"},
	},
	"tls-resumption": {
		{"first-hello", "pc", "server"}, {"ticket-12", "server", "pc"}, {"server-ccs-12", "server", "pc"},
		{"server-finished-12", "server", "pc"}, {"resume-hello", "pc", "server"}, {"resume-server-hello", "server", "pc"},
		{"resume-server-ccs", "server", "pc"}, {"resume-server-finished", "server", "pc"},
		{"resume-client-ccs", "pc", "server"}, {"resume-client-finished", "pc", "server"},
		{"ticket-13", "server", "pc"}, {"psk-hello", "pc", "server"}, {"early-data", "pc", "server"},
		{"psk-server-hello", "server", "pc"}, {"psk-server-flight", "server", "pc"},
		{"end-of-early-data", "pc", "server"}, {"psk-client-finished", "pc", "server"},
	},
	"mutual-tls": {
		{"csr", "client", "ca"}, {"issue", "ca", "client"},
		{"client-hello", "client", "server"}, {"server-hello", "server", "client"},
		{"certificate-request", "server", "client"}, {"server-auth", "server", "client"},
		{"client-certificate", "client", "server"}, {"client-certificate-verify", "client", "server"},
		{"client-finished", "client", "server"},
	},
	"certificate-check": {
		{"revocation-update", "vendor", "pc"}, {"certificate", "server", "pc"}, {"certificate-verify", "server", "pc"},
		{"alert", "pc", "server"},
	},
	"dns": {
		{"query", "pc", "resolver"}, {"ask-root", "resolver", "root"}, {"root-referral", "root", "resolver"},
		{"ask-tld", "resolver", "tld"}, {"tld-referral", "tld", "resolver"}, {"ask-auth", "resolver", "auth"},
		{"answer", "auth", "resolver"}, {"reply", "resolver", "pc"},
	},
	"lan-dhcp": {
		{"discover", "laptop", "dhcp"}, {"offer", "dhcp", "laptop"}, {"request", "laptop", "dhcp"},
		{"ack", "dhcp", "laptop"}, {"arp-request", "laptop", "router"}, {"arp-reply", "router", "laptop"},
		{"first-packet", "laptop", "router"}, {"renew", "laptop", "dhcp"}, {"renew-ack", "dhcp", "laptop"},
	},
	"nat": {
		{"dns-out", "laptop", "router"}, {"dns-translated", "router", "resolver"}, {"dns-reply", "resolver", "router"},
		{"dns-back", "router", "laptop"}, {"syn-laptop", "laptop", "router"}, {"syn-out", "router", "server"},
		{"syn-ack", "server", "router"}, {"syn-ack-in", "router", "laptop"}, {"syn-phone", "phone", "router"},
		{"syn-phone-out", "router", "server"}, {"syn-ack-phone", "server", "router"},
		{"syn-ack-phone-in", "router", "phone"}, {"unsolicited", "stranger", "router"},
	},
	"http3-quic": {
		{"client-initial", "laptop", "server"}, {"server-initial", "server", "laptop"},
		{"server-handshake", "server", "laptop"}, {"client-finished", "laptop", "server"},
		{"request", "laptop", "server"}, {"handshake-done", "server", "laptop"}, {"response", "server", "laptop"},
		{"resume-initial", "laptop", "server"}, {"zero-rtt-request", "laptop", "server"},
		{"resume-server-initial", "server", "laptop"}, {"resume-server-handshake", "server", "laptop"},
		{"zero-rtt-response", "server", "laptop"},
	},
	"tcp-flow-congestion": {
		{"seg-1", "server", "client"}, {"seg-4", "server", "client"}, {"ack-1", "client", "server"},
		{"ack-2", "client", "server"}, {"window-update", "client", "server"}, {"probe", "server", "client"},
		{"probe-ack", "client", "server"}, {"round-1", "server", "client"}, {"dup-acks", "client", "server"},
		{"fast-retransmit", "server", "client"}, {"recovered", "client", "server"},
	},
	"email": {
		{"greeting", "submit", "alice"}, {"ehlo", "alice", "submit"}, {"ehlo-reply", "submit", "alice"},
		{"starttls", "alice", "submit"}, {"starttls-ready", "submit", "alice"}, {"ehlo-again", "alice", "submit"},
		{"auth", "alice", "submit"}, {"auth-ok", "submit", "alice"}, {"envelope", "alice", "submit"},
		{"message", "alice", "submit"}, {"queued", "submit", "alice"}, {"mx-query", "submit", "dns"},
		{"mx-answer", "dns", "submit"}, {"relay-message", "submit", "mx"}, {"relay-queued", "mx", "submit"},
		{"new-mail", "mx", "bob"}, {"fetch", "bob", "mx"}, {"fetched", "mx", "bob"},
	},
	"url-to-page": {
		{"arp-request", "pc", "router"}, {"arp-reply", "router", "pc"},
		{"dns-query", "pc", "resolver"}, {"dns-answer", "resolver", "pc"},
		{"syn-first-hop", "pc", "router"}, {"syn-router", "router", "internet"}, {"syn-arrives", "internet", "server"},
		{"syn-ack", "server", "pc"}, {"ack", "pc", "server"}, {"client-hello", "pc", "server"},
		{"server-hello", "server", "pc"}, {"server-flight", "server", "pc"}, {"client-finished", "pc", "server"},
		{"get", "pc", "server"}, {"response", "server", "pc"},
	},
}

func TestSampleMessageDirections(t *testing.T) {
	s := loadSample(t)
	for _, id := range sampleScenes {
		want, ok := sampleDirections[id]
		if !ok {
			t.Errorf("sampleDirections has no entry for %s", id)
			continue
		}
		sc := sceneByID(t, s, id)
		last := -1
		for _, w := range want {
			i, st := stepByID(t, sc, w.step)
			if st.Kind != content.Message {
				t.Errorf("%s/%s should be a message", id, w.step)
				continue
			}
			// A broadcast passes the check if w.to is among its receivers.
			var to []string
			for _, r := range st.Receivers {
				to = append(to, sc.Actors[r].ID)
			}
			if from := sc.Actors[st.From].ID; from != w.from || !slices.Contains(to, w.to) {
				t.Errorf("%s/%s goes %s → %v, want %s → %s", id, w.step, from, to, w.from, w.to)
			}
			if i < last {
				t.Errorf("%s/%s comes too early: it must follow the steps listed before it", id, w.step)
			}
			last = i
		}
	}
}

// TestSampleEncryptedFromTheRightMessage checks the padlocks: in TLS 1.3
// everything from EncryptedExtensions on is encrypted, the hellos are not;
// in TLS 1.2 only Finished and what follows it is, and ChangeCipherSpec,
// sent under the null cipher (RFC 5246 §7.1), never is.
func TestSampleEncryptedFromTheRightMessage(t *testing.T) {
	s := loadSample(t)
	for _, c := range []struct {
		scene            string
		clear, encrypted []string
	}{
		{"https", []string{"client-hello", "server-hello", "certificate", "client-key-exchange", "client-ccs", "server-ccs"}, []string{"client-finished", "server-finished", "get", "response"}},
		{"tls12-ecdhe", []string{"client-hello", "server-hello", "certificate", "server-key-exchange", "client-key-exchange", "client-ccs", "server-ccs"}, []string{"client-finished", "server-finished", "get"}},
		{"tls13", []string{"client-hello", "server-hello", "server-ccs"}, []string{"encrypted-extensions", "certificate", "certificate-verify", "server-finished", "client-finished", "get", "new-session-ticket"}},
		{"tls-resumption", []string{"first-hello", "ticket-12", "server-ccs-12", "resume-hello", "resume-server-ccs", "resume-client-ccs", "psk-hello", "psk-server-hello"}, []string{"server-finished-12", "resume-server-finished", "resume-client-finished", "ticket-13", "early-data", "psk-server-flight", "end-of-early-data", "psk-client-finished"}},
		{"url-to-page", []string{"client-hello", "server-hello"}, []string{"server-flight", "client-finished", "get", "response"}},
		// STARTTLS is asked for in the clear; the password goes only inside TLS.
		{"email", []string{"greeting", "ehlo", "ehlo-reply", "starttls", "starttls-ready"}, []string{"ehlo-again", "auth", "envelope", "message", "relay-message", "new-mail", "fetch"}},
		// QUIC's Initial packets use keys anyone can derive (RFC 9001 §5.2).
		{"http3-quic", []string{"client-initial", "server-initial", "resume-initial", "resume-server-initial"}, []string{"server-handshake", "client-finished", "request", "response", "zero-rtt-request", "resume-server-handshake"}},
		{"mutual-tls", []string{"client-hello", "server-hello"}, []string{"certificate-request", "client-certificate", "client-certificate-verify"}},
	} {
		sc := sceneByID(t, s, c.scene)
		for _, id := range c.clear {
			if _, st := stepByID(t, sc, id); st.Secure {
				t.Errorf("%s/%s is sent in the clear but drawn encrypted", c.scene, id)
			}
		}
		for _, id := range c.encrypted {
			if _, st := stepByID(t, sc, id); !st.Secure {
				t.Errorf("%s/%s is encrypted but drawn without a padlock", c.scene, id)
			}
		}
	}
	for _, sc := range s.Scenes {
		for _, st := range sc.Steps {
			if st.Secure && strings.Contains(st.Label, "ChangeCipherSpec") {
				t.Errorf("%s/%s draws ChangeCipherSpec with a padlock; it is sent in the clear", sc.ID, st.Key)
			}
		}
	}
}

// field returns the value of a step's field, and whether it has it.
func field(st content.Step, name string) (string, bool) {
	for _, f := range st.Fields {
		if f.Name == name {
			return f.Value, true
		}
	}
	return "", false
}

// TestSampleTLSFacts holds the TLS details that a review against the RFCs
// found wrong once (issue 21), so that they stay right.
func TestSampleTLSFacts(t *testing.T) {
	s := loadSample(t)
	// Every TLS 1.2 hello offers the extended master secret (RFC 7627,
	// required by RFC 9325 §3.5), since the lessons derive it.
	for _, c := range []struct{ scene, step string }{
		{"https", "client-hello"}, {"https", "server-hello"},
		{"tls12-ecdhe", "client-hello"}, {"tls12-ecdhe", "server-hello"},
		{"tls-resumption", "first-hello"}, {"tls-resumption", "resume-hello"}, {"tls-resumption", "resume-server-hello"},
	} {
		if _, ok := field(stepOf(t, s, c.scene, c.step), "extended_master_secret"); !ok {
			t.Errorf("%s/%s does not show the extended_master_secret extension", c.scene, c.step)
		}
	}
	// The ServerKeyExchange signature covers the randoms and the ECDH
	// parameters, not the signature algorithm (RFC 8422 §5.4).
	sig, _ := field(stepOf(t, s, "tls12-ecdhe", "server-key-exchange"), "signature")
	for _, p := range []string{"client_random", "server_random", "curve_type", "named_curve", "public"} {
		if !strings.Contains(sig, p) {
			t.Errorf("tls12-ecdhe/server-key-exchange: the signature %q does not name %s", sig, p)
		}
	}
	// Only a ticket with early_data allows the 0-RTT the lesson goes on to
	// show (RFC 8446 §4.6.1).
	for _, c := range []struct{ scene, step string }{{"tls13", "new-session-ticket"}, {"tls-resumption", "ticket-13"}} {
		st := stepOf(t, s, c.scene, c.step)
		found := false
		for _, f := range st.Fields {
			found = found || strings.Contains(f.Name+" "+f.Value, "early_data")
		}
		if !found {
			t.Errorf("%s/%s: a NewSessionTicket without early_data allows no 0-RTT", c.scene, c.step)
		}
	}
	// HTTP/2 carries the host as :authority, never as Host (RFC 9113 §8.3.1).
	get := stepOf(t, s, "url-to-page", "get")
	if _, ok := field(get, "Host"); ok {
		t.Errorf("url-to-page/get shows a Host header over HTTP/2")
	}
	if v, _ := field(get, "HTTP/2 HEADERS"); !strings.Contains(v, ":authority: www.example.com") {
		t.Errorf("url-to-page/get: HEADERS %q carry no :authority", v)
	}
	// A half-close is shutdown(SHUT_WR): after close() data meets a RST.
	if st := stepOf(t, s, "tcp-teardown", "client-close"); !strings.Contains(st.Label, "SHUT_WR") {
		t.Errorf("tcp-teardown/client-close is %q; the half-close shown needs shutdown(SHUT_WR)", st.Label)
	}
}

func stepOf(t *testing.T, s *content.Site, scene, step string) content.Step {
	t.Helper()
	_, st := stepByID(t, sceneByID(t, s, scene), step)
	return st
}

func TestSampleLostSegments(t *testing.T) {
	s := loadSample(t)
	for _, c := range []struct{ scene, step string }{
		{"tcp-loss", "seg-lost"}, {"tcp-loss", "seg-b-lost"}, {"tcp-teardown", "last-ack"},
		{"tcp-flow-congestion", "window-update"}, {"tcp-flow-congestion", "loss"},
	} {
		if _, st := stepByID(t, sceneByID(t, s, c.scene), c.step); !st.Lost {
			t.Errorf("%s/%s should be drawn lost", c.scene, c.step)
		}
	}
}

// A tcpCheck says that a number field of one step must equal the end of
// another step's segment (its seq, plus its length, plus one for a SYN or a
// FIN), or, with field set on both sides, the same field of another step.
type tcpCheck struct {
	step, field string
	of, ofField string // ofField "" means "the next sequence number after of"
}

// sampleTCP lists the sequence arithmetic of the TCP lessons.
var sampleTCP = map[string][]tcpCheck{
	"http": {
		{"syn-ack", "ack", "syn", ""}, {"ack", "seq", "syn", ""}, {"ack", "ack", "syn-ack", ""},
		{"get", "seq", "ack", "seq"}, {"data-1", "ack", "get", ""}, {"data-2", "seq", "data-1", ""},
		{"ack-2", "ack", "data-2", ""}, {"data-3", "seq", "ack-2", "ack"}, {"ack-3", "ack", "data-3", ""},
		{"fin", "seq", "get", ""}, {"fin-ack", "ack", "fin", ""}, {"fin-ack", "seq", "data-3", ""},
		{"server-fin", "seq", "data-3", ""}, {"last-ack", "ack", "server-fin", ""}, {"last-ack", "seq", "fin", ""},
	},
	"tcp-handshake": {
		{"syn", "seq", "connect", "initial sequence number"},
		{"syn-ack", "ack", "syn", ""}, {"ack", "seq", "syn", ""}, {"ack", "ack", "syn-ack", ""},
		{"data", "seq", "ack", "seq"}, {"data", "ack", "syn-ack", ""}, {"data-ack", "ack", "data", ""},
		{"data-ack", "seq", "syn-ack", ""},
		{"old-syn-ack", "ack", "old-syn", ""}, {"rst", "seq", "old-syn-ack", "ack"},
	},
	"tcp-teardown": {
		{"fin", "seq", "open", "client's next seq"}, {"fin", "ack", "open", "server's next seq"},
		{"fin-ack", "ack", "fin", ""}, {"server-data", "seq", "open", "server's next seq"},
		{"client-ack", "ack", "server-data", ""}, {"client-ack", "seq", "fin", ""},
		{"server-fin", "seq", "server-data", ""}, {"last-ack", "ack", "server-fin", ""},
		{"fin-again", "seq", "server-fin", "seq"}, {"ack-again", "ack", "server-fin", ""},
	},
	"tcp-loss": {
		{"retransmit", "seq", "seg-lost", "seq"}, {"ack-retransmit", "ack", "seg-lost", ""},
		{"seg-a", "seq", "seg-lost", ""}, {"ack-a", "ack", "seg-a", ""}, {"seg-b-lost", "seq", "ack-a", "ack"},
		{"seg-c", "seq", "seg-b-lost", ""}, {"seg-d", "seq", "seg-c", ""}, {"seg-e", "seq", "seg-d", ""},
		{"dup-1", "ack", "ack-a", "ack"}, {"dup-2", "ack", "ack-a", "ack"}, {"dup-3", "ack", "ack-a", "ack"},
		{"fast-retransmit", "seq", "seg-b-lost", "seq"}, {"cumulative-ack", "ack", "seg-e", ""},
	},
	"tcp-flow-congestion": {
		{"seg-2", "seq", "seg-1", ""}, {"seg-3", "seq", "seg-2", ""}, {"seg-4", "seq", "seg-3", ""},
		{"ack-1", "ack", "seg-2", ""}, {"ack-2", "ack", "seg-4", ""}, {"window-update", "ack", "ack-2", "ack"},
		{"probe", "seq", "ack-2", "ack"}, {"probe-ack", "ack", "probe", ""},
	},
}

func TestSampleTCPNumbersAddUp(t *testing.T) {
	s := loadSample(t)
	for _, id := range []string{"http", "tcp-handshake", "tcp-teardown", "tcp-loss", "tcp-flow-congestion"} {
		sc := sceneByID(t, s, id)
		for _, c := range sampleTCP[id] {
			_, st := stepByID(t, sc, c.step)
			_, of := stepByID(t, sc, c.of)
			got := number(t, sc.ID, st, c.field)
			var want uint64
			if c.ofField == "" {
				want = number(t, sc.ID, of, "seq") + number(t, sc.ID, of, "length") + controlBits(of)
			} else {
				want = number(t, sc.ID, of, c.ofField)
			}
			if got != want {
				t.Errorf("%s/%s has %s %d, want %d (from %s)", id, c.step, c.field, got, want, c.of)
			}
		}
	}
}

// number reads the leading whole number of a step's field ("1460 bytes" is
// 1460); a missing length is 0.
func number(t *testing.T, scene string, st content.Step, name string) uint64 {
	t.Helper()
	for _, f := range st.Fields {
		if f.Name == name {
			digits, _, _ := strings.Cut(f.Value, " ")
			n, err := strconv.ParseUint(digits, 10, 32)
			if err != nil {
				t.Fatalf("%s/%s: field %s is %q, not a number", scene, st.Key, name, f.Value)
			}
			return n
		}
	}
	if name == "length" {
		return 0
	}
	t.Fatalf("%s/%s has no field %s", scene, st.Key, name)
	return 0
}

// controlBits counts the sequence numbers a segment's SYN and FIN use up.
func controlBits(st content.Step) uint64 {
	var n uint64
	for _, f := range st.Fields {
		if f.Name == "flags" {
			for _, flag := range strings.Split(f.Value, ",") {
				if flag = strings.TrimSpace(flag); flag == "SYN" || flag == "FIN" {
					n++
				}
			}
		}
	}
	return n
}

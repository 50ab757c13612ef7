package capture

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// captures are the real captures in testdata, each with its key log ("" for
// none; the pcapng file carries its keys inside).
var captures = []struct{ file, keys string }{
	{"tls13.pcap", "tls13.keys"},
	{"tls13-chacha-ipv6.pcapng", ""},
	{"tls13-cooked.pcap", "tls13-cooked.keys"},
	// The importer does not decrypt TLS 1.2, so tshark gets no keys either.
	{"tls12.pcap", ""},
	{"http.pcap", ""},
	{"dns.pcap", ""},
	{"lan.pcap", ""},
}

func decodeFile(t testing.TB, file, keys string) *Capture {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	opt := Options{Name: file}
	if keys != "" {
		if opt.KeyLog, err = os.ReadFile(filepath.Join("testdata", keys)); err != nil {
			t.Fatal(err)
		}
	}
	c, err := Decode(f, opt)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// tsharkFields are what the test asks tshark for, one column each.
var tsharkFields = []string{"frame.number", "frame.protocols", "tcp.flags", "tcp.seq", "tcp.ack", "tcp.len", "tcp.window_size",
	"tcp.analysis.retransmission", "tcp.analysis.duplicate_ack_num", "tcp.analysis.duplicate_ack_frame", "tcp.reassembled_in",
	"tls.handshake.type", "tls.alert_message.desc", "dns.qry.name", "dns.flags.rcode", "dns.flags.response", "dhcp.option.dhcp", "arp.opcode",
	"icmp.type", "icmpv6.type", "tls.reassembled_in", "tcp.stream",
	// For the sample lesson's narration: the numbers as sent, and each
	// TLS record of a packet, in order.
	"tcp.srcport", "tcp.seq_raw", "tcp.ack_raw", "tls.record.length", "tls.record.content_type", "tls.alert_message.level"}

// tshark decodes a capture with Wireshark's dissectors, in two passes so
// that reassembly is known at every segment.
func tshark(t *testing.T, file, keys string) []map[string]string {
	t.Helper()
	bin, err := exec.LookPath("tshark")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tshark is not installed; the Makefile's test target installs it (Debian package tshark)")
		}
		t.Skip("tshark is not installed (Debian package tshark); CI installs it")
	}
	args := []string{"-r", filepath.Join("testdata", file), "-2", "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,",
		"-o", "tcp.relative_sequence_numbers:TRUE", "-o", "tcp.analyze_sequence_numbers:TRUE",
		// The importer shows an HTTP message's head where it arrives, as
		// Wireshark does when it does not wait for the body.
		"-o", "http.desegment_body:FALSE"}
	if keys != "" {
		args = append(args, "-o", "tls.keylog_file:"+filepath.Join("testdata", keys))
	}
	for _, f := range tsharkFields {
		args = append(args, "-e", f)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir()) // no personal Wireshark profile
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v\n%s", err, stderr.String())
	}
	var rows []map[string]string
	for _, line := range strings.Split(strings.TrimRight(string(out), "\n"), "\n") {
		cols := strings.Split(line, "\t")
		row := map[string]string{}
		for i, f := range tsharkFields {
			if i < len(cols) {
				row[f] = cols[i]
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// tcpFlagNames writes tshark's tcp.flags (0x0012) as the importer does.
func tcpFlagNames(hex string) string {
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "0x"), 16, 16)
	if err != nil {
		return "?" + hex
	}
	var f []string
	for _, b := range []struct {
		bit  uint64
		name string
	}{{0x02, "SYN"}, {0x01, "FIN"}, {0x04, "RST"}, {0x08, "PSH"}, {0x10, "ACK"}, {0x20, "URG"}, {0x40, "ECE"}, {0x80, "CWR"}} {
		if v&b.bit != 0 {
			f = append(f, b.name)
		}
	}
	if len(f) == 0 {
		return "none"
	}
	return strings.Join(f, "+")
}

var handshakeByNumber = map[string]string{"1": "ClientHello", "2": "ServerHello", "4": "NewSessionTicket", "8": "EncryptedExtensions",
	"11": "Certificate", "12": "ServerKeyExchange", "13": "CertificateRequest", "14": "ServerHelloDone", "15": "CertificateVerify",
	"16": "ClientKeyExchange", "20": "Finished", "24": "KeyUpdate"}

// TestAgainstTshark holds every import against tshark's own decoding of the
// same file, packet by packet: the same packets, the same protocols, the
// same TCP flags, relative numbers, windows and analysis, the same TLS
// handshake messages (decrypted with the same keys), DNS questions and
// codes, DHCP, ARP and ICMP types.
func TestAgainstTshark(t *testing.T) {
	for _, tc := range captures {
		t.Run(tc.file, func(t *testing.T) {
			want := tshark(t, tc.file, tc.keys)
			c := decodeFile(t, tc.file, tc.keys)
			if len(c.Packets) != len(want) {
				t.Fatalf("%d packets, tshark reads %d", len(c.Packets), len(want))
			}
			for i, p := range c.Packets {
				w := want[i]
				errorf := func(format string, args ...any) {
					t.Errorf("packet %d: %s", p.N, fmt.Sprintf(format, args...))
				}
				if strconv.Itoa(p.N) != w["frame.number"] {
					errorf("numbered %d, tshark says %s", p.N, w["frame.number"])
				}
				protos := strings.Split(w["frame.protocols"], ":")
				// A message that ends in a later packet is listed there.
				for _, k := range []string{"tcp.reassembled_in", "tls.reassembled_in"} {
					if n, err := strconv.Atoi(strings.Split(w[k], ",")[0]); err == nil && n >= 1 && n <= len(want) {
						protos = append(protos, strings.Split(want[n-1]["frame.protocols"], ":")...)
					}
				}
				for _, name := range p.Protocols {
					if !contains(protos, name) {
						errorf("decoded as %s, which tshark does not see in %s", name, w["frame.protocols"])
					}
				}
				if s := p.TCP; s != nil {
					check := func(what string, got any, want string) {
						if fmt.Sprint(got) != want {
							errorf("%s %v, tshark says %s", what, got, want)
						}
					}
					check("flags", s.Flags, tcpFlagNames(w["tcp.flags"]))
					check("stream", s.Stream, w["tcp.stream"])
					check("seq", s.Seq, w["tcp.seq"])
					if s.ACK {
						check("ack", s.Ack, w["tcp.ack"])
					}
					check("len", s.Len, w["tcp.len"])
					check("window", s.Window, w["tcp.window_size"])
					check("retransmission", s.Retransmission, strconv.FormatBool(w["tcp.analysis.retransmission"] != ""))
					if w["tcp.analysis.duplicate_ack_num"] != "" || s.DupAck != 0 {
						check("duplicate ACK number", s.DupAck, w["tcp.analysis.duplicate_ack_num"])
						check("duplicate ACK of", s.DupOf, w["tcp.analysis.duplicate_ack_frame"])
					}
				} else if strings.Contains(w["frame.protocols"], ":tcp") {
					errorf("tshark sees TCP, the importer does not")
				}
				var hs, alerts []string
				for _, it := range p.Items {
					hs = append(hs, it.Handshake...)
					if it.Alert != "" {
						alerts = append(alerts, it.Alert)
					}
				}
				var whs []string
				if w["tls.handshake.type"] != "" {
					for _, n := range strings.Split(w["tls.handshake.type"], ",") {
						whs = append(whs, handshakeByNumber[n])
					}
				}
				if strings.Join(hs, ",") != strings.Join(whs, ",") {
					errorf("TLS handshake %v, tshark says %v", hs, whs)
				}
				if w["tls.alert_message.desc"] != "" && len(alerts) == 0 {
					errorf("tshark sees an alert (%s), the importer names none", w["tls.alert_message.desc"])
				}
				for _, it := range p.Items {
					checkItem(t, p, it, w)
				}
			}
		})
	}
}

// checkItem compares what a DNS, DHCP, ARP or ICMP item says with tshark.
func checkItem(t *testing.T, p *Packet, it *Item, w map[string]string) {
	fieldValue := func(name string) string {
		for _, f := range it.Fields {
			if f.Name == name {
				return f.Value
			}
		}
		return ""
	}
	switch it.Proto {
	case "DNS":
		if q := fieldValue("question"); w["dns.flags.response"] == "0" && !strings.HasPrefix(q, w["dns.qry.name"]+" ") {
			t.Errorf("packet %d: DNS question %q, tshark says %s", p.N, q, w["dns.qry.name"])
		}
		if w["dns.flags.response"] == "1" {
			rc := map[string]string{"0": "NOERROR", "2": "SERVFAIL", "3": "NXDOMAIN", "5": "REFUSED"}[w["dns.flags.rcode"]]
			if got := fieldValue("rcode"); got != rc {
				t.Errorf("packet %d: DNS rcode %s, tshark says %s", p.N, got, w["dns.flags.rcode"])
			}
		}
	case "DHCP":
		names := map[string]string{"1": "DISCOVER", "2": "OFFER", "3": "REQUEST", "5": "ACK", "6": "NAK"}
		if got := fieldValue("message type"); got != names[w["dhcp.option.dhcp"]] {
			t.Errorf("packet %d: DHCP %s, tshark says type %s", p.N, got, w["dhcp.option.dhcp"])
		}
	case "ARP":
		op := map[string]string{"1": "request (1)", "2": "reply (2)"}[w["arp.opcode"]]
		if got := fieldValue("operation"); got != op {
			t.Errorf("packet %d: ARP %s, tshark says opcode %s", p.N, got, w["arp.opcode"])
		}
	case "ICMP", "ICMPv6":
		typ := w["icmp.type"] + w["icmpv6.type"]
		if got := fieldValue("type"); !strings.HasSuffix(got, "("+typ+")") {
			t.Errorf("packet %d: ICMP %s, tshark says type %s", p.N, got, typ)
		}
	}
}

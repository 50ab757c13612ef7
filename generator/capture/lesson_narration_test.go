package capture

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/lessongen/lessongen/generator/content"
)

var (
	// asSent is how the importer writes a sequence or acknowledgement
	// number in a byte view: "0 (relative; 3059263457 as sent)".
	asSent = regexp.MustCompile(`relative; (\d+) as sent`)
	// rawNumber is a number in the narration long enough to be a sequence
	// number as sent, such as an initial sequence number.
	rawNumber = regexp.MustCompile(`\b\d{7,}\b`)
	// pureACK is how the narration accounts for a packet it shows no step
	// for: "Packet 5, a pure ACK, is not shown as a step: … acknowledged the 517
	// bytes curl had sent (**ack 518**, …)".
	pureACK = regexp.MustCompile(`(?s)Packet (\d+), a pure ACK, is not shown as a step: .*? acknowledged the (\d+)\s+bytes .*?\(\*\*ack (\d+)\*\*`)
	// totals is the last step's count of the whole connection.
	totals = regexp.MustCompile(`(\d+)\s+packets, (\d+) bytes from the server and (\d+) from curl`)
)

// tlsRecord is one TLS record as a byte view shows it.
type tlsRecord struct {
	step   content.Step
	at     int
	length string // the Length range's value
}

// checkNarration holds what the lesson's words and byte views say against
// tshark's rows: the numbers as sent, the TLS records in each packet (their
// lengths, which message each is, whether it is encrypted), the pure ACKs the
// narration mentions instead of showing, and the totals of the last step. It
// returns the packets the narration mentions as pure ACKs.
func checkNarration(t *testing.T, sc *content.Scene, rows []map[string]string) map[int]bool {
	t.Helper()
	records := map[int][]tlsRecord{}
	mentioned := map[int]bool{}
	sawTotals := false
	for _, st := range sc.Steps {
		n := stepPacket(st)
		if n < 1 || n > len(rows) {
			continue // TestLessonMatchesTshark reports it
		}
		w := rows[n-1]
		for _, num := range rawNumber.FindAllString(st.Text, -1) {
			if num != w["tcp.seq_raw"] && num != w["tcp.ack_raw"] {
				t.Errorf("step %s: the narration says %s, but packet %d's numbers as sent are seq %s, ack %s",
					st.Key, num, n, w["tcp.seq_raw"], w["tcp.ack_raw"])
			}
		}
		for _, m := range pureACK.FindAllStringSubmatch(st.Text, -1) {
			k, _ := strconv.Atoi(m[1])
			if k < 1 || k > len(rows) {
				t.Errorf("step %s: the narration mentions packet %s, which the capture does not have", st.Key, m[1])
				continue
			}
			r := rows[k-1]
			if tcpFlagNames(r["tcp.flags"]) != "ACK" || r["tcp.len"] != "0" || r["tcp.ack"] != m[3] {
				t.Errorf("step %s: packet %d is said to be a pure ACK with ack %s; tshark: %s, len %s, ack %s",
					st.Key, k, m[3], tcpFlagNames(r["tcp.flags"]), r["tcp.len"], r["tcp.ack"])
			}
			// Relative numbers start at 1, so ack N acknowledges N-1 bytes.
			bytes, _ := strconv.Atoi(m[2])
			if ack, _ := strconv.Atoi(m[3]); bytes != ack-1 {
				t.Errorf("step %s: ack %d acknowledges %d bytes, not %d", st.Key, ack, ack-1, bytes)
			}
			mentioned[k] = true
		}
		if m := totals.FindStringSubmatch(st.Text); m != nil {
			sawTotals = true
			server, client := 0, 0
			for _, r := range rows {
				l, _ := strconv.Atoi(r["tcp.len"])
				if r["tcp.srcport"] == "443" {
					server += l
				} else {
					client += l
				}
			}
			if want := []string{strconv.Itoa(len(rows)), strconv.Itoa(server), strconv.Itoa(client)}; m[1] != want[0] || m[2] != want[1] || m[3] != want[2] {
				t.Errorf("step %s: %q; tshark counts %s packets, %s bytes from the server and %s from curl",
					st.Key, strings.Join(strings.Fields(m[0]), " "), want[0], want[1], want[2])
			}
		}
		if st.Bytes == nil {
			continue
		}
		walkRanges(st.Bytes.Ranges, func(r content.ByteRange, parent *content.ByteRange) {
			if m := asSent.FindStringSubmatch(r.Value); m != nil {
				col := map[string]string{"Sequence number": "tcp.seq_raw", "Acknowledgment number": "tcp.ack_raw"}[r.Name]
				if col == "" || m[1] != w[col] {
					t.Errorf("step %s: byte view %s says %s as sent; tshark's %s is %q", st.Key, r.Name, m[1], col, w[col])
				}
			}
			if r.Name == "Record header" && parent != nil {
				for _, c := range r.Ranges {
					if c.Name == "Length" {
						records[n] = append(records[n], tlsRecord{st, r.At, c.Value})
					}
				}
			}
		})
	}
	if !sawTotals {
		t.Error("no step states the connection's totals (\"N packets, N bytes from the server and N from curl\")")
	}
	for n := 1; n <= len(rows); n++ {
		checkRecords(t, n, records[n], rows[n-1])
	}
	return mentioned
}

// checkRecords holds the TLS records that the steps of packet n show against
// tshark's: the same number, in the same order, of the same length, each the
// message its step's label names, and drawn secure exactly when encrypted.
func checkRecords(t *testing.T, n int, got []tlsRecord, w map[string]string) {
	t.Helper()
	lengths := splitList(w["tls.record.length"])
	types := splitList(w["tls.record.content_type"])
	handshakes := splitList(w["tls.handshake.type"])
	alerts := splitList(w["tls.alert_message.desc"])
	if len(got) != len(lengths) {
		t.Errorf("packet %d: the steps show %d TLS records, tshark reads %d", n, len(got), len(lengths))
		return
	}
	for i, rec := range got {
		st := rec.step
		if rec.length != lengths[i] {
			t.Errorf("step %s: record %d of packet %d has length %s, tshark says %s", st.Key, i+1, n, rec.length, lengths[i])
		}
		var want string
		switch types[i] {
		case "20":
			want = "ChangeCipherSpec"
		case "21":
			if len(alerts) > 0 && alerts[0] == "0" {
				want = "close_notify"
			}
			alerts = alerts[min(1, len(alerts)):]
		case "22":
			if len(handshakes) > 0 {
				want = handshakeByNumber[handshakes[0]]
				handshakes = handshakes[1:]
			}
		case "23":
			want = "application data"
		}
		if first := strings.Fields(st.Label)[0]; types[i] != "23" && first != want {
			t.Errorf("step %s: labelled %q, but record %d of packet %d is %s", st.Key, st.Label, i+1, n, want)
		}
		// The record's own first byte says whether it travels encrypted:
		// 23, application_data, is the outer type of every TLS 1.3
		// record after the ServerHello.
		if encrypted := st.Bytes.Data[rec.at] == 23; st.Secure != encrypted {
			t.Errorf("step %s: secure is %v, but its record's outer type is %d", st.Key, st.Secure, st.Bytes.Data[rec.at])
		}
	}
}

// stepPacket is the capture packet a step shows, from its packet field, or 0.
func stepPacket(st content.Step) int {
	for _, f := range st.Fields {
		if f.Name == "packet" {
			n, _ := strconv.Atoi(f.Value)
			return n
		}
	}
	return 0
}

// walkRanges calls f for every range of a byte view, outermost first.
func walkRanges(rs []content.ByteRange, f func(r content.ByteRange, parent *content.ByteRange)) {
	var walk func(rs []content.ByteRange, parent *content.ByteRange)
	walk = func(rs []content.ByteRange, parent *content.ByteRange) {
		for i := range rs {
			f(rs[i], parent)
			walk(rs[i].Ranges, &rs[i])
		}
	}
	walk(rs, nil)
}

// splitList splits one of tshark's aggregated columns ("122,1,38").
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

package capture

import (
	"bytes"
	"os"
	"strconv"
	"testing"

	"github.com/lessongen/lessongen/generator/content"
)

// TestLessonMatchesTshark holds the sample lesson made from a capture,
// content/scenes/inside-https.yaml, against tshark's view of that capture:
// every step's packet number, flags, relative numbers, length and window,
// and every byte of its byte view, survive the author's edits unchanged; so
// do the numbers its narration and byte views state (see checkNarration).
func TestLessonMatchesTshark(t *testing.T) {
	data, err := os.ReadFile("../../content/scenes/inside-https.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sc, diags := content.ParseScene(data, "content/scenes/inside-https.yaml")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	rows := tshark(t, "tls13.pcap", "tls13.keys")
	c := decodeFile(t, "tls13.pcap", "tls13.keys")
	seen := map[int]bool{}
	for _, st := range sc.Steps {
		f := map[string]string{}
		for _, x := range st.Fields {
			f[x.Name] = x.Value
		}
		n, err := strconv.Atoi(f["packet"])
		if err != nil || n < 1 || n > len(rows) {
			t.Errorf("step %s: packet %q is not a packet of the capture", st.Key, f["packet"])
			continue
		}
		seen[n] = true
		w := rows[n-1]
		for field, col := range map[string]string{"seq": "tcp.seq", "ack": "tcp.ack", "len": "tcp.len", "window": "tcp.window_size"} {
			if v, ok := f[field]; ok && v != w[col] {
				t.Errorf("step %s (packet %d): %s %s, tshark says %s", st.Key, n, field, v, w[col])
			}
		}
		if v, ok := f["flags"]; ok && v != tcpFlagNames(w["tcp.flags"]) {
			t.Errorf("step %s (packet %d): flags %s, tshark says %s", st.Key, n, v, tcpFlagNames(w["tcp.flags"]))
		}
		if st.Bytes == nil {
			t.Errorf("step %s has no byte view", st.Key)
		} else if !bytes.Contains(c.Packets[n-1].Data, st.Bytes.Data) {
			t.Errorf("step %s: its bytes are not packet %d's", st.Key, n)
		}
	}
	// Every packet is a step, but for the pure ACKs the narration mentions.
	mentioned := checkNarration(t, sc, rows)
	for n := 1; n <= len(rows); n++ {
		if seen[n] {
			continue
		}
		if tcpFlagNames(rows[n-1]["tcp.flags"]) != "ACK" {
			t.Errorf("packet %d (%s) is in no step", n, tcpFlagNames(rows[n-1]["tcp.flags"]))
		} else if !mentioned[n] {
			t.Errorf("packet %d, a pure ACK, is in no step and the narration does not say so", n)
		}
	}
}

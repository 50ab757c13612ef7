package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportPcap imports a real TLS 1.3 capture with its key log, builds
// the site, and reads the step pages a reader would see.
func TestImportPcap(t *testing.T) {
	heavy(t)
	dir := copyContent(t, nil)
	pcap, keys := "../../generator/capture/testdata/tls13.pcap", "../../generator/capture/testdata/tls13.keys"
	code, stdout, stderr := runCLI("import", "pcap", pcap, "--keylog", keys, "--content", dir, "--id", "real", "--topic", "security", "--name", "127.0.0.3=curl")
	if code != 0 || !strings.Contains(stdout, "scenes/real.yaml: 2 actors, 21 steps from 18 packets") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "scenes/real.yaml"))
	for _, want := range []string{"name: curl\n", "label: EncryptedExtensions\n", "label: GET /hello.txt HTTP/1.1\n", "topic: security\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the scene lacks %q", want)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCLI("build", "--content", dir, "--out", out); code != 0 {
		t.Fatalf("the imported scene does not build:\n%s", stderr)
	}
	page, _ := os.ReadFile(filepath.Join(out, "en/real/4/index.html"))
	for _, want := range []string{`<details class="bytes">`, `(583 bytes)`, `<span class="bn">Random</span>`, `Extension: server_name`, `www.example.test`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("step 4 (ClientHello) lacks %s", want)
		}
	}

	code, _, stderr = runCLI("import", "pcap", pcap, "--content", dir, "--id", "real")
	if code != 1 || !strings.Contains(stderr, "the file exists already; nothing was written") {
		t.Errorf("second import: exit %d, %q", code, stderr)
	}
	if again, _ := os.ReadFile(filepath.Join(dir, "scenes/real.yaml")); string(again) != string(data) {
		t.Error("import overwrote an existing scene")
	}
	if code, _, stderr = runCLI("import", "pcap", pcap, "--content", dir, "--name", "gateway"); code != 2 || !strings.Contains(stderr, "write ADDR=NAME") {
		t.Errorf("bad --name: exit %d, %q", code, stderr)
	}
	if code, _, stderr = runCLI("import", "pcap", keys, "--content", dir); code != 1 || !strings.Contains(stderr, "not a pcap or pcapng capture") {
		t.Errorf("not a capture: exit %d, %q", code, stderr)
	}
}

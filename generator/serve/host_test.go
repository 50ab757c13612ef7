package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestHostHeader sends requests naming other hosts, as a page of another
// site does after DNS rebinding points its name at 127.0.0.1: none may read
// a page or the build's errors. Only this computer's names for itself, with
// the port serve listens on, are answered.
func TestHostHeader(t *testing.T) {
	_, _, ts := setup(t)
	_, port, _ := net.SplitHostPort(ts.Listener.Addr().String())
	other := strconv.Itoa(mustAtoi(t, port) + 1)
	for _, tc := range []struct {
		host string
		code int
	}{
		{"127.0.0.1:" + port, 200},
		{"localhost:" + port, 200},
		{"LocalHost:" + port, 200},
		{"[::1]:" + port, 200},
		{"evil.example:" + port, 421},
		{"evil.example", 421},
		{"127.0.0.1.nip.io:" + port, 421},
		{"localhost.evil.example:" + port, 421},
		{"localhost:" + other, 421},
		{"127.0.0.1:" + other, 421},
		{"localhost", 421}, // port 80 is not the port
		{"127.0.0.1", 421},
		{"localhost.:" + port, 421},
		{"192.168.1.20:" + port, 421}, // not an address this connection came to
		{"", 421},
	} {
		for _, p := range []string{"/en/hello/1/", "/_lessongen/events", "/_lessongen/live.js", "/en/nope/"} {
			resp, body := rawGet(t, ts, p, tc.host)
			code := resp.StatusCode
			want := tc.code
			if want == 200 && p == "/en/nope/" {
				want = 404
			}
			if code != want {
				t.Errorf("GET %s with Host %q: %d, want %d", p, tc.host, code, want)
			}
			if want == 421 && (strings.Contains(body, "Hello") || strings.Contains(body, "event:") || strings.Contains(body, "EventSource")) {
				t.Errorf("GET %s with Host %q answered with the site: %.200s", p, tc.host, body)
			}
			if want == 421 && !strings.Contains(body, "http://localhost:"+port+"/") {
				t.Errorf("GET %s with Host %q: the refusal does not say where the site is: %q", p, tc.host, body)
			}
		}
	}
}

// rawGet sends a GET over a fresh connection with exactly the path and
// Host header given (none for ""), which net/http's client would rewrite,
// and returns the response and the start of its body.
func rawGet(t *testing.T, ts *httptest.Server, path, host string) (*http.Response, string) {
	t.Helper()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	req := "GET " + path + " HTTP/1.0\r\n"
	if host != "" {
		req += "Host: " + host + "\r\n"
	}
	io.WriteString(conn, req+"\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s with Host %q: %v", path, host, err)
	}
	defer resp.Body.Close()
	// An event stream never ends: what it sends at once is enough.
	conn.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
	body := make([]byte, 4096)
	n, _ := io.ReadFull(resp.Body, body)
	return resp, string(body[:n])
}

func mustAtoi(t *testing.T, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestNoOpenRedirect asks for folders with a path that a browser would read
// as another host's address once "/" is added: the redirect must stay on
// this site.
func TestNoOpenRedirect(t *testing.T) {
	_, _, ts := setup(t)
	host := ts.Listener.Addr().String()
	for _, tc := range []struct {
		path, location string
		code           int
	}{
		{"/en", "/en/", 301},
		{"//en", "/en/", 301},
		{"///en", "/en/", 301},
		{"/%2Fen", "/en/", 301},
		{"/./en", "/en/", 301},
		{"/en/hello", "/en/hello/", 301},
		{"//en/hello", "/en/hello/", 301},
		{"/\\en", "", 400},
		{"/%5Cen", "", 400},
		{"//evil.example/en", "", 404},
	} {
		resp, _ := rawGet(t, ts, tc.path, host)
		if resp.StatusCode != tc.code || resp.Header.Get("Location") != tc.location {
			t.Errorf("GET %s: %d to %q, want %d to %q", tc.path, resp.StatusCode, resp.Header.Get("Location"), tc.code, tc.location)
		}
	}
}

// TestMethodNotAllowed: a method serve does not answer says which it does.
func TestMethodNotAllowed(t *testing.T) {
	_, _, ts := setup(t)
	for _, m := range []string{"POST", "PUT", "DELETE", "OPTIONS", "PATCH"} {
		req, _ := http.NewRequest(m, ts.URL+"/en/", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 405 || resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: %d, Allow %q; want 405 and Allow \"GET, HEAD\"", m, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
}

// TestTimeouts: serve's HTTP server drops a connection that stays idle, or
// that sends its request too slowly, but keeps a page's event stream open
// for as long as the page is.
func TestTimeouts(t *testing.T) {
	dir, srv, _ := setup(t)
	hs := srv.HTTPServer(context.Background())
	if hs.ReadHeaderTimeout <= 0 || hs.ReadTimeout <= 0 || hs.WriteTimeout <= 0 || hs.IdleTimeout <= 0 || hs.MaxHeaderBytes <= 0 {
		t.Fatalf("a limit is missing: read header %v, read %v, write %v, idle %v, header bytes %d",
			hs.ReadHeaderTimeout, hs.ReadTimeout, hs.WriteTimeout, hs.IdleTimeout, hs.MaxHeaderBytes)
	}
	if hs.IdleTimeout > 2*time.Minute || hs.ReadHeaderTimeout > 30*time.Second {
		t.Errorf("idle %v, read header %v: a connection may stay open for minutes", hs.IdleTimeout, hs.ReadHeaderTimeout)
	}
	// The same server with its timeouts shortened, so the test need not
	// wait for the real ones.
	hs.IdleTimeout, hs.WriteTimeout, hs.ReadHeaderTimeout = 200*time.Millisecond, 200*time.Millisecond, 200*time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	addr := ln.Addr().String()

	closed := func(conn net.Conn) bool {
		conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		_, err := io.Copy(io.Discard, conn)
		return err == nil // EOF: the server closed it
	}
	// An idle keep-alive connection, after one request.
	conn, _ := net.Dial("tcp", addr)
	io.WriteString(conn, "GET /en/hello/1/ HTTP/1.1\r\nHost: "+addr+"\r\n\r\n")
	if !closed(conn) {
		t.Error("an idle keep-alive connection stayed open")
	}
	conn.Close()
	// Half a request, never finished.
	conn, _ = net.Dial("tcp", addr)
	io.WriteString(conn, "GET /en/hello/1/ HTTP/1.1\r\nHost: "+addr+"\r\n")
	if !closed(conn) {
		t.Error("a connection that never finished its request stayed open")
	}
	conn.Close()

	// The event stream outlives the write timeout.
	resp, err := http.Get("http://" + addr + "/_lessongen/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	states := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data: ") {
				states <- sc.Text()
			}
		}
		close(states)
	}()
	<-states // the current state, at once
	want := fmt.Sprintf(`"gen":%d`, gen(srv)+1)
	time.Sleep(3 * hs.WriteTimeout) // the time a write may take, and then some, must pass
	os.WriteFile(filepath.Join(dir, "scenes/hello.yaml"), []byte(strings.Replace(scene, "First version.", "Later.", 1)), 0o644)
	select {
	case st, ok := <-states:
		if !ok || !strings.Contains(st, want) {
			t.Errorf("after the write timeout the stream gave %q, %v", st, ok)
		}
	case <-time.After(10 * time.Second):
		t.Error("no event after the write timeout")
	}
}

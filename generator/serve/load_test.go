package serve

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// saveText is the narration of save i of TestLoad; saveNumber reads it
// back from a page, -1 for the first version.
func saveText(i int) string { return fmt.Sprintf("Save %d.", i) }

var saveRE = regexp.MustCompile(`Save (\d+)\.`)

func saveNumber(page string) (int, bool) {
	if m := saveRE.FindStringSubmatch(page); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, true
	}
	return -1, strings.Contains(page, "First version.")
}

// TestLoad has 500 clients fetch pages concurrently while the author saves
// 100 times (four saves broken), all on loopback and bounded in
// count. After each save it waits for the rebuild and checks that the page
// served is that save (or, after a broken one, still the last good one). No
// response may be an error, and no client may see a page older than one it
// saw before; the last save is the one served at the end; afterwards the
// goroutines and the heap must come back down.
func TestLoad(t *testing.T) {
	dir, srv, ts := setup(t)
	builds := subscribe(t, srv)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 500}, Timeout: 30 * time.Second}
	page := ts.URL + "/en/hello/1/index.html"
	get(t, page) // warm up
	runtime.GC()
	goroutines := runtime.NumGoroutine()
	var heapBefore runtime.MemStats
	runtime.ReadMemStats(&heapBefore)

	var (
		wg       sync.WaitGroup
		requests atomic.Int64
		failures atomic.Int64
		firstErr atomic.Value
	)
	fail := func(format string, args ...any) {
		failures.Add(1)
		firstErr.CompareAndSwap(nil, fmt.Sprintf(format, args...))
	}
	stop := make(chan struct{})
	paths := []string{"/", "/en/", "/en/hello/1/index.html", "/en/hello/1.svg", "/en/hello/index.html", "/assets/favicon.svg"}
	for c := range 500 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen := -1 // the latest save this client was served
			// Bounded: at most 20,000 requests in all, and none after
			// the last save.
			for i := 0; requests.Add(1) <= 20000; i++ {
				select {
				case <-stop:
					return
				default:
				}
				p := paths[(c+i)%len(paths)]
				resp, err := client.Get(ts.URL + p)
				if err != nil {
					fail("%s: %v", p, err)
					continue
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					fail("%s: %d", p, resp.StatusCode)
				}
				if p == "/en/hello/1/index.html" {
					n, ok := saveNumber(string(body))
					switch {
					case !ok:
						fail("%s shows no save:\n%s", p, body)
					case n < seen:
						fail("%s went back from save %d to save %d", p, seen, n)
					}
					seen = max(seen, n)
				}
			}
		}()
	}
	// wait reads build states until one satisfies ok, within 10 s.
	wait := func(what string, ok func(State) bool) State {
		t.Helper()
		timeout := time.After(10 * time.Second)
		for {
			select {
			case st := <-builds:
				if ok(st) {
					return st
				}
			case <-timeout:
				t.Fatalf("no rebuild %s within 10 s", what)
			}
		}
	}
	p := filepath.Join(dir, "scenes/hello.yaml")
	good := -1 // the last good save
	last := gen(srv)
	rebuilds := 0
	for i := range 100 {
		body := strings.Replace(scene, "First version.", saveText(i), 1)
		broken := i%25 == 12 // four, and not the last
		if broken {
			body = strings.Replace(body, "to: server", "to: sever", 1)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if broken {
			wait(fmt.Sprintf("reporting broken save %d", i), func(st State) bool { return len(st.Errors) > 0 })
		} else {
			// A rebuild announced now may be a second one of the save
			// before (an editor's save is several events, and they may
			// straddle the settling time): wait for the one that serves
			// this save.
			st := wait(fmt.Sprintf("serving save %d", i), func(st State) bool {
				_, body, _ := get(t, page)
				return len(st.Errors) == 0 && st.Gen > last && strings.Contains(body, saveText(i))
			})
			last = st.Gen
			good = i
		}
		rebuilds++
		// The site served once the rebuild is announced is the last good save.
		if _, body, _ := get(t, page); !strings.Contains(body, saveText(good)) {
			n, _ := saveNumber(body)
			t.Fatalf("after save %d the page shows save %d, want %d", i, n, good)
		}
	}
	if good != 99 {
		t.Fatalf("the last save served is %d, want 99", good)
	}
	close(stop)
	wg.Wait()
	if n := failures.Load(); n > 0 {
		t.Errorf("%d of %d requests failed; the first: %v", n, min(requests.Load(), 20000), firstErr.Load())
	}
	if last < 1+96 {
		t.Errorf("the site was built %d times, want at least one a good save (96) and the first", last)
	}
	t.Logf("%d requests during %d rebuilds", min(requests.Load(), 20000), rebuilds)

	client.CloseIdleConnections()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > goroutines+5 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > goroutines+5 {
		t.Errorf("%d goroutines after the load, %d before", n, goroutines)
	}
	runtime.GC()
	var heapAfter runtime.MemStats
	runtime.ReadMemStats(&heapAfter)
	if heapAfter.HeapAlloc > heapBefore.HeapAlloc+32<<20 {
		t.Errorf("heap grew from %d MB to %d MB", heapBefore.HeapAlloc>>20, heapAfter.HeapAlloc>>20)
	}
}

package serve

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoad has 500 clients fetch pages concurrently while the author saves
// 100 times (a few saves broken), all on loopback and bounded in count. No
// response may be an error but the error page of a site that never built;
// afterwards the goroutines and the heap must come back down.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	dir, _, ts := setup(t)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 500}, Timeout: 30 * time.Second}
	get(t, ts.URL+"/en/hello/1/index.html") // warm up
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
	stop := make(chan struct{})
	paths := []string{"/", "/en/", "/en/hello/1/index.html", "/en/hello/1.svg", "/en/hello/index.html", "/assets/favicon.svg"}
	for c := range 500 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 40; i++ { // bounded: at most 20,000 requests in all
				select {
				case <-stop:
					return
				default:
				}
				resp, err := client.Get(ts.URL + paths[(c+i)%len(paths)])
				requests.Add(1)
				if err != nil {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, fmt.Sprintf("%s: %d", resp.Request.URL.Path, resp.StatusCode))
				}
			}
		}()
	}
	p := filepath.Join(dir, "scenes/hello.yaml")
	for i := range 100 {
		body := strings.Replace(scene, "First version.", fmt.Sprintf("Save %d.", i), 1)
		if i%25 == 24 {
			body = strings.Replace(body, "to: server", "to: sever", 1) // a broken save now and then
		}
		os.WriteFile(p, []byte(body), 0o644)
		time.Sleep(5 * time.Millisecond)
	}
	os.WriteFile(p, []byte(scene), 0o644)
	wg.Wait()
	close(stop)
	if n := failures.Load(); n > 0 {
		t.Errorf("%d of %d requests failed; the first: %v", n, requests.Load(), firstErr.Load())
	}
	t.Logf("%d requests", requests.Load())

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

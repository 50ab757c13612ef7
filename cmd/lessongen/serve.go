package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"time"

	"github.com/lessongen/lessongen/generator/serve"
)

func serveCmd(args []string, stdout, stderr io.Writer) error {
	fs := flags("serve", "serve [--content DIR] [--port 1313] [--bind 127.0.0.1] [--open]", stderr)
	contentDir := fs.String("content", "content", "the content `folder` to build and watch")
	port := fs.Int("port", 1313, "the `port` to listen on")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; the default serves only this computer")
	open := fs.Bool("open", false, "open the site in the default browser")
	if err := parse(fs, args); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return runServer(ctx, *contentDir, net.JoinHostPort(*bind, strconv.Itoa(*port)), *open, stdout)
}

// runServer serves the site until ctx is done; split from serveCmd so that
// tests can run it on a free port and stop it.
func runServer(ctx context.Context, contentDir, addr string, open bool, stdout io.Writer) error {
	opts := options(contentDir)
	srv := serve.New(opts)
	srv.Log = stdout
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w (is another server using the port? try --port)", addr, err)
	}
	url := "http://" + ln.Addr().String() + "/"
	srv.Rebuild()
	dirs := []string{contentDir}
	if themeDir := filepath.Join(filepath.Dir(filepath.Clean(contentDir)), "themes", "default"); opts.Theme != nil {
		dirs = append(dirs, themeDir)
	}
	watchErr := make(chan error, 1)
	go func() { watchErr <- srv.Watch(ctx, dirs...) }()
	fmt.Fprintf(stdout, "Serving %s at %s (listening on %s only; press Ctrl-C to stop)\n", contentDir, url, addr)
	if open {
		openBrowser(url)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, BaseContext: func(net.Listener) context.Context { return ctx }}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case <-ctx.Done():
	case err := <-watchErr:
		if err != nil {
			hs.Close()
			return fmt.Errorf("watching %v: %w", dirs, err)
		}
	case err := <-served:
		return err
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	fmt.Fprintln(stdout, "stopped")
	return nil
}

func openBrowser(url string) {
	cmd := "xdg-open"
	switch runtime.GOOS {
	case "darwin":
		cmd = "open"
	case "windows":
		cmd = "explorer"
	}
	exec.Command(cmd, url).Start()
}

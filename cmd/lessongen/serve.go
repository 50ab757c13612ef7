package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/lessongen/lessongen/generator/serve"
)

func serveCommand() *cobra.Command {
	var (
		contentDir, bind string
		port             int
		open             bool
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Preview the site, rebuilt on every save",
		Long: `Serve builds the site in memory, serves it on this computer and rebuilds it
on every save: open pages reload by themselves and stay on the same step and
language. A mistake shows as an overlay on the page, with the last good
version underneath.`,
		Example: `  lessongen serve
  lessongen serve --port 8080 --open`,
		Args: positional(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkPort(port); err != nil {
				return err
			}
			if net.ParseIP(bind) == nil && bind != "localhost" {
				return usagef("--bind %q: give an IP address of this computer, such as 127.0.0.1 or 0.0.0.0 for every one", bind)
			}
			if err := haveSite(contentDir); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return runServer(ctx, contentDir, net.JoinHostPort(bind, strconv.Itoa(port)), open, cmd.OutOrStdout())
		},
	}
	contentFlag(cmd, &contentDir)
	cmd.Flags().IntVar(&port, "port", 1313, "the `port` to listen on")
	cmd.Flags().StringVar(&bind, "bind", "127.0.0.1", "the `address` to listen on; the default serves only this computer")
	cmd.Flags().BoolVar(&open, "open", false, "open the site in the default browser")
	return cmd
}

// haveSite says what is missing when contentDir holds no site, so that serve
// stops at once instead of serving an error.
func haveSite(contentDir string) error {
	siteFile := filepath.Join(contentDir, "site.yaml")
	if _, err := os.Stat(siteFile); err == nil {
		return nil
	}
	if _, err := os.Stat(contentDir); err != nil {
		return fmt.Errorf("no site here: there is no %s; run \"lessongen new site DIR\" to start one, or point --content at the folder that holds site.yaml", filepath.ToSlash(siteFile))
	}
	return fmt.Errorf("%s is missing: it holds the site's title, language and topics (\"lessongen new site DIR\" writes one)", filepath.ToSlash(siteFile))
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
	// The theme folder is watched even before it exists, so that one made
	// while serve runs is picked up.
	dirs := []string{contentDir, themeDir(contentDir)}
	watchErr := make(chan error, 1)
	go func() { watchErr <- srv.Watch(ctx, dirs...) }()
	fmt.Fprintf(stdout, "Serving %s at %s (listening on %s only; press Ctrl-C to stop)\n", contentDir, url, addr)
	if open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(stdout, "Could not open a browser (%v); open %s in one\n", err, url)
		}
	}
	hs := srv.HTTPServer(ctx)
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

// openBrowser opens url in the default browser, without waiting for it.
func openBrowser(url string) error {
	name, args := browserCommand(runtime.GOOS, url)
	return startCommand(name, args...)
}

// browserCommand is the command that opens url in the default browser of
// the system goos.
func browserCommand(goos, url string) (string, []string) {
	switch goos {
	case "darwin":
		return "open", []string{url}
	case "windows":
		return "explorer", []string{url}
	}
	return "xdg-open", []string{url}
}

// startCommand starts a program and does not wait for it to end; tests
// replace it, so that none opens a real browser.
var startCommand = func(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reaped when it ends, so that it leaves no zombie
	return nil
}

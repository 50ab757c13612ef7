package serve

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The limits of serve's HTTP server. Requests are GETs without a body and
// answers come from memory, so a connection slower than these is one that
// holds a slot for nothing; the event stream alone lifts the write limit.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 60 * time.Second
	maxHeaderBytes    = 64 << 10
)

// HTTPServer returns the HTTP server that serves s, with limits on slow
// and idle connections; its requests are cancelled when ctx is done.
func (s *Server) HTTPServer(ctx context.Context) *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
}

// ownHost reports whether a request names this computer as its host:
// localhost, 127.0.0.1, [::1] or the address the connection came to, with
// the port it came to. A page of another site can have its own name point
// at 127.0.0.1 (DNS rebinding) and then read what serve answers as if it
// were its own, but the browser still sends that name as the Host, so
// answering only this computer's own names keeps the unpublished lessons
// and their build errors on it. An address is never such a name, so any
// address the server was reached at is safe.
func ownHost(r *http.Request) bool {
	local, ok := r.Context().Value(http.LocalAddrContextKey).(*net.TCPAddr)
	if !ok {
		return false
	}
	name, port, err := net.SplitHostPort(r.Host)
	if err != nil { // no port: the default one
		name, port = strings.TrimSuffix(strings.TrimPrefix(r.Host, "["), "]"), "80"
	}
	if port != strconv.Itoa(local.Port) {
		return false
	}
	if strings.EqualFold(name, "localhost") {
		return true
	}
	ip := net.ParseIP(name)
	// 0.0.0.0 is how serve names itself when it listens on every address.
	return ip != nil && (ip.Equal(net.IPv4(127, 0, 0, 1)) || ip.Equal(net.IPv6loopback) || ip.IsUnspecified() || ip.Equal(local.IP))
}

// misdirected answers a request for another host, saying where the site is.
func misdirected(w http.ResponseWriter, r *http.Request) {
	port := "1313"
	if local, ok := r.Context().Value(http.LocalAddrContextKey).(*net.TCPAddr); ok {
		port = strconv.Itoa(local.Port)
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusMisdirectedRequest)
	fmt.Fprintf(w, "lessongen serve answers only for this computer: open http://localhost:%s/ instead.\n", port)
	io.WriteString(w, "(It does not answer a request for another host name, which a page of another site could have pointed at this computer.)\n")
}

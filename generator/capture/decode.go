package capture

import (
	"fmt"
	"io"
	"net/netip"
	"strings"
)

// Options are what Decode needs beside the capture.
type Options struct {
	// Name is the capture's file name, as warnings print it.
	Name string
	// KeyLog is an NSS key log (SSLKEYLOGFILE's format), or nil. A pcapng
	// file's Decryption Secrets Blocks are read as well.
	KeyLog []byte
}

// Decode reads a pcap or pcapng capture. The error is for a file that
// cannot be read at all; what cannot be decoded is in Warnings and Skipped.
func Decode(r io.Reader, opt Options) (*Capture, error) {
	c := &Capture{Name: opt.Name, Skipped: map[string]int{}, Names: map[netip.Addr]string{}}
	frames, secrets, err := readFrames(r)
	if err != nil && len(frames) == 0 {
		return nil, fmt.Errorf("%s: %w", opt.Name, err)
	}
	if err != nil {
		c.Warnings = append(c.Warnings, fmt.Sprintf("%s: %v", opt.Name, err))
	}
	var keys *keyLog
	if len(opt.KeyLog) > 0 || len(secrets) > 0 {
		log := append(append([]byte(nil), opt.KeyLog...), '\n')
		var bad []string
		keys, bad = parseKeyLog(append(log, secrets...))
		for _, b := range bad {
			c.Warnings = append(c.Warnings, "key log "+b)
		}
	}
	ss := &streams{byKey: map[flowKey]*half{}, keys: keys}
	ss.warn = func(p *Packet, format string, args ...any) {
		n := 0
		if p != nil {
			n = p.N
		}
		c.Warnings = append(c.Warnings, fmt.Sprintf("%s:packet %d: %s", opt.Name, n, fmt.Sprintf(format, args...)))
	}
	for _, f := range frames {
		p, skip := decodeFrame(f, frames[0].ts)
		c.Packets = append(c.Packets, p)
		switch {
		case p.TCP != nil:
			ss.segment(p)
		case p.payload != nil || len(p.Protocols) > 0 && p.Protocols[len(p.Protocols)-1] == "udp":
			if it := udpItem(p); it != nil {
				p.Items = append(p.Items, it)
			} else {
				skip = fmt.Sprintf("UDP to port %d, which is not read", p.Dst.Port)
			}
		}
		if skip != "" && len(p.Items) == 0 && p.TCP == nil {
			c.Skipped[skip]++
		}
	}
	c.Decrypted = ss.decrypted
	if keys != nil && !ss.decrypted {
		c.Warnings = append(c.Warnings, fmt.Sprintf("%s: the key log decrypted no record; is it from this capture?", opt.Name))
	}
	c.resolveNames(ss)
	return c, nil
}

// resolveNames gathers the host names the capture itself gives: DNS
// answers, TLS server names and HTTP Host headers, first one wins.
func (c *Capture) resolveNames(ss *streams) {
	set := func(a netip.Addr, name string) {
		name = strings.TrimSuffix(name, ".")
		if _, ok := c.Names[a]; !ok && a.IsValid() && name != "" {
			c.Names[a] = name
		}
	}
	for _, p := range c.Packets {
		for _, it := range p.Items {
			switch it.Proto {
			case "DNS":
				for _, f := range it.Fields {
					if strings.HasPrefix(f.Name, "answer") {
						w := strings.Fields(f.Value)
						if len(w) >= 3 && (w[1] == "A" || w[1] == "AAAA") {
							if a, err := netip.ParseAddr(w[2]); err == nil {
								set(a, w[0])
							}
						}
					}
				}
			case "HTTP":
				for _, f := range it.Fields {
					if strings.EqualFold(f.Name, "Host") {
						host := f.Value
						if h, _, ok := strings.Cut(host, ":"); ok && !strings.HasPrefix(host, "[") {
							host = h
						}
						set(p.Dst.Addr, host)
					}
				}
			}
		}
	}
	for _, cn := range ss.conns {
		if cn.tls != nil && cn.tls.sni != "" && cn.tls.client >= 0 {
			for _, p := range c.Packets {
				if p.TCP != nil && p.TCP.Stream == cn.id {
					server := p.Dst.Addr
					if p.TCP.SYN && p.TCP.ACK {
						server = p.Src.Addr
					}
					set(server, cn.tls.sni)
					break
				}
			}
		}
	}
}

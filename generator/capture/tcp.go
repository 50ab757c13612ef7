package capture

import (
	"fmt"
	"net/netip"

	"github.com/lessongen/lessongen/generator/content"
)

// flowKey names one direction of a TCP conversation.
type flowKey struct {
	src, dst         netip.Addr
	srcPort, dstPort uint16
}

// conn is one TCP conversation.
type conn struct {
	id int
	// half[0] is the side that sent the first packet (the SYN, normally).
	half [2]*half
	// app is what the conversation carries, decided by its first payload.
	app string
	tls *tlsConn
}

// half is one direction of a conversation.
type half struct {
	c    *conn
	side int
	isn  uint32
	// next is the sequence number expected next, once set.
	next    uint32
	nextSet bool
	lastAck uint32
	ackSet  bool
	win     uint16
	// scale is the window scale shift from this side's SYN, -1 for none.
	scale      int
	synSeen    bool
	lastNonDup int
	dups       int
	// The bytes received in order and not yet consumed by the parser.
	buf    []byte
	chunks []chunk
	broken bool
	http   httpParser
}

// chunk records which packet brought some bytes of buf.
type chunk struct {
	p      *Packet
	from   int // offset in buf
	at     int // offset in p.Data
	length int
}

// streams tracks every TCP conversation of a capture.
type streams struct {
	byKey     map[flowKey]*half
	conns     []*conn
	keys      *keyLog
	decrypted bool
	warn      func(p *Packet, format string, args ...any)
}

func seqBefore(a, b uint32) bool { return int32(a-b) < 0 }

// segment runs Wireshark's sequence analysis on one segment, then hands its
// bytes to the conversation's parser.
func (ss *streams) segment(p *Packet) {
	s := p.TCP
	key := flowKey{p.Src.Addr, p.Dst.Addr, p.Src.Port, p.Dst.Port}
	h := ss.byKey[key]
	if h == nil || (s.SYN && !s.ACK && h.synSeen && h.isn != s.RawSeq && !seqBefore(s.RawSeq, h.next)) {
		c := &conn{id: len(ss.conns)}
		ss.conns = append(ss.conns, c)
		c.half[0] = &half{c: c, side: 0, scale: -1}
		c.half[1] = &half{c: c, side: 1, scale: -1}
		h = c.half[0]
		ss.byKey[key] = h
		ss.byKey[flowKey{p.Dst.Addr, p.Src.Addr, p.Dst.Port, p.Src.Port}] = c.half[1]
	}
	c := h.c
	other := c.half[1-h.side]
	s.Stream = c.id
	if s.SYN && !h.synSeen {
		h.synSeen, h.isn = true, s.RawSeq
		h.scale = windowScale(p.Data, p.Headers[len(p.Headers)-1].At)
	}
	if !h.synSeen && !h.nextSet {
		// Wireshark counts from the first sequence number it sees, less one
		// so that data starts at 1 as after a SYN.
		h.isn = s.RawSeq - 1
	}
	s.Seq = s.RawSeq - h.isn
	if s.ACK {
		if other.synSeen || other.nextSet {
			s.Ack = s.RawAck - other.isn
		} else {
			s.Ack = s.RawAck
		}
	}
	raw := int(s.Window)
	if !s.SYN && h.scale >= 0 && other.scale >= 0 {
		s.Window = raw << h.scale
	}
	seglen := uint32(s.Len)
	if s.SYN {
		seglen++
	}
	if s.FIN {
		seglen++
	}
	// Wireshark's rules (packet-tcp.c, tcp_analyze_sequence_number).
	if h.nextSet && seglen > 0 && seqBefore(s.RawSeq, h.next) && !(s.Len <= 1 && !s.SYN && !s.FIN && s.RawSeq == h.next-1) {
		s.Retransmission = true
	}
	if h.nextSet && h.ackSet && s.Len == 0 && !s.SYN && !s.FIN && !s.RST && raw != 0 &&
		uint16(raw) == h.win && s.RawSeq == h.next && s.RawAck == h.lastAck {
		h.dups++
		s.DupAck, s.DupOf = h.dups, h.lastNonDup
	} else {
		h.dups = 0
		h.lastNonDup = p.N
	}
	dataSeq := s.RawSeq
	if s.SYN {
		dataSeq++
	}
	gap := h.nextSet && !s.SYN && seqBefore(h.next, dataSeq)
	if end := s.RawSeq + seglen; !h.nextSet || seqBefore(h.next, end) {
		h.next, h.nextSet = end, true
	}
	h.win = uint16(raw)
	if s.ACK {
		h.lastAck, h.ackSet = s.RawAck, true
	}
	p.Headers[len(p.Headers)-1] = tcpRanges(p, p.Headers[len(p.Headers)-1])
	if s.Len > 0 && !s.Retransmission {
		ss.data(h, p, gap)
	}
}

// data appends a segment's new bytes to its direction and parses them.
func (ss *streams) data(h *half, p *Packet, gap bool) {
	if h.broken {
		return
	}
	payload, at := p.payload, p.payloadAt
	if gap {
		h.broken = true
		ss.warn(p, "bytes are missing before this segment (lost before the capture saw them); what follows in this direction is not decoded")
		return
	}
	h.chunks = append(h.chunks, chunk{p: p, from: len(h.buf), at: at, length: len(payload)})
	h.buf = append(h.buf, payload...)
	c := h.c
	if c.app == "" {
		switch {
		case isTLS(payload) || p.Dst.Port == 443 || p.Src.Port == 443:
			c.app = "tls"
			c.tls = &tlsConn{keys: ss.keys, client: -1}
		case httpStart(payload):
			c.app = "http"
		default:
			c.app = "data"
		}
	}
	var used int
	switch c.app {
	case "tls":
		used = ss.tlsRecords(h)
	case "http":
		used = h.http.parse(h, h.buf, true)
	default:
		used = len(h.buf)
	}
	h.consume(used)
}

// consume drops the first n bytes of buf, which a parser has read.
func (h *half) consume(n int) {
	if n == 0 {
		return
	}
	h.buf = h.buf[n:]
	var keep []chunk
	for _, c := range h.chunks {
		if c.from+c.length <= n {
			continue
		}
		if c.from < n {
			cut := n - c.from
			c.at += cut
			c.length -= cut
			c.from = n
		}
		c.from -= n
		keep = append(keep, c)
	}
	h.chunks = keep
	if len(h.buf) == 0 {
		h.buf = nil // let a long conversation's bytes go
	}
}

// locate finds the packet that brought the last of buf[from:from+n], and
// where the bytes start in it, or at -1 when they came in several packets.
func (h *half) locate(from, n int) (p *Packet, at int) {
	last := from + n - 1
	for _, c := range h.chunks {
		if last >= c.from && last < c.from+c.length {
			if from >= c.from {
				return c.p, c.at + from - c.from
			}
			return c.p, -1
		}
	}
	return nil, -1
}

// httpParser reads HTTP/1.x messages from one direction of a conversation.
type httpParser struct {
	// body is the body bytes still to come, -1 when it runs to the close.
	body    int
	inBody  bool
	content string
}

// parse reads what it can of buf and returns how much it read. When place
// is set, items go to the packets that brought the bytes; otherwise (inside
// TLS) the caller places them, and parse returns them through h's last item.
func (hp *httpParser) parse(h *half, buf []byte, place bool) int {
	used := 0
	for used < len(buf) {
		rest := buf[used:]
		if hp.inBody {
			n := len(rest)
			if hp.body >= 0 {
				n = min(n, hp.body)
				hp.body -= n
			}
			if p, _ := h.locate(used, n); p != nil && place {
				it := &Item{Proto: "HTTP", Phase: "HTTP", Label: fmt.Sprintf("Body: %d bytes", n),
					Text: fmt.Sprintf("%d bytes of the message's body%s.", n, hp.kind())}
				if at := p.payloadAt + (len(p.payload) - n); at >= p.payloadAt && used+n == len(buf) {
					it.At, it.Size = at, n
					it.Ranges = []content.ByteRange{r(at, n, "HTTP body", fmt.Sprintf("%d bytes%s", n, hp.kind()))}
				}
				p.Items = append(p.Items, it)
				p.addProtocol("http")
			}
			used += n
			if hp.body == 0 {
				hp.inBody = false
			}
			continue
		}
		if !httpStart(rest) {
			return len(buf) // not HTTP after all: leave it as TCP data
		}
		head, ok := parseHTTPHead(rest)
		if !ok {
			return used
		}
		p, at := h.locate(used, head.size)
		if p != nil && place {
			p.Items = append(p.Items, head.item(at, rest))
			p.addProtocol("http")
		}
		used += head.size
		hp.content = head.header("Content-Type")
		hp.body = head.body
		if hp.body < 0 && !startsResponse(head.start) {
			hp.body = 0 // a request without Content-Length has no body
		}
		hp.inBody = hp.body != 0
	}
	return used
}

func (hp *httpParser) kind() string {
	if hp.content == "" {
		return ""
	}
	return " (" + hp.content + ")"
}

func startsResponse(start string) bool { return len(start) > 5 && start[:5] == "HTTP/" }

// addProtocol appends a protocol name once.
func (p *Packet) addProtocol(name string) {
	for _, x := range p.Protocols {
		if x == name {
			return
		}
	}
	p.Protocols = append(p.Protocols, name)
}

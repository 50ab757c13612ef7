package capture

import (
	"fmt"
	"net/netip"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/lessongen/lessongen/generator/content"
)

// DraftOptions are the author's choices for the scene.
type DraftOptions struct {
	Title, Topic string
	// Names name actors by address: an IP address or a MAC address, as
	// "--name 192.0.2.1=Gateway" gives them.
	Names map[string]string
	// AllAcks keeps every pure ACK as a step; by default those that only
	// acknowledge are folded into the narration of the next step.
	AllAcks bool
}

// actor is one endpoint of the capture, as it will be drawn.
type actor struct {
	key        string
	id, name   string
	kind, role string
	addr       netip.Addr
}

// Draft turns a decoded capture into a scene draft. summary says, a line
// each, what the draft leaves out.
func (c *Capture) Draft(opt DraftOptions) (d *content.Draft, summary []string) {
	b := &drafter{c: c, opt: opt, byKey: map[string]*actor{}, alias: map[string]string{}}
	b.findAliases()
	d = &content.Draft{Title: opt.Title, Topic: opt.Topic}
	if d.Title == "" {
		// The SNI name in it is bytes from the wire, which need not be UTF-8.
		d.Title = truncate(clean(b.title(), false), content.MaxTitle)
	}
	d.Comment = fmt.Sprintf(" Imported from %s by \"lessongen import pcap\": the steps, numbers and bytes\n are the capture's, as tshark shows them. Edit the titles and the narration.", filepath.Base(c.Name))
	// Actors first, in order of first contact, so that a broadcast reaches
	// every host, even those it is the first packet of.
	for _, p := range c.Packets {
		if len(p.Items) > 0 || p.TCP != nil {
			b.ends(p)
		}
	}
	b.nameActors()
	for _, p := range c.Packets {
		if len(d.Steps) >= content.MaxSteps {
			b.skip("packets after the first %d steps (a scene has at most %d)", content.MaxSteps, content.MaxSteps)
			continue
		}
		d.Steps = append(d.Steps, b.steps(p)...)
	}
	if b.folded != "" && len(d.Steps) > 0 {
		d.Steps[len(d.Steps)-1].Text += "\n\n" + strings.TrimSpace(b.folded)
	}
	for _, a := range b.actors {
		d.Actors = append(d.Actors, content.DraftActor{ID: a.id, Name: a.name, Kind: a.kind})
	}
	d.Summary = fmt.Sprintf("A real capture, step by step: %d packets between %d hosts, with every header's bytes named.", len(c.Packets), len(d.Actors))
	d.References = b.references()
	// sorted for deterministic output
	for _, k := range sortedKeys(c.Skipped) {
		summary = append(summary, fmt.Sprintf("skipped %d packet(s): %s", c.Skipped[k], k))
	}
	for _, k := range sortedKeys(b.skipped) {
		summary = append(summary, fmt.Sprintf("skipped %d packet(s): %s", b.skipped[k], k))
	}
	return d, summary
}

type drafter struct {
	c      *Capture
	opt    DraftOptions
	actors []*actor
	byKey  map[string]*actor
	// alias maps an IP address to the MAC key of the host DHCP gave it to.
	alias   map[string]string
	folded  string
	skipped map[string]int
	// finSeq is, by stream and sender side, the relative sequence number
	// just after its FIN; handshakeAcked marks streams whose third
	// handshake segment was seen.
	finSeq         map[[2]int]uint32
	handshakeAcked map[int]bool
	starter        map[int]netip.Addr
	protos         map[string]bool
}

func (b *drafter) skip(format string, args ...any) {
	if b.skipped == nil {
		b.skipped = map[string]int{}
	}
	b.skipped[fmt.Sprintf(format, args...)]++
}

// findAliases ties an address DHCP hands out to the MAC address it went to,
// so that the PC is one actor before and after it has an address.
func (b *drafter) findAliases() {
	for _, p := range b.c.Packets {
		for _, it := range p.Items {
			if it.Proto != "DHCP" {
				continue
			}
			var mac, addr string
			for _, f := range it.Fields {
				switch f.Name {
				case "client hardware address":
					mac = f.Value
				case "offered address", "your address":
					addr = f.Value
				}
			}
			if mac != "" && addr != "" && addr != "0.0.0.0" {
				b.alias[addr] = "mac:" + mac
			}
		}
	}
}

func (b *drafter) key(a netip.Addr, mac string) string {
	if !a.IsValid() || a.IsUnspecified() {
		if mac == "" {
			return ""
		}
		return "mac:" + mac
	}
	if k, ok := b.alias[a.String()]; ok {
		return k
	}
	return a.String()
}

// ends returns the actors of a packet, creating them in order of first
// contact; to is nil for a broadcast.
func (b *drafter) ends(p *Packet) (from, to *actor, ok bool) {
	var srcMAC string
	if p.Src.MAC != nil {
		srcMAC = p.Src.MAC.String()
	}
	from = b.actor(b.key(p.Src.Addr, srcMAC), p, true)
	if p.broadcast {
		return from, nil, from != nil
	}
	var dstMAC string
	if p.Dst.MAC != nil {
		dstMAC = p.Dst.MAC.String()
	}
	to = b.actor(b.key(p.Dst.Addr, dstMAC), p, false)
	return from, to, from != nil && to != nil
}

func (b *drafter) actor(key string, p *Packet, sender bool) *actor {
	if key == "" {
		return nil
	}
	if a := b.byKey[key]; a != nil {
		return a
	}
	if len(b.actors) == content.MaxActors {
		return nil
	}
	a := &actor{key: key}
	if !strings.HasPrefix(key, "mac:") {
		a.addr = p.Src.Addr
		if !sender {
			a.addr = p.Dst.Addr
		}
		if k, ok := b.alias[a.addr.String()]; ok {
			key = k
		}
	}
	a.role, a.kind = role(p, sender)
	b.actors = append(b.actors, a)
	b.byKey[key] = a
	return a
}

// nameActors gives each actor its role, name and id: a host that serves
// DHCP or DNS anywhere in the capture is named for it.
func (b *drafter) nameActors() {
	for _, p := range b.c.Packets {
		for _, it := range p.Items {
			var a *actor
			if p.Src.Addr.IsValid() {
				a = b.byKey[b.key(p.Src.Addr, "")]
			}
			switch {
			case a == nil:
			case it.Proto == "DHCP" && p.Src.Port == 67:
				a.role, a.kind = "DHCP server", "router"
			case it.Proto == "DNS" && p.Src.Port == 53:
				a.role, a.kind = "DNS server", "dns"
			}
		}
	}
	for _, a := range b.actors {
		address := strings.TrimPrefix(a.key, "mac:")
		switch {
		case b.opt.Names[address] != "":
			a.name = b.opt.Names[address]
		case a.addr.IsValid() && b.opt.Names[a.addr.String()] != "":
			a.name = b.opt.Names[a.addr.String()]
		case a.addr.IsValid() && b.c.Names[a.addr] != "":
			a.name = b.c.Names[a.addr]
		default:
			a.name = a.role + " " + address
		}
		a.name = truncate(clean(a.name, false), content.MaxName)
		base := strings.ToLower(strings.ReplaceAll(a.role, " ", "-"))
		a.id = base
		for i := 2; b.idTaken(a, a.id); i++ {
			a.id = base + "-" + strconv.Itoa(i)
		}
	}
}

func (b *drafter) idTaken(self *actor, id string) bool {
	for _, a := range b.actors {
		if a != self && a.id == id {
			return true
		}
	}
	return false
}

// role guesses what a host is from the first packet it is seen in.
func role(p *Packet, sender bool) (name, kind string) {
	server := !sender
	if s := p.TCP; s != nil && s.SYN && s.ACK {
		server = sender
	}
	for _, it := range p.Items {
		switch it.Proto {
		case "DNS":
			if (p.Src.Port == 53) == sender {
				return "DNS server", "dns"
			}
			return "Client", "pc"
		case "DHCP":
			if p.Src.Port == 67 == sender {
				return "DHCP server", "router"
			}
			return "PC", "pc"
		case "ARP", "ICMP", "ICMPv6":
			return "Host", "pc"
		}
	}
	if server {
		return "Server", "server"
	}
	return "Client", "pc"
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// steps makes a packet's steps: one per item, or one for a TCP segment
// that carries none; none for a pure ACK that is folded away.
func (b *drafter) steps(p *Packet) []content.DraftStep {
	if len(p.Items) == 0 && p.TCP == nil {
		return nil
	}
	from, to, ok := b.ends(p)
	if !ok {
		b.skip("more hosts than a scene can draw (%d)", content.MaxActors)
		return nil
	}
	if b.protos == nil {
		b.protos = map[string]bool{}
	}
	for _, name := range p.Protocols {
		b.protos[name] = true
	}
	base := content.DraftStep{From: from.id}
	var receivers []string
	if to == nil {
		for _, a := range b.actors {
			if a != from {
				receivers = append(receivers, a.id)
			}
		}
		switch len(receivers) {
		case 0:
			b.skip("broadcasts that no other host in the capture answers")
			return nil
		case 1:
			base.To = receivers[0]
		default:
			base.To, base.Broadcast = receivers[0], receivers
		}
	} else {
		base.To = to.id
	}
	if s := p.TCP; s != nil && len(p.Items) == 0 {
		return b.tcpStep(p, base)
	}
	var out []content.DraftStep
	for i, it := range p.Items {
		st := base
		st.Label = truncate(it.Label, content.MaxLabel)
		st.Secure = it.Secure
		st.Reply = isReply(p, it)
		st.Phase = it.Phase
		if it.Close {
			st.Phase = "Teardown"
		}
		st.Text = it.Text
		if len(p.Items) > 1 {
			st.Text += fmt.Sprintf("\n\nPacket %d carries %d TLS records; this is record %d.", p.N, len(p.Items), i+1)
		}
		st.Fields = append(st.Fields, content.DraftField{Name: "packet", Value: strconv.Itoa(p.N)})
		if i == 0 && p.TCP != nil {
			st.Fields = append(st.Fields, tcpFields(p)...)
		}
		for _, f := range it.Fields {
			if !hasField(st.Fields, f.Name) && len(st.Fields) < 16 {
				st.Fields = append(st.Fields, content.DraftField{Name: f.Name, Value: truncate(f.Value, 200)})
			}
		}
		st.Bytes = itemBytes(p, it, i == 0)
		st.Label, st.Text = clean(st.Label, false), clean(st.Text, true)
		if strings.TrimSpace(st.Label) == "" {
			// A draft must load: a decoder that found nothing to name still
			// gets an arrow the author can see and rename.
			st.Label = it.Proto + " message"
		}
		for j := range st.Fields {
			st.Fields[j].Value = clean(st.Fields[j].Value, false)
		}
		out = append(out, b.withFolded(st))
	}
	return out
}

func hasField(fs []content.DraftField, name string) bool {
	for _, f := range fs {
		if f.Name == name {
			return true
		}
	}
	return false
}

// isReply tells a response, drawn dashed, from a request.
func isReply(p *Packet, it *Item) bool {
	switch it.Proto {
	case "DNS":
		return p.Src.Port == 53 || p.Src.Port == 5353
	case "DHCP":
		return p.Src.Port == 67
	case "ARP":
		return strings.HasPrefix(it.Label, "ARP: ") && strings.Contains(it.Label, " is at ")
	case "ICMP", "ICMPv6":
		return strings.Contains(it.Label, "reply")
	case "HTTP":
		return strings.HasPrefix(it.Label, "HTTP/")
	}
	return false
}

func tcpFields(p *Packet) []content.DraftField {
	s := p.TCP
	fs := []content.DraftField{
		{Name: "ports", Value: fmt.Sprintf("%d → %d", p.Src.Port, p.Dst.Port)},
		{Name: "flags", Value: s.Flags},
		{Name: "seq", Value: strconv.FormatUint(uint64(s.Seq), 10)},
	}
	if s.ACK {
		fs = append(fs, content.DraftField{Name: "ack", Value: strconv.FormatUint(uint64(s.Ack), 10)})
	}
	fs = append(fs, content.DraftField{Name: "len", Value: strconv.Itoa(s.Len)}, content.DraftField{Name: "window", Value: strconv.Itoa(s.Window)})
	if s.SYN && len(s.Options) > 0 {
		fs = append(fs, content.DraftField{Name: "options", Value: strings.Join(s.Options, " ")})
	}
	return fs
}

// tcpStep is the step of a segment that carries no message.
func (b *drafter) tcpStep(p *Packet, st content.DraftStep) []content.DraftStep {
	s := p.TCP
	if b.finSeq == nil {
		b.finSeq, b.handshakeAcked, b.starter = map[[2]int]uint32{}, map[int]bool{}, map[int]netip.Addr{}
	}
	if s.SYN && !s.ACK {
		b.starter[s.Stream] = p.Src.Addr
	}
	side := 0
	if a, ok := b.starter[s.Stream]; ok && a != p.Src.Addr {
		side = 1
	}
	st.Reply = side == 1
	from, to := b.byID(st.From), b.byID(st.To)
	handshakeAck := s.Pure() && !b.handshakeAcked[s.Stream] && s.Seq == 1 && s.Ack == 1
	finAck := false
	if f, ok := b.finSeq[[2]int{s.Stream, 1 - side}]; ok && s.ACK && s.Ack == f && !s.FIN {
		finAck = true
	}
	if s.FIN {
		b.finSeq[[2]int{s.Stream, side}] = s.Seq + uint32(s.Len) + 1
	}
	if handshakeAck {
		b.handshakeAcked[s.Stream] = true
	}
	st.Fields = append([]content.DraftField{{Name: "packet", Value: strconv.Itoa(p.N)}}, tcpFields(p)...)
	st.Bytes = itemBytes(p, nil, true)
	st.Phase = "TCP"
	switch {
	case s.Retransmission:
		st.Label = "Retransmission: " + s.Flags
		st.Text = fmt.Sprintf("These %d bytes (seq %d) were sent before: a retransmission. Wireshark marks it [TCP Retransmission]: %s did not see them acknowledged in time.", s.Len, s.Seq, from.name)
		st.Lost = false
	case s.DupAck > 0:
		st.Label = fmt.Sprintf("Duplicate ACK #%d (ack %d)", s.DupAck, s.Ack)
		st.Text = fmt.Sprintf("The same acknowledgment as in packet %d (ack %d): a duplicate ACK. %s got bytes it already had or bytes out of order", s.DupOf, s.Ack, from.name)
		if hasOption(s, "SLE=") {
			st.Text += "; its SACK block says which (RFC 2018, RFC 2883)"
		}
		st.Text += "."
	case s.SYN && !s.ACK:
		st.Label, st.Phase = "SYN", "TCP handshake"
		st.Text = fmt.Sprintf("%s opens a TCP connection to port %d: a SYN with its initial sequence number, %d. Wireshark shows it as 0, counting each side from its own first number. The options say what it can do: %s.", from.name, p.Dst.Port, s.RawSeq, strings.Join(s.Options, ", "))
	case s.SYN:
		st.Label, st.Phase = "SYN+ACK", "TCP handshake"
		st.Text = fmt.Sprintf("%s accepts: its SYN+ACK acknowledges the SYN (ack 1: the client's number plus one, since a SYN counts as one byte) and sends its own initial sequence number, %d. Its options: %s.", from.name, s.RawSeq, strings.Join(s.Options, ", "))
	case handshakeAck:
		st.Label, st.Phase = "ACK", "TCP handshake"
		st.Text = fmt.Sprintf("%s acknowledges %s's SYN (ack 1): the connection is open, after a round trip and a half.", from.name, to.name)
	case s.RST:
		st.Label, st.Phase = s.Flags, "Teardown"
		st.Text = fmt.Sprintf("%s resets the connection (RST): it ends at once, with nothing more delivered.", from.name)
	case s.FIN:
		st.Label, st.Phase = s.Flags, "Teardown"
		st.Text = fmt.Sprintf("%s has nothing more to send: FIN. It can still receive until %s sends its own FIN (RFC 9293 §3.6).", from.name, to.name)
	case finAck && s.Pure():
		st.Label, st.Phase = "ACK", "Teardown"
		st.Text = fmt.Sprintf("%s acknowledges the last FIN: the connection is closed both ways.", from.name)
	case s.Pure() && !b.opt.AllAcks:
		b.folded += fmt.Sprintf("Packet %d, a pure ACK, is not shown as a step: %s acknowledged everything up to byte %d.\n", p.N, from.name, s.Ack)
		return nil
	case s.Pure():
		st.Label = "ACK"
		st.Text = fmt.Sprintf("%s acknowledges everything up to byte %d; nothing else.", from.name, s.Ack)
	default:
		st.Label = fmt.Sprintf("TCP: %d bytes", s.Len)
		st.Text = fmt.Sprintf("%d bytes of data, part of a message that the steps after this one complete.", s.Len)
	}
	return []content.DraftStep{b.withFolded(st)}
}

func hasOption(s *Segment, prefix string) bool {
	for _, o := range s.Options {
		if strings.HasPrefix(o, prefix) {
			return true
		}
	}
	return false
}

func (b *drafter) byID(id string) *actor {
	for _, a := range b.actors {
		if a.id == id {
			return a
		}
	}
	return &actor{}
}

// withFolded puts the ACKs folded since the last step at the end of this
// one's narration.
func (b *drafter) withFolded(st content.DraftStep) content.DraftStep {
	if b.folded != "" {
		st.Text += "\n\n" + strings.TrimSpace(b.folded)
		b.folded = ""
	}
	return st
}

// itemBytes is the byte view of a step: the packet from its first byte to
// the end of the item when first, the item's own bytes otherwise.
func itemBytes(p *Packet, it *Item, first bool) *content.ByteView {
	lo, hi := 0, len(p.Data)
	var ranges []content.ByteRange
	if first {
		ranges = append(ranges, p.Headers...)
	}
	if it != nil {
		if it.Size == 0 {
			if !first {
				return nil
			}
		} else {
			if !first {
				lo = it.At
			}
			if len(p.Items) > 1 {
				hi = it.At + it.Size
			}
			ranges = append(ranges, it.Ranges...)
		}
	}
	hi = min(hi, lo+content.MaxViewBytes)
	if hi <= lo {
		return nil
	}
	count := 0
	return &content.ByteView{Data: p.Data[lo:hi], Ranges: clip(ranges, lo, lo, hi, 1, &count)}
}

// clip keeps the ranges the loader accepts: within [from, hi), in order,
// side by side, smaller than the range they are in, not too deep nor too
// many; they are moved to count from base.
func clip(rs []content.ByteRange, base, from, hi, depth int, count *int) []content.ByteRange {
	var out []content.ByteRange
	end := from
	for _, r := range rs {
		if r.Size <= 0 || r.At < end || r.At+r.Size > hi || (depth > 1 && r.At == from && r.At+r.Size == hi) ||
			depth > content.MaxViewDepth || *count >= content.MaxViewRanges {
			continue
		}
		*count++
		end = r.At + r.Size
		r.Ranges = clip(r.Ranges, base, r.At, r.At+r.Size, depth+1, count)
		r.At -= base
		// Names built from a record's messages grow with the capture (a
		// record of 100 tiny messages names them all), and a name from the
		// wire need not be UTF-8.
		r.Name, r.Value = truncate(clean(r.Name, false), content.MaxLabel), truncate(clean(r.Value, false), content.MaxRangeValue)
		r.Note = truncate(r.Note, content.MaxRangeNote)
		out = append(out, r)
	}
	return out
}

func (b *drafter) title() string {
	for _, p := range b.c.Packets {
		for _, it := range p.Items {
			for _, f := range it.Fields {
				if f.Name == "server name (SNI)" {
					return "Inside a real HTTPS connection to " + f.Value
				}
			}
		}
	}
	return "A real capture: " + strings.TrimSuffix(filepath.Base(b.c.Name), filepath.Ext(b.c.Name))
}

// references cites the RFC of each protocol the steps show.
func (b *drafter) references() []content.DraftReference {
	var out []content.DraftReference
	for _, r := range []struct{ proto, title, url string }{
		{"arp", "RFC 826: An Ethernet Address Resolution Protocol", "https://www.rfc-editor.org/rfc/rfc826"},
		{"dhcp", "RFC 2131: Dynamic Host Configuration Protocol", "https://www.rfc-editor.org/rfc/rfc2131"},
		{"ip", "RFC 791: Internet Protocol", "https://www.rfc-editor.org/rfc/rfc791"},
		{"ipv6", "RFC 8200: Internet Protocol, Version 6 (IPv6)", "https://www.rfc-editor.org/rfc/rfc8200"},
		{"icmp", "RFC 792: Internet Control Message Protocol", "https://www.rfc-editor.org/rfc/rfc792"},
		{"tcp", "RFC 9293: Transmission Control Protocol (TCP)", "https://www.rfc-editor.org/rfc/rfc9293"},
		{"udp", "RFC 768: User Datagram Protocol", "https://www.rfc-editor.org/rfc/rfc768"},
		{"dns", "RFC 1035: Domain Names – Implementation and Specification", "https://www.rfc-editor.org/rfc/rfc1035"},
		{"tls", "RFC 8446: The Transport Layer Security (TLS) Protocol Version 1.3", "https://www.rfc-editor.org/rfc/rfc8446"},
		{"http", "RFC 9112: HTTP/1.1", "https://www.rfc-editor.org/rfc/rfc9112"},
	} {
		if b.protos[r.proto] {
			out = append(out, content.DraftReference{Title: r.title, URL: r.url})
		}
	}
	return out
}

// sortedKeys returns m's keys sorted, for deterministic output.
func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// clean makes text from a packet fit for a page: valid UTF-8, and no
// control characters (line breaks kept where multiline).
func clean(s string, multiline bool) string {
	s = strings.ToValidUTF8(s, "\ufffd")
	return strings.Map(func(r rune) rune {
		if r == '\n' && multiline {
			return r
		}
		if unicode.IsControl(r) || r == '\ufeff' || r == '\u2028' || r == '\u2029' {
			return '\ufffd'
		}
		return r
	}, s)
}

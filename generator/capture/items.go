package capture

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/lessongen/lessongen/generator/content"
)

func field(name, value string) content.DraftField {
	return content.DraftField{Name: name, Value: value}
}

func arpItem(at, size int, v *layers.ARP) *Item {
	spa, _ := netip.AddrFromSlice(v.SourceProtAddress)
	tpa, _ := netip.AddrFromSlice(v.DstProtAddress)
	it := &Item{Proto: "ARP", Phase: "ARP", At: at, Size: size}
	op := "request (1)"
	if v.Operation == layers.ARPRequest {
		it.Label = fmt.Sprintf("ARP: who has %s?", tpa)
		it.Text = fmt.Sprintf("An ARP request, sent to every machine on the link: whoever has %s, tell %s (at %s) your hardware address.", tpa, spa, macName(v.SourceHwAddress))
	} else {
		op = "reply (2)"
		it.Label = fmt.Sprintf("ARP: %s is at %s", spa, macName(v.SourceHwAddress))
		it.Text = fmt.Sprintf("The ARP reply, sent straight back: %s is at %s. The asker keeps it in its ARP cache for the frames that follow.", spa, macName(v.SourceHwAddress))
	}
	it.Fields = []content.DraftField{field("operation", op), field("sender", fmt.Sprintf("%s, %s", spa, macName(v.SourceHwAddress))), field("target", fmt.Sprintf("%s, %s", tpa, macName(v.DstHwAddress)))}
	it.Ranges = []content.ByteRange{group(at, 28, "ARP message", "", "Asks which hardware address belongs to an IPv4 address on this link (RFC 826).",
		r(at, 2, "Hardware type", fmt.Sprintf("%s (%d)", v.AddrType, uint16(v.AddrType))),
		r(at+2, 2, "Protocol type", etherType(v.Protocol)),
		r(at+4, 1, "Hardware address length", fmt.Sprint(v.HwAddressSize)),
		r(at+5, 1, "Protocol address length", fmt.Sprint(v.ProtAddressSize)),
		r(at+6, 2, "Operation", op),
		r(at+8, 6, "Sender hardware address", macName(v.SourceHwAddress)),
		r(at+14, 4, "Sender protocol address", spa.String()),
		r(at+18, 6, "Target hardware address", macName(v.DstHwAddress)),
		r(at+24, 4, "Target protocol address", tpa.String()))}
	return it
}

func icmpItem(at, size int, typ uint8, id, seq uint16, v6 bool) *Item {
	it := &Item{Proto: "ICMP", Phase: "Ping", At: at, Size: size}
	name := "ICMP"
	request := typ == layers.ICMPv4TypeEchoRequest
	if v6 {
		name = "ICMPv6"
		request = typ == layers.ICMPv6TypeEchoRequest
	}
	it.Proto = name
	what := "Echo reply"
	if request {
		what = "Echo request"
	}
	switch {
	case !v6 && typ != layers.ICMPv4TypeEchoRequest && typ != layers.ICMPv4TypeEchoReply:
		it.Label = fmt.Sprintf("%s type %d", name, typ)
		it.Text = fmt.Sprintf("An %s message of type %d.", name, typ)
		it.Ranges = []content.ByteRange{r(at, min(size, 4), name+" header", fmt.Sprintf("type %d", typ))}
		return it
	case request:
		it.Label = fmt.Sprintf("Ping: echo request, seq %d", seq)
		it.Text = fmt.Sprintf("An %s echo request (ping): the sender asks for these bytes back, to learn whether the other end is reachable and how long a round trip takes.", name)
	default:
		it.Label = fmt.Sprintf("Ping: echo reply, seq %d", seq)
		it.Text = fmt.Sprintf("The %s echo reply carries the same identifier, sequence number and data back.", name)
	}
	it.Fields = []content.DraftField{field("type", fmt.Sprintf("%s (%d)", what, typ)), field("identifier", fmt.Sprintf("0x%04x", id)), field("sequence", strconv.Itoa(int(seq)))}
	parts := []content.ByteRange{r(at, 1, "Type", fmt.Sprintf("%s (%d)", what, typ)), r(at+1, 1, "Code", "0"), r(at+2, 2, "Checksum", ""),
		r(at+4, 2, "Identifier", fmt.Sprintf("0x%04x", id)), r(at+6, 2, "Sequence number", strconv.Itoa(int(seq)))}
	if size > 8 {
		parts = append(parts, r(at+8, size-8, "Data", fmt.Sprintf("%d bytes", size-8)))
	}
	it.Ranges = []content.ByteRange{group(at, size, name+" echo message", "", "", parts...)}
	return it
}

// udpItem decodes DNS or DHCP in a UDP payload; nil for anything else.
func udpItem(p *Packet) *Item {
	switch {
	case p.Src.Port == 53 || p.Dst.Port == 53 || p.Src.Port == 5353 || p.Dst.Port == 5353:
		return dnsItem(p)
	case (p.Src.Port == 67 || p.Src.Port == 68) && (p.Dst.Port == 67 || p.Dst.Port == 68):
		return dhcpItem(p)
	}
	return nil
}

var rcodes = map[layers.DNSResponseCode]string{0: "NOERROR", 1: "FORMERR", 2: "SERVFAIL", 3: "NXDOMAIN", 4: "NOTIMP", 5: "REFUSED"}

func dnsItem(p *Packet) *Item {
	var d layers.DNS
	if err := d.DecodeFromBytes(p.payload, gopacket.NilDecodeFeedback); err != nil || len(d.Questions) == 0 {
		return nil
	}
	p.Protocols = append(p.Protocols, "dns")
	at := p.payloadAt
	q := d.Questions[0]
	it := &Item{Proto: "DNS", Phase: "DNS", At: at, Size: len(p.payload)}
	qname := string(q.Name)
	rcode := rcodes[d.ResponseCode]
	if rcode == "" {
		rcode = fmt.Sprintf("RCODE %d", d.ResponseCode)
	}
	if !d.QR {
		it.Label = fmt.Sprintf("DNS query: %s %s", qname, q.Type)
		it.Text = fmt.Sprintf("A DNS query (id 0x%04x): what are the %s records of **%s**? It goes over UDP to port 53, in one datagram.", d.ID, q.Type, qname)
		it.Fields = []content.DraftField{field("id", fmt.Sprintf("0x%04x", d.ID)), field("question", fmt.Sprintf("%s %s %s", qname, q.Class, q.Type))}
		if d.RD {
			it.Fields = append(it.Fields, field("flags", "recursion desired"))
		}
	} else {
		var answers []string
		for _, a := range d.Answers {
			answers = append(answers, answerText(a))
		}
		switch {
		case d.ResponseCode != 0:
			it.Label = fmt.Sprintf("DNS response: %s", rcode)
			it.Text = fmt.Sprintf("The server answers the query 0x%04x with **%s** and no records.", d.ID, rcode)
			if d.ResponseCode == 5 {
				it.Text += " REFUSED means this server will not answer that question for this client (RFC 1035 §4.1.1); it says nothing of whether the name exists."
			}
		case len(answers) == 0:
			it.Label = fmt.Sprintf("DNS response: no %s records", q.Type)
			it.Text = fmt.Sprintf("The name exists but has no %s records: NOERROR with an empty answer section.", q.Type)
		default:
			it.Label = "DNS response: " + strings.Join(answers, ", ")
			it.Text = fmt.Sprintf("The answer to query 0x%04x: %s.", d.ID, strings.Join(answers, "; "))
		}
		it.Fields = []content.DraftField{field("id", fmt.Sprintf("0x%04x", d.ID)), field("rcode", rcode)}
		for i, a := range answers {
			it.Fields = append(it.Fields, field(fmt.Sprintf("answer %d", i+1), a))
		}
	}
	flags := binary.BigEndian.Uint16(p.payload[2:])
	parts := []content.ByteRange{group(at, 12, "DNS header", "", "",
		r(at, 2, "Transaction ID", fmt.Sprintf("0x%04x", d.ID)),
		r(at+2, 2, "Flags", dnsFlags(&d, flags, rcode)),
		r(at+4, 2, "Questions", fmt.Sprint(d.QDCount)),
		r(at+6, 2, "Answer records", fmt.Sprint(d.ANCount)),
		r(at+8, 2, "Authority records", fmt.Sprint(d.NSCount)),
		r(at+10, 2, "Additional records", fmt.Sprint(d.ARCount)))}
	// Walk the question to find where it ends.
	if end := nameEnd(p.payload, 12); end > 0 && end+4 <= len(p.payload) {
		parts = append(parts, group(at+12, end+4-12, "Question", qname+" "+q.Type.String(), "",
			r(at+12, end-12, "Name", qname+" (each label after its length)"),
			r(at+end, 2, "Type", fmt.Sprintf("%s (%d)", q.Type, uint16(q.Type))),
			r(at+end+2, 2, "Class", fmt.Sprintf("%s (%d)", q.Class, uint16(q.Class)))))
		if rest := len(p.payload) - (end + 4); rest > 0 {
			parts = append(parts, r(at+end+4, rest, "Resource records", fmt.Sprintf("%d answer, %d authority, %d additional (EDNS OPT)", d.ANCount, d.NSCount, d.ARCount)))
		}
	}
	it.Ranges = []content.ByteRange{group(at, len(p.payload), "DNS message", "", "RFC 1035 §4.1: a 12-byte header, the question, then the answer, authority and additional records.", parts...)}
	return it
}

func dnsFlags(d *layers.DNS, flags uint16, rcode string) string {
	var f []string
	if d.QR {
		f = append(f, "response")
	} else {
		f = append(f, "query")
	}
	if d.AA {
		f = append(f, "authoritative")
	}
	if d.RD {
		f = append(f, "recursion desired")
	}
	if d.RA {
		f = append(f, "recursion available")
	}
	if d.QR {
		f = append(f, rcode)
	}
	return fmt.Sprintf("0x%04x: %s", flags, strings.Join(f, ", "))
}

func answerText(a layers.DNSResourceRecord) string {
	switch a.Type {
	case layers.DNSTypeA, layers.DNSTypeAAAA:
		return fmt.Sprintf("%s %s %s (TTL %d s)", a.Name, a.Type, a.IP, a.TTL)
	case layers.DNSTypeCNAME:
		return fmt.Sprintf("%s CNAME %s", a.Name, a.CNAME)
	}
	return fmt.Sprintf("%s %s", a.Name, a.Type)
}

// nameEnd returns the offset just after the DNS name at i, or -1.
func nameEnd(b []byte, i int) int {
	for n := 0; i < len(b) && n < 128; n++ {
		l := int(b[i])
		switch {
		case l == 0:
			return i + 1
		case l&0xc0 == 0xc0:
			return i + 2
		}
		i += 1 + l
	}
	return -1
}

var dhcpTypes = map[layers.DHCPMsgType]string{1: "DISCOVER", 2: "OFFER", 3: "REQUEST", 4: "DECLINE", 5: "ACK", 6: "NAK", 7: "RELEASE", 8: "INFORM"}

func dhcpItem(p *Packet) *Item {
	var d layers.DHCPv4
	if err := d.DecodeFromBytes(p.payload, gopacket.NilDecodeFeedback); err != nil {
		return nil
	}
	p.Protocols = append(p.Protocols, "dhcp")
	at := p.payloadAt
	typ := layers.DHCPMsgType(0)
	var opts []content.ByteRange
	var router, mask, server, lease string
	i := at + 240
	for _, o := range d.Options {
		size := 1
		if o.Type != layers.DHCPOptPad && o.Type != layers.DHCPOptEnd {
			size = 2 + len(o.Data)
		}
		val := ""
		switch o.Type {
		case layers.DHCPOptMessageType:
			if len(o.Data) == 1 {
				typ = layers.DHCPMsgType(o.Data[0])
				val = fmt.Sprintf("%s (%d)", dhcpTypes[typ], o.Data[0])
			}
		case layers.DHCPOptRouter, layers.DHCPOptSubnetMask, layers.DHCPOptServerID, layers.DHCPOptRequestIP, layers.DHCPOptDNS:
			if len(o.Data) >= 4 {
				a, _ := netip.AddrFromSlice(o.Data[:4])
				val = a.String()
				switch o.Type {
				case layers.DHCPOptRouter:
					router = val
				case layers.DHCPOptSubnetMask:
					mask = val
				case layers.DHCPOptServerID:
					server = val
				}
			}
		case layers.DHCPOptLeaseTime:
			if len(o.Data) == 4 {
				lease = fmt.Sprintf("%d s", binary.BigEndian.Uint32(o.Data))
				val = lease
			}
		}
		if i+size <= p.payloadAt+len(p.payload) {
			opts = append(opts, r(i, size, fmt.Sprintf("Option %d: %s", uint8(o.Type), o.Type), val))
		}
		i += size
	}
	name := dhcpTypes[typ]
	if name == "" {
		name = "message"
	}
	it := &Item{Proto: "DHCP", Phase: "DHCP", At: at, Size: len(p.payload), Label: "DHCP " + name}
	it.Fields = []content.DraftField{field("message type", name), field("transaction id", fmt.Sprintf("0x%08x", d.Xid)), field("client hardware address", d.ClientHWAddr.String())}
	yi := d.YourClientIP.String()
	switch typ {
	case layers.DHCPMsgTypeDiscover:
		it.Text = fmt.Sprintf("The PC has no address yet, so it sends from 0.0.0.0 to the broadcast address 255.255.255.255: is there a DHCP server on this link? It names itself by its hardware address %s and transaction id 0x%08x.", d.ClientHWAddr, d.Xid)
	case layers.DHCPMsgTypeOffer:
		it.Label = "DHCP OFFER: " + yi
		it.Text = fmt.Sprintf("A DHCP server offers the address **%s**, with the transaction id of the DISCOVER it answers.", yi)
		it.Fields = append(it.Fields, field("offered address", yi))
	case layers.DHCPMsgTypeRequest:
		it.Text = "The PC asks for the offered address, still by broadcast: every server that made an offer learns which one was taken."
	case layers.DHCPMsgTypeAck:
		it.Label = "DHCP ACK: " + yi
		it.Text = fmt.Sprintf("The server confirms: the PC may use **%s**. From now on it has an address, a mask, a gateway and a lease to renew.", yi)
		it.Fields = append(it.Fields, field("your address", yi))
	default:
		it.Text = "A DHCP " + name + "."
	}
	for _, f := range [][2]string{{"subnet mask", mask}, {"router", router}, {"server identifier", server}, {"lease time", lease}} {
		if f[1] != "" {
			it.Fields = append(it.Fields, field(f[0], f[1]))
		}
	}
	parts := []content.ByteRange{
		r(at, 1, "Message op", map[bool]string{true: "BOOTREQUEST (1)", false: "BOOTREPLY (2)"}[d.Operation == layers.DHCPOpRequest]),
		r(at+1, 1, "Hardware type", "Ethernet (1)"),
		r(at+2, 1, "Hardware address length", fmt.Sprint(d.HardwareLen)),
		r(at+3, 1, "Hops", fmt.Sprint(d.RelayHops)),
		r(at+4, 4, "Transaction ID", fmt.Sprintf("0x%08x", d.Xid)),
		r(at+8, 2, "Seconds elapsed", fmt.Sprint(d.Secs)),
		r(at+10, 2, "Flags", fmt.Sprintf("0x%04x", d.Flags)),
		r(at+12, 4, "Client address (ciaddr)", d.ClientIP.String()),
		r(at+16, 4, "Your address (yiaddr)", yi),
		r(at+20, 4, "Server address (siaddr)", d.NextServerIP.String()),
		r(at+24, 4, "Relay agent address (giaddr)", d.RelayAgentIP.String()),
		r(at+28, 16, "Client hardware address", d.ClientHWAddr.String()),
		r(at+44, 64, "Server host name", ""),
		r(at+108, 128, "Boot file name", ""),
		r(at+236, 4, "Magic cookie", "DHCP (0x63825363)"),
	}
	if len(opts) > 0 && i <= at+len(p.payload) {
		parts = append(parts, group(at+240, i-(at+240), "Options", "", "", opts...))
	}
	it.Ranges = []content.ByteRange{group(at, len(p.payload), "DHCP message", "", "RFC 2131: BOOTP's fixed fields, then options; option 53 says which DHCP message this is.", parts...)}
	return it
}

// httpStart reports whether b starts an HTTP/1.x request or response.
func httpStart(b []byte) bool {
	if bytes.HasPrefix(b, []byte("HTTP/1.")) {
		return true
	}
	for _, m := range []string{"GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ", "PATCH ", "CONNECT "} {
		if bytes.HasPrefix(b, []byte(m)) {
			return true
		}
	}
	return false
}

// httpHead is an HTTP/1.x message's start line and headers.
type httpHead struct {
	start   string
	headers [][2]string
	// size is the bytes of the start line and headers, blank line included.
	size int
	// body is the Content-Length, or -1.
	body int
}

// parseHTTPHead reads a complete head from b, or returns false.
func parseHTTPHead(b []byte) (httpHead, bool) {
	end := bytes.Index(b, []byte("\r\n\r\n"))
	if end < 0 || end > 16<<10 {
		return httpHead{}, false
	}
	lines := strings.Split(string(b[:end]), "\r\n")
	h := httpHead{start: lines[0], size: end + 4, body: -1}
	for _, l := range lines[1:] {
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		h.headers = append(h.headers, [2]string{k, v})
		if strings.EqualFold(k, "content-length") {
			if n, err := strconv.Atoi(v); err == nil && n >= 0 {
				h.body = n
			}
		}
	}
	return h, true
}

func (h httpHead) header(name string) string {
	for _, kv := range h.headers {
		if strings.EqualFold(kv[0], name) {
			return kv[1]
		}
	}
	return ""
}

// item describes the head as a lesson step; at is where it starts in the
// packet, or -1 when its bytes are not all there.
func (h httpHead) item(at int, raw []byte) *Item {
	it := &Item{Proto: "HTTP", Phase: "HTTP", Label: h.start}
	if strings.HasPrefix(h.start, "HTTP/") {
		it.Text = fmt.Sprintf("The response: status line `%s`, then its headers.", h.start)
	} else {
		it.Text = fmt.Sprintf("The request: `%s`, then its headers; the Host header names the site.", h.start)
	}
	it.Fields = append(it.Fields, field("start line", h.start))
	for _, kv := range h.headers {
		if len(it.Fields) < 12 {
			it.Fields = append(it.Fields, field(kv[0], kv[1]))
		}
	}
	if at < 0 {
		return it
	}
	it.At, it.Size = at, h.size
	var parts []content.ByteRange
	off := at
	lines := bytes.SplitAfter(raw[:h.size-2], []byte("\r\n"))
	for i, l := range lines {
		name, value := "Header", strings.TrimSpace(string(l))
		if i == 0 {
			name = "Start line"
		} else if k, v, ok := strings.Cut(value, ":"); ok {
			name, value = k, strings.TrimSpace(v)
		}
		parts = append(parts, r(off, len(l), name, value))
		off += len(l)
	}
	parts = append(parts, r(off, 2, "Blank line", "end of the headers"))
	it.Ranges = []content.ByteRange{group(at, h.size, "HTTP/1.x head", "", "Plain text lines, each ending in CR LF; a blank line ends the headers (RFC 9112 §2).", parts...)}
	return it
}

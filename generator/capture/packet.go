package capture

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/lessongen/lessongen/generator/content"
)

// Capture is a decoded capture.
type Capture struct {
	// Name is the file, as messages print it.
	Name    string
	Packets []*Packet
	// Warnings are "file:packet N: message" lines, in packet order.
	Warnings []string
	// Skipped counts the packets no step shows, by reason.
	Skipped map[string]int
	// Names are host names the capture itself resolves, by address: DNS
	// answers, TLS SNI, HTTP Host.
	Names map[netip.Addr]string
	// Decrypted tells whether a key log decrypted any TLS 1.3 record.
	Decrypted bool
}

// Packet is one decoded packet.
type Packet struct {
	// N is the packet's number, from 1, as Wireshark counts.
	N int
	// Time is since the first packet.
	Time time.Duration
	Data []byte
	// Src and Dst are the two ends; Port is 0 outside TCP and UDP.
	Src, Dst Endpoint
	// Protocols are the layers decoded, in order, named as tshark's
	// frame.protocols names them: eth, sll, ip, ipv6, tcp, udp, arp, icmp,
	// icmpv6, dns, dhcp, tls, http.
	Protocols []string
	TCP       *Segment
	// Items are what the packet carries for a lesson: one per TLS record,
	// HTTP message, DNS or DHCP message, ARP or ICMP packet.
	Items []*Item
	// Headers are the link, network and transport headers' bytes, named.
	Headers []content.ByteRange
	// payloadAt is where the transport payload starts in Data.
	payloadAt int
	payload   []byte
	// broadcast is set for link-layer or IPv4 broadcasts.
	broadcast bool
}

// Endpoint is one end of a packet.
type Endpoint struct {
	Addr netip.Addr
	Port uint16
	MAC  net.HardwareAddr
}

// Segment is a TCP segment with the numbers Wireshark shows.
type Segment struct {
	// Stream counts TCP conversations from 0, as tcp.stream does.
	Stream int
	// Flags are written as "SYN+ACK".
	Flags              string
	SYN, ACK, FIN, RST bool
	// Seq and Ack are relative to each side's initial sequence number;
	// RawSeq and RawAck as sent.
	Seq, Ack, RawSeq, RawAck uint32
	Len                      int
	// Window is the receive window in bytes, scaled as Wireshark scales it.
	Window  int
	Options []string
	// Retransmission and DupAck (counting from 1) are Wireshark's analysis;
	// DupOf is the packet a duplicate ACK repeats.
	Retransmission bool
	DupAck, DupOf  int
}

// Pure reports a segment that only acknowledges: no data, no SYN, FIN or RST.
func (s *Segment) Pure() bool { return s.Len == 0 && s.ACK && !s.SYN && !s.FIN && !s.RST }

// Item is one message a packet carries.
type Item struct {
	// Proto is the protocol's name as the lesson shows it: TLS, HTTP, DNS.
	Proto string
	// Label is drawn on the diagram; Text is the drafted narration.
	Label, Text string
	Fields      []content.DraftField
	// Secure is set for what travels encrypted.
	Secure bool
	// Handshake lists the TLS handshake messages, named as RFC 8446 names
	// them; Alert is the TLS alert description.
	Handshake []string
	Alert     string
	// At and Size are the item's bytes in the packet, Size 0 when they are
	// not all in it (a record spread over segments).
	At, Size int
	Ranges   []content.ByteRange
	// Phase is the part of the conversation: TLS handshake, HTTP...
	Phase string
	// Close is set for what ends a conversation (TLS close_notify).
	Close bool
}

// decodeFrame decodes one frame's link, network and transport layers.
func decodeFrame(f frame, start time.Time) (*Packet, string) {
	p := &Packet{N: f.n, Time: f.ts.Sub(start), Data: f.data}
	pkt := gopacket.NewPacket(f.data, f.link, gopacket.DecodeOptions{NoCopy: true})
	at := 0
	for _, l := range pkt.Layers() {
		size := len(l.LayerContents())
		// Offsets hold only while each layer's bytes follow the last's.
		if at+size > len(f.data) || !bytes.Equal(f.data[at:at+size], l.LayerContents()) {
			break
		}
		switch v := l.(type) {
		case *layers.Ethernet:
			p.Protocols = append(p.Protocols, "eth")
			p.Src.MAC, p.Dst.MAC = v.SrcMAC, v.DstMAC
			p.broadcast = isBroadcastMAC(v.DstMAC)
			p.Headers = append(p.Headers, group(at, size, "Ethernet II header", "", "The link layer: which network card on this link the frame is for, which sent it, and what it carries.",
				r(at, 6, "Destination", macName(v.DstMAC)),
				r(at+6, 6, "Source", macName(v.SrcMAC)),
				r(at+12, 2, "EtherType", etherType(v.EthernetType))))
		case *layers.LinuxSLL:
			p.Protocols = append(p.Protocols, "sll")
			p.Headers = append(p.Headers, group(at, size, "Linux cooked capture header", "", "Not sent on any wire: Linux writes it in place of the link header when capturing on every interface at once.",
				r(at, 2, "Packet type", fmt.Sprint(v.PacketType)),
				r(at+2, 2, "Link-layer address type", fmt.Sprint(v.AddrType)),
				r(at+4, 2, "Address length", fmt.Sprint(v.AddrLen)),
				r(at+6, 8, "Source address", macName(v.Addr)),
				r(at+14, 2, "Protocol", etherType(v.EthernetType))))
		case *layers.LinuxSLL2:
			p.Protocols = append(p.Protocols, "sll")
			p.Headers = append(p.Headers, group(at, size, "Linux cooked capture header (v2)", "", "Not sent on any wire: Linux writes it in place of the link header when capturing on every interface at once.",
				r(at, 2, "Protocol", etherType(v.ProtocolType)),
				r(at+2, 2, "Reserved", ""),
				r(at+4, 4, "Interface index", fmt.Sprint(v.InterfaceIndex)),
				r(at+8, 2, "Link-layer address type", fmt.Sprint(uint16(v.ARPHardwareType))),
				r(at+10, 1, "Packet type", fmt.Sprint(v.PacketType)),
				r(at+11, 1, "Address length", fmt.Sprint(v.AddrLength)),
				r(at+12, 8, "Source address", macName(v.Addr))))
		case *layers.Loopback:
			p.Protocols = append(p.Protocols, "null")
			p.Headers = append(p.Headers, r(at, size, "Loopback header", fmt.Sprint(v.Family)))
		case *layers.IPv4:
			p.Protocols = append(p.Protocols, "ip")
			p.Src.Addr, _ = netip.AddrFromSlice(v.SrcIP.To4())
			p.Dst.Addr, _ = netip.AddrFromSlice(v.DstIP.To4())
			if p.Dst.Addr == netip.AddrFrom4([4]byte{255, 255, 255, 255}) {
				p.broadcast = true
			}
			p.Headers = append(p.Headers, ipv4Ranges(at, size, v))
		case *layers.IPv6:
			p.Protocols = append(p.Protocols, "ipv6")
			p.Src.Addr, _ = netip.AddrFromSlice(v.SrcIP)
			p.Dst.Addr, _ = netip.AddrFromSlice(v.DstIP)
			p.Headers = append(p.Headers, group(at, size, "IPv6 header", "", "The network layer: the addresses of the two ends, and how many routers the packet may still cross.",
				r(at, 4, "Version, traffic class, flow label", fmt.Sprintf("6, %d, 0x%05x", v.TrafficClass, v.FlowLabel)),
				r(at+4, 2, "Payload length", fmt.Sprint(v.Length)),
				r(at+6, 1, "Next header", ipProto(v.NextHeader)),
				r(at+7, 1, "Hop limit", fmt.Sprint(v.HopLimit)),
				r(at+8, 16, "Source address", p.Src.Addr.String()),
				r(at+24, 16, "Destination address", p.Dst.Addr.String())))
		case *layers.TCP:
			p.Protocols = append(p.Protocols, "tcp")
			p.Src.Port, p.Dst.Port = uint16(v.SrcPort), uint16(v.DstPort)
			p.TCP = &Segment{RawSeq: v.Seq, RawAck: v.Ack, SYN: v.SYN, ACK: v.ACK, FIN: v.FIN, RST: v.RST,
				Len: len(v.LayerPayload()), Window: int(v.Window), Flags: tcpFlags(v)}
			p.TCP.Options = tcpOptions(v)
			p.payloadAt, p.payload = at+size, v.LayerPayload()
			// The ranges are made once the stream gives relative numbers.
			p.Headers = append(p.Headers, content.ByteRange{At: at, Size: size, Name: "TCP header"})
			return p, ""
		case *layers.UDP:
			p.Protocols = append(p.Protocols, "udp")
			p.Src.Port, p.Dst.Port = uint16(v.SrcPort), uint16(v.DstPort)
			p.payloadAt, p.payload = at+size, v.LayerPayload()
			p.Headers = append(p.Headers, group(at, size, "UDP header", "", "The transport layer: the two ports, and nothing more; UDP neither orders nor resends.",
				r(at, 2, "Source port", fmt.Sprint(v.SrcPort)),
				r(at+2, 2, "Destination port", fmt.Sprint(v.DstPort)),
				r(at+4, 2, "Length", fmt.Sprint(v.Length)),
				r(at+6, 2, "Checksum", fmt.Sprintf("0x%04x", v.Checksum))))
			return p, ""
		case *layers.ARP:
			p.Protocols = append(p.Protocols, "arp")
			p.Items = append(p.Items, arpItem(at, size, v))
			p.Src.Addr, _ = netip.AddrFromSlice(v.SourceProtAddress)
			p.Dst.Addr, _ = netip.AddrFromSlice(v.DstProtAddress)
			return p, ""
		case *layers.ICMPv4:
			p.Protocols = append(p.Protocols, "icmp")
			p.Items = append(p.Items, icmpItem(at, len(f.data)-at, uint8(v.TypeCode.Type()), v.Id, v.Seq, false))
			return p, ""
		case *layers.ICMPv6:
			p.Protocols = append(p.Protocols, "icmpv6")
			t := uint8(v.TypeCode.Type())
			if t == layers.ICMPv6TypeEchoRequest || t == layers.ICMPv6TypeEchoReply {
				var id, seq uint16
				if b := v.LayerPayload(); len(b) >= 4 {
					id, seq = binary.BigEndian.Uint16(b), binary.BigEndian.Uint16(b[2:])
				}
				p.Items = append(p.Items, icmpItem(at, len(f.data)-at, t, id, seq, true))
				return p, ""
			}
			return p, "ICMPv6 other than echo (neighbour and router discovery)"
		}
		at += size
	}
	if len(p.Protocols) == 0 {
		return p, fmt.Sprintf("link type %s, which is not read", f.link)
	}
	return p, "a protocol that is not read (" + strings.Join(p.Protocols, ":") + ")"
}

// r is a range with no parts.
func r(at, size int, name, value string) content.ByteRange {
	return content.ByteRange{At: at, Size: size, Name: name, Value: value}
}

// group is a range made of parts. Parts that would be the whole of it, or
// that do not fit in it, are left out: the loader accepts neither.
func group(at, size int, name, value, note string, parts ...content.ByteRange) content.ByteRange {
	g := content.ByteRange{At: at, Size: size, Name: name, Value: value, Note: note}
	end := at
	for _, p := range parts {
		if p.Size <= 0 || p.At < end || p.At+p.Size > at+size || (p.At == at && p.Size == size) {
			continue
		}
		g.Ranges = append(g.Ranges, p)
		end = p.At + p.Size
	}
	return g
}

func ipv4Ranges(at, size int, v *layers.IPv4) content.ByteRange {
	flags := []string{}
	if v.Flags&layers.IPv4DontFragment != 0 {
		flags = append(flags, "don't fragment")
	}
	if v.Flags&layers.IPv4MoreFragments != 0 {
		flags = append(flags, "more fragments")
	}
	parts := []content.ByteRange{
		r(at, 1, "Version and header length", fmt.Sprintf("4, %d bytes", int(v.IHL)*4)),
		r(at+1, 1, "DSCP and ECN", fmt.Sprintf("0x%02x", v.TOS)),
		r(at+2, 2, "Total length", fmt.Sprint(v.Length)),
		r(at+4, 2, "Identification", fmt.Sprintf("0x%04x", v.Id)),
		r(at+6, 2, "Flags and fragment offset", strings.TrimSpace(strings.Join(flags, ", ")+fmt.Sprintf(" offset %d", v.FragOffset))),
		r(at+8, 1, "Time to live", fmt.Sprint(v.TTL)),
		r(at+9, 1, "Protocol", ipProto(v.Protocol)),
		r(at+10, 2, "Header checksum", fmt.Sprintf("0x%04x", v.Checksum)),
		r(at+12, 4, "Source address", v.SrcIP.String()),
		r(at+16, 4, "Destination address", v.DstIP.String()),
	}
	if size > 20 {
		parts = append(parts, r(at+20, size-20, "Options", ""))
	}
	return group(at, size, "IPv4 header", "", "The network layer: the addresses of the two ends, and how many routers the packet may still cross.", parts...)
}

func ipProto(p layers.IPProtocol) string { return fmt.Sprintf("%s (%d)", p, uint8(p)) }

func etherType(t layers.EthernetType) string { return fmt.Sprintf("%s (0x%04x)", t, uint16(t)) }

func macName(m net.HardwareAddr) string {
	if isBroadcastMAC(m) {
		return m.String() + " (broadcast)"
	}
	return m.String()
}

func isBroadcastMAC(m net.HardwareAddr) bool {
	if len(m) != 6 {
		return false
	}
	for _, b := range m {
		if b != 0xff {
			return false
		}
	}
	return true
}

func tcpFlags(t *layers.TCP) string {
	var f []string
	for _, x := range []struct {
		on   bool
		name string
	}{{t.SYN, "SYN"}, {t.FIN, "FIN"}, {t.RST, "RST"}, {t.PSH, "PSH"}, {t.ACK, "ACK"}, {t.URG, "URG"}, {t.ECE, "ECE"}, {t.CWR, "CWR"}} {
		if x.on {
			f = append(f, x.name)
		}
	}
	if len(f) == 0 {
		return "none"
	}
	return strings.Join(f, "+")
}

// tcpOptions names the options as Wireshark's summary line does.
func tcpOptions(t *layers.TCP) []string {
	var out []string
	for _, o := range t.Options {
		switch o.OptionType {
		case layers.TCPOptionKindMSS:
			if len(o.OptionData) == 2 {
				out = append(out, fmt.Sprintf("MSS=%d", binary.BigEndian.Uint16(o.OptionData)))
			}
		case layers.TCPOptionKindSACKPermitted:
			out = append(out, "SACK_PERM")
		case layers.TCPOptionKindWindowScale:
			if len(o.OptionData) == 1 {
				out = append(out, fmt.Sprintf("WS=%d", 1<<min(o.OptionData[0], 14)))
			}
		case layers.TCPOptionKindTimestamps:
			if len(o.OptionData) == 8 {
				out = append(out, fmt.Sprintf("TSval=%d", binary.BigEndian.Uint32(o.OptionData)), fmt.Sprintf("TSecr=%d", binary.BigEndian.Uint32(o.OptionData[4:])))
			}
		case layers.TCPOptionKindSACK:
			for i := 0; i+8 <= len(o.OptionData); i += 8 {
				out = append(out, fmt.Sprintf("SLE=%d", binary.BigEndian.Uint32(o.OptionData[i:])), fmt.Sprintf("SRE=%d", binary.BigEndian.Uint32(o.OptionData[i+4:])))
			}
		}
	}
	return out
}

// windowScale returns a SYN's window scale shift, or -1 when it has none.
func windowScale(data []byte, at int) int {
	if at+20 > len(data) {
		return -1
	}
	hl := int(data[at+12]>>4) * 4
	if hl < 20 {
		return -1
	}
	opts := data[min(at+20, len(data)):min(at+hl, len(data))]
	for i := 0; i < len(opts); {
		switch opts[i] {
		case 0:
			return -1
		case 1:
			i++
			continue
		}
		if i+1 >= len(opts) || opts[i+1] < 2 {
			return -1
		}
		if opts[i] == 3 && opts[i+1] == 3 && i+2 < len(opts) {
			return int(min(opts[i+2], 14))
		}
		i += int(opts[i+1])
	}
	return -1
}

// tcpRanges names a TCP header's bytes, once relative numbers are known.
func tcpRanges(p *Packet, h content.ByteRange) content.ByteRange {
	at, data, s := h.At, p.Data, p.TCP
	hl := h.Size
	if hl < 20 || at+hl > len(data) {
		return h
	}
	parts := []content.ByteRange{
		r(at, 2, "Source port", fmt.Sprint(p.Src.Port)),
		r(at+2, 2, "Destination port", fmt.Sprint(p.Dst.Port)),
		r(at+4, 4, "Sequence number", fmt.Sprintf("%d (relative; %d as sent)", s.Seq, s.RawSeq)),
		r(at+8, 4, "Acknowledgment number", ackValue(s)),
		r(at+12, 2, "Header length and flags", fmt.Sprintf("%d bytes; %s", hl, s.Flags)),
		r(at+14, 2, "Window", fmt.Sprintf("%d", binary.BigEndian.Uint16(data[at+14:]))),
		r(at+16, 2, "Checksum", fmt.Sprintf("0x%04x", binary.BigEndian.Uint16(data[at+16:]))),
		r(at+18, 2, "Urgent pointer", fmt.Sprint(binary.BigEndian.Uint16(data[at+18:]))),
	}
	if hl > 20 {
		parts = append(parts, group(at+20, hl-20, "Options", strings.Join(s.Options, " "), "", optionRanges(data, at+20, at+hl)...))
	}
	return group(at, hl, "TCP header", "", "The transport layer: ports, where these bytes sit in the stream, what they acknowledge, and how much more the sender can take.", parts...)
}

func ackValue(s *Segment) string {
	if !s.ACK {
		return fmt.Sprintf("%d (not used: no ACK flag)", s.RawAck)
	}
	return fmt.Sprintf("%d (relative; %d as sent)", s.Ack, s.RawAck)
}

var optionNames = map[byte]string{0: "End of options", 1: "No-operation (padding)", 2: "Maximum segment size", 3: "Window scale", 4: "SACK permitted", 5: "SACK", 8: "Timestamps"}

func optionRanges(data []byte, lo, hi int) []content.ByteRange {
	var out []content.ByteRange
	for i := lo; i < hi; {
		kind := data[i]
		size := 1
		if kind > 1 {
			if i+1 >= hi || data[i+1] < 2 || i+int(data[i+1]) > hi {
				break
			}
			size = int(data[i+1])
		}
		name := optionNames[kind]
		if name == "" {
			name = fmt.Sprintf("Option %d", kind)
		}
		var value string
		switch {
		case kind == 2 && size == 4:
			value = fmt.Sprint(binary.BigEndian.Uint16(data[i+2:]))
		case kind == 3 && size == 3:
			value = fmt.Sprintf("shift %d (×%d)", data[i+2], 1<<min(data[i+2], 14))
		case kind == 8 && size == 10:
			value = fmt.Sprintf("TSval %d, TSecr %d", binary.BigEndian.Uint32(data[i+2:]), binary.BigEndian.Uint32(data[i+6:]))
		}
		out = append(out, r(i, size, name, value))
		i += size
	}
	return out
}

// Package capture reads a packet capture (pcap or pcapng) and decodes what a
// lesson needs from it: who talks to whom, each TCP segment with the numbers
// Wireshark shows, and the messages inside (TLS records by handshake
// message, decrypted with a key log where one is given; HTTP/1.x; DNS;
// DHCP; ARP; ICMP echo), every header's bytes named for a byte view.
//
// It is the only package that imports gopacket. Decode returns plain data;
// Draft turns it into a scene draft that builds as it is.
package capture

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
)

// Limits, so that a hostile or huge capture costs bounded time and memory.
const (
	// MaxFileSize is the largest capture read, in bytes. A lesson is made
	// from a few dozen packets; a capture this size is not a lesson.
	MaxFileSize = 64 << 20
	// MaxPackets is the most packets read.
	MaxPackets = 20000
	// MaxKeyLog is the largest key log read, in bytes.
	MaxKeyLog = 4 << 20
)

// frame is one captured packet as the file holds it.
type frame struct {
	n    int
	ts   time.Time
	data []byte
	link layers.LinkType
}

var (
	errNotCapture = errors.New("not a pcap or pcapng capture (tcpdump -w writes one)")
	errTooBig     = fmt.Errorf("the capture is larger than %d MiB; capture only the conversation the lesson is about (a tcpdump filter such as 'host 192.0.2.1')", MaxFileSize>>20)
)

// readFrames reads every packet of a pcap or pcapng file, and the TLS key
// log of any pcapng Decryption Secrets Block.
func readFrames(r io.Reader) (frames []frame, secrets []byte, err error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, nil, err
	}
	if len(data) > MaxFileSize {
		return nil, nil, errTooBig
	}
	if len(data) < 4 {
		return nil, nil, errNotCapture
	}
	var next func() ([]byte, time.Time, layers.LinkType, error)
	switch binary.LittleEndian.Uint32(data) {
	case 0x0A0D0D0A:
		secrets = decryptionSecrets(data)
		ng, err := pcapgo.NewNgReader(bytes.NewReader(data), pcapgo.NgReaderOptions{WantMixedLinkType: true, SkipUnknownVersion: true})
		if err != nil {
			return nil, nil, fmt.Errorf("not a readable pcapng capture: %v", err)
		}
		next = func() ([]byte, time.Time, layers.LinkType, error) {
			b, ci, err := ng.ReadPacketData()
			lt := ng.LinkType()
			if err == nil && len(ci.AncillaryData) > 0 {
				if l, ok := ci.AncillaryData[0].(layers.LinkType); ok {
					lt = l
				}
			}
			return b, ci.Timestamp, lt, err
		}
	case 0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1:
		pr, err := pcapgo.NewReader(bufio.NewReader(bytes.NewReader(data)))
		if err != nil {
			return nil, nil, fmt.Errorf("not a readable pcap capture: %v", err)
		}
		next = func() ([]byte, time.Time, layers.LinkType, error) {
			b, ci, err := pr.ReadPacketData()
			return b, ci.Timestamp, pr.LinkType(), err
		}
	default:
		return nil, nil, errNotCapture
	}
	for {
		b, ts, lt, err := next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if len(frames) == 0 {
				return nil, nil, fmt.Errorf("cannot read the first packet: %v", err)
			}
			// A capture cut short (tcpdump killed mid-write) keeps what
			// came before.
			return frames, secrets, fmt.Errorf("packet %d: %v; the packets before it are used", len(frames)+1, err)
		}
		if len(frames) == MaxPackets {
			return frames, secrets, fmt.Errorf("more than %d packets; only the first %d are used", MaxPackets, MaxPackets)
		}
		frames = append(frames, frame{n: len(frames) + 1, ts: ts, data: append([]byte(nil), b...), link: lt})
	}
	return frames, secrets, nil
}

// decryptionSecrets returns the TLS key logs of a pcapng file's Decryption
// Secrets Blocks (pcapng §4.7, which editcap --inject-secrets writes),
// which gopacket reads but does not hand out.
func decryptionSecrets(data []byte) []byte {
	var order binary.ByteOrder = binary.LittleEndian
	var out []byte
	for len(data) >= 12 {
		typ := order.Uint32(data)
		if typ == 0x0A0D0D0A { // a section header sets the byte order
			switch binary.LittleEndian.Uint32(data[8:]) {
			case 0x1A2B3C4D:
				order = binary.LittleEndian
			case 0x4D3C2B1A:
				order = binary.BigEndian
			default:
				return out
			}
		}
		length := int(order.Uint32(data[4:]))
		if length < 12 || length > len(data) || length%4 != 0 {
			return out
		}
		if order.Uint32(data) == 0x0000000A && length >= 20 {
			const tlsKeyLog = 0x544c534b // "TLSK"
			kind, size := order.Uint32(data[8:]), int(order.Uint32(data[12:]))
			if kind == tlsKeyLog && size <= length-20 && len(out)+size <= MaxKeyLog {
				out = append(out, data[16:16+size]...)
				out = append(out, '\n')
			}
		}
		data = data[length:]
	}
	return out
}

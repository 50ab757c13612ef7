package capture

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/lessongen/lessongen/generator/content"
)

// tlsConn is the TLS state of one TCP conversation.
type tlsConn struct {
	keys *keyLog
	// client is the side (half) that sent the ClientHello, -1 before it.
	client       int
	clientRandom []byte
	version      uint16
	suite        uint16
	sni          string
	dir          [2]tlsDir
	started      bool
}

// tlsDir is one direction's record protection.
type tlsDir struct {
	// ccs is set once a TLS 1.2 sender has sent ChangeCipherSpec: what it
	// sends next is encrypted.
	ccs bool
	// epoch is 0 before keys, 1 with handshake keys, 2 with application
	// keys (TLS 1.3).
	epoch int
	prot  *protection
	// failed stops decryption in this direction after a failure.
	failed bool
}

var contentTypes = map[byte]string{20: "change_cipher_spec", 21: "alert", 22: "handshake", 23: "application_data", 24: "heartbeat"}

var handshakeNames = map[byte]string{0: "HelloRequest", 1: "ClientHello", 2: "ServerHello", 4: "NewSessionTicket", 5: "EndOfEarlyData",
	8: "EncryptedExtensions", 11: "Certificate", 12: "ServerKeyExchange", 13: "CertificateRequest", 14: "ServerHelloDone",
	15: "CertificateVerify", 16: "ClientKeyExchange", 20: "Finished", 24: "KeyUpdate"}

var extensionNames = map[uint16]string{0: "server_name", 1: "max_fragment_length", 5: "status_request", 10: "supported_groups",
	11: "ec_point_formats", 13: "signature_algorithms", 16: "application_layer_protocol_negotiation", 18: "signed_certificate_timestamp",
	21: "padding", 22: "encrypt_then_mac", 23: "extended_master_secret", 27: "compress_certificate", 35: "session_ticket",
	41: "pre_shared_key", 42: "early_data", 43: "supported_versions", 44: "cookie", 45: "psk_key_exchange_modes",
	49: "post_handshake_auth", 50: "signature_algorithms_cert", 51: "key_share", 65281: "renegotiation_info"}

var groupNames = map[uint16]string{23: "secp256r1", 24: "secp384r1", 25: "secp521r1", 29: "x25519", 30: "x448",
	256: "ffdhe2048", 257: "ffdhe3072", 258: "ffdhe4096", 259: "ffdhe6144", 260: "ffdhe8192", 4588: "X25519MLKEM768"}

var alertNames = map[byte]string{0: "close_notify", 10: "unexpected_message", 20: "bad_record_mac", 40: "handshake_failure",
	42: "bad_certificate", 45: "certificate_expired", 46: "certificate_unknown", 47: "illegal_parameter", 48: "unknown_ca",
	50: "decode_error", 51: "decrypt_error", 70: "protocol_version", 80: "internal_error", 90: "user_canceled", 109: "missing_extension",
	112: "unrecognized_name", 116: "certificate_required", 120: "no_application_protocol"}

func versionName(v uint16) string {
	switch v {
	case 0x0300:
		return "SSL 3.0 (0x0300)"
	case 0x0301, 0x0302, 0x0303, 0x0304:
		return fmt.Sprintf("TLS 1.%d (0x%04x)", v-0x0301, v)
	}
	return fmt.Sprintf("0x%04x", v)
}

func suiteName(s uint16) string { return fmt.Sprintf("%s (0x%04x)", tls.CipherSuiteName(s), s) }

func groupName(g uint16) string {
	if n, ok := groupNames[g]; ok {
		return n
	}
	if g&0x0f0f == 0x0a0a {
		return fmt.Sprintf("GREASE (0x%04x)", g)
	}
	return fmt.Sprintf("0x%04x", g)
}

func isTLS(b []byte) bool {
	return len(b) >= 5 && b[0] >= 20 && b[0] <= 24 && b[1] == 3 && b[2] <= 4
}

// tlsRecords reads the complete records at the start of h.buf and returns
// how many bytes they take.
func (ss *streams) tlsRecords(h *half) int {
	t := h.c.tls
	used := 0
	for len(h.buf)-used >= 5 {
		b := h.buf[used:]
		if !isTLS(b) {
			p, _ := h.locate(used, 1)
			ss.warn(p, "bytes that are not a TLS record where one should start; the rest of this direction is not decoded")
			h.broken = true
			return len(h.buf)
		}
		n := 5 + int(binary.BigEndian.Uint16(b[3:]))
		if n > 5+(1<<14)+2048 {
			p, _ := h.locate(used, 1)
			ss.warn(p, "a TLS record of %d bytes, more than the protocol allows; the rest of this direction is not decoded", n-5)
			h.broken = true
			return len(h.buf)
		}
		if len(b) < n {
			break
		}
		p, at := h.locate(used, n)
		if p != nil {
			it := ss.tlsRecord(t, h.side, p, b[:n])
			if at >= 0 {
				it.At, it.Size = at, n
				it.Ranges = []content.ByteRange{recordRanges(at, b[:n], it)}
			}
			p.Items = append(p.Items, it)
			p.addProtocol("tls")
		}
		used += n
	}
	return used
}

// tlsRecord describes one record. Its ranges are filled in by the caller
// from it.body.
func (ss *streams) tlsRecord(t *tlsConn, side int, p *Packet, rec []byte) *Item {
	typ, body := rec[0], rec[5:]
	it := &Item{Proto: "TLS", Phase: "TLS handshake"}
	d := &t.dir[side]
	switch {
	case typ == 20:
		it.Label = "ChangeCipherSpec"
		it.Handshake = nil
		if t.version == 0x0304 {
			it.Text = "ChangeCipherSpec, a one-byte record TLS 1.3 no longer needs: it is sent only so that middleboxes that expect TLS 1.2 let the connection through (RFC 8446 Appendix D.4). It is not encrypted and changes nothing."
		} else {
			it.Text = "ChangeCipherSpec says that from the next record on this side encrypts. It is itself sent in the clear, under the null cipher still in force (RFC 5246 §7.1)."
			d.ccs = true
		}
	case typ == 22 && !(d.ccs && t.version != 0x0304):
		ss.handshake(t, side, p, body, it)
	case typ == 21 && len(body) == 2 && !d.ccs:
		it.Alert = alertName(body[1])
		it.Label = "Alert: " + it.Alert
		it.Text = "A TLS alert in the clear: " + it.Alert + "."
		it.Close = body[1] == 0
	case t.version == 0x0304 && (typ == 23 || typ == 21):
		it.Secure = true
		ss.decrypt13(t, side, p, rec, it)
	default:
		it.Secure = true
		switch typ {
		case 22:
			// Named by where it stands, not decrypted: Handshake stays empty.
			it.Label = "Finished (encrypted)"
			it.Text = "The first record after ChangeCipherSpec is Finished, encrypted with the new keys: a MAC over the whole handshake, so that both sides know nobody changed a message in between (RFC 5246 §7.4.9)."
		case 21:
			it.Label = "Alert (encrypted)"
			it.Text = "An encrypted alert; at the end of a connection it is close_notify."
			it.Close = true
		default:
			it.Label = "Application data (encrypted)"
			it.Phase = "HTTP"
			it.Text = fmt.Sprintf("%d bytes of application data, encrypted: without the keys only their length shows.", len(body))
		}
	}
	return it
}

func alertName(b byte) string {
	if n, ok := alertNames[b]; ok {
		return n
	}
	return fmt.Sprintf("alert %d", b)
}

// handshake describes the plaintext handshake messages of a record.
func (ss *streams) handshake(t *tlsConn, side int, p *Packet, body []byte, it *Item) {
	var labels []string
	for i := 0; i+4 <= len(body); {
		typ, n := body[i], int(body[i+1])<<16|int(body[i+2])<<8|int(body[i+3])
		if i+4+n > len(body) {
			ss.warn(p, "a TLS handshake message split over several records, which is not decoded")
			break
		}
		msg := body[i+4 : i+4+n]
		name := handshakeNames[typ]
		if name == "" {
			name = fmt.Sprintf("handshake message %d", typ)
		}
		switch typ {
		case 1:
			ss.clientHello(t, side, msg, it)
		case 2:
			ss.serverHello(t, msg, it)
			if it.Label == "HelloRetryRequest" {
				name = "HelloRetryRequest"
			}
		case 11:
			it.Text += certificateText(msg, t.version)
		case 12:
			if len(msg) >= 4 && msg[0] == 3 {
				g := groupName(binary.BigEndian.Uint16(msg[1:]))
				it.Fields = append(it.Fields, field("key exchange group", g))
				it.Text += fmt.Sprintf("ServerKeyExchange carries the server's ephemeral %s public key, signed with the certificate's key over both randoms and the curve_type, named_curve and public fields (RFC 8422 §5.4). ", g)
			}
		case 14:
			it.Text += "ServerHelloDone: the server has said all it will say for now. "
		case 16:
			it.Text += "ClientKeyExchange carries the client's ephemeral public key; both sides now compute the same premaster secret. "
		}
		it.Handshake = append(it.Handshake, name)
		labels = append(labels, name)
		i += 4 + n
	}
	if len(labels) == 0 {
		// Only the start of a message that goes on in the next record:
		// name it for what it is rather than leave the arrow unlabelled.
		it.Label = "Handshake (part of a message)"
		it.Text = "The start of a TLS handshake message that continues in a later record; the importer does not join records, so its contents are not shown."
		return
	}
	if it.Label == "" || it.Label == "HelloRetryRequest" {
		it.Label = strings.Join(labels, ", ")
	}
	it.Text = strings.TrimSpace(it.Text)
	if it.Text == "" {
		it.Text = "TLS handshake: " + strings.Join(labels, ", ") + "."
	}
}

// hello holds what a ClientHello or ServerHello says.
type hello struct {
	random   []byte
	session  []byte
	suites   []uint16
	ext      []extension
	versions []uint16
	groups   []uint16 // key shares
	alpn     []string
	sni      string
}

type extension struct {
	typ  uint16
	at   int // offset of the extension in the message
	data []byte
}

// parseHello reads a ClientHello (client) or ServerHello body.
func parseHello(msg []byte, client bool) (h hello, ok bool) {
	c := cursor{b: msg}
	c.skip(2)
	h.random = c.bytes(32)
	h.session = c.vec8()
	if client {
		s := c.vec16()
		for i := 0; i+1 < len(s); i += 2 {
			h.suites = append(h.suites, binary.BigEndian.Uint16(s[i:]))
		}
		c.vec8()
	} else {
		h.suites = []uint16{c.u16()}
		c.skip(1)
	}
	if c.bad {
		return h, false
	}
	if c.left() == 0 {
		return h, true
	}
	exts := c.vec16()
	base := c.i - len(exts)
	for i := 0; i+4 <= len(exts); {
		typ, n := binary.BigEndian.Uint16(exts[i:]), int(binary.BigEndian.Uint16(exts[i+2:]))
		if i+4+n > len(exts) {
			break
		}
		e := extension{typ: typ, at: base + i, data: exts[i+4 : i+4+n]}
		h.ext = append(h.ext, e)
		ec := cursor{b: e.data}
		switch typ {
		case 0:
			list := cursor{b: ec.vec16()}
			if list.u8() == 0 {
				h.sni = string(list.vec16())
			}
		case 16:
			list := cursor{b: ec.vec16()}
			for list.left() > 0 && !list.bad {
				h.alpn = append(h.alpn, string(list.vec8()))
			}
		case 43:
			if client {
				v := ec.vec8()
				for j := 0; j+1 < len(v); j += 2 {
					h.versions = append(h.versions, binary.BigEndian.Uint16(v[j:]))
				}
			} else {
				h.versions = []uint16{ec.u16()}
			}
		case 51:
			if client {
				list := cursor{b: ec.vec16()}
				for list.left() > 0 && !list.bad {
					h.groups = append(h.groups, list.u16())
					list.vec16()
				}
			} else {
				h.groups = []uint16{ec.u16()}
			}
		}
		i += 4 + n
	}
	return h, !c.bad
}

func (ss *streams) clientHello(t *tlsConn, side int, msg []byte, it *Item) {
	h, ok := parseHello(msg, true)
	if !ok {
		return
	}
	t.client, t.clientRandom, t.sni, t.started = side, h.random, h.sni, true
	it.Label = "ClientHello"
	if h.sni != "" {
		it.Label += " (SNI " + h.sni + ")"
		it.Fields = append(it.Fields, field("server name (SNI)", h.sni))
	}
	if len(h.alpn) > 0 {
		it.Fields = append(it.Fields, field("ALPN", strings.Join(h.alpn, ", ")))
	}
	var vs, gs []string
	for _, v := range h.versions {
		if v&0x0f0f != 0x0a0a {
			// "TLS 1.3", without its code; an unknown version is its code.
			name, _, _ := strings.Cut(versionName(v), " (")
			vs = append(vs, name)
		}
	}
	for _, g := range h.groups {
		gs = append(gs, groupName(g))
	}
	if len(vs) > 0 {
		it.Fields = append(it.Fields, field("supported versions", strings.Join(vs, ", ")))
	}
	if len(gs) > 0 {
		it.Fields = append(it.Fields, field("key shares", strings.Join(gs, ", ")))
	}
	it.Fields = append(it.Fields, field("cipher suites", fmt.Sprintf("%d offered", len(h.suites))))
	it.Text = fmt.Sprintf("The client's first TLS message, in the clear: 32 random bytes, %d cipher suites it accepts, and extensions", len(h.suites))
	if h.sni != "" {
		it.Text += fmt.Sprintf(" — the name of the site it wants (**%s**, readable by anyone on the path)", h.sni)
	}
	if len(vs) > 0 {
		it.Text += ", the versions it speaks (" + strings.Join(vs, ", ") + ")"
	}
	if len(gs) > 0 {
		it.Text += ", and a key share for " + strings.Join(gs, ", ") + ", so that a TLS 1.3 server can answer with keys in one round trip"
	}
	it.Text += "."
}

func (ss *streams) serverHello(t *tlsConn, msg []byte, it *Item) {
	h, ok := parseHello(msg, false)
	if !ok {
		return
	}
	t.suite = h.suites[0]
	t.version = 0x0303
	if len(msg) >= 2 {
		t.version = binary.BigEndian.Uint16(msg)
	}
	if len(h.versions) == 1 {
		t.version = h.versions[0]
	}
	if string(h.random) == string(helloRetryRandom) {
		it.Label = "HelloRetryRequest"
	} else {
		it.Label = "ServerHello"
	}
	it.Fields = append(it.Fields, field("version", versionName(t.version)), field("cipher suite", suiteName(t.suite)))
	if len(h.groups) == 1 && t.version == 0x0304 {
		it.Fields = append(it.Fields, field("key share", groupName(h.groups[0])))
		it.Text = fmt.Sprintf("The server picks TLS 1.3 and %s, and sends its own %s key share. Both sides can now compute the handshake secret: everything the server sends after this is encrypted (RFC 8446 §7.1).", tls.CipherSuiteName(t.suite), groupName(h.groups[0]))
	} else {
		it.Text = fmt.Sprintf("The server picks %s and %s.", versionName(t.version), tls.CipherSuiteName(t.suite))
	}
}

// helloRetryRandom is the ServerHello.random of a HelloRetryRequest (RFC 8446 §4.1.3).
var helloRetryRandom = []byte{0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
	0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C}

func certificateText(msg []byte, version uint16) string {
	c := cursor{b: msg}
	if version == 0x0304 {
		c.vec8() // certificate_request_context
	}
	list := cursor{b: c.vec24()}
	n := 0
	var subject string
	for list.left() > 0 && !list.bad {
		der := list.vec24()
		if version == 0x0304 {
			list.vec16() // extensions
		}
		if n == 0 {
			if cert, err := x509.ParseCertificate(der); err == nil {
				subject = cert.Subject.CommonName
				if len(cert.DNSNames) > 0 {
					subject = strings.Join(cert.DNSNames, ", ")
				}
			}
		}
		n++
	}
	if subject == "" {
		return fmt.Sprintf("Certificate: a chain of %d certificates. ", n)
	}
	return fmt.Sprintf("Certificate: a chain of %d certificate(s); the first is for **%s**. ", n, subject)
}

// cursor reads TLS's length-prefixed vectors; any overrun sets bad.
type cursor struct {
	b   []byte
	i   int
	bad bool
}

func (c *cursor) left() int { return len(c.b) - c.i }

func (c *cursor) bytes(n int) []byte {
	if n < 0 || c.left() < n {
		c.bad = true
		c.i = len(c.b)
		return nil
	}
	c.i += n
	return c.b[c.i-n : c.i]
}

func (c *cursor) skip(n int) { c.bytes(n) }

func (c *cursor) u8() int {
	b := c.bytes(1)
	if b == nil {
		return -1
	}
	return int(b[0])
}

func (c *cursor) u16() uint16 {
	b := c.bytes(2)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint16(b)
}

func (c *cursor) vec8() []byte { return c.bytes(c.u8()) }

func (c *cursor) vec16() []byte {
	if c.left() < 2 {
		c.bad = true
		return nil
	}
	return c.bytes(int(c.u16()))
}

func (c *cursor) vec24() []byte {
	b := c.bytes(3)
	if b == nil {
		return nil
	}
	return c.bytes(int(b[0])<<16 | int(b[1])<<8 | int(b[2]))
}

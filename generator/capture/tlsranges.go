package capture

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/lessongen/lessongen/generator/content"
)

// recordRanges names a TLS record's bytes; at is where it starts in the packet.
func recordRanges(at int, rec []byte, it *Item) content.ByteRange {
	typ := rec[0]
	ver := binary.BigEndian.Uint16(rec[1:])
	n := len(rec) - 5
	parts := []content.ByteRange{group(at, 5, "Record header", "", "",
		r(at, 1, "Content type", fmt.Sprintf("%s (%d)", contentTypes[typ], typ)),
		r(at+1, 2, "Legacy record version", versionName(ver)),
		r(at+3, 2, "Length", fmt.Sprint(n)))}
	body := at + 5
	switch {
	case n == 0:
	case it.Secure:
		if n > 16 {
			v := "ciphertext"
			if inner := it.inner(); inner != "" {
				v = "decrypted: " + inner
			}
			parts = append(parts, r(body, n-16, "Encrypted data", v), r(body+n-16, 16, "Authentication tag", "AEAD tag (16 bytes)"))
		} else {
			parts = append(parts, r(body, n, "Encrypted data", "ciphertext"))
		}
	case typ == 22:
		parts = append(parts, handshakeRanges(body, rec[5:])...)
	case typ == 20:
		parts = append(parts, r(body, n, "Change cipher spec message", fmt.Sprint(rec[5])))
	case typ == 21 && n == 2:
		level := map[byte]string{1: "warning (1)", 2: "fatal (2)"}[rec[5]]
		parts = append(parts, r(body, 1, "Alert level", level), r(body+1, 1, "Alert description", fmt.Sprintf("%s (%d)", alertName(rec[6]), rec[6])))
	default:
		parts = append(parts, r(body, n, "Fragment", fmt.Sprintf("%d bytes", n)))
	}
	note := "A TLS record: five bytes of header, then the fragment. The version field says TLS 1.2 or older, whatever is negotiated, for the sake of middleboxes (RFC 8446 §5.1)."
	if it.Secure {
		note = "An encrypted TLS record: to the network it is opaque bytes and their length; the AEAD tag lets the receiver detect any change (RFC 8446 §5.2)."
	}
	return group(at, len(rec), "TLS record: "+it.Label, "", note, parts...)
}

// inner names what an encrypted record held, once decrypted.
func (it *Item) inner() string {
	switch {
	case len(it.Handshake) > 0:
		return strings.Join(it.Handshake, ", ")
	case it.Alert != "":
		return "alert " + it.Alert
	case it.Proto == "HTTP":
		return "HTTP: " + it.Label
	}
	return ""
}

func handshakeRanges(at int, body []byte) []content.ByteRange {
	var out []content.ByteRange
	for i := 0; i+4 <= len(body); {
		typ, n := body[i], int(body[i+1])<<16|int(body[i+2])<<8|int(body[i+3])
		if i+4+n > len(body) {
			out = append(out, r(at+i, len(body)-i, "Part of a handshake message", ""))
			break
		}
		name := handshakeNames[typ]
		if name == "" {
			name = fmt.Sprintf("Handshake message %d", typ)
		}
		parts := []content.ByteRange{
			r(at+i, 1, "Handshake type", fmt.Sprintf("%s (%d)", name, typ)),
			r(at+i+1, 3, "Length", fmt.Sprint(n)),
		}
		msg := body[i+4 : i+4+n]
		if typ == 1 || typ == 2 {
			parts = append(parts, helloRanges(at+i+4, msg, typ == 1)...)
		} else if n > 0 {
			parts = append(parts, r(at+i+4, n, name+" body", fmt.Sprintf("%d bytes", n)))
		}
		out = append(out, group(at+i, 4+n, name, "", "", parts...))
		i += 4 + n
	}
	return out
}

// helloRanges names the fields of a ClientHello or ServerHello at at.
func helloRanges(at int, msg []byte, client bool) []content.ByteRange {
	h, ok := parseHello(msg, client)
	if !ok {
		return nil
	}
	out := []content.ByteRange{
		r(at, 2, "Legacy version", versionName(binary.BigEndian.Uint16(msg))),
		r(at+2, 32, "Random", "32 random bytes; they make every handshake's keys unique"),
	}
	i := 34
	out = append(out, group(at+i, 1+len(h.session), "Legacy session ID", fmt.Sprintf("%d bytes", len(h.session)), "",
		r(at+i, 1, "Length", fmt.Sprint(len(h.session)))))
	i += 1 + len(h.session)
	if client {
		names := make([]string, 0, 4)
		for _, s := range h.suites {
			if len(names) < 4 && s&0x0f0f != 0x0a0a {
				names = append(names, strings.Fields(suiteName(s))[0])
			}
		}
		value := fmt.Sprintf("%d suites: %s", len(h.suites), strings.Join(names, ", "))
		if len(h.suites) > len(names) {
			value += "…"
		}
		out = append(out, group(at+i, 2+2*len(h.suites), "Cipher suites", value, "", r(at+i, 2, "Length", fmt.Sprint(2*len(h.suites)))))
		i += 2 + 2*len(h.suites)
		cm := int(msg[i])
		out = append(out, r(at+i, 1+cm, "Compression methods", "null only, as TLS 1.3 requires"))
		i += 1 + cm
	} else {
		out = append(out, r(at+i, 2, "Cipher suite", suiteName(h.suites[0])), r(at+i+2, 1, "Compression method", "null (0)"))
		i += 3
	}
	if i+2 > len(msg) {
		return out
	}
	exts := []content.ByteRange{r(at+i, 2, "Length", fmt.Sprint(len(msg)-i-2))}
	for _, e := range h.ext {
		name := extensionNames[e.typ]
		if name == "" {
			name = fmt.Sprintf("extension %d", e.typ)
			if e.typ&0x0f0f == 0x0a0a {
				name = "GREASE"
			}
		}
		exts = append(exts, group(at+e.at, 4+len(e.data), "Extension: "+name, extValue(e, h, client), "",
			r(at+e.at, 2, "Type", fmt.Sprintf("%s (%d)", name, e.typ)),
			r(at+e.at+2, 2, "Length", fmt.Sprint(len(e.data)))))
	}
	out = append(out, group(at+i, len(msg)-i, "Extensions", fmt.Sprint(len(h.ext)), "", exts...))
	return out
}

func extValue(e extension, h hello, client bool) string {
	switch e.typ {
	case 0:
		return h.sni
	case 16:
		return strings.Join(h.alpn, ", ")
	case 43:
		var vs []string
		for _, v := range h.versions {
			vs = append(vs, versionName(v))
		}
		return strings.Join(vs, ", ")
	case 51:
		var gs []string
		for _, g := range h.groups {
			gs = append(gs, groupName(g))
		}
		return strings.Join(gs, ", ")
	case 10:
		c := cursor{b: e.data}
		list := cursor{b: c.vec16()}
		var gs []string
		for list.left() > 0 && !list.bad {
			gs = append(gs, groupName(list.u16()))
		}
		return strings.Join(gs, ", ")
	}
	return ""
}

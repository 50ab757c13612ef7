package capture

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"strings"

	"golang.org/x/crypto/chacha20poly1305"
)

// keyLog holds the secrets of an NSS key log (the format SSLKEYLOGFILE
// writes), by client random and then label.
type keyLog struct {
	secrets map[string]map[string][]byte
}

// parseKeyLog reads a key log; lines it cannot read are reported by number.
func parseKeyLog(data []byte) (*keyLog, []string) {
	k := &keyLog{secrets: map[string]map[string][]byte{}}
	var bad []string
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			bad = append(bad, fmt.Sprintf("line %d: expected \"LABEL CLIENT_RANDOM SECRET\", found %d words", i+1, len(f)))
			continue
		}
		cr, err1 := hex.DecodeString(f[1])
		secret, err2 := hex.DecodeString(f[2])
		if err1 != nil || err2 != nil || len(cr) != 32 {
			bad = append(bad, fmt.Sprintf("line %d: the client random and the secret must be hex, the random 32 bytes", i+1))
			continue
		}
		m := k.secrets[string(cr)]
		if m == nil {
			m = map[string][]byte{}
			k.secrets[string(cr)] = m
		}
		m[f[0]] = secret
	}
	return k, bad
}

func (k *keyLog) secret(clientRandom []byte, label string) []byte {
	if k == nil {
		return nil
	}
	return k.secrets[string(clientRandom)][label]
}

// protection is one direction's traffic keys (RFC 8446 §7.3).
type protection struct {
	aead cipher.AEAD
	iv   []byte
	seq  uint64
}

// suiteParams gives a TLS 1.3 cipher suite's hash and AEAD.
func suiteParams(suite uint16) (func() hash.Hash, int, func([]byte) (cipher.AEAD, error)) {
	gcm := func(key []byte) (cipher.AEAD, error) {
		b, err := aes.NewCipher(key)
		if err != nil {
			return nil, err
		}
		return cipher.NewGCM(b)
	}
	switch suite {
	case 0x1301:
		return sha256.New, 16, gcm
	case 0x1302:
		return sha512.New384, 32, gcm
	case 0x1303:
		return sha256.New, 32, chacha20poly1305.New
	}
	return nil, 0, nil
}

// expandLabel is HKDF-Expand-Label (RFC 8446 §7.1).
func expandLabel(h func() hash.Hash, secret []byte, label string, length int) ([]byte, error) {
	full := "tls13 " + label
	info := make([]byte, 0, 4+len(full))
	info = binary.BigEndian.AppendUint16(info, uint16(length))
	info = append(info, byte(len(full)))
	info = append(info, full...)
	info = append(info, 0) // empty context
	return hkdf.Expand(h, secret, string(info), length)
}

// newProtection derives the key and IV of a traffic secret.
func newProtection(suite uint16, secret []byte) (*protection, error) {
	h, keyLen, mk := suiteParams(suite)
	if h == nil {
		return nil, fmt.Errorf("cipher suite %s is not a TLS 1.3 suite this importer decrypts", suiteName(suite))
	}
	key, err := expandLabel(h, secret, "key", keyLen)
	if err != nil {
		return nil, err
	}
	iv, err := expandLabel(h, secret, "iv", 12)
	if err != nil {
		return nil, err
	}
	aead, err := mk(key)
	if err != nil {
		return nil, err
	}
	return &protection{aead: aead, iv: iv}, nil
}

// open decrypts a TLS 1.3 record (RFC 8446 §5.2) and returns the inner
// content type and plaintext.
func (pr *protection) open(rec []byte) (byte, []byte, error) {
	nonce := bytes.Clone(pr.iv)
	for i := 0; i < 8; i++ {
		nonce[len(nonce)-1-i] ^= byte(pr.seq >> (8 * i))
	}
	plain, err := pr.aead.Open(nil, nonce, rec[5:], rec[:5])
	if err != nil {
		return 0, nil, err
	}
	pr.seq++
	// The inner plaintext is content, the real type, then zero padding.
	i := len(plain) - 1
	for i >= 0 && plain[i] == 0 {
		i--
	}
	if i < 0 {
		return 0, nil, fmt.Errorf("no content type inside the record")
	}
	return plain[i], plain[:i], nil
}

// secretLabels are the key log labels of each direction's handshake and
// application traffic secrets, client first.
var secretLabels = [2][2]string{
	{"CLIENT_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0"},
	{"SERVER_HANDSHAKE_TRAFFIC_SECRET", "SERVER_TRAFFIC_SECRET_0"},
}

// decrypt13 names an encrypted TLS 1.3 record, decrypting it when the key
// log has the connection's secrets.
func (ss *streams) decrypt13(t *tlsConn, side int, p *Packet, rec []byte, it *Item) {
	d := &t.dir[side]
	role := 1
	if side == t.client {
		role = 0
	}
	who := [2]string{"client", "server"}[role]
	it.Label = "Encrypted record"
	it.Text = fmt.Sprintf("An encrypted record from the %s: %d bytes that only the two ends can read. Without the keys, the outer content type always says application_data (RFC 8446 §5.2).", who, len(rec)-5)
	if d.epoch == 0 {
		it.Label = "Encrypted handshake"
	}
	if d.failed || t.keys == nil || !t.started {
		return
	}
	if d.prot == nil {
		secret := t.keys.secret(t.clientRandom, secretLabels[role][min(d.epoch, 1)])
		if secret == nil {
			if d.epoch == 0 && len(t.keys.secrets) > 0 {
				ss.warn(p, "the key log has no %s for this connection's client random; its encrypted records stay unnamed", secretLabels[role][0])
			}
			d.failed = true
			return
		}
		prot, err := newProtection(t.suite, secret)
		if err != nil {
			ss.warn(p, "%v", err)
			d.failed = true
			return
		}
		d.prot, d.epoch = prot, max(d.epoch, 1)
	}
	typ, plain, err := d.prot.open(rec)
	if err != nil {
		ss.warn(p, "the %s's record does not decrypt with the key log's secret (%v); is the key log from this capture?", who, err)
		d.failed = true
		return
	}
	ss.decrypted = true
	keys := [2]string{"handshake", "application"}[min(d.epoch, 2)-1]
	switch typ {
	case 22:
		var names []string
		for i := 0; i+4 <= len(plain); {
			mt, n := plain[i], int(plain[i+1])<<16|int(plain[i+2])<<8|int(plain[i+3])
			name := handshakeNames[mt]
			if name == "" {
				name = fmt.Sprintf("handshake message %d", mt)
			}
			names = append(names, name)
			if i+4+n > len(plain) {
				break
			}
			if mt == 11 {
				it.Text = certificateText(plain[i+4:i+4+n], 0x0304)
			}
			if mt == 20 && d.epoch == 1 {
				// After its Finished, this side sends under its application
				// traffic secret (RFC 8446 §7.1).
				d.prot, d.epoch = nil, 2
				if s := t.keys.secret(t.clientRandom, secretLabels[role][1]); s != nil {
					if prot, err := newProtection(t.suite, s); err == nil {
						d.prot = prot
					}
				}
				if d.prot == nil {
					d.failed = true
				}
			}
			i += 4 + n
		}
		it.Handshake = names
		it.Label = strings.Join(names, ", ")
		it.Text = strings.TrimSpace(fmt.Sprintf("%s, encrypted with the %s's %s traffic key. %s", it.Label, who, keys, it.Text))
		if contains(names, "NewSessionTicket") {
			it.Phase = "HTTP"
			it.Text += " A NewSessionTicket lets the client resume later without a full handshake (RFC 8446 §4.6.1)."
		}
	case 21:
		if len(plain) == 2 {
			it.Alert = alertName(plain[1])
			it.Label = "Alert: " + it.Alert
			it.Close = plain[1] == 0
			it.Text = fmt.Sprintf("An encrypted alert from the %s: %s. ", who, it.Alert)
			if it.Close {
				it.Text += "close_notify says it will send no more data, so that a cut connection cannot pass for a finished one (RFC 8446 §6.1)."
			}
		}
	case 23:
		it.Phase = "HTTP"
		if head, ok := parseHTTPHead(plain); ok && httpStart(plain) {
			it.Proto, it.Label = "HTTP", head.start
			it.Fields = head.item(-1, nil).Fields
			it.Text = fmt.Sprintf("Inside the encrypted record, decrypted with the %s's application traffic key: the HTTP message `%s`.", who, head.start)
			p.addProtocol("http")
		} else {
			it.Proto, it.Label = "HTTP", fmt.Sprintf("Data: %d bytes", len(plain))
			it.Text = fmt.Sprintf("Inside the encrypted record: %d bytes of application data (%s).", len(plain), preview(plain))
			p.addProtocol("http")
		}
	}
}

// preview shows the start of some bytes as text when they are text.
func preview(b []byte) string {
	b = b[:min(len(b), 40)]
	for _, c := range b {
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c > 0x7e {
			return "binary"
		}
	}
	return fmt.Sprintf("%q", string(b))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

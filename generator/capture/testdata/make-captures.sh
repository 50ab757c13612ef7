#!/usr/bin/env bash
# Makes the real packet captures in this folder, which the capture tests
# hold against tshark. Run it as root from anywhere:
#
#   bash generator/capture/testdata/make-captures.sh
#
# Everything happens in private network namespaces (unshare -n, ip netns),
# so the servers bind the standard ports on their own loopback without
# meeting anyone else's, and nothing outside this machine is ever reached.
# Debian packages: tcpdump tshark openssl curl dnsutils dnsmasq-base
# python3 busybox iproute2.
#
# The captures change every run (random keys, times, ports): after running
# it, rerun "go test ./generator/capture -update" and review the goldens.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

if [ -z "${LESSONGEN_IN_NETNS:-}" ]; then
	exec unshare -n env LESSONGEN_IN_NETNS=1 bash "$0" "$@"
fi

work=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	ip netns del lg20-srv 2>/dev/null || true
	ip netns del lg20-cli 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

ip link set lo up
# 127.0.0.0/8 is local as a whole; IPv6 loopback has only ::1, so the
# documentation prefix (RFC 3849) gives the two IPv6 actors their addresses.
ip -6 addr add 2001:db8::2/128 dev lo nodad
ip -6 addr add 2001:db8::3/128 dev lo nodad

cd "$work"
printf 'Hello from a real capture.\n' >hello.txt
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
	-keyout key.pem -out cert.pem -days 3650 -subj /CN=www.example.test \
	-addext subjectAltName=DNS:www.example.test 2>/dev/null

# capture FILE FILTER [tcpdump options...] -- COMMAND...: runs COMMAND while
# tcpdump writes what FILTER matches on lo to FILE.
capture() {
	local file=$1 filter=$2
	shift 2
	local opts=()
	while [ "$1" != "--" ]; do opts+=("$1"); shift; done
	shift
	tcpdump -i lo -U -s 0 "${opts[@]}" -w "$file" "$filter" 2>/dev/null &
	local dump=$!
	pids+=("$dump")
	sleep 1
	"$@"
	sleep 1
	kill -INT "$dump"
	wait "$dump" || true
}

serve_tls() { # ADDRESS: openssl s_server on ADDRESS port 443, serving hello.txt
	openssl s_server -accept "$1" -cert cert.pem -key key.pem -WWW -quiet \
		-alpn http/1.1 -naccept 1 >/dev/null 2>&1 &
	pids+=($!)
	sleep 0.5
}

# TLS 1.3, AES-256-GCM with SHA-384 (the server's first choice), Ethernet
# framing (Linux's lo), the key log beside it.
serve_tls 127.0.0.2:443
capture tls13.pcap 'host 127.0.0.2' -- \
	env SSLKEYLOGFILE=tls13.keys curl -sk --tlsv1.3 --http1.1 --interface 127.0.0.3 \
	--resolve www.example.test:443:127.0.0.2 https://www.example.test/hello.txt -o /dev/null

# TLS 1.3 over IPv6 with ChaCha20-Poly1305, the keys inside the pcapng file
# as a Decryption Secrets Block.
serve_tls '[2001:db8::2]:443'
capture tls13-chacha-ipv6.pcap 'host 2001:db8::2' -- \
	env SSLKEYLOGFILE=chacha.keys curl -sk --tlsv1.3 --http1.1 --interface 2001:db8::3 \
	--tls13-ciphers TLS_CHACHA20_POLY1305_SHA256 \
	--resolve 'www.example.test:443:[2001:db8::2]' https://www.example.test/hello.txt -o /dev/null
editcap -F pcapng --inject-secrets tls,chacha.keys tls13-chacha-ipv6.pcap tls13-chacha-ipv6.pcapng
rm tls13-chacha-ipv6.pcap

# TLS 1.3 with AES-128-GCM in a Linux cooked capture (SLL2, as "-i any"
# writes), keys beside it.
serve_tls 127.0.0.2:443
tcpdump -i any -U -s 0 -w tls13-cooked.pcap 'host 127.0.0.2' 2>/dev/null &
dump=$!
pids+=("$dump")
sleep 1
SSLKEYLOGFILE=cooked.keys curl -sk --tlsv1.3 --http1.1 --interface 127.0.0.3 \
	--tls13-ciphers TLS_AES_128_GCM_SHA256 \
	--resolve www.example.test:443:127.0.0.2 https://www.example.test/hello.txt -o /dev/null
sleep 1
kill -INT "$dump"; wait "$dump" || true

# TLS 1.2 with ECDHE and AES-GCM, from the same server.
serve_tls 127.0.0.2:443
capture tls12.pcap 'host 127.0.0.2' -- \
	env SSLKEYLOGFILE=tls12.keys curl -sk --tls-max 1.2 --http1.1 --interface 127.0.0.3 \
	--resolve www.example.test:443:127.0.0.2 https://www.example.test/hello.txt -o /dev/null

# Plain HTTP/1.0 from /usr/bin/python3 -m http.server.
/usr/bin/python3 -m http.server --bind 127.0.0.2 80 -d "$work" >/dev/null 2>&1 &
pids+=($!)
sleep 1
capture http.pcap 'host 127.0.0.2' -- \
	curl -s --interface 127.0.0.3 --resolve www.example.test:80:127.0.0.2 \
	http://www.example.test/hello.txt -o /dev/null

# DNS: an answer, an empty answer (no AAAA) and a refusal from dnsmasq,
# which has no upstream server.
dnsmasq -k --no-resolv --no-hosts --bind-interfaces --listen-address=127.0.0.53 \
	--address=/www.example.test/127.0.0.2 --pid-file="$work/dnsmasq.pid" 2>/dev/null &
pids+=($!)
sleep 1
dns() {
	dig +tries=1 +time=2 -b 127.0.0.3 @127.0.0.53 www.example.test A >/dev/null
	dig +tries=1 +time=2 -b 127.0.0.3 @127.0.0.53 www.example.test AAAA >/dev/null
	dig +tries=1 +time=2 -b 127.0.0.3 @127.0.0.53 www.example.org A >/dev/null || true
}
capture dns.pcap 'host 127.0.0.53' -- dns

# A LAN: a PC joins with DHCP, finds its gateway with ARP and pings it. Two
# namespaces joined by a veth pair; dnsmasq serves DHCP from the gateway.
ip netns add lg20-srv
ip netns add lg20-cli
ip link add lg20-gw netns lg20-srv type veth peer name lg20-pc netns lg20-cli
ip -n lg20-srv link set lg20-gw address 02:00:00:00:20:01 up
ip -n lg20-cli link set lg20-pc address 02:00:00:00:20:02 up
ip -n lg20-srv addr add 192.0.2.1/24 dev lg20-gw
ip netns exec lg20-srv dnsmasq -k --port=0 --interface=lg20-gw --bind-interfaces \
	--dhcp-range=192.0.2.100,192.0.2.150,255.255.255.0,1h --dhcp-option=3,192.0.2.1 \
	--dhcp-leasefile="$work/leases" --pid-file="$work/dhcp.pid" 2>/dev/null &
pids+=($!)
cat >udhcpc.sh <<'EOF'
#!/bin/sh
[ "$1" = bound ] && ip addr add "$ip/$mask" dev "$interface"
exit 0
EOF
chmod +x udhcpc.sh
sleep 1
ip netns exec lg20-srv tcpdump -i lg20-gw -U -s 0 -w lan.pcap 2>/dev/null &
dump=$!
pids+=("$dump")
sleep 1
ip netns exec lg20-cli busybox udhcpc -i lg20-pc -f -q -n -s "$work/udhcpc.sh" >/dev/null 2>&1
ip netns exec lg20-cli busybox ping -c 2 -i 0.2 192.0.2.1 >/dev/null
sleep 1
kill -INT "$dump"; wait "$dump" || true

# Drop what the kernel sends on its own (IPv6 router solicitations and
# multicast listener reports on the new link) so the lesson is the DHCP.
tshark -r lan.pcap -w lan-clean.pcap -F pcap 'not ipv6' 2>/dev/null
mv lan-clean.pcap lan.pcap

cp tls13.pcap tls13.keys tls13-chacha-ipv6.pcapng tls13-cooked.pcap cooked.keys \
	tls12.pcap tls12.keys http.pcap dns.pcap lan.pcap "$here/"
mv "$here/cooked.keys" "$here/tls13-cooked.keys"
ls -l "$here"

package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lessongen/lessongen/generator/capture"
	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/output"
)

// pcapOptions are the flags of "import pcap".
type pcapOptions struct {
	contentDir, id, topic, keylog string
	names                         []string
	allAcks                       bool
}

func importPcapCommand() *cobra.Command {
	var o pcapOptions
	cmd := &cobra.Command{
		Use:   "pcap FILE",
		Short: "Turn a packet capture into a scene, every byte explained",
		Long: `Import pcap reads FILE, a pcap or pcapng capture (tcpdump -w, Wireshark),
and writes content/scenes/ID.yaml: one actor per host, in order of first
contact; one step per packet (per TLS record), with the flags, relative
numbers and messages Wireshark shows, a drafted narration, and the packet's
bytes with every header field named. With --keylog (the file SSLKEYLOGFILE
writes) or a pcapng file's own key log, TLS 1.3's encrypted handshake and
the HTTP inside are named too. Pure ACKs are folded into the next step's
narration unless --all-acks. It never overwrites a file; what it cannot
read is reported as FILE:packet N.`,
		Example: `  tcpdump -i lo -w https.pcap 'host 127.0.0.2'   # while curl runs
  lessongen import pcap https.pcap --keylog keys.txt --name 127.0.0.3=Browser`,
		Args: positional("FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return importPcap(args[0], o, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	contentFlag(cmd, &o.contentDir)
	f := cmd.Flags()
	f.StringVar(&o.id, "id", "", "the scene's `id` (default: from the file's name)")
	f.StringVar(&o.topic, "topic", "", "the scene's `topic` (default: the first topic of site.yaml)")
	f.StringArrayVar(&o.names, "name", nil, "name a host: `ADDR=NAME`, ADDR an IP or MAC address (repeat for more)")
	f.StringVar(&o.keylog, "keylog", "", "a TLS key log `FILE` in NSS format, as SSLKEYLOGFILE writes it")
	f.BoolVar(&o.allAcks, "all-acks", false, "keep every pure ACK as a step")
	return cmd
}

// importPcap decodes file and writes its scene, or nothing.
func importPcap(file string, o pcapOptions, stdout, stderr io.Writer) error {
	names := map[string]string{}
	for _, n := range o.names {
		addr, name, ok := strings.Cut(n, "=")
		addr, name = strings.TrimSpace(addr), strings.TrimSpace(name)
		if !ok || name == "" {
			return usagef("--name %q: write ADDR=NAME, such as --name 192.0.2.1=Gateway", n)
		}
		if a, err := netip.ParseAddr(addr); err == nil {
			addr = a.String()
		} else if m, err := net.ParseMAC(addr); err == nil {
			addr = m.String()
		} else {
			return usagef("--name %q: %q is neither an IP nor a MAC address", n, addr)
		}
		names[addr] = name
	}
	id := o.id
	if id == "" {
		id = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		if content.IDProblem(id) != "" {
			id = slug(id)
		}
	}
	if msg := content.IDProblem(id); msg != "" {
		return usagef("--id %q %s", id, msg)
	}
	opts := options(o.contentDir)
	site, diags := content.Load(opts.Content, opts.ContentName)
	if site == nil {
		report(stderr, diags)
		return errReported
	}
	topic, err := pickTopic(site, o.topic)
	if err != nil {
		return err
	}
	var keylog []byte
	if o.keylog != "" {
		if info, err := os.Stat(o.keylog); err != nil {
			return err
		} else if info.Size() > capture.MaxKeyLog {
			return fmt.Errorf("%s is %d bytes; a key log for one capture is a few lines (up to %d bytes read)", o.keylog, info.Size(), capture.MaxKeyLog)
		}
		if keylog, err = os.ReadFile(o.keylog); err != nil {
			return err
		}
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	name := filepath.ToSlash(file)
	c, err := capture.Decode(f, capture.Options{Name: name, KeyLog: keylog})
	if err != nil {
		return err
	}
	d, summary := c.Draft(capture.DraftOptions{Topic: topic, Names: names, AllAcks: o.allAcks})
	if len(d.Steps) == 0 {
		for _, w := range c.Warnings {
			fmt.Fprintln(stderr, w)
		}
		return fmt.Errorf("%s: no packet the importer reads (%s); capture TCP, UDP with DNS or DHCP, ARP or ICMP echo", name, strings.Join(summary, "; "))
	}
	p := filepath.Join(o.contentDir, "scenes", id+".yaml")
	data, err := content.MarshalDraft(d)
	if err != nil {
		return err
	}
	if _, ds := content.ParseScene(data, filepath.ToSlash(p)); ds.HasErrors() {
		return fmt.Errorf("the scene made from %s does not load; please report this:\n%s", name, ds)
	}
	for _, w := range c.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	if err := output.CreateNew([]output.File{{Path: p, Data: data}}); err != nil {
		var ex *output.ExistsError
		if errors.As(err, &ex) {
			fmt.Fprintf(stderr, "%s: the file exists already; nothing was written. Choose another --id, or move the file away\n", filepath.ToSlash(ex.Path))
			return errReported
		}
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d actors, %d steps from %d packets\n", filepath.ToSlash(p), len(d.Actors), len(d.Steps), len(c.Packets))
	if !c.Decrypted && keylog != nil {
		fmt.Fprintln(stdout, "the key log decrypted nothing: TLS 1.3 records stay unnamed")
	}
	for _, s := range summary {
		fmt.Fprintln(stdout, s)
	}
	return nil
}

// slug turns a file name into an id: lower case, other characters as "-".
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "capture"
	}
	return out
}

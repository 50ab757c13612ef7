package i18n

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/lessongen/lessongen/generator/content"
)

// Select returns the units that args name, for "lessongen i18n confirm".
// An argument is a unit as KeyArg writes it ("tcp-handshake/steps.syn.label"),
// a prefix of one ending at a dot or slash ("tcp-handshake/steps.syn", or
// "tcp-handshake" for the whole file), or the place "lessongen i18n
// status" prints ("content/locales/es/tcp-handshake.yaml:12:5").
func Select(units []content.Unit, args []string) ([]content.Unit, error) {
	var out []content.Unit
	seen := map[int]bool{}
	var bad []string
	for _, arg := range args {
		n := 0
		for i, u := range units {
			if matches(u, arg) {
				n++
				if !seen[i] {
					seen[i] = true
					out = append(out, u)
				}
			}
		}
		if n == 0 {
			bad = append(bad, arg)
		}
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("no translated string is named %s; name one as \"lessongen i18n status\" does: SCENE/KEY (such as https/steps.syn.label) or FILE:LINE", strings.Join(quoteAll(bad), ", "))
	}
	return out, nil
}

func matches(u content.Unit, arg string) bool {
	key := KeyArg(u)
	if key == arg || strings.HasPrefix(key, arg+".") || strings.HasPrefix(key, arg+"/") {
		return true
	}
	// FILE:LINE[:COL], as status prints it.
	file, rest, ok := strings.Cut(arg, ".yaml:")
	if !ok || u.Tr == nil || !strings.HasSuffix(file+".yaml", "/"+u.File) && file+".yaml" != u.File {
		return false
	}
	line, _, _ := strings.Cut(rest, ":")
	n, err := strconv.Atoi(line)
	return err == nil && (u.Tr.Pos.Line == n || u.Tr.KeyPos.Line == n)
}

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = strconv.Quote(x)
	}
	return out
}

// Confirm returns the changes that confirm the units: each translated unit
// becomes current, as it is. Units without a translation are refused.
func Confirm(units []content.Unit) ([]content.Change, error) {
	var out []content.Change
	var missing []string
	for _, u := range units {
		if u.State() == content.Missing {
			missing = append(missing, KeyArg(u))
			continue
		}
		if u.State() == content.Current && u.Tr.Rec != nil && !u.Tr.Rec.Stale {
			continue // already current and recorded so
		}
		out = append(out, content.Change{Unit: u})
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("nothing to confirm in %s: not translated yet", strings.Join(missing, ", "))
	}
	return out, nil
}

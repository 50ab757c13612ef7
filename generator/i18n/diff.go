package i18n

import "strings"

// A Segment is a run of words of a word diff: in both texts, only in the
// old one, or only in the new one.
type Segment struct {
	Text string
	Op   Op
}

// Op says which texts a segment is in.
type Op int

// The operations of a diff.
const (
	Same Op = iota
	Deleted
	Inserted
)

// WordDiff returns the word-level changes that turn old into new: the
// longest common subsequence of their words, with the whitespace between
// words kept as in the text they come from.
func WordDiff(old, new string) []Segment {
	a, b := words(old), words(new)
	// lcs[i][j] is the length of the longest common subsequence of a[i:]
	// and b[j:]. Source texts are a few hundred words at most.
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if strings.TrimSpace(a[i]) == strings.TrimSpace(b[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []Segment
	add := func(text string, op Op) {
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += text
			return
		}
		out = append(out, Segment{text, op})
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case strings.TrimSpace(a[i]) == strings.TrimSpace(b[j]):
			add(b[j], Same)
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			add(a[i], Deleted)
			i++
		default:
			add(b[j], Inserted)
			j++
		}
	}
	for ; i < len(a); i++ {
		add(a[i], Deleted)
	}
	for ; j < len(b); j++ {
		add(b[j], Inserted)
	}
	return out
}

// words splits s into words, each with the whitespace that follows it.
func words(s string) []string {
	var out []string
	start := 0
	inSpace := false
	for i, r := range s {
		space := r == ' ' || r == '\n' || r == '\t'
		if !space && inSpace {
			out = append(out, s[start:i])
			start = i
		}
		inSpace = space
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

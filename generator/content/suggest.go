package content

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// didYouMean returns the candidate closest to s when it is close enough to be
// a likely typo, or "". Ties go to the earlier candidate, so the hint is the
// same on every run.
func didYouMean(s string, candidates []string) string {
	best, bestDist := "", -1
	n := utf8.RuneCountInString(s)
	limit := max(1, n/3)
	for _, c := range candidates {
		// The lengths alone rule most candidates out, and keep a hostile
		// 3 MB id from costing a 3 MB × len(c) table.
		if m := utf8.RuneCountInString(c); m-n > limit || n-m > limit {
			continue
		}
		dist := editDistance(strings.ToLower(s), strings.ToLower(c))
		if dist <= limit && (bestDist < 0 || dist < bestDist) {
			best, bestDist = c, dist
		}
	}
	return best
}

// suggestField is the second half of an "unknown field" message.
func suggestField(s string, known []string) string {
	if m := didYouMean(s, known); m != "" {
		return fmt.Sprintf("did you mean %q?", m)
	}
	return "expected one of: " + strings.Join(known, ", ")
}

// suggestRef is the second half of an "unknown actor/topic/scene" message.
func suggestRef(s, what string, known []string) string {
	if m := didYouMean(s, known); m != "" {
		return fmt.Sprintf("did you mean %q?", m)
	}
	if len(known) == 0 {
		return fmt.Sprintf("there are no %ss yet", what)
	}
	return fmt.Sprintf("the %ss are: %s", what, strings.Join(known, ", "))
}

// editDistance counts the single-character insertions, deletions,
// substitutions and swaps of neighbours that turn a into b (the optimal
// string alignment distance), so that "lable" is one edit from "label".
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

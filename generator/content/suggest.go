package content

import (
	"fmt"
	"strings"
)

// didYouMean returns the candidate closest to s when it is close enough to be
// a likely typo, or "". Ties go to the earlier candidate, so the hint is the
// same on every run.
func didYouMean(s string, candidates []string) string {
	best, bestDist := "", -1
	limit := max(1, len([]rune(s))/3)
	for _, c := range candidates {
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

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

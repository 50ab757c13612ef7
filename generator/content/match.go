package content

import (
	"sort"
	"strconv"

	"github.com/lessongen/lessongen/generator/diag"
)

// A matching lines the entries of a locale file up with the strings of the
// source they translate. Most entries are found by their key. The others
// are found by what their records say they were made from, so that a
// translation follows its string when keys change:
//   - a step without an id is keyed by its number, which changes when a
//     step is inserted, removed or moved above it;
//   - a phase is keyed by its title, which changes when it is renamed;
//   - an author may rename a step id, an actor id, a field or a URL.
//
// An entry that cannot be matched is an orphan: it is reported, and shown
// on no page, so that a translation never lands on another string.
type matching struct {
	// at holds the entry that translates each string, by the string's
	// key (pathKey).
	at map[string]matched
	// orphans are the entries that translate nothing, in file order.
	orphans []Orphan
}

// matched is the entry of a locale file that translates a string.
type matched struct {
	tr *Translation
	// file is the entry's key path in the file; it differs from the
	// string's key when the entry was matched by its record.
	file []string
}

// An Orphan is an entry of a locale file whose source string is gone.
type Orphan struct {
	// Key is the entry's key path in its file.
	Key []string
	Pos diag.Pos
	// What names the kind of string: "step", "field", "actor"...
	What string
	// Known lists the keys the source has for this kind of string, for a
	// suggestion.
	Known []string
}

// side is one entry or one source string, as align compares them.
type side struct {
	key string
	// positional is set for an entry keyed by a step number: its key says
	// nothing about which step it translates.
	positional bool
	// fps are the fingerprints of its strings, by the string's name within
	// it ("label", "fields\x00seq"; "" for a single string).
	fps map[string]string
}

// score counts the strings of a and b with the same fingerprint: how sure
// it is that entry a was made from source b.
func score(a, b side) int {
	n := 0
	for k, fp := range a.fps {
		if fp != "" && b.fps[k] == fp {
			n++
		}
	}
	return n
}

// align matches the entries old to the source strings new, both in order,
// and returns for each entry the index of its string, or -1. In turn:
//  1. an entry whose key is a string's key (unless positional) is its;
//  2. the remaining entries are matched in order to the remaining strings
//     with the most fingerprints in common (a longest common subsequence),
//     which follows inserted and removed steps;
//  3. an entry left over is matched to the string left over that it has
//     most in common with, when each is the other's best: a moved step;
//  4. between two matched pairs, lo and hi, the entries left over are
//     matched to the strings left over that pairable allows: all in order
//     when there are as many of each, or else each entry that only one
//     string may pair with. That finds a string changed beyond recognition
//     where it stood, such as a renamed phase, whose translation is then
//     stale rather than lost.
func align(old, new []side, pairable func(i, j int, lo, hi pair) bool) []int {
	res := make([]int, len(old))
	taken := make([]bool, len(new))
	for i := range res {
		res[i] = -1
	}
	byKey := map[string]int{}
	for j, n := range new {
		if !n.positional {
			byKey[n.key] = j
		}
	}
	for i, o := range old {
		if j, ok := byKey[o.key]; ok && !o.positional && !taken[j] {
			res[i], taken[j] = j, true
		}
	}
	var oi, nj []int
	for i := range old {
		if res[i] < 0 {
			oi = append(oi, i)
		}
	}
	for j := range new {
		if !taken[j] {
			nj = append(nj, j)
		}
	}
	if len(oi) == 0 || len(nj) == 0 {
		return res // every entry found by its key, or no string left for the rest
	}
	// 2. Weighted longest common subsequence of what is left.
	if len(oi) > 0 && len(nj) > 0 {
		w := func(a, b int) int { return score(old[oi[a]], new[nj[b]]) }
		best := make([][]int, len(oi)+1)
		for a := range best {
			best[a] = make([]int, len(nj)+1)
		}
		for a := len(oi) - 1; a >= 0; a-- {
			for b := len(nj) - 1; b >= 0; b-- {
				v := max(best[a+1][b], best[a][b+1])
				if s := w(a, b); s > 0 {
					v = max(v, s+best[a+1][b+1])
				}
				best[a][b] = v
			}
		}
		for a, b := 0, 0; a < len(oi) && b < len(nj); {
			if s := w(a, b); s > 0 && best[a][b] == s+best[a+1][b+1] {
				res[oi[a]], taken[nj[b]] = nj[b], true
				a, b = a+1, b+1
			} else if best[a][b] == best[a+1][b] {
				a++
			} else {
				b++
			}
		}
	}
	// 3. Mutual best matches among what is still left.
	bestFor := func(i int) (int, bool) {
		bj, bs, tie := -1, 0, false
		for j := range new {
			if taken[j] {
				continue
			}
			if s := score(old[i], new[j]); s > bs {
				bj, bs, tie = j, s, false
			} else if s == bs && s > 0 {
				tie = true
			}
		}
		return bj, bj >= 0 && !tie
	}
	for i := range old {
		if res[i] >= 0 {
			continue
		}
		j, ok := bestFor(i)
		if !ok {
			continue
		}
		mutual := true
		for k := range old {
			if k != i && res[k] < 0 && score(old[k], new[j]) >= score(old[i], new[j]) {
				mutual = false
			}
		}
		if mutual {
			res[i], taken[j] = j, true
		}
	}
	// 4. Equal runs left over between matched pairs that keep their order.
	inv := make([]int, len(new))
	for j := range inv {
		inv[j] = -1
	}
	for i, j := range res {
		if j >= 0 {
			inv[j] = i
		}
	}
	anchors := []pair{{-1, -1}}
	for j, i := range inv {
		if i > anchors[len(anchors)-1].i {
			anchors = append(anchors, pair{i, j})
		}
	}
	anchors = append(anchors, pair{len(old), len(new)})
	for k := 1; k < len(anchors); k++ {
		lo, hi := anchors[k-1], anchors[k]
		var gi, gj []int
		for i := lo.i + 1; i < hi.i; i++ {
			if res[i] < 0 {
				gi = append(gi, i)
			}
		}
		for j := lo.j + 1; j < hi.j; j++ {
			if !taken[j] {
				gj = append(gj, j)
			}
		}
		ok := len(gi) == len(gj)
		for x := 0; ok && x < len(gi); x++ {
			ok = pairable(gi[x], gj[x], lo, hi)
		}
		if ok {
			for x := range gi {
				res[gi[x]], taken[gj[x]] = gj[x], true
			}
			continue
		}
		// Otherwise each entry that only one string may pair with.
		for _, i := range gi {
			cand, n := -1, 0
			for _, j := range gj {
				if !taken[j] && pairable(i, j, lo, hi) {
					cand, n = j, n+1
				}
			}
			if n == 1 {
				res[i], taken[cand] = cand, true
			}
		}
	}
	return res
}

// always and never are the pairable of align for kinds of string whose
// entries may, or may not, be matched by position alone. Only a phase is:
// its key is its title, so renaming it changes its key. Ids, field names
// and URLs change rarely, and a new one in the place of an old one is more
// often another string than the same one renamed.
func always(int, int, pair, pair) bool { return true }

func never(int, int, pair, pair) bool { return false }

// pair is an entry's index and its string's, as align matched them; -1 and
// the lengths stand for the start and the end.
type pair struct{ i, j int }

// entries returns the keys of m in the order they appear in the file.
func entries[V any](m map[string]V, pos func(V) diag.Pos) []string {
	keys := sortedKeys(m)
	sort.SliceStable(keys, func(a, b int) bool {
		pa, pb := pos(m[keys[a]]), pos(m[keys[b]])
		if pa.Line != pb.Line {
			return pa.Line < pb.Line
		}
		return pa.Col < pb.Col
	})
	return keys
}

func fpOf(t Translation) string {
	if t.Rec == nil {
		return ""
	}
	return t.Rec.SourceFP
}

func keyPos(t Translation) diag.Pos { return t.KeyPos }

// matchMap matches the entries of a map of single strings (actor names by
// id, phase titles, reference titles by URL, topic titles by id) to the
// source's keys and texts, adding them to m under prefix.
func (m *matching) matchMap(tr map[string]Translation, keys, texts []string, pairable func(int, int, pair, pair) bool, what string, prefix ...string) {
	old := entries(tr, keyPos)
	os := make([]side, len(old))
	for i, k := range old {
		os[i] = side{key: k, fps: map[string]string{"": fpOf(tr[k])}}
	}
	ns := make([]side, len(keys))
	for j, k := range keys {
		ns[j] = side{key: k, fps: map[string]string{"": Fingerprint(texts[j])}}
	}
	for i, j := range align(os, ns, pairable) {
		t := tr[old[i]]
		file := append(append([]string{}, prefix...), old[i])
		if j < 0 {
			m.orphans = append(m.orphans, Orphan{Key: file, Pos: t.KeyPos, What: what, Known: keys})
			continue
		}
		m.at[pathKey(append(append([]string{}, prefix...), keys[j])...)] = matched{&t, file}
	}
}

// matchScene lines the translation tr up with the scene sc.
func matchScene(sc *Scene, tr *SceneTranslation) *matching {
	m := &matching{at: map[string]matched{}}
	if tr.Title.Pos != (diag.Pos{}) {
		m.at[pathKey("title")] = matched{&tr.Title, []string{"title"}}
	}
	if tr.Summary.Pos != (diag.Pos{}) {
		m.at[pathKey("summary")] = matched{&tr.Summary, []string{"summary"}}
	}
	var ids, names []string
	for _, a := range sc.Actors {
		ids, names = append(ids, a.ID), append(names, a.Name)
	}
	m.matchMap(tr.Actors, ids, names, never, "actor", "actors")
	m.matchSteps(sc, tr)
	ps := phases(sc)
	m.matchMap(tr.Phases, ps, ps, always, "phase", "phases")
	bw := byteWords(sc)
	m.matchMap(tr.Bytes, bw, bw, always, "byte-view text", "bytes")
	fn := fieldNames(sc)
	m.matchMap(tr.FieldNames, fn, fn, always, "field name", "field_names")
	var urls, titles []string
	for _, r := range sc.References {
		urls, titles = append(urls, r.URL), append(titles, r.Title)
	}
	m.matchMap(tr.References, urls, titles, never, "reference", "references")
	return m
}

// matchSteps matches the step entries of tr to the steps of sc, then the
// field entries of each step to its fields.
func (m *matching) matchSteps(sc *Scene, tr *SceneTranslation) {
	old := entries(tr.Steps, func(st *StepTranslation) diag.Pos { return st.KeyPos })
	os := make([]side, len(old))
	for i, k := range old {
		st := tr.Steps[k]
		fps := map[string]string{"label": fpOf(st.Label), "text": fpOf(st.Text), "wait": fpOf(st.Wait)}
		for name, f := range st.Fields {
			fps[pathKey("fields", name)] = fpOf(f)
		}
		os[i] = side{key: k, positional: atoi(k) > 0 && strconv.Itoa(atoi(k)) == k, fps: fps}
	}
	ns := make([]side, len(sc.Steps))
	keys := make([]string, len(sc.Steps))
	for j, st := range sc.Steps {
		fps := map[string]string{"label": Fingerprint(st.Label), "text": Fingerprint(st.Text), "wait": Fingerprint(st.Wait)}
		for _, f := range st.Fields {
			fps[pathKey("fields", f.Name)] = Fingerprint(f.Value)
		}
		ns[j], keys[j] = side{key: st.Key, positional: st.ID == "", fps: fps}, st.Key
	}
	// Only an entry keyed by number may go to a step by position alone, and
	// only to a step without an id (an id is the author's word on which step
	// is which), and only to the step of its number, or of its number moved
	// by as many steps as the neighbouring entries matched were moved.
	shift := func(a pair) (int, bool) {
		if a.i < 0 || a.i >= len(old) || !os[a.i].positional {
			return 0, false
		}
		return atoi(keys[a.j]) - atoi(old[a.i]), true
	}
	pairable := func(i, j int, lo, hi pair) bool {
		if !os[i].positional || !ns[j].positional {
			return false
		}
		d := atoi(keys[j]) - atoi(old[i])
		s1, ok1 := shift(lo)
		s2, ok2 := shift(hi)
		return d == 0 || ok1 && s1 == d || ok2 && s2 == d
	}
	for i, j := range align(os, ns, pairable) {
		stt := tr.Steps[old[i]]
		if j < 0 {
			m.orphans = append(m.orphans, Orphan{Key: []string{"steps", old[i]}, Pos: stt.KeyPos, What: "step", Known: keys})
			continue
		}
		st := sc.Steps[j]
		if stt.Label.Pos != (diag.Pos{}) {
			m.at[pathKey("steps", st.Key, "label")] = matched{&stt.Label, []string{"steps", old[i], "label"}}
		}
		if stt.Text.Pos != (diag.Pos{}) {
			m.at[pathKey("steps", st.Key, "text")] = matched{&stt.Text, []string{"steps", old[i], "text"}}
		}
		switch {
		case stt.Wait.Pos == (diag.Pos{}):
		case st.Wait == "":
			m.orphans = append(m.orphans, Orphan{Key: []string{"steps", old[i], "wait"}, Pos: stt.Wait.KeyPos, What: "wait", Known: []string{st.Key}})
		default:
			m.at[pathKey("steps", st.Key, "wait")] = matched{&stt.Wait, []string{"steps", old[i], "wait"}}
		}
		var names, values []string
		for _, f := range st.Fields {
			names, values = append(names, f.Name), append(values, f.Value)
		}
		sub := &matching{at: map[string]matched{}}
		sub.matchMap(stt.Fields, names, values, never, "field", "steps", old[i], "fields")
		for _, name := range names {
			if e, ok := sub.at[pathKey("steps", old[i], "fields", name)]; ok {
				m.at[pathKey("steps", st.Key, "fields", name)] = e
			}
		}
		m.orphans = append(m.orphans, sub.orphans...)
	}
	sort.SliceStable(m.orphans, func(a, b int) bool { return m.orphans[a].Pos.Line < m.orphans[b].Pos.Line })
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// matchSite lines the site.yaml of language l up with the site.
func matchSite(s *Site, l *Language) *matching {
	m := &matching{at: map[string]matched{}}
	if l.Title.Pos != (diag.Pos{}) {
		m.at[pathKey("title")] = matched{&l.Title, []string{"title"}}
	}
	if l.Description.Pos != (diag.Pos{}) {
		m.at[pathKey("description")] = matched{&l.Description, []string{"description"}}
	}
	var ids, titles []string
	for _, t := range s.Topics {
		ids, titles = append(ids, t.ID), append(titles, t.Title)
	}
	m.matchMap(l.Topics, ids, titles, never, "topic", "topics")
	return m
}

package content

// In returns the site as readers of language l see it: each string in its
// translation where l has one, and in the source language otherwise, with
// the matching ...Lang field set to the source language's tag so that the
// page can mark it. A missing translation never leaves a string empty, a
// data string (see IsData) is shown as it is without being marked, and an
// orphaned translation (see matching) is shown nowhere.
//
// A stale translation is shown: it is the translator's latest word, and
// "lessongen i18n status --strict" keeps it from being published unnoticed.
func (s *Site) In(l *Language) *Site {
	if l.Source {
		return s
	}
	src := s.Language
	out := *s
	out.Topics = append([]Topic(nil), s.Topics...)
	s.each(&out, translate(s.sources, l.siteMatch(), src))
	out.Scenes = make([]*Scene, len(s.Scenes))
	for i, sc := range s.Scenes {
		var tr uint64
		if t := l.Scenes[sc.ID]; t != nil {
			tr = s.Files[t.Path]
		}
		key := translated{lang: l.Tag, src: src, scene: s.Files[sc.Path], tr: tr}
		out.Scenes[i] = s.cache.translated(sc.Path, key, func() *Scene { return sc.in(l, src) })
	}
	return &out
}

// in translates one scene; see Site.In.
func (sc *Scene) in(l *Language, src string) *Scene {
	out := sc.clone()
	out.Lang = l.Tag
	sc.each(out, translate(sc.sources, l.sceneMatch(sc.ID), src))
	return out
}

// translate returns the walk that puts each string's translation in place.
func translate(src sources, m *matching, srcLang string) func([]string, string, func(string, string)) {
	return func(key []string, text string, set func(string, string)) {
		k := pathKey(key...)
		if e, ok := m.at[k]; ok && e.tr.Text != "" {
			set(e.tr.Text, "")
			return
		}
		info := src[k]
		if text == "" || info.Mark == MarkData || (info.Mark == Auto && IsData(text)) {
			set(text, "") // nothing to translate: the same in every language
			return
		}
		set(text, srcLang)
	}
}

package content

// In returns the site as readers of language l see it: each string in its
// translation where l has one, and in the source language otherwise, with
// the matching ...Lang field set to the source language's tag so that the
// page can mark it. A missing translation never leaves a string empty.
func (s *Site) In(l *Language) *Site {
	if l.Source {
		return s
	}
	src := s.Language
	out := *s
	out.Title, out.TitleLang = pick(s.Title, l.Title, src)
	out.Description, out.DescriptionLang = pick(s.Description, l.Description, src)
	out.Topics = make([]Topic, len(s.Topics))
	for i, t := range s.Topics {
		t.Title, t.TitleLang = pick(t.Title, l.Topics[t.ID], src)
		out.Topics[i] = t
	}
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
func (s *Scene) in(l *Language, src string) *Scene {
	tr := l.Scenes[s.ID]
	if tr == nil {
		tr = &SceneTranslation{}
	}
	out := *s
	out.Lang = l.Tag
	out.Title, out.TitleLang = pick(s.Title, tr.Title, src)
	out.Summary, out.SummaryLang = pick(s.Summary, tr.Summary, src)
	out.Actors = make([]Actor, len(s.Actors))
	for i, a := range s.Actors {
		a.Name, a.NameLang = pick(a.Name, tr.Actors[a.ID], src)
		out.Actors[i] = a
	}
	out.Steps = make([]Step, len(s.Steps))
	for i, st := range s.Steps {
		stt := tr.Steps[st.Key]
		if stt == nil {
			stt = &StepTranslation{}
		}
		st.Label, st.LabelLang = pick(st.Label, stt.Label, src)
		st.Text, st.TextLang = pick(st.Text, stt.Text, src)
		if st.Phase != "" {
			st.Phase, st.PhaseLang = pick(st.Phase, tr.Phases[st.Phase], src)
		}
		fields := make([]Field, len(st.Fields))
		for j, f := range st.Fields {
			f.Value, f.ValueLang = pick(f.Value, stt.Fields[f.Name], src)
			fields[j] = f
		}
		st.Fields = fields
		out.Steps[i] = st
	}
	out.References = make([]Reference, len(s.References))
	for i, r := range s.References {
		r.Title, r.TitleLang = pick(r.Title, tr.References[r.URL], src)
		out.References[i] = r
	}
	return &out
}

// pick returns the translation when there is one, or the source text and
// the source language.
func pick(source string, tr Translation, srcLang string) (string, string) {
	if tr.Text != "" {
		return tr.Text, ""
	}
	if source == "" {
		return "", ""
	}
	return source, srcLang
}

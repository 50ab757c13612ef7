package content

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

var sceneFields = []string{"title", "summary", "topic", "order", "actors", "steps", "references", "related"}

var stepFields = []string{"id", "from", "to", "note", "label", "text", "fields", "reply", "secure", "lost", "phase"}

// scene decodes one scene file. Cross-file references (topic, related) are
// checked by Load once every file is read.
func (d *decoder) scene(root *yaml.Node, id string) *Scene {
	m := d.fields(root, "scene", sceneFields...)
	s := &Scene{ID: id, Path: d.path}
	s.Title = d.required(root, m, "scene", "title")
	if e, ok := m["summary"]; ok {
		s.Summary = d.str(e)
	}
	s.Topic = d.required(root, m, "scene", "topic")
	if e, ok := m["topic"]; ok {
		s.TopicPos = d.pos(e.value)
	}
	if e, ok := m["order"]; ok {
		s.Order = d.integer(e)
	}
	// When the actors themselves are wrong, references to them are not
	// checked: one mistake, one message.
	before := d.diags.Errors()
	if e, ok := m["actors"]; ok {
		s.Actors = d.actors(e)
	} else {
		d.errorf(root, "scene is missing \"actors\"; list who takes part, each with an id and a name")
	}
	actorsOK := d.diags.Errors() == before
	if e, ok := m["steps"]; ok {
		s.Steps = d.steps(e, s.Actors, actorsOK)
	} else {
		d.errorf(root, "scene is missing \"steps\"; list at least one message or note")
	}
	if e, ok := m["references"]; ok {
		s.References = d.references(e)
	}
	if e, ok := m["related"]; ok {
		for _, n := range d.list(e) {
			if r := d.str(entry{e.key, n}); r != "" && d.checkID(n, "related scene", r) {
				s.Related = append(s.Related, Ref{ID: r, Pos: d.pos(n)})
			}
		}
	}
	return s
}

func (d *decoder) actors(e entry) []Actor {
	items := d.list(e)
	if len(items) > MaxActors {
		d.errorf(e.value, "a scene has at most %d actors, this one has %d; split it into several scenes", MaxActors, len(items))
		return nil
	}
	if e.value.Kind == yaml.SequenceNode && len(items) == 0 {
		d.errorf(e.value, "actors is empty; list who takes part, each with an id and a name")
	}
	var out []Actor
	seen := map[string]int{}
	for _, n := range items {
		f := d.fields(n, "actor", "id", "name", "kind")
		if f == nil {
			continue
		}
		a := Actor{ID: d.required(n, f, "actor", "id"), Name: d.required(n, f, "actor", "name")}
		if k, ok := f["kind"]; ok {
			a.Kind = d.str(k)
			if a.Kind != "" && !contains(Kinds, a.Kind) {
				d.errorf(k.value, "unknown actor kind %q; %s", a.Kind, suggestField(a.Kind, Kinds))
			}
		}
		d.checkLength(f["name"], a.Name, MaxName)
		if a.ID == "" {
			continue
		}
		d.checkID(f["id"].value, "actor id", a.ID)
		if line, dup := seen[a.ID]; dup {
			d.errorf(f["id"].value, "actor %q is defined twice (first at line %d)", a.ID, line)
			continue
		}
		seen[a.ID] = n.Line
		out = append(out, a)
	}
	return out
}

func (d *decoder) steps(e entry, actors []Actor, checkRefs bool) []Step {
	items := d.list(e)
	if len(items) > MaxSteps {
		d.errorf(e.value, "a scene has at most %d steps, this one has %d; split it into several scenes", MaxSteps, len(items))
		return nil
	}
	if e.value.Kind == yaml.SequenceNode && len(items) == 0 {
		d.errorf(e.value, "steps is empty; list at least one message or note")
	}
	ids := make([]string, len(actors))
	for i, a := range actors {
		ids[i] = a.ID
	}
	var out []Step
	seen := map[string]int{}
	if !checkRefs {
		ids = nil
	}
	for i, n := range items {
		st, ok := d.step(n, ids)
		if !ok {
			continue
		}
		st.Key = strconv.Itoa(i + 1)
		if st.ID != "" {
			if line, dup := seen[st.ID]; dup {
				d.errorf(n, "step id %q is used twice (first at line %d)", st.ID, line)
				continue
			}
			seen[st.ID] = n.Line
			st.Key = st.ID
		}
		out = append(out, st)
	}
	return out
}

// step decodes one step; ok is false when it is unusable.
func (d *decoder) step(n *yaml.Node, actors []string) (st Step, ok bool) {
	f := d.fields(n, "step", stepFields...)
	if f == nil {
		return st, false
	}
	before := len(*d.diags)
	st.Pos = d.pos(n)
	if e, ok := f["id"]; ok {
		st.ID = d.str(e)
		if d.checkID(e.value, "step id", st.ID) && strings.Trim(st.ID, "0123456789") == "" {
			d.errorf(e.value, "step id %q is only digits, which would clash with step numbers; use a word such as \"syn\"", st.ID)
		}
	}
	st.Label = d.required(n, f, "step", "label")
	d.checkLength(f["label"], st.Label, MaxLabel)
	if e, ok := f["text"]; ok {
		st.Text = d.str(e)
		d.checkLength(e, st.Text, MaxText)
	}
	if e, ok := f["phase"]; ok {
		st.Phase = strings.TrimSpace(d.str(e))
	}
	from, hasFrom := f["from"]
	to, hasTo := f["to"]
	note, hasNote := f["note"]
	switch {
	case hasNote && (hasFrom || hasTo):
		d.errorf(note.key, "a step is either a message (from, to) or a note, not both")
	case hasNote:
		st.Kind = Note
		st.From, st.To = d.noteSpan(note, actors)
		for _, k := range []string{"reply", "secure", "lost"} {
			if e, ok := f[k]; ok {
				d.errorf(e.key, "%s applies only to messages (steps with from and to), not to notes", k)
			}
		}
	case hasFrom && hasTo:
		st.Kind = Message
		st.From = d.actorRef(from, d.str(from), actors)
		st.To = d.actorRef(to, d.str(to), actors)
	case hasFrom:
		d.errorf(n, "message is missing \"to\"; add the actor that receives it")
	case hasTo:
		d.errorf(n, "message is missing \"from\"; add the actor that sends it")
	default:
		d.errorf(n, "step needs \"from\" and \"to\" (a message) or \"note\" (an action of one actor)")
	}
	if e, ok := f["reply"]; ok && st.Kind == Message {
		st.Reply = d.boolean(e)
	}
	if e, ok := f["secure"]; ok && st.Kind == Message {
		st.Secure = d.boolean(e)
	}
	if e, ok := f["lost"]; ok && st.Kind == Message {
		st.Lost = d.boolean(e)
	}
	if e, ok := f["fields"]; ok {
		st.Fields = d.stepFields(e)
	}
	return st, len(*d.diags) == before
}

// actorRef resolves an actor id to its index, or reports it. A nil actors
// list means the actors could not be read, and references go unchecked.
func (d *decoder) actorRef(e entry, id string, actors []string) int {
	for i, a := range actors {
		if a == id {
			return i
		}
	}
	if id != "" && actors != nil {
		d.errorf(e.value, "unknown actor %q; %s", id, suggestRef(id, "actor", actors))
	}
	return 0
}

// noteSpan reads "note: pc" or "note: [pc, server]".
func (d *decoder) noteSpan(e entry, actors []string) (first, last int) {
	if e.value.Kind != yaml.SequenceNode {
		i := d.actorRef(e, d.str(e), actors)
		return i, i
	}
	items := e.value.Content
	if len(items) < 1 || len(items) > 2 {
		d.errorf(e.value, "note spans one or two actors, found %d", len(items))
		return 0, 0
	}
	first = d.actorRef(entry{e.key, items[0]}, d.str(entry{e.key, items[0]}), actors)
	last = d.actorRef(entry{e.key, items[len(items)-1]}, d.str(entry{e.key, items[len(items)-1]}), actors)
	return min(first, last), max(first, last)
}

func (d *decoder) stepFields(e entry) []Field {
	if e.value.Kind != yaml.MappingNode {
		d.errorf(e.value, "fields must be a mapping of \"name: value\" lines, found %s", describe(e.value))
		return nil
	}
	var out []Field
	seen := map[string]bool{}
	for i := 0; i+1 < len(e.value.Content); i += 2 {
		k, v := e.value.Content[i], e.value.Content[i+1]
		name := d.str(entry{e.key, k})
		if seen[name] {
			d.errorf(k, "field %q appears twice", name)
			continue
		}
		seen[name] = true
		out = append(out, Field{Name: name, Value: d.str(entry{k, v})})
	}
	return out
}

func (d *decoder) references(e entry) []Reference {
	var out []Reference
	for _, n := range d.list(e) {
		f := d.fields(n, "reference", "title", "url")
		if f == nil {
			continue
		}
		r := Reference{Title: d.required(n, f, "reference", "title"), URL: d.required(n, f, "reference", "url")}
		if u, err := url.Parse(r.URL); r.URL != "" && (err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "") {
			d.errorf(f["url"].value, "url %q must be a full address starting with https:// or http://", r.URL)
			continue
		}
		out = append(out, r)
	}
	return out
}

// checkLength reports a text longer than limit characters.
func (d *decoder) checkLength(e entry, s string, limit int) {
	if e.value == nil {
		return
	}
	if n := utf8.RuneCountInString(s); n > limit {
		d.errorf(e.value, "%s is %d characters long; keep it under %d", e.key.Value, n, limit)
	}
}

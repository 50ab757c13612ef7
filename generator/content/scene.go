package content

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

var sceneFields = []string{"title", "summary", "topic", "order", "actors", "steps", "references", "related"}

var stepFields = []string{"id", "from", "to", "note", "label", "text", "fields", "reply", "secure", "lost", "transit", "wait", "phase", "bytes"}

// scene decodes one scene file. Cross-file references (topic, related) are
// checked by Load once every file is read.
func (d *decoder) scene(root *yaml.Node, id string) *Scene {
	m := d.fields(root, "scene", sceneFields...)
	s := &Scene{ID: id, Path: d.path, sources: sources{}}
	s.Title = d.required(root, m, "scene", "title")
	d.checkLength(m["title"], s.Title, MaxTitle)
	d.source(s.sources, m["title"], "title")
	if e, ok := m["summary"]; ok {
		s.Summary = d.str(e)
		d.checkLength(e, s.Summary, MaxSummary)
		d.source(s.sources, e, "summary")
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
		s.Actors = d.actors(e, s.sources)
	} else {
		d.errorf(root, "scene is missing \"actors\"; list who takes part, each with an id and a name")
	}
	actorsOK := d.diags.Errors() == before
	if e, ok := m["steps"]; ok {
		s.Steps = d.steps(e, s.Actors, actorsOK, s.sources)
	} else {
		d.errorf(root, "scene is missing \"steps\"; list at least one message or note")
	}
	if e, ok := m["references"]; ok {
		s.References = d.references(e, s.sources)
	}
	if e, ok := m["related"]; ok {
		s.Related = d.related(e)
	}
	return s
}

func (d *decoder) actors(e entry, src sources) []Actor {
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
		d.source(src, f["name"], "actors", a.ID)
		out = append(out, a)
	}
	return out
}

func (d *decoder) steps(e entry, actors []Actor, checkRefs bool, src sources) []Step {
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
		st, ok := d.step(n, ids, i+1, src)
		if !ok {
			continue
		}
		if st.ID != "" {
			if line, dup := seen[st.ID]; dup {
				d.errorf(n, "step id %q is used twice (first at line %d)", st.ID, line)
				continue
			}
			seen[st.ID] = n.Line
		}
		out = append(out, st)
	}
	return out
}

// step decodes step number num; ok is false when it is unusable.
func (d *decoder) step(n *yaml.Node, actors []string, num int, src sources) (st Step, ok bool) {
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
	st.Key = strconv.Itoa(num)
	if st.ID != "" {
		st.Key = st.ID
	}
	st.Label = d.required(n, f, "step", "label")
	d.checkLength(f["label"], st.Label, MaxLabel)
	d.source(src, f["label"], "steps", st.Key, "label")
	if e, ok := f["text"]; ok {
		st.Text = d.str(e)
		d.checkLength(e, st.Text, MaxText)
		if msg := markdownProblem(st.Text); msg != "" {
			d.errorf(e.value, "text %s", msg)
		}
		d.source(src, e, "steps", st.Key, "text")
	}
	if e, ok := f["phase"]; ok {
		st.Phase = strings.TrimSpace(d.str(e))
		d.checkLength(e, st.Phase, MaxLabel)
		if _, seen := src[pathKey("phases", st.Phase)]; !seen && st.Phase != "" {
			d.source(src, e, "phases", st.Phase)
		}
	}
	if e, ok := f["wait"]; ok {
		st.Wait = strings.TrimSpace(d.str(e))
		if st.Wait == "" && e.value.Kind == yaml.ScalarNode {
			d.errorf(e.value, "wait is empty; write the time that passes before the step, such as \"RTO: 1 s\"")
		}
		d.checkLength(e, st.Wait, MaxLabel)
		d.source(src, e, "steps", st.Key, "wait")
	}
	from, hasFrom := f["from"]
	to, hasTo := f["to"]
	note, hasNote := f["note"]
	switch {
	case hasNote && (hasFrom || hasTo):
		d.errorf(note.key, "a step is either a message (from, to) or a note, not both")
	case hasNote:
		st.Kind = Note
		st.Over = d.actorList(note, actors)
		slices.Sort(st.Over)
		if len(st.Over) > 0 {
			st.From, st.To = st.Over[0], st.Over[len(st.Over)-1]
		}
		for _, k := range []string{"reply", "secure", "lost", "transit"} {
			if e, ok := f[k]; ok {
				d.errorf(e.key, "%s applies only to messages (steps with from and to), not to notes", k)
			}
		}
	case hasFrom && hasTo:
		st.Kind = Message
		st.From = d.actorRef(from, d.str(from), actors)
		st.Receivers = d.receivers(to, st.From, actors)
		// Nearest first: the order the message reaches them.
		slices.SortFunc(st.Receivers, func(a, b int) int { return abs(a-st.From) - abs(b-st.From) })
		if len(st.Receivers) > 0 {
			st.To = st.Receivers[len(st.Receivers)-1]
		}
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
	if e, ok := f["transit"]; ok && st.Kind == Message {
		st.Transit = d.transit(e, st, len(*d.diags) == before, actors)
	}
	if e, ok := f["fields"]; ok {
		st.Fields = d.stepFields(e, src, st.Key)
	}
	if e, ok := f["bytes"]; ok {
		st.Bytes = d.byteView(e, src)
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
	switch {
	case strings.TrimSpace(id) == "" && e.value.Kind == yaml.ScalarNode:
		// Reported even when the actors are broken: an empty reference is
		// wrong whatever the actors are, and would be drawn on the first.
		at := e.value
		if isNull(at) && at.Value == "" { // "from:" with nothing after it
			at = e.key
		}
		d.errorf(at, "%s names no actor; %s", e.key.Value, actorList(actors))
	case actors != nil:
		d.errorf(e.value, "unknown actor %q; %s", id, suggestRef(id, "actor", actors))
	}
	return 0
}

// actorList is the hint of a message about a missing actor reference.
func actorList(actors []string) string {
	if len(actors) == 0 {
		return "write the id of one of the scene's actors"
	}
	return "write the id of one of the actors: " + strings.Join(actors, ", ")
}

// actorList reads "note: pc" or a list of actors, "note: [pc, server]",
// and returns their indexes in the order written.
func (d *decoder) actorList(e entry, actors []string) []int {
	if e.value.Kind != yaml.SequenceNode {
		return []int{d.actorRef(e, d.str(e), actors)}
	}
	items := e.value.Content
	if len(items) == 0 {
		d.errorf(e.value, "%s lists no actors; write the id of an actor, or a list of them", e.key.Value)
		return nil
	}
	out := make([]int, 0, len(items))
	seen := map[string]int{}
	for _, item := range items {
		id := d.str(entry{e.key, item})
		if line, dup := seen[id]; dup && item.Kind == yaml.ScalarNode {
			d.errorf(item, "%q is listed twice in %s (first at line %d)", id, e.key.Value, line)
			continue
		}
		seen[id] = item.Line
		out = append(out, d.actorRef(entry{e.key, item}, id, actors))
	}
	return out
}

// receivers reads a message's "to": one actor, or a list of two or more
// on one side of the sender, from, for a broadcast.
func (d *decoder) receivers(e entry, from int, actors []string) []int {
	if e.value.Kind != yaml.SequenceNode {
		return []int{d.actorRef(e, d.str(e), actors)}
	}
	if len(e.value.Content) == 1 {
		id := d.str(entry{e.key, e.value.Content[0]})
		d.errorf(e.value, "to lists one actor; write \"to: %s\" for a message to one actor, or list two or more for a broadcast", id)
		return nil
	}
	before := d.diags.Errors()
	out := d.actorList(e, actors)
	if d.diags.Errors() != before || actors == nil {
		return out
	}
	left, right := -1, -1
	for i, r := range out {
		switch {
		case r == from:
			d.errorf(e.value.Content[i], "to lists the sender %q; a broadcast goes to the other actors", actors[from])
			return out
		case r < from && left < 0:
			left = i
		case r > from && right < 0:
			right = i
		}
	}
	if left >= 0 && right >= 0 {
		d.errorf(e.value, "a broadcast goes one way, but %q comes before the sender %q among the actors and %q after it; order the actors so that every receiver is on one side of the sender",
			actors[out[left]], actors[from], actors[out[right]])
	}
	return out
}

// transit reads how many rows a message takes to arrive. from and to are
// the message's actors, checked only when its references were sound.
func (d *decoder) transit(e entry, st Step, refsOK bool, actors []string) int {
	before := d.diags.Errors()
	n := d.integer(e)
	switch {
	case d.diags.Errors() != before:
		return 0
	case n < 1 || n > MaxTransit:
		hint := ""
		if n == 0 {
			hint = ": leave transit out for a message that arrives at once"
		}
		d.errorf(e.value, "transit is the number of rows the message takes to arrive, from 1 to %d, found %d%s", MaxTransit, n, hint)
		return 0
	case refsOK && actors != nil && st.From == st.To:
		d.errorf(e.key, "transit needs two actors; this message goes from %q to itself", actors[st.From])
		return 0
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func (d *decoder) stepFields(e entry, src sources, step string) []Field {
	if e.value.Kind != yaml.MappingNode {
		d.errorf(e.value, "fields must be a mapping of \"name: value\" lines, found %s", describe(e.value))
		return nil
	}
	if n := len(e.value.Content) / 2; n > MaxFields {
		d.errorf(e.value, "a step shows at most %d fields, this one has %d; the narration is the place for more", MaxFields, n)
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
		if n := utf8.RuneCountInString(name); n > MaxFieldName {
			d.errorf(k, "the field name is %d characters long; keep it under %d", n, MaxFieldName)
		}
		f := Field{Name: name, Value: d.str(entry{k, v})}
		if n := utf8.RuneCountInString(f.Value); n > MaxFieldValue {
			d.errorf(v, "the value of field %q is %d characters long; keep it under %d", name, n, MaxFieldValue)
		}
		out = append(out, f)
		d.source(src, entry{k, v}, "steps", step, "fields", name)
		if _, seen := src[pathKey("field_names", name)]; !seen {
			d.source(src, entry{e.key, k}, "field_names", name) // a !data tag on the name marks it
		}
	}
	return out
}

func (d *decoder) references(e entry, src sources) []Reference {
	var out []Reference
	items := d.list(e)
	if len(items) > MaxReferences {
		d.errorf(e.value, "a scene lists at most %d references, this one has %d", MaxReferences, len(items))
		return nil
	}
	for _, n := range items {
		f := d.fields(n, "reference", "title", "url")
		if f == nil {
			continue
		}
		r := Reference{Title: d.required(n, f, "reference", "title"), URL: d.required(n, f, "reference", "url")}
		d.checkLength(f["title"], r.Title, MaxReferenceTitle)
		if utf8.RuneCountInString(r.URL) > MaxURL {
			d.checkLength(f["url"], r.URL, MaxURL)
			continue
		}
		if u, err := url.Parse(r.URL); r.URL != "" && (err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "") {
			d.errorf(f["url"].value, "url %q must be a full address starting with https:// or http://", r.URL)
			continue
		}
		d.source(src, f["title"], "references", r.URL)
		out = append(out, r)
	}
	return out
}

// related reads the related scenes: ids of other scenes, each once.
// Whether they exist is checked by Load.
func (d *decoder) related(e entry) []Ref {
	items := d.list(e)
	if len(items) > MaxRelated {
		d.errorf(e.value, "a scene lists at most %d related scenes, this one has %d", MaxRelated, len(items))
		return nil
	}
	var out []Ref
	seen := map[string]int{}
	for _, n := range items {
		r := d.str(entry{e.key, n})
		switch {
		case strings.TrimSpace(r) == "" && n.Kind == yaml.ScalarNode:
			d.errorf(n, "related lists an empty id; write the id of another scene, or remove the line")
		case r == "":
		case seen[r] > 0:
			d.errorf(n, "related lists %q twice (first at line %d)", r, seen[r])
		case d.checkID(n, "related scene", r):
			seen[r] = n.Line
			out = append(out, Ref{ID: r, Pos: d.pos(n)})
		}
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

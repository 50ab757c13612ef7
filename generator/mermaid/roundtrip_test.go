package mermaid

import (
	"os"
	"reflect"
	"testing"

	"github.com/lessongen/lessongen/generator/content"
)

// said is what Mermaid can say of a scene: its actors, and for each step
// its kind, actors, label, arrow and phase.
type said struct {
	Title   string
	Summary string
	Actors  []content.Actor
	Steps   []saidStep
	// Broadcasts counts the steps with several receivers, so that the test
	// can tell it has seen some.
	Broadcasts int
}

type saidStep struct {
	Note                bool
	From, To            string
	Receivers           []string
	Wait                string
	Label, Phase        string
	Reply, Lost, Secure bool
}

func sayScene(s *content.Scene) said {
	out := said{Title: s.Title, Summary: oneLine(s.Summary)}
	for _, a := range s.Actors {
		if a.Kind != "person" && a.Kind != "database" {
			a.Kind = "" // no Mermaid symbol
		}
		out.Actors = append(out.Actors, content.Actor{ID: a.ID, Name: a.Name, Kind: a.Kind})
	}
	broadcasts := 0
	for _, st := range s.Steps {
		said := saidStep{Note: st.Kind == content.Note, From: s.Actors[st.From].ID, To: s.Actors[st.To].ID,
			Label: st.Label, Phase: st.Phase, Reply: st.Reply, Lost: st.Lost, Secure: st.Secure, Wait: st.Wait}
		for _, r := range st.Receivers {
			said.Receivers = append(said.Receivers, s.Actors[r].ID)
		}
		if len(st.Receivers) > 1 {
			broadcasts++
		}
		out.Steps = append(out.Steps, said)
	}
	out.Broadcasts = broadcasts
	return out
}

// TestRoundTrip exports every sample lesson, in every language, and
// imports it again: the same actors and steps.
func TestRoundTrip(t *testing.T) {
	site, diags := content.Load(os.DirFS("../../content"), "content")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	n, broadcasts, waits := 0, 0, 0
	for _, l := range site.Languages {
		for _, s := range site.In(l).Scenes {
			n++
			text := Export(s)
			scenes, diags := ImportFile(s.ID+".mmd", []byte(text), FileOptions{Topic: s.Topic})
			if diags.HasErrors() || len(scenes) != 1 {
				t.Errorf("%s (%s): the export does not import:\n%s\n%s", s.ID, l.Tag, diags, text)
				continue
			}
			yaml, err := content.MarshalDraft(scenes[0].Draft)
			if err != nil {
				t.Fatal(err)
			}
			back, ds := content.ParseScene(yaml, "scenes/"+s.ID+".yaml")
			if ds.HasErrors() {
				t.Fatalf("%s: %s", s.ID, ds)
			}
			want := sayScene(s)
			broadcasts += want.Broadcasts
			for _, st := range want.Steps {
				if st.Wait != "" {
					waits++
				}
			}
			if got := sayScene(back); !reflect.DeepEqual(got, want) {
				t.Errorf("%s (%s): import(export(scene)) differs\n got: %+v\nwant: %+v\n--- export:\n%s", s.ID, l.Tag, got, want, text)
			}
		}
	}
	if n < 12 || broadcasts == 0 || waits == 0 {
		t.Errorf("only %d scenes, %d broadcasts, %d waits: the round trip should cover them all", n, broadcasts, waits)
	}
}

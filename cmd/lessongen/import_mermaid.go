package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/mermaid"
	"github.com/lessongen/lessongen/generator/output"
)

func importMermaidCommand() *cobra.Command {
	var contentDir, id, topic string
	cmd := &cobra.Command{
		Use:   "mermaid FILE",
		Short: "Turn Mermaid sequence diagrams into scenes",
		Long: `Import mermaid reads FILE, a Mermaid file (.mmd) or a Markdown file whose
` + "```mermaid" + ` blocks hold sequence diagrams, and writes one scene per diagram
to content/scenes/, keeping Mermaid's order and meaning: participants become
actors, messages and notes steps, fragments (loop, alt, par...) phases. It
never overwrites a file; what a lesson cannot show is reported as a warning
at FILE:line:col, and nothing is written while there are errors.`,
		Example: `  lessongen import mermaid README.md
  lessongen import mermaid login.mmd --id login --topic web`,
		Args: positional("FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return importMermaid(args[0], id, topic, contentDir, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	contentFlag(cmd, &contentDir)
	cmd.Flags().StringVar(&id, "id", "", "the scene's `id`; ID-1, ID-2... for a file of several diagrams (default: from each title)")
	cmd.Flags().StringVar(&topic, "topic", "", "the scenes' `topic` (default: the first topic of site.yaml)")
	return cmd
}

// importMermaid writes the scenes of the diagrams in file, all of them or,
// when anything is wrong, none.
func importMermaid(file, id, topic, contentDir string, stdout, stderr io.Writer) error {
	if id != "" {
		if msg := content.IDProblem(id); msg != "" {
			return usagef("--id %q %s", id, msg)
		}
	}
	opts := options(contentDir)
	site, diags := content.Load(opts.Content, opts.ContentName)
	if site == nil {
		report(stderr, diags)
		return errReported
	}
	topic, err := pickTopic(site, topic)
	if err != nil {
		return err
	}
	name := filepath.ToSlash(file)
	info, err := os.Stat(file)
	switch {
	case err != nil:
		return err
	case info.Size() > content.MaxFileSize:
		return fmt.Errorf("%s is %.1f MB; lessongen reads files of up to %d MB", name, float64(info.Size())/(1<<20), content.MaxFileSize>>20)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	sceneDir := filepath.Join(contentDir, "scenes")
	exists := func(id string) bool {
		_, err := os.Stat(filepath.Join(sceneDir, id+".yaml"))
		return err == nil
	}
	scenes, found := mermaid.ImportFile(name, data, mermaid.FileOptions{ID: id, Topic: topic, Taken: exists})
	var files []output.File
	for _, s := range scenes {
		p := filepath.Join(sceneDir, s.ID+".yaml")
		yaml, err := content.MarshalDraft(s.Draft)
		if err != nil {
			return err
		}
		// What is written must build as it is: read it back as the
		// loader will, and treat any complaint as lessongen's own bug.
		if _, ds := content.ParseScene(yaml, filepath.ToSlash(p)); ds.HasErrors() {
			return fmt.Errorf("the scene made from %s does not load; please report this:\n%s", name, ds)
		}
		files = append(files, output.File{Path: p, Data: yaml})
	}
	report(stderr, found)
	if found.HasErrors() {
		return errReported
	}
	if err := output.CreateNew(files); err != nil {
		var ex *output.ExistsError
		if errors.As(err, &ex) {
			fmt.Fprintf(stderr, "%s: the file exists already; nothing was written. Choose another --id, or move the file away\n", filepath.ToSlash(ex.Path))
			return errReported
		}
		return err
	}
	for _, f := range files {
		fmt.Fprintf(stdout, "wrote %s\n", filepath.ToSlash(f.Path))
	}
	return nil
}

// pickTopic checks the --topic flag against site.yaml, or picks its first
// topic.
func pickTopic(site *content.Site, topic string) (string, error) {
	var ids []string
	for _, t := range site.Topics {
		ids = append(ids, t.ID)
		if t.ID == topic {
			return topic, nil
		}
	}
	switch {
	case topic == "" && len(ids) > 0:
		return ids[0], nil
	case topic == "":
		return "", usagef("site.yaml lists no topics; add one, or give --topic")
	}
	return "", usagef("--topic %q is not a topic of site.yaml; the topics are %s", topic, quoteList(ids))
}

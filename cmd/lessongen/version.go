package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// buildVersion is what the Go toolchain recorded about this binary.
type buildVersion struct {
	Module   string // the module version: v1.2.0, a pseudo-version, or "(devel)"
	Revision string // the VCS commit, when built from a checkout
	Time     string // the commit's time, RFC 3339
	Modified bool   // the checkout had uncommitted changes
}

// readVersion reads the module version and VCS stamps from the build
// information: "go install …@v1.2.0" records the version, and a build in a
// checkout records its commit (and, since Go 1.24, a pseudo-version).
func readVersion() buildVersion {
	v := buildVersion{Module: "(devel)"}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if info.Main.Version != "" {
		v.Module = info.Main.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// versionLine is the version on one line, as --version prints it.
func versionLine() string {
	v := readVersion()
	line := "lessongen " + v.Module
	switch {
	case v.Revision != "":
		line += ", commit " + v.Revision
		if v.Time != "" {
			line += " of " + v.Time
		}
		if v.Modified {
			line += ", with uncommitted changes"
		}
	case v.Module == "(devel)":
		line += ", built without version control information (by go run or go test, with -buildvcs=false, or outside a git clone)"
	}
	return line
}

func versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print lessongen's version, commit and Go version",
		Long: `Version prints the module version lessongen was built as (v1.2.0 when installed
with "go install github.com/lessongen/lessongen/cmd/lessongen@v1.2.0"), the
commit and its date when it was built from a checkout, and the Go version.`,
		Args: positional(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "%s\nbuilt with %s for %s/%s\n", versionLine(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return err
		},
	}
}

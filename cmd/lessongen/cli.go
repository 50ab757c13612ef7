package main

import (
	"github.com/spf13/cobra"
)

// contentFlag adds --content, the content folder, the same way to every
// command that reads one.
func contentFlag(cmd *cobra.Command, dir *string) {
	cmd.Flags().StringVar(dir, "content", "content", "the content `folder`: site.yaml, scenes/ and locales/")
	cmd.MarkFlagDirname("content")
}

// positional accepts exactly the arguments named, such as "ID" or "LANG";
// none when no name is given.
func positional(names ...string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) > len(names):
			return usagef("unexpected argument %q", args[len(names)])
		case len(args) < len(names):
			return usagef("missing the %s argument", names[len(args)])
		}
		return nil
	}
}

// checkPort refuses a port that no server can listen on.
func checkPort(port int) error {
	if port < 1 || port > 65535 {
		return usagef("--port %d: a port is a number from 1 to 65535", port)
	}
	return nil
}

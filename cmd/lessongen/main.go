// Command lessongen builds illustrated, animated, step-by-step lessons from
// YAML scenes into a static site. "lessongen help" lists its commands and
// "lessongen help COMMAND" tells what one does.
//
// Exit status is 0 on success, 1 when the content has errors (or a file
// cannot be written), and 2 when the command line is wrong.
//
// # Adding a command
//
// Write one new file in this folder with a function that returns the
// command, a *cobra.Command whose RunE does the work, and add that function
// to the list in newRoot below (or to its parent's list, such as i18n's in
// i18n.go, or importCommand's and exportCommand's in this file). Inside RunE:
//   - check flag values first and return usagef(...) for a bad one (exit 2),
//     before any work is done;
//   - print content problems with report(stderr, diags) and return
//     errReported (exit 1);
//   - return any other error as it is: it is printed as "lessongen: error"
//     with exit 1.
//
// Use contentFlag for --content, so every command spells and explains it the
// same way. Help, "help CMD", suggestions for misspelt commands and shell
// completion then come for free, and TestHelpEveryCommand checks the help.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// newRoot builds the command tree. Each command lives in its own file.
func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "lessongen",
		Short: "Build step-by-step lesson sites from YAML scenes",
		Long: `lessongen builds step-by-step lesson sites from YAML scenes: one page per
step, with a sequence diagram of the scene so far, the narration, and
links to move on. Start with "lessongen new site DIR".`,
		Version: versionLine(),
	}
	root.AddCommand(
		buildCommand(),
		serveCommand(),
		checkCommand(),
		newCommand(),
		schemaCommand(),
		i18nCommand(),
		importCommand(),
		exportCommand(),
		versionCommand(),
	)
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetUsageTemplate(usageTemplate)
	root.SetHelpCommand(helpCommand(root))
	root.SetOut(stdout)
	root.SetErr(stderr)
	// Made now rather than by Execute, so that it goes through
	// groupsNeedACommand and writes to stdout as set above.
	root.InitDefaultCompletionCmd()
	root.SetFlagErrorFunc(flagError)
	root.SilenceErrors, root.SilenceUsage = true, true
	groupsNeedACommand(root)
	return root
}

// importCommand groups the importers ("lessongen import mermaid FILE"...);
// it is hidden from help until a subcommand is added.
func importCommand() *cobra.Command {
	cmd := group("import", "Turn a file made by another tool into a scene")
	cmd.AddCommand(importMermaidCommand())
	cmd.AddCommand(importPcapCommand())
	return cmd
}

// exportCommand groups the exporters ("lessongen export mermaid ...").
func exportCommand() *cobra.Command {
	cmd := group("export", "Write a scene in another tool's format")
	cmd.AddCommand(exportMermaidCommand())
	return cmd
}

// group makes a command that only holds subcommands.
func group(use, short string) *cobra.Command {
	return &cobra.Command{Use: use, Short: short}
}

// usageTemplate is cobra's usage text, with "COMMAND" for the subcommand and
// no synopsis for the groups, which only hold subcommands.
const usageTemplate = `Usage:{{if not .HasAvailableSubCommands}}
  {{.UseLine}}{{else}}
  {{.CommandPath}} COMMAND{{end}}{{if .HasExample}}

Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Commands:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flags:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Global flags:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

Run "{{.CommandPath}} help COMMAND" or "{{.CommandPath}} COMMAND --help" for more about a command.{{end}}
`

// errReported means the problems were printed already; the exit status is 1.
var errReported = errors.New("reported")

// usageError is a wrong command line: exit status 2, with the message and a
// pointer to the command's help.
type usageError struct {
	msg string
}

func (e *usageError) Error() string { return e.msg }

// usagef reports a wrong command line.
func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// flagError turns pflag's complaints into usage errors, and names the
// double-dash spelling when a long flag was given with one dash.
func flagError(cmd *cobra.Command, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "unknown shorthand flag: "); ok {
		// "'c' in -content"
		if _, arg, found := strings.Cut(name, " in -"); found {
			long, _, _ := strings.Cut(arg, "=")
			if cmd.Flags().Lookup(long) != nil {
				return usagef("unknown flag -%s: long flags take two dashes, --%s", arg, long)
			}
			msg = "unknown flag -" + arg
		}
	}
	return usagef("%s", msg)
}

// groupsNeedACommand makes every command that only holds subcommands (i18n,
// new, completion...) refuse a missing or unknown subcommand with exit 2:
// cobra would print the help and exit 0.
func groupsNeedACommand(cmd *cobra.Command) {
	if !cmd.Runnable() {
		// An empty group (import, export, until their commands land)
		// stays out of the help.
		cmd.Hidden = cmd.Hidden || !cmd.HasSubCommands()
		cmd.SuggestionsMinimumDistance = 2
		cmd.Args = cobra.ArbitraryArgs
		cmd.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				cmd.SetOut(cmd.ErrOrStderr())
				cmd.Help()
				return errHelpPrinted
			}
			return unknownCommand(cmd, args[0])
		}
	}
	for _, sub := range cmd.Commands() {
		groupsNeedACommand(sub)
	}
}

// errHelpPrinted is a wrong command line whose help is printed already.
var errHelpPrinted = &usageError{}

// unknownCommand names the unknown subcommand, with suggestions.
func unknownCommand(cmd *cobra.Command, name string) error {
	msg := fmt.Sprintf("unknown command %q for %q", name, cmd.CommandPath())
	if s := cmd.SuggestionsFor(name); len(s) > 0 {
		msg += "; did you mean " + quoteList(s) + "?"
	}
	return usagef("%s", msg)
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, " or ")
}

// helpCommand is "lessongen help [COMMAND...]": help for a command on
// stdout, or exit 2 for a command that does not exist.
func helpCommand(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "Help about any command",
		Long:  `Help prints what a command does and its options, as "lessongen COMMAND --help" does.`,
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			cmd, _, err := root.Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []cobra.Completion
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					names = append(names, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd := root
			for _, name := range args {
				sub, _, err := cmd.Find([]string{name})
				if err != nil || sub == cmd {
					return unknownCommand(cmd, name)
				}
				cmd = sub
			}
			// As cobra's own help command does: the flags are added
			// when a command runs, and this one does not.
			cmd.InitDefaultHelpFlag()
			cmd.InitDefaultVersionFlag()
			return cmd.Help()
		},
	}
}

// run runs the command line args and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	var usage *usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errReported):
		return 1
	case errors.As(err, &usage):
		if usage.msg != "" {
			fmt.Fprintf(stderr, "%s: %s\n", cmd.CommandPath(), usage.msg)
			if cmd.Name() == "help" {
				cmd = root
			}
			fmt.Fprintf(stderr, "Run \"%s --help\" for usage.\n", cmd.CommandPath())
		}
		return 2
	default:
		fmt.Fprintln(stderr, "lessongen:", err)
		return 1
	}
}

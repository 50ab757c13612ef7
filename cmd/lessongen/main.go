// Command lessongen builds illustrated, animated, step-by-step lessons from
// YAML scenes into a static site.
//
// Usage:
//
//	lessongen build [--content DIR] [--out DIR] [--base-url URL]
//	lessongen serve [--content DIR] [--port 1313] [--bind 127.0.0.1] [--open]
//	lessongen check [--content DIR]
//	lessongen new scene ID [--topic T] [--title "..."]
//	lessongen schema NAME
//	lessongen i18n status [--content DIR] [--lang L] [--strict]
//	lessongen i18n extract [--content DIR] LANG
//	lessongen version
//
// Exit status is 0 on success, 1 when the content has errors, and 2 when the
// command line is wrong.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// version is set by the linker for releases.
var version = "devel"

const usage = `lessongen builds step-by-step lesson sites from YAML scenes.

Usage:
  lessongen build [--content DIR] [--out DIR] [--base-url URL]
  lessongen serve [--content DIR] [--port 1313] [--bind 127.0.0.1] [--open]
  lessongen check [--content DIR]
  lessongen new scene ID [--topic T] [--title "..."]
  lessongen schema NAME
  lessongen i18n status [--content DIR] [--lang L] [--strict]
  lessongen i18n extract [--content DIR] LANG
  lessongen version

Run "lessongen COMMAND --help" for a command's options.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// errUsage marks a wrong command line; its message is already printed.
var errUsage = errors.New("usage")

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "build":
		err = buildCmd(args[1:], stdout, stderr)
	case "serve":
		err = serveCmd(args[1:], stdout, stderr)
	case "check":
		err = checkCmd(args[1:], stdout, stderr)
	case "new":
		err = newCmd(args[1:], stdout, stderr)
	case "schema":
		err = schemaCmd(args[1:], stdout, stderr)
	case "i18n":
		err = i18nCmd(args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "lessongen", version)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "lessongen: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errReported):
		return 1
	default:
		fmt.Fprintln(stderr, "lessongen:", err)
		return 1
	}
}

// flags makes a FlagSet that prints its usage to stderr and reports errors
// as errUsage.
func flags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: lessongen %s\n\nOptions:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	return nil
}

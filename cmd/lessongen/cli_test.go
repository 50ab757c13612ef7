package main

import (
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// commandPaths lists every command a user can type, as argument lists:
// ["build"], ["i18n", "status"], ["completion", "bash"]...
func commandPaths() [][]string {
	var paths [][]string
	var walk func(cmd *cobra.Command, path []string)
	walk = func(cmd *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range cmd.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				walk(sub, append(append([]string{}, path...), sub.Name()))
			}
		}
	}
	walk(newRoot(io.Discard, io.Discard), nil)
	return paths
}

// TestHelpEveryCommand asks every command for its help three ways: --help,
// -h and "lessongen help CMD". Each prints the same text to stdout, with its
// synopsis, and exits 0.
func TestHelpEveryCommand(t *testing.T) {
	paths := commandPaths()
	if len(paths) < 15 {
		t.Fatalf("only %d commands found: %v", len(paths), paths)
	}
	for _, path := range paths {
		name := strings.Join(append([]string{"lessongen"}, path...), " ")
		code, stdout, stderr := runCLI(append(path, "--help")...)
		if code != 0 || stderr != "" || !strings.Contains(stdout, "\nUsage:\n  "+name) {
			t.Errorf("%s --help: exit %d, stderr %q, stdout:\n%s", name, code, stderr, stdout)
			continue
		}
		if c, out, _ := runCLI(append(path, "-h")...); c != 0 || out != stdout {
			t.Errorf("%s -h: exit %d, differs from --help", name, c)
		}
		if c, out, errs := runCLI(append([]string{"help"}, path...)...); c != 0 || out != stdout {
			t.Errorf("lessongen help %s: exit %d, stderr %q; stdout differs from --help:\n%s", strings.Join(path, " "), c, errs, out)
		}
		if strings.Contains(stdout, " -content") || strings.Contains(stdout, "\n  -") && !strings.Contains(stdout, "-h, --help") {
			t.Errorf("%s --help shows a flag with one dash:\n%s", name, stdout)
		}
	}
}

// TestCommandLineErrors: every wrong command line exits 2 before doing any
// work, names what is wrong on stderr and points at the help.
func TestCommandLineErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string // the first line of stderr
	}{
		{[]string{"frobnicate"}, `lessongen: unknown command "frobnicate" for "lessongen"`},
		{[]string{"buidl"}, `lessongen: unknown command "buidl" for "lessongen"; did you mean "build"?`},
		{[]string{"i18n", "stat"}, `lessongen i18n: unknown command "stat" for "lessongen i18n"; did you mean "status"?`},
		{[]string{"i18n", "frob"}, `lessongen i18n: unknown command "frob" for "lessongen i18n"`},
		{[]string{"new", "sitte"}, `lessongen new: unknown command "sitte" for "lessongen new"; did you mean "site"?`},
		{[]string{"completion", "tcsh"}, `lessongen completion: unknown command "tcsh" for "lessongen completion"; did you mean "bash" or "fish" or "zsh"?`},
		{[]string{"help", "nope"}, `lessongen help: unknown command "nope" for "lessongen"`},
		{[]string{"help", "i18n", "nope"}, `lessongen help: unknown command "nope" for "lessongen i18n"`},
		{[]string{"build", "--nope"}, `lessongen build: unknown flag: --nope`},
		{[]string{"build", "-content", "x"}, `lessongen build: unknown flag -content: long flags take two dashes, --content`},
		{[]string{"build", "-q"}, `lessongen build: unknown flag -q`},
		{[]string{"build", "extra"}, `lessongen build: unexpected argument "extra"`},
		{[]string{"build", "--out"}, `lessongen build: flag needs an argument: --out`},
		{[]string{"build", "--base-url", "mrdupont.github.io/x/"}, `lessongen build: --base-url "mrdupont.github.io/x/" has no scheme; write https://mrdupont.github.io/x/`},
		{[]string{"build", "--base-url", "javascript:alert(1)"}, `lessongen build: --base-url "javascript:alert(1)" is not an http or https URL (such as https://user.github.io/lessons/ or /lessons/)`},
		{[]string{"build", "--base-url", "https://example.com/\nDisallow: /"}, `lessongen build: --base-url "https://example.com/\nDisallow: /" contains U+000A, which a URL cannot hold`},
		{[]string{"build", "--base-url", "https://example.com/my lessons/"}, `lessongen build: --base-url "https://example.com/my lessons/" contains a space; write it as %20`},
		{[]string{"build", "--base-url", "lessons"}, `lessongen build: --base-url "lessons" is neither an absolute http(s) URL nor a path starting with "/" (such as https://user.github.io/lessons/ or /lessons/)`},
		{[]string{"build", "--base-url", "https:///x/"}, `lessongen build: --base-url "https:///x/" has no host (such as https://user.github.io/lessons/ or /lessons/)`},
		{[]string{"build", "--base-url", "//example.com/x/"}, `lessongen build: --base-url "//example.com/x/" has no scheme; write https://example.com/x/`},
		{[]string{"serve", "--port", "99999"}, `lessongen serve: --port 99999: a port is a number from 1 to 65535`},
		{[]string{"serve", "--port", "0"}, `lessongen serve: --port 0: a port is a number from 1 to 65535`},
		{[]string{"serve", "--port", "http"}, `lessongen serve: invalid argument "http" for "--port" flag: strconv.ParseInt: parsing "http": invalid syntax`},
		{[]string{"serve", "--bind", "my laptop"}, `lessongen serve: --bind "my laptop": give an IP address of this computer, such as 127.0.0.1 or 0.0.0.0 for every one`},
		{[]string{"new", "scene"}, `lessongen new scene: missing the ID argument`},
		{[]string{"new", "scene", "a", "b"}, `lessongen new scene: unexpected argument "b"`},
		{[]string{"new", "scene", "Bad Id"}, `lessongen new scene: the id "Bad Id" must use only a-z, 0-9 and '-', starting with a letter or digit (for example "bad-id")`},
		{[]string{"new", "scene", "x/../../y"}, `lessongen new scene: the id "x/../../y" must use only a-z, 0-9 and '-', starting with a letter or digit (for example "x-y")`},
		{[]string{"new", "scene", "TCP -- the handshake"}, `lessongen new scene: the id "TCP -- the handshake" must use only a-z, 0-9 and '-', starting with a letter or digit (for example "tcp-the-handshake")`},
		{[]string{"schema"}, `lessongen schema: missing the NAME argument`},
		{[]string{"new", "site"}, `lessongen new site: missing the DIR argument`},
		{[]string{"new", "site", "x", "--language", "en_US"}, `lessongen new site: --language "en_US" is not a BCP 47 language tag spelt canonically (such as en, fr, zh-Hans or pt-BR)`},
		{[]string{"new", "site", "x", "--title", "a\x1b[2Kb"}, `lessongen new site: --title "a\x1b[2Kb" holds a control character`},
		{[]string{"schema", "nope"}, `lessongen schema: unknown schema "nope"; the schemas are site, scene, locale-site, locale-scene, ui`},
		{[]string{"i18n", "extract", "EN_us"}, `lessongen i18n extract: "EN_us" is not a BCP 47 language tag spelt canonically (such as ja, zh-Hans or pt-BR)`},
		{[]string{"version", "now"}, `lessongen version: unexpected argument "now"`},
	} {
		code, stdout, stderr := runCLI(tc.args...)
		first, rest, _ := strings.Cut(stderr, "\n")
		if code != 2 || first != tc.want || !strings.HasPrefix(rest, "Run \"lessongen") || stdout != "" {
			t.Errorf("lessongen %q: exit %d, stdout %q, stderr:\n%s\nwant exit 2 and:\n%s", tc.args, code, stdout, stderr, tc.want)
		}
	}
}

// TestGroupWithoutCommand: "lessongen", "lessongen i18n" alone print their
// help to stderr and exit 2, as the go command does.
func TestGroupWithoutCommand(t *testing.T) {
	for _, args := range [][]string{nil, {"i18n"}, {"new"}, {"completion"}} {
		code, stdout, stderr := runCLI(args...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, "\nUsage:\n  lessongen") || !strings.Contains(stderr, "\nCommands:\n") {
			t.Errorf("lessongen %q: exit %d, stdout %q, stderr:\n%s", args, code, stdout, stderr)
		}
	}
}

func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		code, stdout, stderr := runCLI("completion", shell)
		if code != 0 || stderr != "" || !strings.Contains(stdout, "lessongen") || len(stdout) < 1000 {
			t.Errorf("completion %s: exit %d, %d bytes, stderr %q", shell, code, len(stdout), stderr)
		}
	}
	// What the shell scripts ask for: the commands, then a command's flags.
	_, stdout, _ := runCLI("__complete", "bu")
	if !strings.HasPrefix(stdout, "build\t") {
		t.Errorf("completing \"bu\": %q", stdout)
	}
	_, stdout, _ = runCLI("__complete", "serve", "--p")
	if !strings.Contains(stdout, "--port\t") {
		t.Errorf("completing \"serve --p\": %q", stdout)
	}
	_, stdout, _ = runCLI("__complete", "schema", "")
	if !strings.HasPrefix(stdout, "site\nscene\n") {
		t.Errorf("completing \"schema \": %q", stdout)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, stdout, _ := runCLI(args...)
		// go test builds without VCS stamps: the line says so, rather than
		// a bare "devel".
		if code != 0 || !strings.HasPrefix(stdout, "lessongen (devel), built without version control information") {
			t.Errorf("lessongen %v: exit %d, %q", args, code, stdout)
		}
	}
}

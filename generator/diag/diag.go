// Package diag holds source positions and the diagnostics every stage of
// lessongen reports against them.
//
// A Diagnostic prints as "path:line:col: message", the form editors and
// terminals turn into a link. Stages collect diagnostics in a List rather than
// stopping at the first problem, so an author sees every mistake in one run.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a place in a source file. Line and Col count from 1; Col counts
// characters (runes), not bytes, so it matches what editors show. A zero Line
// means the whole file.
type Pos struct {
	Path string
	Line int
	Col  int
}

// String formats the position as "path:line:col", or just "path" when the
// position names the whole file.
func (p Pos) String() string {
	if p.Line == 0 {
		return Printable(p.Path)
	}
	return fmt.Sprintf("%s:%d:%d", Printable(p.Path), p.Line, p.Col)
}

// Severity tells an error, which stops the build, from a warning, which does not.
type Severity int

// The severities, in the order they sort.
const (
	Error Severity = iota
	Warning
)

// Diagnostic is one problem found in the content.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string
}

// String formats the diagnostic as "path:line:col: message", with
// "warning: " before the message of a warning.
func (d Diagnostic) String() string {
	if d.Severity == Warning {
		return d.Pos.String() + ": warning: " + Printable(d.Message)
	}
	return d.Pos.String() + ": " + Printable(d.Message)
}

// List collects diagnostics. The zero value is ready to use.
type List []Diagnostic

// Errorf adds an error at pos. A string argument of a %q verb is quoted
// with Quote, so content is escaped and cut to MaxQuoted characters, and
// the message is made Printable.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Message: sprintf(format, args)})
}

// Warnf adds a warning at pos, formatted as Errorf formats errors.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Message: sprintf(format, args)})
}

// Errors counts the errors in the list.
func (l List) Errors() int {
	n := 0
	for _, d := range l {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool { return l.Errors() > 0 }

// Sort orders the list by path, line and column, then errors before
// warnings, then message, so the output is the same on every run whatever
// order the files were read in.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos.Path != b.Pos.Path {
			return a.Pos.Path < b.Pos.Path
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.Message < b.Message
	})
}

// String prints one diagnostic a line.
func (l List) String() string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// Error makes a List with errors usable as an error value.
func (l List) Error() string { return strings.TrimSuffix(l.String(), "\n") }

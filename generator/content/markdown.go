package content

import (
	"fmt"
	"strings"
)

// markdownProblem says what in a narration would make rendering it slow or
// its HTML huge for its length, or returns "": quotes and lists nested
// deeper than MaxDepth (">>>>>…" is thousands of nested quotes), and
// tables wider than MaxTableColumns or with more than MaxTableCells cells
// (every row gets a cell for every column, so a header of a thousand
// columns over a thousand "|" lines is a million cells). It reads the text
// line by line, as a Markdown parser finds blocks, without parsing it.
func markdownProblem(text string) string {
	lines := strings.Split(text, "\n")
	fence := ""
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], "\r")
		trimmed := strings.TrimLeft(line, " ")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if f := fenceOf(trimmed); f != "" {
			fence = f
			continue
		}
		if depth := nesting(line); depth > MaxDepth {
			return fmt.Sprintf("nests quotes and lists %d deep on line %d; keep it under %d", depth, i+1, MaxDepth)
		}
		if cols := delimiterRow(trimmed); cols > 0 && i > 0 {
			if cols > MaxTableColumns {
				return fmt.Sprintf("has a table of %d columns on line %d; keep it under %d", cols, i, MaxTableColumns)
			}
			rows := 2
			for i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
				i++
				rows++
			}
			if cells := rows * cols; cells > MaxTableCells {
				return fmt.Sprintf("has a table of %d cells (%d rows of %d columns); keep it under %d", cells, rows, cols, MaxTableCells)
			}
		}
	}
	return ""
}

// fenceOf returns the fence a line opens a code block with ("```", "~~~"),
// or "".
func fenceOf(trimmed string) string {
	for _, c := range []string{"`", "~"} {
		n := len(trimmed) - len(strings.TrimLeft(trimmed, c))
		if n >= 3 {
			return strings.Repeat(c, n)
		}
	}
	return ""
}

// nesting counts the quote and list markers a line starts with, and its
// indentation in steps of four spaces, each a level of nesting.
func nesting(line string) int {
	depth := 0
	for {
		spaces := len(line) - len(strings.TrimLeft(line, " \t"))
		depth += spaces / 4
		line = line[spaces:]
		switch {
		case strings.HasPrefix(line, ">"):
			line = line[1:]
		case len(line) >= 2 && strings.ContainsRune("-+*", rune(line[0])) && line[1] == ' ':
			line = line[2:]
		default:
			digits := len(line) - len(strings.TrimLeft(line, "0123456789"))
			if digits == 0 || digits > 9 || len(line) < digits+2 || (line[digits] != '.' && line[digits] != ')') || line[digits+1] != ' ' {
				return depth
			}
			line = line[digits+2:]
		}
		depth++
	}
}

// delimiterRow returns the number of columns of a table's delimiter row
// ("| --- | :-: |"), or 0 when the line is not one.
func delimiterRow(trimmed string) int {
	if !strings.Contains(trimmed, "-") || strings.Trim(trimmed, "|:- \t") != "" {
		return 0
	}
	cells := strings.Split(strings.Trim(strings.TrimSpace(trimmed), "|"), "|")
	if len(cells) < 2 && !strings.Contains(trimmed, "|") {
		return 0 // a thematic break or a heading's underline
	}
	return len(cells)
}

package main

import (
	"io"
	"strings"

	"github.com/lessongen/lessongen/schema"
)

func schemaCmd(args []string, stdout, stderr io.Writer) error {
	fs := flags("schema", "schema NAME\n\nPrints the JSON Schema of a content file; NAME is one of "+strings.Join(schema.Names, ", ")+".\nThe same schemas are in the schema/ folder of the lessongen repository.", stderr)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() != 1 || schema.Get(fs.Arg(0)) == nil {
		fs.Usage()
		return errUsage
	}
	_, err := stdout.Write(schema.Get(fs.Arg(0)))
	return err
}

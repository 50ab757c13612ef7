// Package mermaid reads and writes Mermaid sequence diagrams.
//
// Parse reads one diagram's source into a Diagram: participants and the
// statements between them, each with where it was written. It follows
// Mermaid's own grammar (sequenceDiagram.jison in mermaid-js/mermaid): the
// same keywords, case-insensitive; the same rules for what an actor's name
// may hold, where text ends ('#' starts a comment, ';' ends a statement,
// "#59;" and "#infin;" are entity codes), and which statements may appear
// where. What Mermaid would refuse is an error; what it accepts and
// lessongen cannot show (activations, links, boxes...) is a warning; nothing
// is dropped without one.
//
// Import turns a Diagram into a content.Draft, a scene about to be written;
// Blocks finds the diagrams in a Markdown file; Export writes a scene back
// as a diagram.
package mermaid

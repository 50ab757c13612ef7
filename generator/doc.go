// Package generator is lessongen's library: one package per stage of the
// pipeline that turns YAML scenes into a static lesson site.
//
//	content/*.yaml ──content──▶ Site (validated model, with positions)
//	                               │ per scene, per language
//	                               ├──layout──▶ Diagram (plain geometry)
//	                               │              └──svg──▶ one SVG per step
//	                               ├──markdown──▶ narration HTML
//	                               └──pages + theme──▶ pages (html/template)
//	                                                   └──output──▶ public/ (swapped in whole)
//
// Package pipeline wires the stages together; diag carries positions and
// messages through all of them.
package generator

//go:build race

package main

// raceFactor is how much more time a test gives a bounded operation under
// the race detector, which slows Go code down 5 to 10 times.
const raceFactor = 10

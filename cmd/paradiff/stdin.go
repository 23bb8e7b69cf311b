package main

import "fmt"

// oneStdin returns a usage error when two inputs read standard input
// ("-"): the first would take all of it and leave the other empty,
// silently. inputs are pairs of what an input is ("A", "--glossary") and
// its file name ("" for none).
func oneStdin(inputs ...string) error {
	first := ""
	for i := 0; i+1 < len(inputs); i += 2 {
		if inputs[i+1] != "-" {
			continue
		}
		if first != "" {
			return usageError{fmt.Sprintf("%s and %s both read standard input (-): only one input can", first, inputs[i])}
		}
		first = inputs[i]
	}
	return nil
}

package main

import (
	"io"

	"github.com/paradiff/paradiff/internal/textio"
)

// readInput reads the file name, or standard input for "-", as text
// decoded from encodingName (see package textio). Errors name the file.
func readInput(name string, stdin io.Reader, encodingName string) (string, error) {
	return textio.Read(name, stdin, encodingName)
}

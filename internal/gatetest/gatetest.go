// Package gatetest holds the documents that the gate tests of package
// gate and of cmd/paradiff share: a reference and versions of it with one
// change each, in testdata/gate/versions.txtar.
package gatetest

import (
	"path/filepath"
	"runtime"
	"strings"

	"github.com/rogpeppe/go-internal/txtar"
)

// Versions returns the reference and its versions by the kind, flag or
// severity of their one change ("number", "omission", "move", ...), with
// "same" for the reference itself. It panics when the file is missing:
// the tests cannot run without it.
func Versions() (reference string, versions map[string]string) {
	_, self, _, _ := runtime.Caller(0)
	ar, err := txtar.ParseFile(filepath.Join(filepath.Dir(self), "..", "..", "testdata", "gate", "versions.txtar"))
	if err != nil {
		panic(err)
	}
	versions = map[string]string{}
	for _, f := range ar.Files {
		versions[strings.TrimSuffix(f.Name, ".txt")] = string(f.Data)
	}
	reference = versions["a"]
	delete(versions, "a")
	versions["same"] = reference
	return reference, versions
}

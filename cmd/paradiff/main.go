// Command paradiff compares two versions of the same statement sentence by
// sentence and reports what one inserts, what it omits and where its
// wording shifts. Run `paradiff -h` for the usage.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

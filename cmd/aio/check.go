package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"

	"github.com/aio-lang/aio/parser"
)

// checkFiles parses and compile-checks each file, as python3 -m py_compile does, and prints
// each error to stderr the way py_compile does: the SyntaxError block for a syntax error,
// "[Errno N] message: 'path'" for a file it cannot read. Unlike py_compile, which stops at
// the first bad file, it reports every file. The status is 1 if any file failed, else 0.
func checkFiles(files []string, stderr io.Writer) int {
	status := 0
	for _, name := range files {
		if err := checkFile(name); err != nil {
			fmt.Fprintln(stderr, err)
			status = 1
		}
	}
	return status
}

func checkFile(name string) error {
	src, err := os.ReadFile(name)
	if err != nil {
		return osError(name, err)
	}
	m, err := parser.ParseFile(name, src)
	if err == nil {
		err = parser.Check(m, src)
	}
	if le, ok := err.(*parser.LimitError); ok {
		// py_compile's words for an error that is not a SyntaxError (it adds no newline).
		return fmt.Errorf("Sorry: %s: %s", le.Type, le.Msg)
	}
	return err
}

// osError formats err as Python formats an OSError: "[Errno 2] No such file or directory:
// 'x.aio'".
func osError(name string, err error) error {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return err
	}
	msg := errno.Error()
	msg = strings.ToUpper(msg[:1]) + msg[1:]
	return fmt.Errorf("[Errno %d] %s: '%s'", int(errno), msg, name)
}

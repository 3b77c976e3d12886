package main

import (
	"fmt"
	"io"
	"os"

	"github.com/aio-lang/aio/interp"
)

// startTrace begins recording the task timeline when --trace was given; the returned
// function writes it as Chrome trace-event JSON, which Perfetto and chrome://tracing open.
func startTrace(it *interp.Interp, path string, stderr io.Writer) (finish func()) {
	if path == "" {
		return func() {}
	}
	it.Thread().Async.StartTrace()
	return func() {
		f, err := os.Create(path)
		if err == nil {
			err = it.Thread().Async.WriteTrace(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "aio: writing the trace: %v\n", err)
		}
	}
}

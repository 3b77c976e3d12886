package interp_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aio-lang/aio/interp"
)

// FuzzRun runs arbitrary programs under a step budget: whatever the input, the interpreter
// must finish with a result or a Python exception — never a Go panic (reported as an
// internal SystemError) or a hang, which is reported when a run goes on long after its
// context's deadline.
//
// The seeds are the golden programs, some kilobytes each, so each new interesting input
// takes the fuzzer its whole minimization time (60s by default) to shrink, during which it
// reports no executions at all; a shorter -fuzzminimizetime keeps it fuzzing:
//
//	go test -run NONE -fuzz FuzzRun -fuzzminimizetime 5s -parallel 1 ./interp
func FuzzRun(f *testing.F) {
	files, _ := filepath.Glob("../testdata/*.aio")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(string(src))
		}
	}
	f.Add("x = [1, 2]\nx.append(x)\nprint(x, {1: x})")
	for _, tt := range budgetBusters {
		f.Add(tt.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		it := interp.New(interp.Options{Stdout: io.Discard, Stderr: io.Discard, MaxSteps: 20000, RecursionLimit: 100})
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		done := make(chan error, 1)
		go func() { done <- it.Run(ctx, "fuzz.aio", []byte(src)) }()
		var err error
		select {
		case err = <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("still running 15s after the deadline on %q", src) // and left running
		}
		var perr *interp.Error
		if errors.As(err, &perr) && strings.Contains(perr.Error(), "internal error") {
			t.Fatalf("interpreter panic on %q:\n%s", src, perr.Traceback())
		}
	})
}

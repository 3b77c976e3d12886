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
// internal SystemError) or a hang.
func FuzzRun(f *testing.F) {
	files, _ := filepath.Glob("../testdata/*.aio")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(string(src))
		}
	}
	f.Add("x = [1, 2]\nx.append(x)\nprint(x, {1: x})")
	f.Fuzz(func(t *testing.T, src string) {
		it := interp.New(interp.Options{Stdout: io.Discard, Stderr: io.Discard, MaxSteps: 20000, RecursionLimit: 100})
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err := it.Run(ctx, "fuzz.aio", []byte(src))
		var perr *interp.Error
		if errors.As(err, &perr) && strings.Contains(perr.Error(), "internal error") {
			t.Fatalf("interpreter panic on %q:\n%s", src, perr.Traceback())
		}
	})
}

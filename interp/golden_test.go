package interp_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aio-lang/aio/interp"
)

// The golden programs live in ../testdata: NAME.aio is run and its standard output must
// equal NAME.out; a program that ends in an uncaught exception has NAME.err, the expected
// last line of standard error. Where python3 is installed, each program is also run under
// it and must give the same results, so the expectations cannot drift from CPython.

func goldenFiles(t *testing.T) []string {
	files, err := filepath.Glob("../testdata/*.aio")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden programs found: %v", err)
	}
	return files
}

func readExpect(t *testing.T, path string) (out, errLine string) {
	base := strings.TrimSuffix(path, ".aio")
	o, err := os.ReadFile(base + ".out")
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if e, err := os.ReadFile(base + ".err"); err == nil {
		errLine = strings.TrimSpace(string(e))
	}
	return string(o), errLine
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

func TestGolden(t *testing.T) {
	for _, path := range goldenFiles(t) {
		path := path
		t.Run(filepath.Base(path), func(t *testing.T) {
			wantOut, wantErr := readExpect(t, path)
			var stdout, stderr bytes.Buffer
			it := interp.New(interp.Options{Stdout: &stdout, Stderr: &stderr, Args: []string{path}})
			err := it.RunFile(context.Background(), path)
			if got := stdout.String(); got != wantOut {
				t.Errorf("stdout differs\n--- got ---\n%s--- want ---\n%s", got, wantOut)
			}
			var perr *interp.Error
			switch {
			case wantErr == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case wantErr != "" && !errors.As(err, &perr):
				t.Errorf("want error %q, got %v", wantErr, err)
			case wantErr != "" && lastLine(perr.Traceback()) != wantErr:
				t.Errorf("last stderr line\n got: %s\nwant: %s", lastLine(perr.Traceback()), wantErr)
			}
		})
	}
}

// TestGoldenAgainstCPython checks the expectations themselves against python3.
func TestGoldenAgainstCPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	for _, path := range goldenFiles(t) {
		path := path
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, _ := os.ReadFile(path)
			if bytes.Contains(src, []byte("# aio-only")) {
				t.Skip("uses Aio-only features")
			}
			wantOut, wantErr := readExpect(t, path)
			cmd := exec.Command(py, filepath.Base(path))
			cmd.Dir = filepath.Dir(path)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			runErr := cmd.Run()
			if stdout.String() != wantOut {
				t.Errorf("python3 stdout differs from %s.out\n--- python3 ---\n%s", strings.TrimSuffix(path, ".aio"), stdout.String())
			}
			if wantErr != "" && lastLine(stderr.String()) != wantErr {
				t.Errorf("python3 last stderr line %q, .err says %q", lastLine(stderr.String()), wantErr)
			}
			if wantErr == "" && runErr != nil {
				t.Errorf("python3 failed: %v\n%s", runErr, stderr.String())
			}
		})
	}
}

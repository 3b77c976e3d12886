package parser

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aio-lang/aio/ast"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

// testProgram is a valid program of testdata/parse.
type testProgram struct {
	name, src string
}

func testPrograms(t testing.TB) []testProgram {
	files, err := filepath.Glob("testdata/parse/*.aio")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test programs: %v", err)
	}
	var progs []testProgram
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		progs = append(progs, testProgram{f, string(src)})
	}
	return progs
}

func TestBuild(t *testing.T) {
	if _, err := participleBuild(); err != nil {
		t.Fatal(err)
	}
}

// TestParseGolden parses each program of testdata/parse and compares the tree's dump with
// the .golden file beside it. Run with -update to rewrite the golden files.
func TestParseGolden(t *testing.T) {
	for _, p := range testPrograms(t) {
		m, err := ParseFile(p.name, []byte(p.src))
		if err != nil {
			t.Errorf("%s: %v", p.name, err)
			continue
		}
		checkGolden(t, strings.TrimSuffix(p.name, ".aio")+".golden", ast.Dump(m))
	}
}

// checkGolden compares got with the golden file, or rewrites it under -update.
func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n%s", golden, diffLines(got, string(want)))
	}
}

// TestConcurrentParses parses from several goroutines at once: the grammar is shared and
// each parse keeps its own state.
func TestConcurrentParses(t *testing.T) {
	progs := testPrograms(t)
	want := make([]string, len(progs))
	for i, p := range progs {
		m, err := ParseFile(p.name, []byte(p.src))
		if err != nil {
			t.Fatal(err)
		}
		want[i] = ast.Dump(m)
	}
	errs := make(chan error, 4)
	for g := 0; g < 4; g++ {
		go func() {
			for i, p := range progs {
				m, err := ParseFile(p.name, []byte(p.src))
				if err == nil && ast.Dump(m) != want[i] {
					err = fmt.Errorf("%s: a concurrent parse differs", p.name)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

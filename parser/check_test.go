package parser

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// A check golden file, testdata/check/*.aio, holds cases separated by lines "---". Each case
// is a program followed by its expected outcome on a last line "### ok" or
// "### LINE:COL-ENDCOL message" (lexer.Error's fields; "### LINE:COL message" for a single
// caret). Lines are counted from the case's first line. Files whose name starts with "repl"
// are checked as REPL input, with CheckTopLevelAwait.

type checkCase struct {
	file, src, want string
	line            int // of the case in its file, for messages
}

func loadCheckCases(t testing.TB) []checkCase {
	files, err := filepath.Glob("testdata/check/*.aio")
	if err != nil || len(files) == 0 {
		t.Fatalf("no check golden files: %v", err)
	}
	var cases []checkCase
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		line := 1
		for _, chunk := range strings.Split(string(data), "\n---\n") {
			body, want, ok := strings.Cut(chunk, "### ")
			if !ok {
				t.Fatalf("%s:%d: case without a ### line", file, line)
			}
			cases = append(cases, checkCase{file, body, strings.TrimSpace(want), line})
			line += strings.Count(chunk, "\n") + 2
		}
	}
	return cases
}

func (c checkCase) String() string { return fmt.Sprintf("%s:%d", c.file, c.line) }

func (c checkCase) repl() bool { return strings.HasPrefix(filepath.Base(c.file), "repl") }

// outcome renders err as a golden file's ### line.
func outcome(err error) string {
	if err == nil {
		return "ok"
	}
	var e *lexer.Error
	if !errors.As(err, &e) {
		return "not a *lexer.Error: " + err.Error()
	}
	if e.EndCol > e.Col {
		return fmt.Sprintf("%d:%d-%d %s", e.Line, e.Col, e.EndCol, e.Msg)
	}
	return fmt.Sprintf("%d:%d %s", e.Line, e.Col, e.Msg)
}

func TestCheckGolden(t *testing.T) {
	for _, c := range loadCheckCases(t) {
		m, err := ParseFile("t.aio", []byte(c.src))
		if err != nil {
			t.Errorf("%v: %v", c, err)
			continue
		}
		check := Check
		if c.repl() {
			check = CheckTopLevelAwait
		}
		if got := outcome(check(m, []byte(c.src))); got != c.want {
			t.Errorf("%v: got  %s\n%*s want %s", c, got, len(c.String()), "", c.want)
		}
	}
}

// cpythonScript compiles each source in the JSON list on stdin as CPython 3.11 does and
// prints, as a JSON list, each outcome as the golden files write it: lines and columns as
// *lexer.Error holds them, so a span running past its first line ends at that line's end.
const cpythonScript = `
import ast, json, sys
out = []
for src, repl in json.load(sys.stdin):
    try:
        compile(src, "t.aio", "exec", ast.PyCF_ALLOW_TOP_LEVEL_AWAIT if repl else 0)
        out.append("ok")
        continue
    except SyntaxError as e:
        err = e
    col, end = err.offset, err.end_offset or 0
    if (err.end_lineno or err.lineno) > err.lineno:
        end = len(src.split("\n")[err.lineno - 1].encode()) + 1
    if end > col:
        out.append("%d:%d-%d %s" % (err.lineno, col, end, err.msg))
    else:
        out.append("%d:%d %s" % (err.lineno, col, err.msg))
json.dump(out, sys.stdout)
`

// TestCheckGoldenMatchesCPython checks the golden files themselves against python3.
func TestCheckGoldenMatchesCPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	cases := loadCheckCases(t)
	var in [][2]any
	for _, c := range cases {
		in = append(in, [2]any{c.src, c.repl()})
	}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, "-c", cpythonScript)
	cmd.Stdin = strings.NewReader(string(data))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		if got[i] != c.want {
			t.Errorf("%v: python3 says %s\n%*s golden is %s", c, got[i], len(c.String()), "", c.want)
		}
	}
}

// FuzzCheck checks that Check and CheckTopLevelAwait accept any tree ParseFile builds and
// report only *lexer.Errors.
func FuzzCheck(f *testing.F) {
	for _, c := range loadCheckCases(f) {
		f.Add(c.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		m, err := ParseFile("t.aio", []byte(src))
		if err != nil {
			return
		}
		for _, check := range []func(*ast.Module, []byte) error{Check, CheckTopLevelAwait} {
			var e *lexer.Error
			if err := check(m, []byte(src)); err != nil && !errors.As(err, &e) {
				t.Fatalf("%q: %T is not a *lexer.Error", src, err)
			}
		}
	})
}

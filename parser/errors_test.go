package parser

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aio-lang/aio/lexer"
)

// An error file of testdata/errors holds sources that fail to parse, separated by lines
// "---". Its .golden file holds the errors, as printed, in the same order and separated the
// same way; an error that means "incomplete input" is followed by a line "(incomplete)".

type errorCase struct {
	name string // file:line of the case's first line
	src  string
}

func errorFiles(t *testing.T) []string {
	files, err := filepath.Glob("testdata/errors/*.aio")
	if err != nil || len(files) == 0 {
		t.Fatalf("no error files: %v", err)
	}
	return files
}

func loadErrorCases(t *testing.T, file string) []errorCase {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var cases []errorCase
	line := 1
	for _, src := range strings.Split(string(data), "---\n") {
		cases = append(cases, errorCase{fmt.Sprintf("%s:%d", file, line), src})
		line += strings.Count(src, "\n") + 1
	}
	return cases
}

// parseError parses a case that must fail and returns its error.
func parseError(t *testing.T, c errorCase) *lexer.Error {
	_, err := ParseFile("x.aio", []byte(c.src))
	if err == nil {
		t.Errorf("%s: parsed without error:\n%s", c.name, c.src)
		return nil
	}
	var le *lexer.Error
	if !errors.As(err, &le) {
		t.Errorf("%s: error %T is not a *lexer.Error: %v", c.name, err, err)
		return nil
	}
	return le
}

func TestErrorsGolden(t *testing.T) {
	for _, file := range errorFiles(t) {
		var out []string
		for _, c := range loadErrorCases(t, file) {
			le := parseError(t, c)
			if le == nil {
				out = append(out, "(no error)\n")
				continue
			}
			s := le.Error() + "\n"
			if le.Kind == lexer.Incomplete {
				s += "(incomplete)\n"
			}
			out = append(out, s)
		}
		checkGolden(t, strings.TrimSuffix(file, ".aio")+".golden", strings.Join(out, "---\n"))
	}
}

// syntaxErrorScript prints, for each source, what CPython's parser reports when it runs
// the source as a file: [type, msg, lineno, offset, end_lineno, end_offset, text], or null.
// Parsing a string gives the same but for errors at the end of the input, which have no
// column in a file: those few sources are run as files.
const syntaxErrorScript = `
import ast, json, os, subprocess, sys, tempfile
HOOK = """
import sys
def hook(t, e, tb):
    print(repr([type(e).__name__, e.msg, e.lineno, e.offset or 0, e.end_lineno or 0, e.end_offset or 0, (e.text or '').rstrip('\\n')]))
sys.excepthook = hook
"""
tmp = tempfile.mkdtemp()
with open(os.path.join(tmp, "sitecustomize.py"), "w") as f:
    f.write(HOOK)
def as_file(src):
    path = os.path.join(tmp, "x.aio")
    with open(path, "w") as f:
        f.write(src)
    out = subprocess.run([sys.executable, path], env=dict(os.environ, PYTHONPATH=tmp), capture_output=True, text=True).stdout
    return eval(out)
out = []
for src in json.load(sys.stdin):
    try:
        ast.parse(src, "x.aio")
        out.append(None)
    except SyntaxError as e:
        last = src.rstrip("\n").count("\n") + 1
        if e.end_offset == -1 and e.lineno == last and e.offset > len((e.text or "").rstrip("\n")):
            out.append(as_file(src))
            continue
        out.append([type(e).__name__, e.msg, e.lineno, e.offset or 0, e.end_lineno or 0, e.end_offset or 0, (e.text or "").rstrip("\n")])
json.dump(out, sys.stdout)
`

// TestErrorsMatchCPython checks each error's type, message, line, caret columns and shown
// text against CPython's. A caret running past its line is drawn to the line's end, so
// that is where its end is compared.
func TestErrorsMatchCPython(t *testing.T) {
	var cases []errorCase
	var srcs []string
	for _, file := range errorFiles(t) {
		for _, c := range loadErrorCases(t, file) {
			cases = append(cases, c)
			srcs = append(srcs, c.src)
		}
	}
	var want [][]any
	runPython(t, syntaxErrorScript, srcs, &want)
	for i, c := range cases {
		le := parseError(t, c)
		if le == nil {
			continue
		}
		w := want[i]
		if w == nil {
			t.Errorf("%s: CPython parses it:\n%s", c.name, c.src)
			continue
		}
		typ, msg, line, col, endLine, endCol, text := w[0].(string), w[1].(string), int(w[2].(float64)), int(w[3].(float64)), int(w[4].(float64)), int(w[5].(float64)), w[6].(string)
		switch {
		case endLine > line:
			endCol = len([]rune(text)) + 1
		case endLine < line || endCol <= col:
			endCol = 0
		}
		gotEnd := le.EndCol
		if gotEnd <= le.Col {
			gotEnd = 0
		}
		gotType := le.TypeName()
		if le.Kind == lexer.Incomplete && typ == "IndentationError" {
			gotType = typ
		}
		got := fmt.Sprintf("%s: %s @%d:%d-%d %q", gotType, le.Msg, le.Line, le.Col, gotEnd, le.Text)
		exp := fmt.Sprintf("%s: %s @%d:%d-%d %q", typ, msg, line, col, endCol, text)
		if got != exp {
			t.Errorf("%s:\n%s\ngot  %s\nwant %s", c.name, c.src, got, exp)
		}
	}
}

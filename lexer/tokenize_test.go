package lexer

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pyTokenize dumps the tokens of the files named in argv as Python's tokenize module sees
// them, in the format of dumpPlain.
const pyTokenize = `
import keyword, sys, tokenize
names = {tokenize.NEWLINE: "Newline", tokenize.INDENT: "Indent", tokenize.DEDENT: "Dedent",
         tokenize.ENDMARKER: "EOF", tokenize.OP: "Op"}
for path in sys.argv[1:]:
    print("==", path)
    with open(path, "rb") as f:
        for t in tokenize.tokenize(f.readline):
            kind, value, (line, col) = t.type, t.string, t.start
            if kind in (tokenize.NL, tokenize.COMMENT, tokenize.ENCODING):
                continue
            if kind == tokenize.NAME:
                typ = "Keyword" if keyword.iskeyword(value) else "Name"
            elif kind == tokenize.NUMBER:
                low = value.lower()
                typ = "Imag" if low.endswith("j") else "Float" if not low.startswith("0x") and ("." in low or "e" in low) else "Int"
            elif kind == tokenize.STRING:
                prefix = value[:min(i for i in (value.find("'"), value.find('"')) if i >= 0)]
                typ = "FString" if "f" in prefix.lower() else "String"
            else:
                typ = names[kind]
            if kind == tokenize.INDENT:
                line, col, value = t.end[0], t.end[1], ""
            if kind == tokenize.DEDENT:
                value = ""
            print("%d:%d %s %r" % (line, col + 1, typ, value))
`

// dumpPlain renders tokens like dump, without offsets, as pyTokenize does.
func dumpPlain(path string) (string, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	toks, err := Tokenize(path, string(src), nil)
	var b strings.Builder
	fmt.Fprintf(&b, "== %s\n", path)
	for _, t := range toks {
		fmt.Fprintf(&b, "%d:%d %s %s\n", t.Pos.Line, t.Pos.Column, typeNames[t.Type], pyRepr(t.Value))
	}
	return b.String(), err
}

// pyRepr quotes s as Python's repr does for the ASCII strings of the corpus.
func pyRepr(s string) string {
	q := "'"
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		q = `"`
	}
	r := strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\r", `\r`, "\t", `\t`, q, `\`+q)
	return q + r.Replace(s) + q
}

// TestMatchesPythonTokenize compares the token stream of every corpus file, types and
// positions, with Python's tokenize module.
func TestMatchesPythonTokenize(t *testing.T) {
	python := pythonPath()
	if python == "" {
		t.Skip("python3 not installed")
	}
	files, err := filepath.Glob("testdata/corpus/*.aio")
	golden, _ := filepath.Glob("testdata/*.aio")
	files = append(files, golden...)
	if err != nil || len(files) == 0 {
		t.Fatal("no corpus files")
	}
	gen := filepath.Join(t.TempDir(), "gen.aio")
	if err := os.WriteFile(gen, []byte(genProgram(300)), 0o644); err != nil {
		t.Fatal(err)
	}
	files = append(files, gen)
	out, err := exec.Command(python, append([]string{"-c", pyTokenize}, files...)...).Output()
	if err != nil {
		t.Fatal(err)
	}
	want := strings.SplitAfter(string(out), "== ")
	for i, file := range files {
		got, err := dumpPlain(file)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if w := "== " + strings.TrimSuffix(want[i+1], "== "); got != w {
			t.Errorf("%s differs from Python's tokenize:\n%s", file, diffLines(w, got))
		}
	}
}

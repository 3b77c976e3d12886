package parser

import (
	"encoding/json"
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/aio-lang/aio/lexer"
)

// classifyCases are REPL inputs with CPython's verdict; TestClassifyMatchesCPython checks
// the verdicts against python3.
var classifyCases = []struct {
	src  string
	want Status
}{
	// Blank input and comments.
	{"", Complete},
	{"# c", Complete},
	{"\n\n", Complete},
	{"  # c\n\t\n", Complete},

	// Simple statements are complete at once, whatever blank text follows.
	{"x = 1", Complete},
	{"x = 1\n", Complete},
	{"x = 1  # c", Complete},
	{"x = 1\n  ", Complete},
	{"x = 1\n  # c", Complete},
	{"x = 1\n\n  ", Complete},
	{"x = 1;", Complete},
	{"x = 1; y = 2", Complete},
	{"\n\nx = 1", Complete},
	{"x = 1 # c \\", Complete},
	{"await x", Complete},
	{"import a.b as c", Complete},
	{"del x\n", Complete},
	{"x = 1\r\n", Complete},

	// Open brackets, strings and continuation lines.
	{"x = (1 +", Incomplete},
	{"x = (", Incomplete},
	{"(", Incomplete},
	{"d = {1:", Incomplete},
	{"x = [i for", Incomplete},
	{"class C(", Incomplete},
	{"f(**", Incomplete},
	{"from x import (a,", Incomplete},
	{"print('hello'", Incomplete},
	{"x = [\n# c\n", Incomplete},
	{"x = [\n\n", Incomplete},
	{"x = (\n1\n", Incomplete},
	{"x = (1 +\n  2)", Complete},
	{"x = (\n1\n)", Complete},
	{"s = '''abc", Incomplete},
	{"\"\"\"abc\n", Incomplete},
	{"def f():\n    '''doc", Incomplete},
	{"f'''{x", Incomplete},
	{"x = '''a\nb'''", Complete},
	{"x = 1 + \\", Incomplete},
	{"x \\\n", Incomplete},
	{"\\", Incomplete},
	{"\\\n", Incomplete},
	{"1 +\\\n2", Complete},
	{"x = 1 \\\n", Incomplete},

	// Compound statements wait for a blank line.
	{"def f():", Incomplete},
	{"if x:", Incomplete},
	{"if x:\n", Incomplete},
	{"if x:\n\n", Incomplete},
	{"def f():\n    return 1", Incomplete},
	{"def f():\n    return 1\n", Complete},
	{"async def f():\n  await x", Incomplete},
	{"async def f():\n  await x\n", Complete},
	{"for x in y: print(x)", Incomplete},
	{"for x in y: print(x)\n", Complete},
	{"for x in y: print(x)  ", Incomplete},
	{"for x in y: print(x);", Incomplete},
	{"for x in y: print(x)\n  ", Incomplete},
	{"for x in y: print(x)\n# c", Complete},
	{"for x in y: print(x)\n  # c", Complete},
	{"if x:\n  pass", Incomplete},
	{"if x:\n  pass\n", Complete},
	{"if x:\n  pass  # c\n", Complete},
	{"if x:\n  pass\n  ", Incomplete},
	{"if x:\n  pass\n  \n", Complete},
	{"if x:\n  pass\n# c", Incomplete},
	{"if x:\n  pass\n  # c", Incomplete},
	{"if x:\n  pass\n#c\n", Complete},
	{"if x:\n  pass\n\n  ", Incomplete},
	{"if x:\n  pass\t", Incomplete},
	{"if x:\n  pass \\\n", Incomplete},
	{"if x:\r\n  pass\r\n", Complete},
	{"if x:\n  pass\nelse:", Incomplete},
	{"if x:\n  pass\nelif y:", Incomplete},
	{"if x:\n  pass\nelif y:\n  pass\n", Complete},
	{"if x: pass\nelse: pass", Incomplete},
	{"if x: pass\nelse: pass\n", Complete},
	{"class C:\n  def f(self):\n    pass\n", Complete},
	{"class C:\n  def f(self):\n    pass\n  x = 1", Incomplete},
	{"try:\n  pass\n", Incomplete},
	{"try:\n  pass\nfinally:\n  pass", Incomplete},
	{"try:\n  pass\nexcept:\n  pass\n", Complete},
	{"while x:\n  pass\nelse:\n  pass\n", Complete},
	{"with a as b, c as d:", Incomplete},
	{"with (a as b,\n c as d):\n  pass\n", Complete},
	{"def f(\n):\n  pass\n", Complete},
	{"if True:\n    x = (1,\n", Incomplete},
	{"@dec", Incomplete},
	{"@dec\n", Incomplete},
	{"@dec\ndef f(): pass", Incomplete},
	{"@dec\ndef f(): pass\n", Complete},
	{"@dec\n@dec2\ndef f():\n  pass\n", Complete},
	{"async with a: pass", Incomplete},
	{"async with a: pass\n", Complete},
	{"async for x in y:\n  await x\n", Complete},

	// Syntax errors, found by the parser, by the compiler or by single mode.
	{"x = 1 +", Invalid},
	{"def f(:", Invalid},
	{"foo(a b", Invalid},
	{"f(any(x for x in y", Incomplete},
	{"print(\"a\\", Incomplete},
	{"import", Invalid},
	{"from x import", Invalid},
	{"1 if x else", Invalid},
	{"lambda x:", Invalid},
	{"del", Invalid},
	{")", Invalid},
	{"x = )", Invalid},
	{"'abc", Invalid},
	{"x = 'a' 'b", Invalid},
	{"x = f'{'", Invalid},
	{"x = 0x", Invalid},
	{"x = 1__0", Invalid},
	{"\x00", Invalid},
	{"  x = 1", Invalid},
	{"if x:\npass", Invalid},
	{"if x:\nfoo\n", Invalid},
	{"if x:\n    y\n  z", Invalid},
	{"if x:\n  y\n    z", Invalid},
	{"if x:\n  pass\n    y\n", Invalid},
	{"if x:\n\tpass\n        pass\n", Invalid},
	{"if x:\n  pass\nelse", Invalid},
	{"if x:\n  pass\n  else:\n", Invalid},
	{"try:\n  pass\nx = 1\n", Invalid},
	{"@dec\nx = 1", Invalid},
	{"return", Invalid},
	{"return 1", Invalid},
	{"break", Invalid},
	{"x = yield", Invalid},
	{"nonlocal x", Invalid},
	{"if x:\n  return 1", Invalid},
	{"if x:\n  return 1\n# c", Invalid},
	{"if x:\n  return 1 \\\n", Invalid},
	{"def f():\n  [x async for x in y]\n", Invalid},
	{"lambda: await x", Invalid},

	// More than one statement.
	{"x = 1\ny = 2", Invalid},
	{"x = 1\n\n\ny = 2", Invalid},
	{"x = 1\ny = (", Invalid},
	{"x = 1\n  y = (", Invalid},
	{"x = 1\n)", Invalid},
	{"x = 1\n@dec", Invalid},
	{"x = 1\ns = '''abc", Invalid},
	{"x = (1,\n2)\ny", Invalid},
	{"if x:\n  pass\ny = 1", Invalid},
	{"if x:\n  pass\ny = (", Invalid},
	{"def f():\n  pass\nx", Invalid},
	{"class C:\n  pass\n\nclass D:\n  pass\n", Invalid},
	{"@dec\ndef f(): pass\nx = (", Invalid},
}

func TestClassify(t *testing.T) {
	for _, tc := range classifyCases {
		if got := Classify(tc.src); got != tc.want {
			t.Errorf("Classify(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

// codeopScript prints, for each source in the JSON list on stdin, what
// codeop.compile_command makes of it with top-level await allowed, as `python -m asyncio`
// compiles REPL input.
const codeopScript = `
import ast, codeop, json, sys
out = []
for src in json.load(sys.stdin):
    compile_command = codeop.CommandCompiler()
    compile_command.compiler.flags |= ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    try:
        out.append("Incomplete" if compile_command(src, "<stdin>", "single") is None else "Complete")
    except (SyntaxError, ValueError, OverflowError):
        out.append("Invalid")
json.dump(out, sys.stdout)
`

func TestClassifyMatchesCPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	var srcs []string
	for _, tc := range classifyCases {
		srcs = append(srcs, tc.src)
	}
	in, err := json.Marshal(srcs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, "-c", codeopScript)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var verdicts []string
	if err := json.Unmarshal(out, &verdicts); err != nil {
		t.Fatal(err)
	}
	for i, tc := range classifyCases {
		if verdicts[i] != tc.want.String() {
			t.Errorf("codeop says %s for %q; the table says %v", verdicts[i], tc.src, tc.want)
		}
	}
}

// TestParseInteractiveErrors checks the errors single mode adds to ParseFile's, with
// CPython's message and position.
func TestParseInteractiveErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"x = 1\ny = 2", "1:6 multiple statements found while compiling a single statement"},
		{"é = 1\ny", "1:6 multiple statements found while compiling a single statement"},
		{"x = (1,\n2)\ny", "2:3 multiple statements found while compiling a single statement"},
		{"x = 1\n)", "1:6 multiple statements found while compiling a single statement"},
		{"if x:\n  pass\ny = 1", "3:1-2 invalid syntax"},
		{"class C:\n  pass\n\nclass D:\n  pass\n", "4:1-6 invalid syntax"},
		{"x = 1; y = 2\n# c\n", "ok"},
		{"await x", "ok"},
	} {
		_, err := ParseInteractive("<stdin>", tc.src)
		if got := outcome(err); got != tc.want {
			t.Errorf("ParseInteractive(%q): got %s, want %s", tc.src, got, tc.want)
		}
		var e *lexer.Error
		if err != nil && !errors.As(err, &e) {
			t.Errorf("ParseInteractive(%q): %T is not a *lexer.Error", tc.src, err)
		}
	}
}

// FuzzClassify checks that Classify and ParseInteractive accept any input, and that input
// Classify calls complete compiles.
func FuzzClassify(f *testing.F) {
	for _, tc := range classifyCases {
		f.Add(tc.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		status := Classify(src)
		if _, err := ParseInteractive("<stdin>", src); status == Complete && err != nil && !blank(src) {
			t.Fatalf("Classify(%q) = Complete, but ParseInteractive fails: %v", src, err)
		}
	})
}

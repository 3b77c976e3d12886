package lexer

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

// fstringTests are statements holding one f-string each, with the expected split in the
// notation of renderParts, or the expected error message.
var fstringTests = []struct{ src, want string }{
	{`x = f"plain"`, `"plain"`},
	{`x = f""`, ``},
	{`x = f"{a}"`, `{a@1:8}`},
	{`x = f"a{b}c"`, `"a" {b@1:9} "c"`},
	{`x = f"{ a + 1 }"`, `{a + 1@1:9}`},
	{`x = f"{a!r} {b!s} {c!a}"`, `{a@1:8!r} " " {b@1:14!s} " " {c@1:20!a}`},
	{`x = f"{a:>10}"`, `{a@1:8:[">10"]}`},
	{`x = f"{a:}"`, `{a@1:8:[]}`},
	{`x = f"{a:{w}.{p}f}"`, `{a@1:8:[{w@1:11} "." {p@1:15} "f"]}`},
	{`x = f"{a!r:^{w}}"`, `{a@1:8!r:["^" {w@1:14}]}`},
	{`x = f"{{a}} {{{b}}}"`, `"{a} {" {b@1:16} "}"`},
	{`x = f"{a != b} {a == b} {a <= b} {a >= b} {a < b} {a > b}"`, `{a != b@1:8} " " {a == b@1:17} " " {a <= b@1:26} " " {a >= b@1:35} " " {a < b@1:44} " " {a > b@1:52}`},
	{`x = f"{a=}"`, `"a=" {a@1:8!r}`},
	{`x = f"{ a = }"`, `" a = " {a@1:9!r}`},
	{`x = f"{a=!s}"`, `"a=" {a@1:8!s}`},
	{`x = f"{a=:>4}"`, `"a=" {a@1:8:[">4"]}`},
	{`x = f"v: {a=}"`, `"v: a=" {a@1:11!r}`},
	{`x = f"{d['k']} {d['k']}"`, `{d['k']@1:8} " " {d['k']@1:17}`},
	{`x = f"{d['k']} {d["k"]}"`, `error f-string: unmatched '['`},
	{`x = f'{d["}"]}'`, `{d["}"]@1:8}`},
	{`x = f"{'a' + '''b'''}"`, `{'a' + '''b'''@1:8}`},
	{`x = f"{[1, {2: 3}][0]:{'x'}}"`, `{[1, {2: 3}][0]@1:8:[{'x'@1:24}]}`},
	{`x = f"{(lambda: 1)()}"`, `{(lambda: 1)()@1:8}`},
	{`x = f"{a:{b}{c}d}"`, `{a@1:8:[{b@1:11} {c@1:14} "d"]}`},
	{`x = f"tab\t{a}\n\x41\u00e9\N{DEGREE SIGN}"`, `"tab\t" {a@1:13} "\nAé°"`},
	{`x = f"a\r{b}\r\n"`, `"a\r" {b@1:11} "\r\n"`},
	{`x = rf"\d{a}\n"`, `"\\d" {a@1:11} "\\n"`},
	{`x = f"\{a}"`, `"\\" {a@1:9}`},
	{`x = f"\N{DEGREE SIGN}{a}"`, `"°" {a@1:23}`},
	{`x = f"é{ü}"`, `"é" {ü@1:9}`},
	{"x = f'''a\n{b\n + c}\nd'''", "\"a\\n\" {b\n + c@2:2} \"\\nd\""},
	{"x = f'''{\nb}'''", `{b@2:1}`},
	{`x = f"{a:{{}}"`, `error f-string: expecting '}'`},
	// errors
	{`x = f"}"`, `error f-string: single '}' is not allowed`},
	{`x = f"{a}}"`, `error f-string: single '}' is not allowed`},
	{`x = f"{"`, `error f-string: expecting '}'`},
	{`x = f"{a"`, `error f-string: expecting '}'`},
	{`x = f"{a!"`, `error f-string: expecting '}'`},
	{`x = f"{a!r"`, `error f-string: expecting '}'`},
	{`x = f"{a:"`, `error f-string: expecting '}'`},
	{`x = f"{a=!r"`, `error f-string: expecting '}'`},
	{`x = f"{a!r=}"`, `error f-string: expecting '}'`},
	{`x = f"{a!x}"`, `error f-string: invalid conversion character: expected 's', 'r', or 'a'`},
	{`x = f"{a!}"`, `error f-string: invalid conversion character: expected 's', 'r', or 'a'`},
	{`x = f"{}"`, `error f-string: empty expression not allowed`},
	{`x = f"{ }"`, `error f-string: empty expression not allowed`},
	{`x = f"{!r}"`, `error f-string: expression required before '!'`},
	{`x = f"{:x}"`, `error f-string: expression required before ':'`},
	{`x = f"{=}"`, `error f-string: expression required before '='`},
	{`x = f"{a:{b:{c}}}"`, `error f-string: expressions nested too deeply`},
	{`x = f"{a#}"`, `error f-string expression part cannot include '#'`},
	{`x = f"{a\n}"`, `error f-string expression part cannot include a backslash`},
	{`x = f"{'a}"`, `error f-string: unterminated string`},
	{`x = f"{a)}"`, `error f-string: unmatched ')'`},
	{`x = f"{(a}"`, `error f-string: closing parenthesis '}' does not match opening parenthesis '('`},
	{`x = f"{(a]}"`, `error f-string: closing parenthesis ']' does not match opening parenthesis '('`},
	{`x = f"{a[}"`, `error f-string: closing parenthesis '}' does not match opening parenthesis '['`},
	{`x = f"{a(}"`, `error f-string: closing parenthesis '}' does not match opening parenthesis '('`},
	{`x = f"{a[0"`, `error f-string: unmatched '['`},
	{`x = f"\x4{a}"`, `error (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape`},
}

// renderParts writes parts as CPython's AST has them: literals quoted, fields as
// {expr@line:col!conv:[spec]} with expr trimmed and its position that of its first
// character, and a self-documenting field's text merged into the literal before it.
func renderParts(parts []FPart) string {
	var words []string
	lit := ""
	flush := func() {
		if lit != "" {
			words = append(words, fmt.Sprintf("%q", lit))
			lit = ""
		}
	}
	for _, p := range parts {
		if !p.Field {
			lit += p.Lit
			continue
		}
		lit += p.Debug
		flush()
		expr := strings.TrimLeft(p.Expr, " \t\n")
		pos := advance(p.Pos, p.Expr[:len(p.Expr)-len(expr)])
		w := fmt.Sprintf("{%s@%d:%d", strings.TrimRight(expr, " \t\n"), pos.Line, pos.Column)
		if p.Conv != 0 {
			w += "!" + string(p.Conv)
		}
		if p.HasSpec {
			w += ":[" + renderParts(p.Spec) + "]"
		}
		words = append(words, w+"}")
	}
	flush()
	return strings.Join(words, " ")
}

func splitFirstFString(t *testing.T, src string) string {
	toks, err := Tokenize("t.aio", src, nil)
	if err != nil {
		return "error " + err.(*Error).Msg
	}
	for _, tok := range toks {
		if tok.Type == FString {
			parts, err := SplitFString(tok)
			if err != nil {
				return "error " + err.(*Error).Msg
			}
			return renderParts(parts)
		}
	}
	t.Fatalf("%q holds no f-string", src)
	return ""
}

func TestSplitFString(t *testing.T) {
	for _, tt := range fstringTests {
		if got := splitFirstFString(t, tt.src); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

// pyFString renders, for each source, the f-string's AST in renderParts notation, or the
// message of the SyntaxError compiling it raises.
const pyFString = `
import ast, json, sys
def render(values, src):
    words = []
    for v in values:
        if isinstance(v, ast.Constant):
            words.append(json.dumps(v.value, ensure_ascii=False))
            continue
        seg = ast.get_source_segment(src, v.value)
        line = src.encode().split(b"\n")[v.value.lineno - 1]
        col = len(line[:v.value.col_offset].decode()) + 1
        w = "{%s@%d:%d" % (seg, v.value.lineno, col)
        if v.conversion != -1:
            w += "!" + chr(v.conversion)
        if v.format_spec is not None:
            w += ":[" + render(v.format_spec.values, src) + "]"
        words.append(w + "}")
    return " ".join(words)
out = []
for src in json.load(sys.stdin):
    try:
        tree = ast.parse(src)
        out.append(render(tree.body[0].value.values, src))
    except SyntaxError as e:
        out.append("error " + e.msg)
print(json.dumps(out))
`

// TestSplitFStringMatchesPython checks the expectations of fstringTests against CPython.
func TestSplitFStringMatchesPython(t *testing.T) {
	python := pythonPath()
	if python == "" {
		t.Skip("python3 not installed")
	}
	var srcs []string
	for _, tt := range fstringTests {
		srcs = append(srcs, tt.src)
	}
	in, _ := json.Marshal(srcs)
	cmd := exec.Command(python, "-c", pyFString)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(srcs) {
		t.Fatalf("bad python output %s: %v", out, err)
	}
	for i, tt := range fstringTests {
		if !reflect.DeepEqual(got[i], tt.want) {
			t.Errorf("%s\npython %s\n  want %s", tt.src, got[i], tt.want)
		}
	}
}

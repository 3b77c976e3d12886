package parser

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand"
	"os/exec"
	"strings"
	"testing"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// These tests compare this parser with CPython itself, when python3 (3.11) is installed:
// the trees and spans of every test program, and the message and position of every error.

// python3 returns the path of a CPython 3.11 interpreter, or skips the test.
func python3(t testing.TB) string {
	path, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	out, err := exec.Command(path, "-c", "import sys; print(sys.version_info[:2] == (3, 11))").Output()
	if err != nil || strings.TrimSpace(string(out)) != "True" {
		t.Skip("python3 is not CPython 3.11")
	}
	return path
}

// runPython runs script with the JSON of in on its stdin and decodes its JSON output.
func runPython(t *testing.T, script string, in, out any) {
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python3(t), "-c", script)
	cmd.Stdin = strings.NewReader(string(data))
	res, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	if err := json.Unmarshal(res, out); err != nil {
		t.Fatal(err)
	}
}

// dumpScript prints, for each source in its input, the ast.Dump of each top-level statement
// of CPython's tree, translated to package ast's names and conventions. Spans CPython does
// not record (arguments, with items, comprehensions) print as @0:0-0:0.
const dumpScript = `
import ast, io, json, math, sys, tokenize

FIELDS = {
 'Expr': ('ExprStmt', [('X','value')]),
 'Assign': ('Assign', [('Targets','targets'),('Value','value')]),
 'AugAssign': ('AugAssign', [('Target','target'),('Op','op'),('Value','value')]),
 'AnnAssign': ('AnnAssign', [('Target','target'),('Annotation','annotation'),('Value','value'),('Simple','simple')]),
 'If': ('If', [('Cond','test'),('Body','body'),('Else','orelse')]),
 'While': ('While', [('Cond','test'),('Body','body'),('Else','orelse')]),
 'For': ('For', [('Async',None),('Target','target'),('Iter','iter'),('Body','body'),('Else','orelse')]),
 'AsyncFor': ('For', [('Async',True),('Target','target'),('Iter','iter'),('Body','body'),('Else','orelse')]),
 'Break': ('Break', []), 'Continue': ('Continue', []), 'Pass': ('Pass', []),
 'Return': ('Return', [('Value','value')]),
 'FunctionDef': ('FuncDef', [('Async',None),('Name','name'),('Args','args'),('Returns','returns'),('Body','body'),('Decorators','decorator_list')]),
 'AsyncFunctionDef': ('FuncDef', [('Async',True),('Name','name'),('Args','args'),('Returns','returns'),('Body','body'),('Decorators','decorator_list')]),
 'ClassDef': ('ClassDef', [('Name','name'),('Bases','bases'),('Keywords','keywords'),('Body','body'),('Decorators','decorator_list')]),
 'Try': ('Try', [('Body','body'),('Handlers','handlers'),('Else','orelse'),('Finally','finalbody'),('Star',None)]),
 'TryStar': ('Try', [('Body','body'),('Handlers','handlers'),('Else','orelse'),('Finally','finalbody'),('Star',True)]),
 'ExceptHandler': ('ExceptHandler', [('Type','type'),('Name','name'),('Body','body')]),
 'Raise': ('Raise', [('Exc','exc'),('Cause','cause')]),
 'With': ('With', [('Async',None),('Items','items'),('Body','body')]),
 'AsyncWith': ('With', [('Async',True),('Items','items'),('Body','body')]),
 'withitem': ('WithItem', [('Context','context_expr'),('Target','optional_vars')]),
 'Import': ('Import', [('Names','names')]),
 'ImportFrom': ('ImportFrom', [('Module','module'),('Names','names'),('Level','level')]),
 'alias': ('Alias', [('Name','name'),('AsName','asname')]),
 'Global': ('Global', [('Names','names')]),
 'Nonlocal': ('Nonlocal', [('Names','names')]),
 'Assert': ('Assert', [('Test','test'),('Msg','msg')]),
 'Delete': ('Delete', [('Targets','targets')]),
 'arguments': ('Arguments', [('PosOnly','posonlyargs'),('Args','args'),('Vararg','vararg'),('KwOnly','kwonlyargs'),('KwDefaults','kw_defaults'),('Kwarg','kwarg'),('Defaults','defaults')]),
 'arg': ('Arg', [('Name','arg'),('Annotation','annotation')]),
 'keyword': ('Keyword', [('Arg','arg'),('Value','value')]),
 'Name': ('Name', [('ID','id')]),
 'Constant': ('Constant', [('Value','value')]),
 'JoinedStr': ('JoinedStr', [('Values','values')]),
 'FormattedValue': ('FormattedValue', [('Value','value'),('Conversion','conversion'),('FormatSpec','format_spec')]),
 'BinOp': ('BinOp', [('X','left'),('Op','op'),('Y','right')]),
 'UnaryOp': ('UnaryOp', [('Op','op'),('X','operand')]),
 'BoolOp': ('BoolOp', [('Op','op'),('Values','values')]),
 'Compare': ('Compare', [('Left','left'),('Ops','ops'),('Comparators','comparators')]),
 'IfExp': ('IfExp', [('Test','test'),('Body','body'),('Else','orelse')]),
 'Lambda': ('Lambda', [('Args','args'),('Body','body')]),
 'NamedExpr': ('NamedExpr', [('Target','target'),('Value','value')]),
 'Call': ('Call', [('Func','func'),('Args','args'),('Keywords','keywords')]),
 'Attribute': ('Attribute', [('X','value'),('Name','attr')]),
 'Subscript': ('Subscript', [('X','value'),('Index','slice')]),
 'Slice': ('Slice', [('Lower','lower'),('Upper','upper'),('Step','step')]),
 'Starred': ('Starred', [('X','value')]),
 'List': ('List', [('Elts','elts')]),
 'Tuple': ('Tuple', [('Elts','elts'),('Paren',None)]),
 'Set': ('Set', [('Elts','elts')]),
 'Dict': ('Dict', [('Keys','keys'),('Values','values')]),
 'ListComp': ('ListComp', [('Elt','elt'),('Generators','generators')]),
 'SetComp': ('SetComp', [('Elt','elt'),('Generators','generators')]),
 'GeneratorExp': ('GeneratorExp', [('Elt','elt'),('Generators','generators')]),
 'DictComp': ('DictComp', [('Key','key'),('Value','value'),('Generators','generators')]),
 'comprehension': ('Comprehension', [('Async','is_async'),('Target','target'),('Iter','iter'),('Ifs','ifs')]),
 'Await': ('Await', [('X','value')]),
 'Yield': ('Yield', [('Value','value')]),
 'YieldFrom': ('YieldFrom', [('X','value')]),
}

ESCAPES = {'\a':'\\a','\b':'\\b','\f':'\\f','\n':'\\n','\r':'\\r','\t':'\\t','\v':'\\v'}

def quote(b):
    # strconv.Quote of a Go string holding the bytes b
    out = ['"']
    i = 0
    while i < len(b):
        r, n = None, 1
        for k in (1, 2, 3, 4):
            try:
                ch = b[i:i+k].decode('utf-8')
                if len(ch) == 1: r, n = ord(ch), k
                break
            except UnicodeDecodeError:
                continue
        if r is None:
            out.append('\\x%02x' % b[i]); i += 1; continue
        i += n
        ch = chr(r)
        if ch == '"': out.append('\\"')
        elif ch == '\\': out.append('\\\\')
        elif ch in ESCAPES: out.append(ESCAPES[ch])
        elif ch == ' ' or (ch.isprintable() and r != 0xad): out.append(ch)
        elif r < 0x80: out.append('\\x%02x' % r)
        elif r < 0x10000: out.append('\\u%04x' % r)
        else: out.append('\\U%08x' % r)
    out.append('"')
    return ''.join(out)

def gofloat(f):
    if math.isinf(f): return '+Inf' if f > 0 else '-Inf'
    if math.isnan(f): return 'NaN'
    r = repr(f)
    neg = r.startswith('-')
    if neg: r = r[1:]
    mant, _, exp = r.partition('e')
    exp = int(exp or 0)
    ip, _, fp = mant.partition('.')
    if fp == '0': fp = ''
    digits = (ip + fp).lstrip('0')
    if not digits: return '-0' if neg else '0'
    point = len(ip) + exp - ((len(ip) + len(fp)) - len((ip + fp).lstrip('0')))
    # value = 0.digits * 10**point
    digits = digits.rstrip('0')
    e = point - 1
    if e < -4 or e >= 6:
        m = digits[0] + ('.' + digits[1:] if len(digits) > 1 else '')
        s = '%se%s%02d' % (m, '-' if e < 0 else '+', abs(e))
    elif point <= 0:
        s = '0.' + '0' * (-point) + digits
    elif point >= len(digits):
        s = digits + '0' * (point - len(digits))
    else:
        s = digits[:point] + '.' + digits[point:]
    return ('-' if neg else '') + s

class Dumper:
    def __init__(self, src):
        self.lines = src.split('\n')
        self.src = src
    def pos(self, line, col):
        text = self.lines[line-1].encode('utf-8')
        return '%d:%d' % (line, len(text[:col].decode('utf-8', 'replace')) + 1)
    def span(self, n):
        if not hasattr(n, 'lineno'): return ' @0:0-0:0'
        return ' @%s-%s' % (self.pos(n.lineno, n.col_offset), self.pos(n.end_lineno, n.end_col_offset))
    def offset(self, line, col):
        return sum(len(l) + 1 for l in self.lines[:line-1]) + len(self.lines[line-1].encode()[:col].decode('utf-8', 'replace'))
    def paren(self, n):
        seg = self.src[self.offset(n.lineno, n.col_offset):self.offset(n.end_lineno, n.end_col_offset)]
        if not (seg.startswith('(') and seg.endswith(')')): return False
        depth = 0
        toks = [t for t in tokenize.generate_tokens(io.StringIO(seg).readline) if t.type == tokenize.OP]
        for i, t in enumerate(toks):
            if t.string in '([{': depth += 1
            elif t.string in ')]}':
                depth -= 1
                if depth == 0: return i == len(toks) - 1
        return False
    def value(self, v, d):
        if isinstance(v, ast.AST):
            if isinstance(v, (ast.operator, ast.unaryop, ast.boolop, ast.cmpop)): return type(v).__name__
            return self.node(v, d)
        if isinstance(v, list):
            return '[' + ''.join('\n' + '  '*(d+1) + self.value(x, d+1) for x in v) + ']'
        if v is None: return 'nil'
        if v is True: return 'true'
        if v is False: return 'false'
        if v is Ellipsis: return 'Ellipsis'
        if isinstance(v, str): return quote(''.join('\ufffd' if 0xd800 <= ord(c) < 0xe000 else c for c in v).encode())
        if isinstance(v, bytes): return quote(v)
        if isinstance(v, int): return str(v)
        if isinstance(v, float): return gofloat(v)
        if isinstance(v, complex): return '(%s%s%si)' % (gofloat(v.real), '' if v.imag < 0 or math.isnan(v.imag) else '+', gofloat(v.imag))
        return repr(v)
    def node(self, n, d):
        name, fields = FIELDS[type(n).__name__]
        out = [name, self.span(n), ' {']
        for gname, pname in fields:
            if pname is None: v = self.paren(n) if gname == 'Paren' else False
            elif pname is True: v = True
            else: v = getattr(n, pname)
            if gname in ('Async', 'Simple', 'Star'): v = bool(v)
            if gname == 'Conversion':
                if v < 0: continue
                out.append('\n' + '  '*(d+1) + 'Conversion: ' + repr(chr(v)))
                continue
            if v is None or (name != 'Constant' and (v is False or v == 0 and type(v) is int or v == '' or v == [])): continue
            out.append('\n' + '  '*(d+1) + gname + ': ' + self.value(v, d+1))
        out.append('}')
        return ''.join(out)

res = []
for src in json.load(sys.stdin):
    d = Dumper(src)
    res.append([d.node(s, 0) + '\n' for s in ast.parse(src).body])
json.dump(res, sys.stdout)
`

// comparable returns the dump of each statement of m in the form dumpScript prints:
// self-documenting f-string fields are spelled out as CPython stores them, and the spans
// CPython does not record are zeroed.
func comparable(m *ast.Module) []string {
	ast.Inspect(m, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Arguments:
			n.Span = ast.Span{}
		case *ast.WithItem:
			n.Span = ast.Span{}
		case *ast.Comprehension:
			n.Span = ast.Span{}
		case *ast.JoinedStr:
			n.Values = spellDebugText(n.Values)
		}
		return true
	})
	var out []string
	for _, s := range m.Body {
		out = append(out, ast.Dump(s))
	}
	return out
}

// spellDebugText replaces the DebugText of self-documenting fields by the Constant CPython
// puts before them, merged with the literal text around it.
func spellDebugText(values []ast.Expr) []ast.Expr {
	var out []ast.Expr
	for _, v := range values {
		fv, ok := v.(*ast.FormattedValue)
		if !ok || fv.DebugText == "" {
			out = append(out, v)
			continue
		}
		text := fv.DebugText
		if n := len(out); n > 0 {
			if c, ok := out[n-1].(*ast.Constant); ok {
				text = c.Value.(string) + text
				out = out[:n-1]
			}
		}
		out = append(out, &ast.Constant{Span: fv.Span, Value: text}, fv)
		fv.DebugText = ""
	}
	return out
}

func TestMatchesCPythonAST(t *testing.T) {
	files := testPrograms(t)
	var srcs []string
	for _, f := range files {
		srcs = append(srcs, f.src)
	}
	var want [][]string
	runPython(t, dumpScript, srcs, &want)
	for i, f := range files {
		m, err := ParseFile(f.name, []byte(f.src))
		if err != nil {
			t.Errorf("%s: %v", f.name, err)
			continue
		}
		got := comparable(m)
		if len(got) != len(want[i]) {
			t.Errorf("%s: %d statements, CPython has %d", f.name, len(got), len(want[i]))
			continue
		}
		for j := range got {
			if got[j] != want[i][j] {
				t.Errorf("%s: statement %d differs from CPython's:\n%s", f.name, j+1, diffLines(got[j], want[i][j]))
				break
			}
		}
	}
}

// diffLines shows the first differing line of two dumps, with some context.
func diffLines(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			from := max(0, i-6)
			return "context:\n" + strings.Join(g[from:i], "\n") + "\ngot:  " + g[i] + "\nwant: " + w[i]
		}
	}
	return "got:\n" + got + "\nwant:\n" + want
}

// mutations returns broken variants of the test programs: each has one line changed by
// inserting a token, deleting a character or deleting a few.
func mutations(t *testing.T) []string {
	rng := rand.New(rand.NewSource(1))
	inserts := []string{")", "(", ":", "=", ",", "x", "1", "if", "else", "**", "*", "lambda", "[", "]",
		".", "def", "\n", " for ", "'", "async", "await", "yield", "return", "@", "not", "in", "import"}
	var srcs []string
	for _, p := range testPrograms(t) {
		lines := strings.Split(p.src, "\n")
		for k := 0; k < 60; k++ {
			i := rng.Intn(len(lines))
			line := lines[i]
			if strings.TrimSpace(line) == "" {
				continue
			}
			j := rng.Intn(len(line) + 1)
			switch e := min(j+1+rng.Intn(4), len(line)); rng.Intn(3) {
			case 0:
				line = line[:j] + inserts[rng.Intn(len(inserts))] + line[j:]
			case 1:
				line = line[:j] + line[min(j+1, len(line)):]
			default:
				line = line[:j] + line[e:]
			}
			mutated := append([]string(nil), lines...)
			mutated[i] = line
			srcs = append(srcs, strings.Join(mutated, "\n"))
		}
	}
	return srcs
}

// TestMutationsMatchCPython breaks the test programs in a thousand ways and checks that the
// errors agree with CPython's: whether there is one, and its message, line and column. A
// few of CPython's guesses are not emulated (and some differences are the lexer's), so the
// test asks for 97% agreement and logs the rest.
func TestMutationsMatchCPython(t *testing.T) {
	srcs := mutations(t)
	var want [][]any
	runPython(t, syntaxErrorScript, srcs, &want)
	total, same := 0, 0
	for i, src := range srcs {
		_, err := ParseFile("x.aio", []byte(src))
		if want[i] == nil && err == nil {
			continue
		}
		total++
		var le *lexer.Error
		got, exp := "no error", "no error"
		if errors.As(err, &le) {
			got = fmt.Sprintf("%s @%d:%d", le.Msg, le.Line, le.Col)
		}
		if w := want[i]; w != nil {
			exp = fmt.Sprintf("%s @%d:%d", w[1], int(w[2].(float64)), int(w[3].(float64)))
		}
		if got == exp {
			same++
			continue
		}
		t.Logf("got %s, CPython %s for:\n%s", got, exp, src)
	}
	if same < total*97/100 {
		t.Errorf("%d of %d errors agree with CPython's", same, total)
	}
}

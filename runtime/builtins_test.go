package runtime

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// The container and builtin tests are tables of small Python programs with CPython's
// results. A program is statements separated by "; " (assignments `name = expr` or
// expressions), and its result is what it printed followed by the repr of the last
// expression, or "ExcType: message" if it raised. The expressions are the subset that
// evalExpr below understands: literals, names, calls with keyword arguments, attributes,
// subscripts and unary minus. TestCasesMatchCPython re-derives every expectation with python3.

type evalCase struct{ src, want string }

// testHelpers are functions the programs may call besides the builtins; cpythonRunner
// defines the same ones in Python.
var testHelpers = map[string]Value{
	"neg": NewBuiltin("neg", func(th *Thread, args []Value, kw []Kwarg) (Value, error) {
		return Unary(th, OpNeg, args[0])
	}),
	"first": NewBuiltin("first", func(th *Thread, args []Value, kw []Kwarg) (Value, error) {
		return GetItem(th, args[0], Int(0))
	}),
	"same": NewBuiltin("same", func(th *Thread, args []Value, kw []Kwarg) (Value, error) {
		return Bool(args[0].Is(args[1])), nil
	}),
	"make_counter": NewBuiltin("make_counter", func(th *Thread, args []Value, kw []Kwarg) (Value, error) {
		n := int64(-1)
		return NewBuiltin("counter", func(th *Thread, args []Value, kw []Kwarg) (Value, error) {
			n++
			return Int(n), nil
		}), nil
	}),
	// sort_state sorts a list and returns the error message (or None) and the list, to
	// show the state a failed sort leaves behind.
	"sort_state": NewBuiltin("sort_state", func(th *Thread, args []Value, kw []Kwarg) (Value, error) {
		msg := None
		if _, err := CallMethodValue(th, ListType.Lookup("sort"), args[0], nil, kw...); err != nil {
			msg = NewStr(AsException(err).Message())
		}
		return NewTuple([]Value{msg, args[0]}), nil
	}),
}

const cpythonRunner = `
import io, json, sys, contextlib, itertools
neg = lambda x: -x
first = lambda x: x[0]
same = lambda a, b: a is b
make_counter = lambda: itertools.count().__next__
def sort_state(l, **kw):
    try:
        l.sort(**kw)
        return (None, l)
    except Exception as e:
        return (str(e), l)
out = []
for src in json.load(sys.stdin):
    env = {"neg": neg, "first": first, "sort_state": sort_state, "same": same,
           "make_counter": make_counter}
    buf = io.StringIO()
    parts = src.split("; ")
    try:
        with contextlib.redirect_stdout(buf):
            for p in parts[:-1]:
                exec(p, env)
            r = repr(eval(parts[-1], env))
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    out.append(buf.getvalue() + r)
json.dump(out, sys.stdout)
`

// runCases checks each program of cases.
func runCases(t *testing.T, cases []evalCase) {
	t.Helper()
	for _, c := range cases {
		if got := runProgram(c.src); got != c.want {
			t.Errorf("%s\n got: %s\nwant: %s", c.src, got, c.want)
		}
	}
}

// allCases lists every table, for the CPython cross-check.
var allCases = map[string]*[]evalCase{}

func registerCases(name string, cases *[]evalCase) bool {
	allCases[name] = cases
	return true
}

func TestCasesMatchCPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil || testing.Short() {
		t.Skip("python3 not available")
	}
	var srcs []string
	var wants []string
	for _, cases := range allCases {
		for _, c := range *cases {
			srcs = append(srcs, c.src)
			wants = append(wants, c.want)
		}
	}
	in, _ := json.Marshal(srcs)
	cmd := exec.Command(python, "-c", cpythonRunner)
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	for i, g := range got {
		if g != wants[i] {
			t.Errorf("CPython disagrees with the table on %s\nCPython: %s\n  table: %s", srcs[i], g, wants[i])
		}
	}
}

func runProgram(src string) string {
	var out bytes.Buffer
	th := NewThread(&out, &out, nil)
	env := Builtins()
	for k, v := range testHelpers {
		env[k] = v
	}
	var r Value
	var err error
	for _, stmt := range strings.Split(src, "; ") {
		name, expr := "", stmt
		if i := strings.Index(stmt, " = "); i > 0 && isIdent(stmt[:i]) {
			name, expr = stmt[:i], stmt[i+3:]
		}
		p := &exprParser{th: th, env: env, src: expr}
		if r, err = p.parse(); err != nil {
			break
		}
		if name != "" {
			env[name] = r
		}
	}
	if err != nil {
		e := AsException(err)
		return out.String() + e.Type().Name + ": " + StrOrPlaceholder(th, Ref(e))
	}
	s, err := Repr(th, r)
	if err != nil {
		return out.String() + "repr failed: " + err.Error()
	}
	return out.String() + s
}

func isIdent(s string) bool {
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	return s != ""
}

// exprParser evaluates one expression as it parses it.
type exprParser struct {
	th  *Thread
	env map[string]Value
	src string
	pos int
}

func (p *exprParser) parse() (Value, error) {
	v, err := p.expr()
	if err == nil && p.skip() < len(p.src) {
		panic(fmt.Sprintf("test program: trailing input at %d in %q", p.pos, p.src))
	}
	return v, err
}

func (p *exprParser) skip() int {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
	return p.pos
}

func (p *exprParser) peek(s string) bool {
	p.skip()
	return strings.HasPrefix(p.src[p.pos:], s)
}

func (p *exprParser) eat(s string) bool {
	if p.peek(s) {
		p.pos += len(s)
		return true
	}
	return false
}

func (p *exprParser) expect(s string) {
	if !p.eat(s) {
		panic(fmt.Sprintf("test program: expected %q at %d in %q", s, p.pos, p.src))
	}
}

// expr parses a postfix expression: an atom followed by calls, attributes and subscripts.
func (p *exprParser) expr() (Value, error) {
	if p.eat("-") {
		v, err := p.expr()
		if err != nil {
			return Value{}, err
		}
		return Unary(p.th, OpNeg, v)
	}
	v, err := p.atom()
	for err == nil {
		switch {
		case p.eat("("):
			args, kw, perr := p.args(")")
			if perr != nil {
				return Value{}, perr
			}
			v, err = Call(p.th, v, args, kw)
		case p.eat("."):
			v, err = GetAttr(p.th, v, p.ident())
		case p.eat("["):
			var k Value
			if k, err = p.expr(); err == nil {
				p.expect("]")
				v, err = GetItem(p.th, v, k)
			}
		default:
			return v, nil
		}
	}
	return Value{}, err
}

// args parses comma-separated arguments up to close; name=value ones become keywords.
func (p *exprParser) args(close string) ([]Value, []Kwarg, error) {
	var args []Value
	var kw []Kwarg
	for !p.eat(close) {
		save := p.pos
		if name := p.ident(); name != "" && p.peek("=") && !p.peek("==") {
			p.expect("=")
			v, err := p.expr()
			if err != nil {
				return nil, nil, err
			}
			kw = append(kw, Kwarg{Name: name, Value: v})
		} else {
			p.pos = save
			v, err := p.expr()
			if err != nil {
				return nil, nil, err
			}
			args = append(args, v)
		}
		if !p.eat(",") {
			p.expect(close)
			break
		}
	}
	return args, kw, nil
}

func (p *exprParser) ident() string {
	p.skip()
	start := p.pos
	for p.pos < len(p.src) && (p.src[p.pos] == '_' || isAlnum(p.src[p.pos])) {
		p.pos++
	}
	return p.src[start:p.pos]
}

func isAlnum(c byte) bool { return c < 128 && (unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))) }

func (p *exprParser) atom() (Value, error) {
	p.skip()
	switch {
	case p.eat("("):
		items, _, err := p.args(")")
		if err != nil || len(items) == 1 && !strings.HasSuffix(strings.TrimSpace(p.src[:p.pos-1]), ",") {
			if err != nil {
				return Value{}, err
			}
			return items[0], nil
		}
		return NewTuple(items), nil
	case p.eat("["):
		items, _, err := p.args("]")
		return NewList(items), err
	case p.eat("{"):
		return p.braces()
	case p.peek("'") || p.peek("\""):
		return NewStr(p.str()), nil
	case p.peek("b'"):
		p.pos++
		return NewBytes(p.str()), nil
	case p.pos < len(p.src) && (p.src[p.pos] >= '0' && p.src[p.pos] <= '9' || p.src[p.pos] == '.'):
		return p.number(), nil
	}
	name := p.ident()
	switch name {
	case "None":
		return None, nil
	case "True":
		return True, nil
	case "False":
		return False, nil
	}
	v, ok := p.env[name]
	if !ok {
		panic(fmt.Sprintf("test program: unknown name %q in %q", name, p.src))
	}
	return v, nil
}

// braces parses a dict or set display; {} is a dict.
func (p *exprParser) braces() (Value, error) {
	d, s := NewDict(), NewSet()
	isSet := false
	for !p.eat("}") {
		k, err := p.expr()
		if err != nil {
			return Value{}, err
		}
		if p.eat(":") {
			v, err := p.expr()
			if err != nil {
				return Value{}, err
			}
			err = d.Set(p.th, k, v)
		} else {
			isSet = true
			err = s.Add(p.th, k)
		}
		if err != nil {
			return Value{}, err
		}
		if !p.eat(",") {
			p.expect("}")
			break
		}
	}
	if isSet {
		return Ref(s), nil
	}
	return Ref(d), nil
}

func (p *exprParser) str() string {
	q := p.src[p.pos]
	p.pos++
	var b strings.Builder
	for p.src[p.pos] != q {
		c := p.src[p.pos]
		p.pos++
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		c = p.src[p.pos]
		p.pos++
		switch c {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
			r, _ := strconv.ParseUint(p.src[p.pos:p.pos+n], 16, 32)
			p.pos += n
			b.WriteRune(rune(r))
		default:
			b.WriteByte(c)
		}
	}
	p.pos++
	return b.String()
}

func (p *exprParser) number() Value {
	start := p.pos
	for p.pos < len(p.src) && (isAlnum(p.src[p.pos]) || p.src[p.pos] == '.' ||
		(p.src[p.pos] == '-' || p.src[p.pos] == '+') && (p.src[p.pos-1] == 'e')) {
		p.pos++
	}
	lit := p.src[start:p.pos]
	if strings.ContainsAny(lit, ".e") && !strings.HasPrefix(lit, "0x") {
		f, err := strconv.ParseFloat(lit, 64)
		if err != nil {
			panic(err)
		}
		return Float(f)
	}
	n, ok := new(big.Int).SetString(lit, 0)
	if !ok {
		panic("test program: bad number " + lit)
	}
	return MakeBig(n)
}
